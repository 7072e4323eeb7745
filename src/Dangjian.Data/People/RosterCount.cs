using Dangjian.Domain.People;

namespace Dangjian.Data.People;

/// <summary>
/// How many people are on an organization's roster (not removed) with a status and a cadre mark. The database keeps it:
/// triggers on People add and take away one on every insert, delete and change of those columns (migration
/// <c>RosterCounts</c>), so no code path, bulk COPY or raw UPDATE can leave it behind. The roster's count sums these
/// rows over the organizations in scope instead of reading a province's million people on every page (ORG-3).
/// </summary>
public sealed class RosterCount
{
    public int OrganizationId { get; set; }

    public MemberStatus Status { get; set; }

    public bool IsCadre { get; set; }

    public int Count { get; set; }
}
