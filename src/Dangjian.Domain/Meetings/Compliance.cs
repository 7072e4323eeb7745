using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>One period of a frequency: a month, quarter, half year or year, both days included.</summary>
public readonly record struct MeetingPeriod(DateOnly Start, DateOnly End, MeetingFrequency Frequency)
{
    /// <summary>The period's number within its year, from 1 (the month, the quarter …).</summary>
    public int Index => ((Start.Month - 1) / (int)Frequency) + 1;

    public bool Contains(DateOnly day) => Start <= day && day <= End;

    /// <summary>The next period; the last one DateOnly holds has none after it and answers itself.</summary>
    public MeetingPeriod Next() => End == DateOnly.MaxValue ? this : Of(End.AddDays(1), Frequency);

    /// <summary>The period before; the first one DateOnly holds answers itself.</summary>
    public MeetingPeriod Previous() => Start == DateOnly.MinValue ? this : Of(Start.AddDays(-1), Frequency);

    /// <summary>The period of the frequency that contains the day.</summary>
    public static MeetingPeriod Of(DateOnly day, MeetingFrequency frequency)
    {
        var months = (int)frequency;
        var start = new DateOnly(day.Year, ((day.Month - 1) / months * months) + 1, 1);

        // The period's last month is in the same year (periods divide the year), so no day past 9999-12-31 is computed.
        var lastMonth = start.Month + months - 1;
        return new(start, new DateOnly(start.Year, lastMonth, DateTime.DaysInMonth(start.Year, lastMonth)), frequency);
    }

    /// <summary>The periods of a calendar year, in order.</summary>
    public static IReadOnlyList<MeetingPeriod> OfYear(int year, MeetingFrequency frequency) =>
        [.. Enumerable.Range(0, 12 / (int)frequency).Select(i => Of(new DateOnly(year, (i * (int)frequency) + 1, 1), frequency))];
}

public enum PeriodState
{
    /// <summary>At least one meeting of the type was held in the period.</summary>
    Held,

    /// <summary>The period has ended without one.</summary>
    Overdue,

    /// <summary>The current period: none held yet, there is still time.</summary>
    Due,

    /// <summary>A period still to come.</summary>
    Upcoming,

    /// <summary>Not required: before the organization was founded or before counting starts, or after it was dissolved.</summary>
    NotRequired,
}

/// <summary>An organization's standing on one required type.</summary>
public enum ComplianceState
{
    /// <summary>Every ended period had its meeting and the current one is held.</summary>
    Ok,

    /// <summary>Nothing missed, but the current period still needs its meeting.</summary>
    Due,

    /// <summary>An ended period had no meeting.</summary>
    Overdue,
}

public sealed record PeriodResult(MeetingPeriod Period, PeriodState State, int Held);

/// <summary>One required type for one year, as of a day.</summary>
public sealed record ComplianceResult(
    ComplianceRequirement Requirement,
    int Year,
    DateOnly AsOf,
    IReadOnlyList<PeriodResult> Periods,
    int HeldThisYear,
    int OverdueCount,
    bool PreviousPeriodMissed,
    DateOnly? LastHeld,
    DateOnly? NextDue,
    ComplianceState State);

/// <summary>
/// 三会一课 (MTG-9): whether an organization held each required meeting in each period. A meeting counts when it was held
/// (<see cref="MeetingStatus.Closed"/>, or <see cref="MeetingStatus.InProgress"/>: it has taken place) in the period by
/// its date, on or before the reference day. A period that ended without one is overdue; the current period is only due
/// (there is still time up to its last day). Periods that began before counting starts (the later of the configured start
/// and the founding day) or ended after the organization was dissolved are not required: an organization is asked for a
/// period only when it existed for the whole of it.
/// </summary>
public static class ComplianceCheck
{
    public static bool Counts(MeetingStatus status) => status is MeetingStatus.Closed or MeetingStatus.InProgress;

    /// <param name="requirement">The type and its frequency.</param>
    /// <param name="heldOn">The days meetings of the type were held (status already filtered by <see cref="Counts"/>), any years.</param>
    /// <param name="year">The calendar year to grid.</param>
    /// <param name="asOf">The reference day ("today").</param>
    /// <param name="countFrom">Periods starting before this day are not required (founding day or configured start).</param>
    /// <param name="countUntil">Periods ending after this day are not required (dissolution).</param>
    public static ComplianceResult Evaluate(
        ComplianceRequirement requirement, IEnumerable<DateOnly> heldOn, int year, DateOnly asOf, DateOnly? countFrom = null, DateOnly? countUntil = null)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(heldOn);
        if (year < SaneDates.MinDay.Year || year > SaneDates.MaxDay.Year)
        {
            throw new DomainRuleException("Input.OutOfRange", "year", "Field.Year", SaneDates.MinDay.Year, SaneDates.MaxDay.Year);
        }

        var held = heldOn.Where(d => d <= asOf).Order().ToList();
        var frequency = requirement.Frequency;

        PeriodResult Judge(MeetingPeriod p)
        {
            var count = held.Count(p.Contains);
            var state = count > 0 ? PeriodState.Held
                : !Required(p, countFrom, countUntil) ? PeriodState.NotRequired
                : asOf > p.End ? PeriodState.Overdue
                : asOf >= p.Start ? PeriodState.Due
                : PeriodState.Upcoming;
            return new(p, state, count);
        }

        var periods = MeetingPeriod.OfYear(year, frequency).Select(Judge).ToList();
        var overdue = periods.Count(p => p.State == PeriodState.Overdue);

        // The period just ended may lie in the year before (in January, last December): it still makes the type overdue.
        var current = MeetingPeriod.Of(asOf, frequency);
        var previousMissed = Judge(current.Previous()).State == PeriodState.Overdue;
        var currentState = Judge(current).State;

        var state = overdue > 0 || previousMissed ? ComplianceState.Overdue
            : currentState == PeriodState.Due ? ComplianceState.Due
            : ComplianceState.Ok;

        return new(
            requirement,
            year,
            asOf,
            periods,
            held.Count(d => d.Year == year),
            overdue,
            previousMissed,
            held.Count > 0 ? held[^1] : null,
            NextDue(current, held, countFrom, countUntil),
            state);
    }

    /// <summary>The later of the configured start and the founding day (either may be unknown).</summary>
    public static DateOnly? CountFrom(DateOnly? startsOn, DateOnly? foundedOn) =>
        (startsOn, foundedOn) switch
        {
            ({ } s, { } f) => s > f ? s : f,
            ({ } s, null) => s,
            (null, var f) => f,
        };

    private static bool Required(MeetingPeriod p, DateOnly? countFrom, DateOnly? countUntil) =>
        (countFrom is not { } from || p.Start >= from) && (countUntil is not { } until || p.End <= until);

    /// <summary>The last day of the first period from the current one on that still needs its meeting.</summary>
    private static DateOnly? NextDue(MeetingPeriod current, List<DateOnly> held, DateOnly? countFrom, DateOnly? countUntil)
    {
        // Four years ahead is far enough to pass a configured start in the future; beyond that nothing is due.
        var horizon = SaneDates.AddYearsClamped(current.Start, 4);
        for (var p = current; p.Start < horizon; p = p.Next())
        {
            if (p.End == DateOnly.MaxValue)
            {
                return null; // the end of the calendar: nothing is due after it
            }

            if (countUntil is { } until && p.End > until)
            {
                return null;
            }

            if (Required(p, countFrom, countUntil) && !held.Any(p.Contains))
            {
                return p.End;
            }
        }

        return null;
    }
}
