using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dangjian.Bench;

/// <summary>One line of the results table.</summary>
public sealed record Measurement(string Provider, string Operation, long Rows, IReadOnlyList<double> Milliseconds, long PeakWorkingSetBytes)
{
    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}

/// <summary>Stopwatch timing and the markdown report; wall-clock figures, not assertions.</summary>
public sealed class Measurements
{
    private readonly List<Measurement> _results = [];

    public IReadOnlyList<Measurement> Results => _results;

    /// <summary>Times a one-off step (seeding, generating, importing).</summary>
    public async Task<T> OnceAsync<T>(string provider, string operation, Func<Task<(T Result, long Rows)>> step)
    {
        Console.WriteLine($"[{provider}] {operation}…");
        var watch = Stopwatch.StartNew();
        var (result, rows) = await step();
        watch.Stop();
        Add(provider, operation, rows, [watch.Elapsed.TotalMilliseconds]);
        return result;
    }

    /// <summary>Times a repeatable step: one untimed warm-up, then <paramref name="runs"/> timed runs.</summary>
    public async Task RepeatAsync(string provider, string operation, int runs, Func<Task<long>> step)
    {
        Console.WriteLine($"[{provider}] {operation} ×{runs}…");
        var rows = await step();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = await step();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        Add(provider, operation, rows, times);
    }

    private void Add(string provider, string operation, long rows, IReadOnlyList<double> times)
    {
        using var process = Process.GetCurrentProcess();
        var m = new Measurement(provider, operation, rows, times, process.PeakWorkingSet64);
        _results.Add(m);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    median {m.Median:F1} ms, min {times.Min():F1}, max {times.Max():F1} (rows {rows})"));
    }

    public string Markdown(string title, IEnumerable<string> notes)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"# {title}").AppendLine();
        foreach (var note in notes)
        {
            sb.AppendLine(inv, $"- {note}");
        }

        sb.AppendLine();
        sb.AppendLine("| provider | operation | rows | runs | median ms | min ms | max ms | peak working set MB |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var m in _results)
        {
            sb.AppendLine(inv, $"| {m.Provider} | {m.Operation} | {m.Rows:N0} | {m.Milliseconds.Count} | {m.Median:F1} | {m.Milliseconds.Min():F1} | {m.Milliseconds.Max():F1} | {m.PeakWorkingSetBytes / (1024.0 * 1024):F0} |");
        }

        return sb.ToString();
    }
}
