using Dangjian.Domain.Common;

namespace Dangjian.Domain.Teams;

/// <summary>
/// 领导班子 of one organization for one term (届, ORG-2). The term runs from <see cref="StartsOn"/> to
/// <see cref="EndsOn"/>, both days included. Its end date drives the term-expiry list that opens elections (ELE-1).
/// </summary>
public sealed class LeadershipTeam : IVersioned
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>届次: 1 for the first term, then up by one per election.</summary>
    public int TermNumber { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public List<TeamPosition> Positions { get; set; } = [];

    public int Version { get; set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && day <= EndsOn;

    /// <summary>The term as the rules see it.</summary>
    public TermSpan Span() => new(Id, TermNumber, StartsOn, EndsOn);

    /// <summary>
    /// A change of member during the term (ORG-2): the seat <paramref name="seatId"/> ends the day before <paramref name="on"/>
    /// and <paramref name="personId"/> takes a new seat of the same role and portfolio from <paramref name="on"/>; both seats
    /// are kept, so who served when stays on record. Refused, changing nothing, when the seat has already ended by then,
    /// <paramref name="on"/> is not after the seat's first day or past the term's end, or the seats would break
    /// <see cref="TermRules.EnsureSeatsValid(TermSpan, IReadOnlyList{Seat})"/>.
    /// </summary>
    public TeamPosition Replace(int seatId, int personId, DateOnly on)
    {
        SaneDates.Demand(on, "on", "Field.ReplacedOn");
        var seat = Positions.FirstOrDefault(p => p.Id == seatId) ?? throw new DomainRuleException("Team.SeatUnknown", "seatId");
        var from = seat.StartsOn ?? StartsOn;
        if (on <= from || on > EndsOn)
        {
            throw new DomainRuleException("Team.ReplaceOutsideSeat", "on", DateText(from.AddDays(1)), DateText(EndsOn));
        }

        if (seat.EndsOn is { } ended && ended < on)
        {
            throw new DomainRuleException("Team.SeatEnded", "on", DateText(ended));
        }

        var next = new TeamPosition { TeamId = Id, PersonId = personId, Role = seat.Role, Portfolio = seat.Portfolio, StartsOn = on, EndsOn = seat.EndsOn };
        var seats = Positions.Select(p => p.Id == seatId ? new Seat(p.PersonId, p.Role, p.StartsOn, on.AddDays(-1)) : p.AsSeat()).Append(next.AsSeat()).ToList();
        TermRules.EnsureSeatsValid(Span(), seats);
        seat.EndsOn = on.AddDays(-1);
        Positions.Add(next);
        return next;
    }

    private static string DateText(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One person's seat in a team: role, portfolio (分管) and the seat's own days (ORG-2). A seat left without days runs the
/// whole term; a member replaced during the term has a seat ending the day before their successor's starts.
/// </summary>
public sealed class TeamPosition
{
    public const int MaxPortfolioLength = 200;

    public int Id { get; set; }

    public int TeamId { get; set; }

    public int PersonId { get; set; }

    public TeamRole Role { get; set; }

    /// <summary>分管 — the work this member is in charge of, as free text ("组织、宣传").</summary>
    public string? Portfolio { get; set; }

    /// <summary>The seat's first day; null: the term's first day.</summary>
    public DateOnly? StartsOn { get; set; }

    /// <summary>The seat's last day; null: as long as the team serves.</summary>
    public DateOnly? EndsOn { get; set; }

    /// <summary>The seat as the rules see it.</summary>
    public Seat AsSeat() => new(PersonId, Role, StartsOn, EndsOn);

    /// <summary>
    /// Whether the seat is held on <paramref name="day"/>, its team being in office that day (<see cref="TermRules.SeatHeldOn"/>):
    /// begun (a seat without a first day began with the term) and not ended (ORG-2: a member replaced during the term has left).
    /// <see cref="Dangjian.Domain.Teams"/> queries use the same test in SQL (TeamsInOffice.HeldOn).
    /// </summary>
    public bool IsHeldOn(DateOnly day) => (StartsOn is null || StartsOn <= day) && (EndsOn is null || day <= EndsOn);
}
