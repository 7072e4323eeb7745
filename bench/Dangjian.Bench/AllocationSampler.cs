using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Dangjian.Bench;

/// <summary>
/// What a load run allocates, by type: the runtime's allocation-tick events (one about every 100 KB allocated, naming
/// the type of the object that crossed the mark), summed per type. A sample, not a census: types that are allocated
/// much are named often. Turned on with DANGJIAN_BENCH_ALLOC=1, as it costs a little itself.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    public static AllocationSampler? StartIfAsked() =>
        Environment.GetEnvironmentVariable("DANGJIAN_BENCH_ALLOC") == "1" ? new AllocationSampler() : null;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload![t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload![a], CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    /// <summary>Prints the <paramref name="top"/> types by sampled bytes, as shares of all sampled bytes.</summary>
    public void Print(int items, int top = 25)
    {
        var total = Math.Max(1, _bytes.Values.Sum());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"       allocations by type (sampled {total / 1024 / 1024} MB, {total / 1024.0 / Math.Max(1, items):F0} KB per item):"));
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"       {100.0 * bytes / total,5:F1} %  {bytes / 1024.0 / Math.Max(1, items),7:F1} KB/item  {type}"));
        }
    }
}
