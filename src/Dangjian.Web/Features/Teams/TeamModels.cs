using Dangjian.Domain.Organizations;
using Dangjian.Domain.Teams;

namespace Dangjian.Web.Features.Teams;

public sealed record TeamView(
    int Id,
    int OrganizationId,
    string OrganizationName,
    int TermNumber,
    DateOnly StartsOn,
    DateOnly EndsOn,
    bool Current,
    int Version,
    IReadOnlyList<SeatView> Positions);

public sealed record SeatView(int PersonId, string PersonName, TeamRole Role, string? Portfolio);

public sealed record SeatRequest(int? PersonId, TeamRole? Role, string? Portfolio);

public sealed record TeamRequest(int? OrganizationId, int? TermNumber, DateOnly? StartsOn, DateOnly? EndsOn, IReadOnlyList<SeatRequest>? Positions, int Version = 0);

/// <summary>An organization whose term ends soon or has ended without a new one (ORG-2, ELE-1).</summary>
public sealed record ExpiringTerm(
    int OrganizationId,
    string OrganizationCode,
    string OrganizationName,
    OrganizationKind Kind,
    int TeamId,
    int TermNumber,
    DateOnly EndsOn,
    int DaysLeft,
    TermExpiryState State,
    string? SecretaryName);

/// <summary>Strings of the team pages (TeamText.resx, TeamText.en.resx).</summary>
public sealed class TeamText;
