using System.Numerics;

namespace Dangjian.Domain.Study;

/// <summary>A run of calendar days, both ends inclusive.</summary>
public readonly record struct StudyPeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;
}

/// <summary>
/// Where one person stands on one requirement on a day: <see cref="Done"/> so far in the counted window,
/// <see cref="Missing"/> to reach the minimum, and whether they are <see cref="BehindPace"/>.
/// </summary>
public sealed record StudyRequirementStatus(StudyRequirement Requirement, decimal Done, decimal Missing, bool BehindPace);

/// <summary>
/// Study compliance (STU-2), the rule of `dangjian study compliance`: seed 000 asks that study be assessed by hours
/// (二 学时考核) over a term and a year, so the rule measures each requirement over its period as it stands on a day.
/// <list type="bullet">
/// <item>The period is the calendar year of the day, or the person's term; the counted window runs from the period's
/// start to the earlier of the day and the period's end, and is empty when the day comes before the period.</item>
/// <item>Hours: the hours of the records of the kind dated inside the window. Days: the distinct days inside the window
/// that at least one record of the kind covers, so two overlapping party-school stays count a day once.</item>
/// <item>Missing: what is left to reach the minimum, never below zero.</item>
/// <item>Behind pace: done × days in the period &lt; minimum × days in the window — less than the minimum's share of the
/// period already passed. At the period's end that is exactly "something is missing"; a leap year has 366 days.</item>
/// </list>
/// Exact decimals throughout; the comparison is done on integers so no product can overflow.
/// </summary>
public static class StudyCompliance
{
    /// <summary>The requirements of a role, in the order given (none: empty).</summary>
    public static IReadOnlyList<StudyRequirement> For(string role, IEnumerable<StudyRequirement> requirements) =>
        [.. requirements.Where(r => string.Equals(r.Role, role, StringComparison.Ordinal))];

    /// <summary>The period a requirement measures on <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentException">A term requirement without a term.</exception>
    public static StudyPeriod Period(StudyPer per, DateOnly asOf, StudyTerm? term) => per switch
    {
        StudyPer.Year => new(new(asOf.Year, 1, 1), new(asOf.Year, 12, 31)),
        _ => term is { } t ? new(t.Start, t.End) : throw new ArgumentException("a term requirement needs the person's term", nameof(term)),
    };

    /// <summary>The counted window: the period's start to the earlier of <paramref name="asOf"/> and its end; null (empty) before the period.</summary>
    public static StudyPeriod? Window(StudyPeriod period, DateOnly asOf) =>
        asOf < period.Start ? null : new(period.Start, asOf < period.End ? asOf : period.End);

    /// <summary>Each of <paramref name="role"/>'s requirements, in the order given, as it stands on <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<StudyRequirementStatus> Evaluate(
        string role, StudyTerm? term, IReadOnlyList<StudyTime> records, IEnumerable<StudyRequirement> requirements, DateOnly asOf) =>
        [.. For(role, requirements).Select(r => Evaluate(r, term, records, asOf))];

    /// <summary>One requirement as it stands on <paramref name="asOf"/>; records of other kinds are ignored.</summary>
    /// <exception cref="ArgumentException">A term requirement without a term, a negative minimum, or a record of the kind without the shape the unit counts.</exception>
    public static StudyRequirementStatus Evaluate(StudyRequirement requirement, StudyTerm? term, IReadOnlyList<StudyTime> records, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(records);
        if (requirement.Min < 0)
        {
            throw new ArgumentException("a minimum may not be negative", nameof(requirement));
        }

        var counted = records.Where(r => string.Equals(r.Kind, requirement.Kind, StringComparison.Ordinal)).ToList();
        if (counted.Find(r => !r.Fits(requirement.Unit)) is { } misfit)
        {
            throw new ArgumentException($"a {misfit.Kind} record needs {(requirement.Unit == StudyUnit.Hours ? "date and hours" : "from and to")}", nameof(records));
        }

        var period = Period(requirement.Per, asOf, term);
        var window = Window(period, asOf);
        var done = window is not { } w ? 0m
            : requirement.Unit == StudyUnit.Hours ? HoursIn(w, counted)
            : DaysCovered(w, counted);
        var missing = Math.Max(0m, requirement.Min - done);
        var behind = LessThan(done, period.Days, requirement.Min, window?.Days ?? 0);
        return new(requirement, done, missing, behind);
    }

    private static decimal HoursIn(StudyPeriod window, List<StudyTime> sessions)
    {
        var sum = 0m;
        foreach (var s in sessions.Where(s => s.Date >= window.Start && s.Date <= window.End))
        {
            sum += s.Hours!.Value;
        }

        return sum;
    }

    /// <summary>Distinct days of the window covered by a span: the spans clipped to the window, merged where they overlap or touch.</summary>
    private static int DaysCovered(StudyPeriod window, List<StudyTime> spans)
    {
        var clipped = spans
            .Select(s => (From: Math.Max(s.From!.Value.DayNumber, window.Start.DayNumber), To: Math.Min(s.To!.Value.DayNumber, window.End.DayNumber)))
            .Where(s => s.From <= s.To)
            .OrderBy(s => s.From)
            .ToList();
        var days = 0;
        var coveredTo = int.MinValue;
        foreach (var (from, to) in clipped)
        {
            var start = Math.Max(from, coveredTo + 1);
            if (to >= start)
            {
                days += to - start + 1;
                coveredTo = to;
            }
        }

        return days;
    }

    /// <summary>a × p &lt; b × q, exactly: each decimal as its integer digits over a power of ten.</summary>
    private static bool LessThan(decimal a, int p, decimal b, int q)
    {
        var (na, sa) = Digits(a);
        var (nb, sb) = Digits(b);
        return na * p * BigInteger.Pow(10, sb) < nb * q * BigInteger.Pow(10, sa);
    }

    private static (BigInteger Digits, int Scale) Digits(decimal d)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        var magnitude = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        return (d < 0 ? -magnitude : magnitude, d.Scale);
    }
}
