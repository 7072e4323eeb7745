using System.Diagnostics.Metrics;

namespace Dangjian.Data.Secrecy;

/// <summary>
/// How well secret writes mix, for operators and the load run (bench `vote`): the size of every batch written. A batch
/// of one is a cast that had no one to mix with in its window. Sizes only: no box, no time of a cast, no content.
/// </summary>
public static class SecrecyMetrics
{
    public const string MeterName = "Dangjian.Secrecy";

    public const string BatchSizeName = "dangjian.secrecy.batch.size";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(BatchSizeName, "{write}", "Secret writes committed together in one transaction (group commit).");
}
