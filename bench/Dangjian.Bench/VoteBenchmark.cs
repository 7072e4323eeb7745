using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// The electronic-ballot load run (ELE-11, ELE-13): the real app listening on 127.0.0.1 over a fresh SQLite file (the
/// default provider), a round with N codes, N ballots cast through HTTP by C concurrent clients, each ballot as a
/// phone casts it (GET the ballot page for its antiforgery token, then POST the form). Reports ballots per second
/// and the POST's p50/p95/p99 latency, then closes the box and checks that every acknowledged receipt is among the
/// stored ballots with the content sent, and that the count of the box equals the count of what was acknowledged.
/// Bounded: a fixed number of ballots per run, a fixed number of runs, a time limit; then it stops.
/// </summary>
public static class VoteBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Candidates = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊"];
    private const int Seats = 5;

    public sealed record Options(int Ballots, int Clients, int Runs, TimeSpan Limit);

    private sealed record RunResult(double Seconds, double BallotsPerSecond, double P50, double P95, double P99, int Accepted, int Verified, IReadOnlyList<int> Batches, double CloseMs);

    public static async Task<int> RunAsync(Options o)
    {
        using var limit = new CancellationTokenSource(o.Limit);
        Console.WriteLine(string.Create(Inv, $"vote: {o.Ballots:N0} ballots per run, {o.Clients} concurrent clients, {o.Runs} runs, SQLite; {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical CPUs"));
        var results = new List<RunResult>();
        var failed = false;
        // One server for every run, as a deployment keeps one running: run 1 meets it cold (the JIT, the first
        // connections), the later runs warm; each run opens a new form on it with codes of its own.
        await using var host = await LoopbackApp.StartAsync("vote", limit.Token);
        for (var run = 1; run <= o.Runs; run++)
        {
            var r = await RunOnceAsync(host, o, limit.Token);
            results.Add(r);
            var ok = r.Accepted == o.Ballots && r.Verified == o.Ballots;
            failed |= !ok;
            Console.WriteLine(string.Create(Inv,
                $"run {run}: {r.BallotsPerSecond,7:F1} ballots/s ({o.Ballots} in {r.Seconds:F2} s)  POST p50 {r.P50,6:F1} ms  p95 {r.P95,6:F1} ms  p99 {r.P99,6:F1} ms  accepted {r.Accepted}, in the box after close {r.Verified}{(ok ? string.Empty : "  MISMATCH")}"));
            var sizes = r.Batches.Order().ToArray();
            Console.WriteLine(string.Create(Inv,
                $"       {sizes.Length} commits of casts: size min {(sizes.Length > 0 ? sizes[0] : 0)}, median {LoopbackApp.Percentile([.. sizes.Select(x => (double)x)], 0.5):F0}, max {(sizes.Length > 0 ? sizes[^1] : 0)}; {sizes.Count(x => x == 1)} of one cast; close (shuffle, erase, record) {r.CloseMs:F0} ms"));
        }

        var disk = DiskCommitRate.Measure(TimeSpan.FromSeconds(5));
        Console.WriteLine(string.Create(Inv,
            $"raw durable commit rate of this file system (one-row SQLite transactions, the app's pragmas, 5 s): {disk:F0}/s; acknowledged ballots/s ÷ it = {LoopbackApp.Median(results.Select(r => r.BallotsPerSecond)) / disk:F3}"));
        Console.WriteLine(string.Create(Inv,
            $"median of {results.Count}: {LoopbackApp.Median(results.Select(r => r.BallotsPerSecond)):F1} ballots/s  POST p50 {LoopbackApp.Median(results.Select(r => r.P50)):F1} ms  p95 {LoopbackApp.Median(results.Select(r => r.P95)):F1} ms  p99 {LoopbackApp.Median(results.Select(r => r.P99)):F1} ms"));
        Console.WriteLine(failed ? "FAILED: an acknowledged ballot is missing or differs" : "every acknowledged receipt is in the closed box with the content sent; the box's count equals the acknowledged ballots' count");
        return failed ? 1 : 0;
    }

    private static async Task<RunResult> RunOnceAsync(LoopbackApp host, Options o, CancellationToken ct)
    {
        var (roundId, boxKey, codes) = await SetUpRoundAsync(host.Services, o.Ballots, ct);

        var items = codes.Select((c, i) => (Code: c, Marks: Marks(i))).ToArray();
        var sends = items.Select(item => new FormSend($"/vote/{roundId}",
            [["_handler", "ballot"], ["code", item.Code], .. item.Marks.Select((m, i) => new[] { $"m{i}", m })])).ToArray();
        var batches = new ConcurrentBag<int>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SecrecyMetrics.MeterName && instrument.Name == SecrecyMetrics.BatchSizeName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => batches.Add(size));
        listener.Start();
        var load = await FormClients.SendAsync(host, o.Clients, sends, ct);
        var seconds = load.Seconds;
        var latencies = load.Replies.Select(r => r.PostMs).ToList();
        var acknowledged = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            if (load.Replies[i] is { Status: 200, Receipt: { } receipt })
            {
                acknowledged[receipt] = items[i].Marks;
            }
        }

        // Close the box, then check every acknowledged ballot is there as sent and the counts agree.
        await using var scope = host.Services.CreateAsyncScope();
        var boxes = scope.ServiceProvider.GetRequiredService<BallotBoxService>();
        var closing = Stopwatch.StartNew();
        await boxes.CloseAsync(boxKey, ct);
        var closeMs = closing.Elapsed.TotalMilliseconds;
        var stored = (await boxes.BallotsAsync(boxKey, ct)).ToDictionary(b => b.Receipt!, b => b.Content, StringComparer.Ordinal);
        var verified = acknowledged.Count(a => stored.TryGetValue(a.Key, out var content) && content == Content(a.Value));
        var countOf = (IEnumerable<string> contents) => CountJson.Write(ElectionCount.Count(new CountInput(
            ElectionMode.Formal, Seats, o.Ballots, o.Ballots, o.Ballots, Candidates, [.. contents.Select(Parse)])));
        if (stored.Count != acknowledged.Count || countOf(stored.Values) != countOf(acknowledged.Values.Select(Content)))
        {
            verified = -1;
        }

        var sorted = latencies.Order().ToArray();
        return new RunResult(seconds, acknowledged.Count / seconds, LoopbackApp.Percentile(sorted, 0.50), LoopbackApp.Percentile(sorted, 0.95), LoopbackApp.Percentile(sorted, 0.99), acknowledged.Count, verified, [.. batches], closeMs);
    }

    /// <summary>A round of the district committee with its box open and the codes issued, as the rounds feature would leave it.</summary>
    private static async Task<(int RoundId, string BoxKey, IReadOnlyList<string> Codes)> SetUpRoundAsync(IServiceProvider services, int codes, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
        // An organization without an election project: one is open per organization, and each run opens its own.
        var organizationId = await db.Organizations.Where(o => o.Status == OrganizationStatus.Active && !db.ElectionProjects.Any(p => p.OrganizationId == o.Id))
            .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var project = new ElectionProject { OrganizationId = organizationId, Title = "换届选举（压力测试）", TermNumber = 1, OpenedAt = DateTimeOffset.UtcNow };
        db.ElectionProjects.Add(project);
        await db.SaveChangesAsync(ct);
        var body = new ElectionBody { ProjectId = project.Id, Kind = BodyKind.Committee, Seats = Seats, MinExtraPercent = 20 };
        db.ElectionBodies.Add(body);
        await db.SaveChangesAsync(ct);
        var round = new ElectionRound
        {
            ProjectId = project.Id, BodyId = body.Id, Title = "委员会选举", Mode = ElectionMode.Formal, Electorate = Electorate.Members, Seats = Seats,
            CandidatesJson = JsonSerializer.Serialize(Candidates), EntitledVoters = codes, VotersPresent = codes, BallotsIssued = codes, Status = RoundStatus.Open,
        };
        db.ElectionRounds.Add(round);
        await db.SaveChangesAsync(ct);
        var boxes = scope.ServiceProvider.GetRequiredService<BallotBoxService>();
        boxes.Create(round.BoxKey);
        await db.SaveChangesAsync(ct);
        var issued = new List<string>();
        while (issued.Count < codes)
        {
            issued.AddRange(await boxes.IssueCodesAsync(round.BoxKey, Math.Min(BallotBoxService.MaxCodesPerBatch, codes - issued.Count), ct));
        }

        await boxes.OpenAsync(round.BoxKey, ct);
        return (round.Id, round.BoxKey, issued);
    }

    /// <summary>A valid ballot that varies with i: up to <see cref="Seats"/> For, some Against, the rest abstaining.</summary>
    private static string[] Marks(int i)
    {
        var marks = new string[Candidates.Length];
        var votesFor = 0;
        for (var c = 0; c < marks.Length; c++)
        {
            var pick = ((i * 7) + (c * 13) + (i / 3)) % 4;
            marks[c] = pick <= 1 && votesFor < Seats ? "for" : pick == 2 ? "against" : "abstain";
            votesFor += marks[c] == "for" ? 1 : 0;
        }

        return marks;
    }

    /// <summary>The content the server stores for these marks (the count's ballot shape, candidates in order).</summary>
    private static string Content(string[] marks)
    {
        var f = Candidates.Where((_, i) => marks[i] == "for");
        var a = Candidates.Where((_, i) => marks[i] == "against");
        return "{\"for\":[" + string.Join(',', f.Select(n => $"\"{n}\"")) + "],\"against\":[" + string.Join(',', a.Select(n => $"\"{n}\"")) + "],\"writeIns\":[],\"void\":false}";
    }

    private static Ballot Parse(string content)
    {
        using var doc = JsonDocument.Parse(content);
        string[] Names(string p) => [.. doc.RootElement.GetProperty(p).EnumerateArray().Select(x => x.GetString()!)];
        return new Ballot(Names("for"), Names("against"), Names("writeIns"), doc.RootElement.GetProperty("void").GetBoolean());
    }

}
