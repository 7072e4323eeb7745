using Dangjian.Domain.Organizations;

namespace Dangjian.Web.Features.Organizations;

/// <summary>A node of the tree page and a row of the organization list, with its counts.</summary>
public sealed record OrganizationNode(
    int Id,
    string Code,
    string Name,
    OrganizationKind Kind,
    int? ParentId,
    string Path,
    OrganizationStatus Status,
    int PeopleOnRoll,
    int PeopleInSubtree,
    int ChildCount);

public sealed record OrganizationDetail(
    int Id,
    string Code,
    string Name,
    OrganizationKind Kind,
    int? ParentId,
    string? ParentName,
    string Path,
    OrganizationStatus Status,
    DateOnly? DissolvedOn,
    int Version,
    IReadOnlyList<OrganizationRef> Ancestors,
    bool CanWrite);

public sealed record OrganizationRef(int Id, string Code, string Name, OrganizationKind Kind);

public sealed record CreateOrganizationRequest(string? Code, string? Name, OrganizationKind? Kind, int? ParentId);

public sealed record UpdateOrganizationRequest(string? Code, string? Name, OrganizationKind? Kind, int Version);

public sealed record MoveOrganizationRequest(int? ParentId, int Version);

public sealed record DissolveOrganizationRequest(DateOnly? On, int Version);

/// <summary>Strings of the organization pages (OrganizationText.resx, OrganizationText.en.resx).</summary>
public sealed class OrganizationText;
