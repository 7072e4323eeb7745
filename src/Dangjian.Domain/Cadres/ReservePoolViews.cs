using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres;

/// <summary>
/// The age bands the reserve pool is shown by, rule data: <see cref="Limits"/> are the first ages of the second and
/// later bands, ascending, so [36, 41, 46, 51] gives 35 and under, 36–40, 41–45, 46–50, 51 and over. Seed 004, 三 (二)
/// 配强配好各级领导班子: "坚持老中青相结合的原则，按照梯次配备" — the department watches the pool's age ladder; the seed
/// gives no bands, so <see cref="Defaults"/> are the project's five-year steps, which a district changes.
/// </summary>
public sealed record AgeBands(IReadOnlyList<int> Limits)
{
    public const int MaxAge = 150;

    public static AgeBands Defaults { get; } = new([36, 41, 46, 51]);

    /// <summary>The bands in order, each as its first and last age (null: open-ended).</summary>
    public IReadOnlyList<(int? From, int? To)> Bands =>
        [.. Enumerable.Range(0, Limits.Count + 1).Select(i => ((int?)(i == 0 ? null : Limits[i - 1]), (int?)(i == Limits.Count ? null : Limits[i] - 1)))];

    /// <summary>The index of the band <paramref name="age"/> falls in.</summary>
    public int BandOf(int age)
    {
        var i = 0;
        while (i < Limits.Count && age >= Limits[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>Rule data a district sets: at least one limit, each 1 to <see cref="MaxAge"/>, strictly ascending; every problem named.</summary>
    public void Demand()
    {
        ArgumentNullException.ThrowIfNull(Limits);
        if (Limits.Count == 0)
        {
            throw new DomainRuleException("Input.Required", "limits", "Field.Cadre.AgeLimits");
        }

        var problems = new List<FieldProblem>();
        for (var i = 0; i < Limits.Count; i++)
        {
            if (Limits[i] < 1 || Limits[i] > MaxAge)
            {
                problems.Add(new($"limits[{i}]", "Input.OutOfRange", "Field.Cadre.AgeLimits", 1, MaxAge));
            }
            else if (i > 0 && Limits[i] <= Limits[i - 1])
            {
                problems.Add(new($"limits[{i}]", "Cadre.AgeLimitsOrder"));
            }
        }

        DomainRuleException.ThrowIfAny(problems);
    }

    /// <summary>Full years from <paramref name="birth"/> to <paramref name="asOf"/>; one born on 29 February turns a year older on 1 March in a common year.</summary>
    public static int AgeOn(DateOnly birth, DateOnly asOf)
    {
        var age = asOf.Year - birth.Year;
        return (asOf.Month, asOf.Day).CompareTo((birth.Month, birth.Day)) < 0 ? age - 1 : age;
    }
}

/// <summary>A reserve pool entry with what the views need of its person (from the roster): birth date and education.</summary>
public sealed record ReserveCadreFacts(ReserveCadre Entry, DateOnly? BirthDate, string? Education);

/// <summary>How many entries share a key (a post type, an education; the empty key: not recorded).</summary>
public sealed record PoolCount(string Key, int Count);

/// <summary>How many entries fall in one age band (first and last age; null: open-ended).</summary>
public sealed record AgeBandCount(int? FromAge, int? ToAge, int Count);

/// <summary>
/// The reserve pool on a day (CAD-1): its size, and counts by target post type, by age band (every band, empty ones
/// too, so a chart shows the gaps in the ladder; those without a birth date counted apart), by education and by field
/// of work (专业领域).
/// </summary>
public sealed record ReservePoolView(
    int Total, IReadOnlyList<PoolCount> ByPostType, IReadOnlyList<AgeBandCount> ByAgeBand, int AgeUnknown, IReadOnlyList<PoolCount> ByEducation,
    IReadOnlyList<PoolCount> ByField);

/// <summary>The reserve pool's views, a pure function of the entries and their people.</summary>
public static class ReservePoolViews
{
    /// <summary>The entries in the pool on <paramref name="asOf"/>, counted; keys by count (largest first), then by name.</summary>
    public static ReservePoolView On(IEnumerable<ReserveCadreFacts> entries, AgeBands bands, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(bands);
        var inPool = entries.Where(e => e.Entry.IsInPoolOn(asOf)).ToList();
        var perBand = new int[bands.Limits.Count + 1];
        var unknown = 0;
        foreach (var e in inPool)
        {
            if (e.BirthDate is { } birth && birth <= asOf)
            {
                perBand[bands.BandOf(AgeBands.AgeOn(birth, asOf))]++;
            }
            else
            {
                unknown++;
            }
        }

        return new(
            inPool.Count,
            Count(inPool.Select(e => e.Entry.TargetPostType)),
            [.. bands.Bands.Select((b, i) => new AgeBandCount(b.From, b.To, perBand[i]))],
            unknown,
            Count(inPool.Select(e => e.Education)),
            Count(inPool.Select(e => e.Entry.Field)));
    }

    private static IReadOnlyList<PoolCount> Count(IEnumerable<string?> keys) =>
        [.. keys.Select(k => k?.Trim() ?? string.Empty)
            .GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => new PoolCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)];
}
