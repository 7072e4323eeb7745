using Dangjian.Domain.Common;

namespace Dangjian.Domain.Teams;

/// <summary>A term as the rules see it, without persistence.</summary>
public readonly record struct TermSpan(int Id, int TermNumber, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A seat in a term, as the rules see it.</summary>
public readonly record struct Seat(int PersonId, TeamRole Role);

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
