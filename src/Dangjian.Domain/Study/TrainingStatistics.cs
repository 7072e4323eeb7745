namespace Dangjian.Domain.Study;

/// <summary>How many people fall in a band, and their share of everyone counted, in percent.</summary>
public sealed record TrainingBand(int People, decimal Percent);

/// <summary>
/// Training counts in the form of seed 003 (4, 教育培训: "已参加过党务干部专题培训3次以上的368人，占51%；2—3次的210人，占29.1%；1次的112
/// 人，占15.2%", of 721): the people trained 3 or more times, twice, once and never, each with its share.
/// The seed's bands "3次以上" and "2—3次" would both hold 3; its counts (368 + 210 + 112 of 721) show the bands are
/// disjoint, so 3 goes to "3 or more" and the "2–3" band holds those trained exactly twice.
/// Percentages are exact decimals rounded half away from zero to one decimal (as the seed writes 29.1 %); each band is
/// rounded on its own, so the four may sum to 99.9 or 100.1. (The seed's 15.2 % for 112 of 721 is its own slip:
/// 112 / 721 is 15.53 %.)
/// </summary>
public sealed record TrainingStatistics(int People, TrainingBand ThreeOrMore, TrainingBand Twice, TrainingBand Once, TrainingBand Never)
{
    /// <summary>
    /// The bands over <paramref name="people"/> (each counted once), by <paramref name="timesTrained"/>; someone absent
    /// from it was never trained. With nobody to count every share is 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public static TrainingStatistics Of(IEnumerable<int> people, IReadOnlyDictionary<int, int> timesTrained)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(timesTrained);
        var counts = people.Distinct().Select(p => timesTrained.GetValueOrDefault(p)).ToList();
        if (counts.Exists(c => c < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(timesTrained), "a count of trainings may not be negative");
        }

        TrainingBand Band(Func<int, bool> inBand)
        {
            var n = counts.Count(inBand);
            return new(n, counts.Count == 0 ? 0 : Math.Round(n * 100m / counts.Count, 1, MidpointRounding.AwayFromZero));
        }

        return new(counts.Count, Band(c => c >= 3), Band(c => c == 2), Band(c => c == 1), Band(c => c == 0));
    }
}
