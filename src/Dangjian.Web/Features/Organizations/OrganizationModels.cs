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
    bool CanWrite,
    OrganizationRef? MergedInto,
    IReadOnlyList<OrganizationRef> MergedFrom);

public sealed record OrganizationRef(int Id, string Code, string Name, OrganizationKind Kind);

public sealed record CreateOrganizationRequest(string? Code, string? Name, OrganizationKind? Kind, int? ParentId);

public sealed record UpdateOrganizationRequest(string? Code, string? Name, OrganizationKind? Kind, int Version);

public sealed record MoveOrganizationRequest(int? ParentId, int Version);

public sealed record DissolveOrganizationRequest(DateOnly? On, int Version);

/// <summary>Merge this organization (B) into <see cref="IntoId"/> (A) on <see cref="On"/> (today when not given) — ORG-1.</summary>
public sealed record MergeOrganizationRequest(int? IntoId, DateOnly? On, int Version);

/// <summary>
/// What a merger of B into A would do, shown before it is confirmed: what moves to A, what stops it (work under way in B,
/// see <see cref="MergeBlockers"/>) and the accounts whose roles on B give them nothing once B is dissolved.
/// </summary>
public sealed record MergePreview(
    OrganizationRef From,
    OrganizationRef Into,
    int People,
    int SubOrganizations,
    int Units,
    int ServiceRequests,
    int RectificationNotices,
    MergeBlockers Blockers,
    int AccountsWithRoles,
    string? Refusal);

/// <summary>Strings of the organization pages (OrganizationText.resx, OrganizationText.en.resx).</summary>
public sealed class OrganizationText;
