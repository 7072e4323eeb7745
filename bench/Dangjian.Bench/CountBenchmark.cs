using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;

namespace Dangjian.Bench;

/// <summary>
/// The counting benchmark: <see cref="ElectionCount.Count"/> over 1,000,000 generated
/// ballots (30 candidates, 15 seats), and in the same process the single-thread sequential read speed over a
/// <c>long[]</c> of as many bytes as the ballots occupy, so the ratio shows how close the count comes to the
/// machine's memory limit. Plain Stopwatch timing: one warm-up, then <c>--runs</c> timed runs (median, min, max).
/// Figures are printed and written to bench/results/count-latest.md.
/// </summary>
public static class CountBenchmark
{
    private const int Candidates = 30;
    private const int Seats = 15;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Common surnames × given names: 30 candidates and 40 people written in, all distinct.
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "军"];

    public sealed record Options(int Ballots, int Runs, int Seed, bool SharedNames);

    public static int Run(Options o)
    {
        var names = Surnames.SelectMany(s => GivenNames.Select(g => s + g)).ToArray();
        var candidates = names[..Candidates];
        var writeInPool = names[Candidates..(Candidates + 40)];

        Console.WriteLine(string.Create(Inv, $"Generating {o.Ballots:N0} ballots (seed {o.Seed})…"));
        var before = SettledHeapBytes();
        var ballots = Generate(o, candidates, writeInPool);
        var after = SettledHeapBytes();
        var dataBytes = after - before;
        var input = new CountInput(ElectionMode.Formal, Seats, EntitledVoters: o.Ballots + (o.Ballots / 20), VotersPresent: o.Ballots,
            BallotsIssued: o.Ballots, candidates, ballots);
        var marks = ballots.Sum(b => (long)b.For.Count + b.Against.Count + b.WriteIns.Count);

        // Warm-up (JIT, tiering, the engine's dictionaries), then the timed runs; every run must give the same result.
        var result = ElectionCount.Count(input);
        var expected = CountJson.Write(result);
        var allocatedPerCount = Allocated(() => ElectionCount.Count(input));
        var allocatedPerCheck = Allocated(() => ElectionCount.Check(input));
        CountResult? last = null;
        var countMs = Time(o.Runs, () => last = ElectionCount.Count(input), () =>
        {
            if (CountJson.Write(last!) != expected)
            {
                throw new InvalidOperationException("a run gave a different result");
            }
        });
        IReadOnlyList<ContractError>? errors = null;
        var checkMs = Time(o.Runs, () => errors = ElectionCount.Check(input), () =>
        {
            if (errors!.Count > 0)
            {
                throw new InvalidOperationException("the generated round is malformed");
            }
        });

        // The same number of bytes as the ballots, read sequentially by one thread.
        var words = new long[Math.Max(1, dataBytes / sizeof(long))];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = i; // touch every page: an untouched array would read the shared zero page
        }

        long sink = 0;
        var readMs = Time(o.Runs, () => sink += Sum(words));
        var readBytes = (long)words.Length * sizeof(long);

        var countSeconds = Median(countMs) / 1000;
        var checkSeconds = Median(checkMs) / 1000;
        var readSeconds = Median(readMs) / 1000;
        var countBytesPerSecond = dataBytes / countSeconds;
        var readBytesPerSecond = readBytes / readSeconds;
        var notes = new List<string>
        {
            string.Create(Inv, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical CPUs, load average at the end {LoadAverage()}"),
            string.Create(Inv, $"round: formal, {Seats} seats, {Candidates} candidates, {o.Ballots:N0} ballots (seed {o.Seed}), {marks:N0} marks in all; names {(o.SharedNames ? "shared (one string per person)" : "copied per mark, as CountJson.Parse gives them")}"),
            string.Create(Inv, $"ballot data: {dataBytes / 1e6:F1} MB on the managed heap (GC.GetTotalMemory before/after generating, after full collections), {(double)dataBytes / o.Ballots:F0} bytes per ballot"),
            string.Create(Inv, $"result: {result.Status}, {result.ValidBallots:N0} valid, {result.InvalidBallots:N0} invalid, threshold {result.Threshold:N0}, {result.Elected.Count} elected, run-off {(result.Runoff is null ? "none" : string.Create(Inv, $"{result.Runoff.Names.Count} for {result.Runoff.Seats}"))}, {result.UnfilledSeats} unfilled, {result.Results.Count(r => r.WriteIn)} written-in people"),
            string.Create(Inv, $"allocated by one count: {allocatedPerCount / 1e6:F1} MB ({(double)allocatedPerCount / o.Ballots:F0} bytes per ballot), of which the input check {allocatedPerCheck / 1e6:F1} MB"),
            string.Create(Inv, $"memory read: sum of a long[{words.Length:N0}] ({readBytes / 1e6:F1} MB), Vector<long> ({Vector<long>.Count} lanes), 4 accumulators, one thread (checksum {sink})"),
            string.Create(Inv, $"count throughput over the ballot data: {countBytesPerSecond / 1e9:F2} GB/s; memory read: {readBytesPerSecond / 1e9:F2} GB/s; ratio count/read = {countBytesPerSecond / readBytesPerSecond:P1} (about {readBytesPerSecond / countBytesPerSecond:F0}× below the read limit) by medians; {readMs.Min() / countMs.Min():P1} by the fastest runs (less disturbed by other load)"),
        };

        var table = new List<string>
        {
            "| operation | runs | median ms | min ms | max ms | ballots/s | GB/s over the data |",
            "|---|---:|---:|---:|---:|---:|---:|",
            Row("ElectionCount.Count (check + tally + decide)", countMs, o.Ballots / countSeconds, countBytesPerSecond),
            Row("  of which ElectionCount.Check (input rules)", checkMs, o.Ballots / checkSeconds, dataBytes / checkSeconds),
            Row("sequential read of the same bytes (long[])", readMs, null, readBytesPerSecond),
        };

        var report = string.Join(Environment.NewLine,
            ["# Count benchmark", "", .. notes.Select(n => "- " + n), "", .. table, ""]);
        Console.WriteLine();
        Console.WriteLine(report);
        var path = Path.Combine(RepositoryRoot(), "bench", "results", "count-latest.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, report);
        Console.WriteLine("Written to " + path);
        GC.KeepAlive(ballots);
        return 0;
    }

    /// <summary>
    /// A realistic mix: about 1.5 % unreadable, 0.5 % marking one person for and against, 1 % for more people than
    /// seats, 5 % with one or two people written in; the rest mark "for" by each candidate's popularity (from 85 % down
    /// to 13 %, trimmed to the seats by dropping the least popular), and "against" on a tenth of the others.
    /// </summary>
    private static List<Ballot> Generate(Options o, string[] candidates, string[] writeInPool)
    {
        var random = new Random(o.Seed);
        var popularity = Enumerable.Range(0, candidates.Length).Select(i => 0.85 - (0.025 * i)).ToArray();
        var ballots = new List<Ballot>(o.Ballots);
        string Name(string name) => o.SharedNames ? name : new string(name.AsSpan());
        for (var b = 0; b < o.Ballots; b++)
        {
            var kind = random.Next(1000);
            var @for = new List<string>();
            var against = new List<string>();
            var writeIns = new List<string>();
            if (kind < 15)
            {
                ballots.Add(new Ballot(@for, against, writeIns, Void: true));
                continue;
            }

            for (var c = 0; c < candidates.Length; c++)
            {
                if (random.NextDouble() < popularity[c])
                {
                    @for.Add(Name(candidates[c]));
                }
                else if (random.NextDouble() < 0.1)
                {
                    against.Add(Name(candidates[c]));
                }
            }

            if (kind is >= 15 and < 20 && against.Count > 0)
            {
                @for.Add(Name(against[0])); // one person both for and against: invalid
            }
            else if (kind is >= 20 and < 30)
            {
                while (@for.Count + writeIns.Count <= Seats)
                {
                    writeIns.Add(Name(writeInPool[writeIns.Count])); // more "for" than seats: invalid
                }
            }
            else
            {
                var written = kind is >= 30 and < 80 ? 1 + random.Next(2) : 0;
                for (var w = 0; w < written; w++)
                {
                    writeIns.Add(Name(writeInPool[random.Next(writeInPool.Length)]));
                }

                // Candidates are in popularity order, so the least popular are last: drop them to fit the seats.
                var keep = Seats - writeIns.Distinct(StringComparer.Ordinal).Count();
                if (@for.Count > keep)
                {
                    @for.RemoveRange(keep, @for.Count - keep);
                }
            }

            ballots.Add(new Ballot(@for, against, writeIns));
        }

        return ballots;
    }

    /// <summary>Sums the array with <see cref="Vector{T}"/> and four independent accumulators, so the loop waits on memory, not on adds.</summary>
    private static long Sum(long[] words)
    {
        var vectors = MemoryMarshal.Cast<long, Vector<long>>(words.AsSpan());
        Vector<long> a = default, b = default, c = default, d = default;
        var i = 0;
        for (; i + 3 < vectors.Length; i += 4)
        {
            a += vectors[i];
            b += vectors[i + 1];
            c += vectors[i + 2];
            d += vectors[i + 3];
        }

        for (; i < vectors.Length; i++)
        {
            a += vectors[i];
        }

        var sum = Vector.Sum(a + b + c + d);
        for (var j = vectors.Length * Vector<long>.Count; j < words.Length; j++)
        {
            sum += words[j];
        }

        return sum;
    }

    /// <summary>One warm-up, then <paramref name="runs"/> timed runs (ms), each after a full collection and followed by an untimed check.</summary>
    private static List<double> Time(int runs, Action action, Action? check = null)
    {
        action();
        check?.Invoke();
        var times = new List<double>(runs);
        for (var r = 0; r < runs; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
            check?.Invoke();
        }

        return times;
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long SettledHeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Row(string operation, List<double> ms, double? ballotsPerSecond, double bytesPerSecond) =>
        string.Create(Inv, $"| {operation} | {ms.Count} | {Median(ms):F1} | {ms.Min():F1} | {ms.Max():F1} | {(ballotsPerSecond is { } b ? b.ToString("N0", Inv) : "")} | {bytesPerSecond / 1e9:F2} |");

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
