using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dangjian.Bench;

/// <summary>One line of the results table: the times of one operation over its runs, and its peak working set.</summary>
public sealed class Measurement(string provider, string operation)
{
    private readonly List<double> _milliseconds = [];

    public string Provider { get; } = provider;

    public string Operation { get; } = operation;

    public long Rows { get; set; }

    public IReadOnlyList<double> Milliseconds => _milliseconds;

    /// <summary>The highest peak working set seen during any run of this operation.</summary>
    public long PeakWorkingSetBytes { get; private set; }

    public double Median
    {
        get
        {
            var sorted = _milliseconds.Order().ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /// <summary>The 95th percentile, nearest rank: with 20 runs the second slowest.</summary>
    public double P95
    {
        get
        {
            var sorted = _milliseconds.Order().ToList();
            return sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
        }
    }

    public void Add(double milliseconds, long peakBytes)
    {
        _milliseconds.Add(milliseconds);
        PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, peakBytes);
    }
}

/// <summary>
/// The process's peak working set per step. On Linux, writing 5 to /proc/self/clear_refs resets the peak
/// (VmHWM, what <see cref="Process.PeakWorkingSet64"/> reads), so each step's peak is its own, not the
/// process's high-water mark since start. Elsewhere the figure is the peak since the process started.
/// </summary>
public static class WorkingSet
{
    private static bool? _resettable;

    public static bool PerStep => _resettable == true;

    public static void ResetPeak()
    {
        if (_resettable == false)
        {
            return;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            _resettable = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _resettable = false;
        }
    }

    public static long Peak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}

/// <summary>Stopwatch timing and the markdown report; wall-clock figures, not assertions.</summary>
public sealed class Measurements
{
    private readonly List<Measurement> _results = [];

    public IReadOnlyList<Measurement> Results => _results;

    /// <summary>The highest step peak seen in the whole run.</summary>
    public long RunPeakBytes { get; private set; }

    /// <summary>Times one run of a step; runs of the same provider and operation are collected on one line.</summary>
    public async Task<T> OnceAsync<T>(string provider, string operation, Func<Task<(T Result, long Rows)>> step)
    {
        Console.WriteLine($"[{provider}] {operation}…");
        WorkingSet.ResetPeak();
        var watch = Stopwatch.StartNew();
        var (result, rows) = await step();
        watch.Stop();
        Record(provider, operation, rows, watch.Elapsed.TotalMilliseconds, WorkingSet.Peak());
        return result;
    }

    /// <summary>Times a repeatable step: one untimed warm-up, then <paramref name="runs"/> timed runs.</summary>
    public async Task RepeatAsync(string provider, string operation, int runs, Func<Task<long>> step)
    {
        Console.WriteLine($"[{provider}] {operation} ×{runs}…");
        WorkingSet.ResetPeak();
        var rows = await step();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = await step();
            Record(provider, operation, rows, watch.Elapsed.TotalMilliseconds, WorkingSet.Peak());
        }
    }

    /// <summary>Adds one run's time (a step timed elsewhere, or a part of one) to its line.</summary>
    public void Record(string provider, string operation, long rows, double milliseconds, long peakBytes)
    {
        var m = _results.FirstOrDefault(r => r.Provider == provider && r.Operation == operation);
        if (m is null)
        {
            m = new Measurement(provider, operation);
            _results.Add(m);
        }

        m.Rows = rows;
        m.Add(milliseconds, peakBytes);
        RunPeakBytes = Math.Max(RunPeakBytes, peakBytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {operation}: {milliseconds:F1} ms (rows {rows:N0}, peak working set {peakBytes / (1024.0 * 1024):F0} MB)"));
    }

    public string Markdown(string title, IEnumerable<string> notes, bool p95 = false)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"# {title}").AppendLine();
        foreach (var note in notes)
        {
            sb.AppendLine(inv, $"- {note}");
        }

        sb.AppendLine();
        sb.AppendLine(p95
            ? "| provider | operation | rows | runs | median ms | p95 ms | min ms | max ms | peak working set MB |"
            : "| provider | operation | rows | runs | median ms | min ms | max ms | peak working set MB |");
        sb.AppendLine(p95 ? "|---|---|---:|---:|---:|---:|---:|---:|---:|" : "|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var m in _results)
        {
            var percentile = p95 ? string.Create(inv, $" {m.P95:F1} |") : string.Empty;
            sb.AppendLine(inv, $"| {m.Provider} | {m.Operation} | {m.Rows:N0} | {m.Milliseconds.Count} | {m.Median:F1} |{percentile} {m.Milliseconds.Min():F1} | {m.Milliseconds.Max():F1} | {m.PeakWorkingSetBytes / (1024.0 * 1024):F0} |");
        }

        return sb.ToString();
    }
}
