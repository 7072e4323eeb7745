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

/// <summary>A seat as shown: its own days (null: the term's first day / while the team serves) and whether it is held today (ORG-2).</summary>
public sealed record SeatView(int PersonId, string PersonName, TeamRole Role, string? Portfolio, int Id = 0, DateOnly? StartsOn = null, DateOnly? EndsOn = null, bool Held = true);

/// <summary>A seat of a team as recorded: <see cref="StartsOn"/> and <see cref="EndsOn"/> left out run the whole term.</summary>
public sealed record SeatRequest(int? PersonId, TeamRole? Role, string? Portfolio, DateOnly? StartsOn = null, DateOnly? EndsOn = null);

/// <summary>A change of member during the term: the seat's holder leaves the day before <see cref="On"/>, <see cref="PersonId"/> serves from it.</summary>
public sealed record ReplaceSeatRequest(int? PersonId, DateOnly? On, int Version);

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
