using Dangjian.Domain.Common;

namespace Dangjian.Domain.Teams;

/// <summary>A term as the rules see it, without persistence.</summary>
public readonly record struct TermSpan(int Id, int TermNumber, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A seat in a term, as the rules see it: its own first and last day, null for the term's.</summary>
public readonly record struct Seat(int PersonId, TeamRole Role, DateOnly? StartsOn = null, DateOnly? EndsOn = null);

/// <summary>How a term stands against today, for the expiry list (ORG-2, ELE-1).</summary>
public enum TermExpiryState
{
    /// <summary>Ends within the window: an election must be prepared.</summary>
    EndingSoon,

    /// <summary>Ended and no later term recorded: 逾期未换届.</summary>
    Overdue,
}

/// <summary>Rules for terms of a leadership team (ORG-2).</summary>
public static class TermRules
{
    /// <summary>Longest term the rules know: 5 years (党章 第三十条: 基层委员会每届任期三年至五年).</summary>
    public const int MaxTermYears = 5;

    /// <summary>
    /// Checks a new or edited term against the organization's other terms: it starts before it ends,
    /// lasts no more than five years, does not overlap another term (one team at a time), and its
    /// number is unique and in date order with the others.
    /// </summary>
    public static void EnsureValid(TermSpan term, IEnumerable<TermSpan> others)
    {
        SaneDates.Demand(term.StartsOn, "startsOn", "Field.StartsOn");
        SaneDates.Demand(term.EndsOn, "endsOn", "Field.EndsOn");
        if (term.TermNumber < 1)
        {
            throw new DomainRuleException("Term.NumberPositive", "termNumber");
        }

        if (term.EndsOn <= term.StartsOn)
        {
            throw new DomainRuleException("Term.EndBeforeStart", "endsOn");
        }

        if (term.EndsOn > term.StartsOn.AddYears(MaxTermYears))
        {
            throw new DomainRuleException("Term.TooLong", "endsOn", MaxTermYears);
        }

        foreach (var other in others)
        {
            if (other.Id == term.Id && term.Id != 0)
            {
                continue;
            }

            if (other.TermNumber == term.TermNumber)
            {
                throw new DomainRuleException("Term.NumberTaken", "termNumber", term.TermNumber);
            }

            if (Overlaps(term, other))
            {
                throw new DomainRuleException("Term.Overlaps", "startsOn", other.TermNumber);
            }

            if ((other.TermNumber < term.TermNumber) != (other.StartsOn < term.StartsOn))
            {
                throw new DomainRuleException("Term.NumberOutOfOrder", "termNumber", other.TermNumber);
            }
        }
    }

    /// <summary>Both ends are days included in the term, so a term ending on the day the next starts overlaps it.</summary>
    public static bool Overlaps(TermSpan a, TermSpan b) => a.StartsOn <= b.EndsOn && b.StartsOn <= a.EndsOn;

    /// <summary>
    /// A team has at most one 书记; a person holds at most one seat in a team.
    /// </summary>
    public static void EnsureSeatsValid(IReadOnlyList<Seat> seats)
    {
        if (seats.Count(s => s.Role == TeamRole.Secretary) > 1)
        {
            throw new DomainRuleException("Team.OneSecretary", "positions");
        }

        var duplicate = seats.GroupBy(s => s.PersonId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("Team.PersonTwice", "positions", duplicate.Key);
        }
    }

    /// <summary>
    /// The seats of a term (ORG-2): each within the term (first day on or after the term's first, last day on or before its
    /// last) and not ending before it starts; at most one 书记 at a time, and a person in at most one seat at a time (a
    /// member may change role, one seat ending the day before the next starts). Problems are named under
    /// <c>positions[i].startsOn</c>, <c>positions[i].endsOn</c> or <c>positions</c>.
    /// </summary>
    public static void EnsureSeatsValid(TermSpan term, IReadOnlyList<Seat> seats)
    {
        ArgumentNullException.ThrowIfNull(seats);
        var problems = new List<FieldProblem>();
        for (var i = 0; i < seats.Count; i++)
        {
            var s = seats[i];
            if (s.StartsOn is { } start && !SaneDates.Contains(start))
            {
                problems.Add(new($"positions[{i}].startsOn", SaneDates.OutOfRange, "Field.SeatStartsOn", SaneDates.MinText, SaneDates.MaxText));
                continue;
            }

            if (s.EndsOn is { } end && !SaneDates.Contains(end))
            {
                problems.Add(new($"positions[{i}].endsOn", SaneDates.OutOfRange, "Field.SeatEndsOn", SaneDates.MinText, SaneDates.MaxText));
                continue;
            }

            if (s.StartsOn is { } first && first < term.StartsOn)
            {
                problems.Add(new($"positions[{i}].startsOn", "Team.SeatBeforeTerm"));
            }

            if (s.EndsOn is { } last && last > term.EndsOn)
            {
                problems.Add(new($"positions[{i}].endsOn", "Team.SeatAfterTerm"));
            }

            if (s.EndsOn is { } e && e < (s.StartsOn ?? term.StartsOn))
            {
                problems.Add(new($"positions[{i}].endsOn", "Team.SeatEndBeforeStart"));
            }
        }

        DomainRuleException.ThrowIfAny(problems);
        for (var i = 0; i < seats.Count; i++)
        {
            for (var j = i + 1; j < seats.Count; j++)
            {
                if (!SeatsOverlap(term, seats[i], seats[j]))
                {
                    continue;
                }

                if (seats[i].Role == TeamRole.Secretary && seats[j].Role == TeamRole.Secretary)
                {
                    throw new DomainRuleException("Team.OneSecretary", "positions");
                }

                if (seats[i].PersonId == seats[j].PersonId)
                {
                    throw new DomainRuleException("Team.PersonTwice", "positions", seats[i].PersonId);
                }
            }
        }
    }

    /// <summary>Whether two seats of a term share a day (both ends included; an open end runs to the term's end and on).</summary>
    public static bool SeatsOverlap(TermSpan term, Seat a, Seat b) =>
        (a.StartsOn ?? term.StartsOn) <= (b.EndsOn ?? DateOnly.MaxValue) && (b.StartsOn ?? term.StartsOn) <= (a.EndsOn ?? DateOnly.MaxValue);

    /// <summary>
    /// Whether a seat of a team in office on <paramref name="day"/> is held that day: it has started (a seat without a first
    /// day starts with the term) and has not ended (a seat without a last day runs while the team serves).
    /// </summary>
    public static bool SeatHeldOn(DateOnly termStartsOn, Seat seat, DateOnly day) =>
        (seat.StartsOn ?? termStartsOn) <= day && (seat.EndsOn is not { } end || day <= end);

    /// <summary>
    /// The expiry state of an organization's latest term: ending within <paramref name="months"/> months
    /// of <paramref name="today"/> (the end day included), overdue when it ended before today, otherwise none.
    /// </summary>
    public static TermExpiryState? ExpiryState(DateOnly endsOn, DateOnly today, int months)
    {
        if (endsOn < today)
        {
            return TermExpiryState.Overdue;
        }

        return endsOn <= SaneDates.AddMonthsClamped(today, months) ? TermExpiryState.EndingSoon : null;
    }

    /// <summary>
    /// The term of one organization whose team is in office on <paramref name="day"/>: the one that started last on or
    /// before it. A team stays in office until the next one starts: a term that has run past its end without an election
    /// (逾期未换届, <see cref="TermExpiryState.Overdue"/>) still has its team, which serves until 换届 installs the next.
    /// None before the first term starts.
    /// </summary>
    public static TermSpan? InOffice(IEnumerable<TermSpan> terms, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Where(t => t.StartsOn <= day).OrderByDescending(t => t.StartsOn).Cast<TermSpan?>().FirstOrDefault();
    }

    /// <summary>
    /// Whether a team that started on <paramref name="startsOn"/> serves on <paramref name="day"/>, given when the
    /// organization's next team started (none recorded: null) — the rule of <see cref="InOffice"/> for one team.
    /// </summary>
    public static bool Serves(DateOnly startsOn, DateOnly? nextStartsOn, DateOnly day) =>
        startsOn <= day && (nextStartsOn is not { } next || day < next);
}
