using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Delegates.Roster;

// ---- Requests

/// <summary>A congress of an organization: 第 N 届, its first day and (when planned) its last.</summary>
public sealed record OpenTermRequest(int? OrganizationId, int? Number, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>A delegation of the term, standing for an organization of the tree when one is named.</summary>
public sealed record FormDelegationRequest(string? Name, int? ConstituencyOrganizationId);

/// <summary>Seats a person of the term's organization in a delegation, linked to the election project that elected them, if given.</summary>
public sealed record SeatDelegateRequest(int? DelegationId, int? PersonId, int? ElectionProjectId);

/// <summary>Ends a seat on a day, for a reason.</summary>
public sealed record EndSeatRequest(DateOnly? EndedOn, string? Reason, int Version);

// ---- Views

public sealed record CongressTermView(
    int Id, int OrganizationId, string OrganizationName, int Number, DateOnly StartsOn, DateOnly? EndsOn, int Seats, int Serving, int Version);

public sealed record DelegationView(int Id, string Name, int? ConstituencyOrganizationId, string? ConstituencyName, int Serving, int Version);

public sealed record DelegateSeatView(
    int Id, int PersonId, string Name, string OrganizationName, int DelegationId, string DelegationName, int? ElectionProjectId, string? ElectionProjectTitle,
    DelegateStatus Status, DateOnly? EndedOn, string? EndReason, int Version);

/// <summary>The terms of an organization's subtree, newest first, and whether the caller manages them.</summary>
public sealed record TermListView(IReadOnlyList<CongressTermView> Terms, bool CanManage);

/// <summary>A term's roster: its delegations and a page of its seats (filtered by delegation, status and name).</summary>
public sealed record RosterView(CongressTermView Term, IReadOnlyList<DelegationView> Delegations, Paged<DelegateSeatView> Seats, bool CanManage);
