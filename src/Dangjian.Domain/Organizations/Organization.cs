using Dangjian.Domain.Common;

namespace Dangjian.Domain.Organizations;

/// <summary>
/// 党组织 (ORG-1). The tree is kept as a materialized path of ids ("/1/4/27/"), so "this organization
/// and everything under it" is one indexed prefix match — the query every scope check and roster filter runs.
/// </summary>
public sealed class Organization : IVersioned
{
    public const int MaxNameLength = 100;
    public const int MaxCodeLength = 32;

    public int Id { get; set; }

    /// <summary>组织代码: unique, stable; used by Excel rosters to name an organization.</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public OrganizationKind Kind { get; set; }

    public int? ParentId { get; set; }

    /// <summary>Ids from the root down to this node, each followed by '/': "/1/4/27/".</summary>
    public string Path { get; set; } = "/";

    public OrganizationStatus Status { get; set; }

    public DateOnly? DissolvedOn { get; set; }

    /// <summary>Sibling order on the tree page.</summary>
    public int SortOrder { get; set; }

    public int Version { get; set; }

    public bool IsActive => Status == OrganizationStatus.Active;

    public int Depth => OrganizationTree.Depth(Path);
}
