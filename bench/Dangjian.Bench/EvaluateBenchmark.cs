using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// The anonymous-evaluation load run (EVA-5): the real app on 127.0.0.1 over a fresh SQLite file (the
/// default provider), an open campaign of <see cref="Subjects"/> subjects rated on the six dimensions by three
/// evaluator groups, one code per evaluator, and every evaluator answering through HTTP as a phone does (GET the form
/// for its antiforgery token, POST the whole form) from C concurrent clients. Reports responses per second, the POST's
/// p50/p95/p99 latency and the process's memory at the end; then closes every group's box and checks that every
/// acknowledged receipt is in its box with exactly the ratings sent, that each box holds as many responses as were
/// acknowledged, and that the democratic scores computed from the boxes equal those computed from what was sent.
/// Bounded: a fixed number of evaluators per run, a fixed number of runs, a time limit.
/// </summary>
public static class EvaluateBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Subjects on the form (a township's leadership team).</summary>
    private const int Subjects = 5;

    /// <summary>The three groups and the share of evaluators in each.</summary>
    private static readonly (string Name, EvaluatorKind Kind, decimal Weight, double Share)[] Groups =
    [
        ("班子成员", EvaluatorKind.TeamMembers, 0.3m, 0.1),
        ("干部职工", EvaluatorKind.Staff, 0.4m, 0.3),
        ("群众代表", EvaluatorKind.ResidentRepresentatives, 0.3m, 0.6),
    ];

    public sealed record Options(int Evaluators, int Clients, int Runs, TimeSpan Limit);

    private sealed record RunResult(
        double Seconds, double PerSecond, double P50, double P95, double P99, int Accepted, int Verified, bool ScoresAgree,
        double WorkingSetMb, double PeakWorkingSetMb, double ManagedHeapMb);

    /// <summary>One evaluator: the group's box, a code, and the ratings (subject index, dimension index → scale label).</summary>
    private sealed record Evaluator(int Group, string Code, string[][] Ratings);

    public static async Task<int> RunAsync(Options o)
    {
        using var limit = new CancellationTokenSource(o.Limit);
        Console.WriteLine(string.Create(Inv, $"evaluate: {o.Evaluators:N0} evaluators per run ({Subjects} subjects × 6 dimensions each), {o.Clients} concurrent clients, {o.Runs} runs, SQLite; {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical CPUs"));
        var results = new List<RunResult>();
        var failed = false;
        // One server for every run, as a deployment keeps one running: run 1 meets it cold (the JIT, the first
        // connections), the later runs warm; each run opens a new form on it with codes of its own.
        await using var host = await LoopbackApp.StartAsync("evaluate", limit.Token);
        for (var run = 1; run <= o.Runs; run++)
        {
            var r = await RunOnceAsync(host, o, limit.Token);
            results.Add(r);
            var ok = r.Accepted == o.Evaluators && r.Verified == o.Evaluators && r.ScoresAgree;
            failed |= !ok;
            Console.WriteLine(string.Create(Inv,
                $"run {run}: {r.PerSecond,7:F1} responses/s ({r.Accepted} in {r.Seconds:F2} s)  POST p50 {r.P50,6:F1} ms  p95 {r.P95,6:F1} ms  p99 {r.P99,6:F1} ms  memory at end: working set {r.WorkingSetMb:F0} MB (peak {r.PeakWorkingSetMb:F0}), managed heap {r.ManagedHeapMb:F0} MB  counted {r.Verified}{(ok ? string.Empty : "  MISMATCH")}"));
        }

        var disk = DiskCommitRate.Measure(TimeSpan.FromSeconds(5));
        Console.WriteLine(string.Create(Inv,
            $"raw durable commit rate of this file system (one-row SQLite transactions, the app's pragmas, 5 s): {disk:F0}/s; acknowledged responses/s ÷ it = {LoopbackApp.Median(results.Select(r => r.PerSecond)) / disk:F3}"));
        Console.WriteLine(string.Create(Inv,
            $"median of {results.Count}: {LoopbackApp.Median(results.Select(r => r.PerSecond)):F1} responses/s  POST p50 {LoopbackApp.Median(results.Select(r => r.P50)):F1} ms  p95 {LoopbackApp.Median(results.Select(r => r.P95)):F1} ms  p99 {LoopbackApp.Median(results.Select(r => r.P99)):F1} ms  working set at end {LoopbackApp.Median(results.Select(r => r.WorkingSetMb)):F0} MB, managed heap {LoopbackApp.Median(results.Select(r => r.ManagedHeapMb)):F0} MB"));
        Console.WriteLine(failed
            ? "FAILED: an acknowledged response is missing, differs, or the scores disagree"
            : "every acknowledged receipt is in its closed box with the ratings sent; each box's count equals its acknowledged responses; the scores from the boxes equal the scores from what was sent");
        return failed ? 1 : 0;
    }

    private static async Task<RunResult> RunOnceAsync(LoopbackApp host, Options o, CancellationToken ct)
    {
        var (groupIds, subjectIds, dimensions, scale, codes) = await SetUpCampaignAsync(host.Services, o.Evaluators, ct);

        var evaluators = codes.Select((c, i) => new Evaluator(c.Group, c.Code, Ratings(i, dimensions.Count, scale))).ToList();
        var sends = evaluators.Select(e => new FormSend($"/public/evaluations/{groupIds[e.Group]}",
        [
            ["_handler", "evaluation"], ["code", e.Code],
            .. Enumerable.Range(0, subjectIds.Count).SelectMany(s => Enumerable.Range(0, dimensions.Count).Select(d => new[] { $"r{subjectIds[s]}_{d}", e.Ratings[s][d] })),
        ])).ToArray();
        var load = await FormClients.SendAsync(host, o.Clients, sends, ct);
        var seconds = load.Seconds;
        var latencies = load.Replies.Select(r => r.PostMs).ToList();
        var acknowledged = new Dictionary<(int Group, string Receipt), Evaluator>();
        for (var i = 0; i < evaluators.Count; i++)
        {
            if (load.Replies[i] is { Status: 200, Receipt: { } receipt })
            {
                acknowledged[(evaluators[i].Group, receipt)] = evaluators[i];
            }
        }

        // Memory of the server at the end of the load (the load generator ran in its own process).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        using var self = Process.GetCurrentProcess();
        var workingSet = self.WorkingSet64 / 1048576.0;
        var peak = self.PeakWorkingSet64 / 1048576.0;

        // Close every box, then check every acknowledged response is there as sent and nothing else is.
        await using var scope = host.Services.CreateAsyncScope();
        var boxes = scope.ServiceProvider.GetRequiredService<BallotBoxService>();
        var verified = 0;
        var storedCount = 0;
        var stored = new List<(int Group, string[][] Ratings)>();
        for (var g = 0; g < groupIds.Count; g++)
        {
            var key = EvaluationGroup.BoxKeyFor(groupIds[g]);
            await boxes.CloseAsync(key, ct);
            foreach (var ballot in await boxes.BallotsAsync(key, ct))
            {
                storedCount++;
                var ratings = Parse(ballot.Content, subjectIds, dimensions);
                stored.Add((g, ratings));
                if (acknowledged.TryGetValue((g, ballot.Receipt!), out var sent) && Same(sent.Ratings, ratings))
                {
                    verified++;
                }
            }
        }

        if (storedCount != acknowledged.Count)
        {
            verified = -1;
        }

        var fromBoxes = Scores(stored, subjectIds.Count, dimensions);
        var fromSent = Scores([.. acknowledged.Values.Select(e => (e.Group, e.Ratings))], subjectIds.Count, dimensions);
        var sorted = latencies.Order().ToArray();
        return new RunResult(
            seconds, acknowledged.Count / seconds,
            LoopbackApp.Percentile(sorted, 0.50), LoopbackApp.Percentile(sorted, 0.95), LoopbackApp.Percentile(sorted, 0.99),
            acknowledged.Count, verified, fromBoxes.SequenceEqual(fromSent), workingSet, peak, managed);
    }

    /// <summary>An open campaign with its groups' boxes open and the codes issued, as the campaigns feature leaves it.</summary>
    private static async Task<(List<int> Groups, List<int> Subjects, IReadOnlyList<CriteriaDimension> Dimensions, string[] Scale, List<(int Group, string Code)> Codes)> SetUpCampaignAsync(
        IServiceProvider services, int evaluators, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
        var organizationId = await db.Organizations.Where(o => o.Status == OrganizationStatus.Active).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var criteria = EvaluationCriteria.Default;
        var now = DateTimeOffset.UtcNow;
        var campaign = new EvaluationCampaign
        {
            OrganizationId = organizationId, Title = "年度考核民主测评（压力测试）", Year = now.Year, Kind = CampaignKind.AnnualAssessment,
            SubjectKind = SubjectKind.Cadre, CriteriaJson = CampaignJson.Write(criteria), GradesJson = CampaignJson.Write(GradeRule.Annual),
            ComponentsJson = CampaignJson.Write(ComponentWeights.Default), VetoGrade = "不称职", OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(1),
            Seed = EvaluatorDraw.NewSeed(), Status = CampaignStatus.Open, AnnouncedAt = now.AddDays(-7), Announcement = "压力测试",
        };
        db.EvaluationCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        var subjects = Enumerable.Range(1, Subjects)
            .Select(i => new EvaluationSubject { CampaignId = campaign.Id, Name = $"测评对象{i}", Description = "班子成员", Order = i })
            .ToList();
        var groups = Groups.Select((g, i) => new EvaluationGroup { CampaignId = campaign.Id, Name = g.Name, Kind = g.Kind, Weight = g.Weight, Order = i }).ToList();
        db.EvaluationSubjects.AddRange(subjects);
        db.EvaluationGroups.AddRange(groups);
        await db.SaveChangesAsync(ct);

        var boxes = scope.ServiceProvider.GetRequiredService<BallotBoxService>();
        var codes = new List<(int Group, string Code)>();
        for (var g = 0; g < groups.Count; g++)
        {
            boxes.Create(groups[g].BoxKey);
            await db.SaveChangesAsync(ct);
            var count = g == groups.Count - 1 ? evaluators - codes.Count : (int)(evaluators * Groups[g].Share);
            var issued = new List<string>();
            while (issued.Count < count)
            {
                issued.AddRange(await boxes.IssueCodesAsync(groups[g].BoxKey, Math.Min(BallotBoxService.MaxCodesPerBatch, count - issued.Count), ct));
            }

            codes.AddRange(issued.Select(c => (g, c)));
            await boxes.OpenAsync(groups[g].BoxKey, ct);
        }

        // Interleave the groups, as a district's evaluators answer at once (codes are random, so their order is).
        var order = codes.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        return ([.. groups.Select(g => g.Id)], [.. subjects.Select(s => s.Id)], criteria.Dimensions, [.. criteria.Scale.Select(p => p.Label)], order);
    }

    /// <summary>Ratings that vary with the evaluator: every label of the scale occurs.</summary>
    private static string[][] Ratings(int i, int dimensions, string[] scale) =>
        [.. Enumerable.Range(0, Subjects).Select(s => Enumerable.Range(0, dimensions)
            .Select(d => scale[((i * 7) + (s * 5) + (d * 3) + (i / 11)) % scale.Length]).ToArray())];

    /// <summary>A stored response back as ratings by subject and dimension position (content: {"v":1,"ratings":{"id":{"德":"好"}}}).</summary>
    private static string[][] Parse(string content, List<int> subjectIds, IReadOnlyList<CriteriaDimension> dimensions)
    {
        using var doc = JsonDocument.Parse(content);
        var ratings = doc.RootElement.GetProperty("ratings");
        return [.. subjectIds.Select(id => dimensions
            .Select(d => ratings.GetProperty(id.ToString(Inv)).GetProperty(d.Name).GetString()!).ToArray())];
    }

    private static bool Same(string[][] a, string[][] b) => a.Zip(b).All(p => p.First.SequenceEqual(p.Second));

    /// <summary>Each subject's democratic score by the one engine (the composite of a democratic-only assessment).</summary>
    private static List<decimal> Scores(List<(int Group, string[][] Ratings)> responses, int subjects, IReadOnlyList<CriteriaDimension> dimensions)
    {
        var criteria = EvaluationCriteria.Default;
        var input = new ScoringInput(
            [.. criteria.Scale.Select(p => new ScaleLevel(p.Label, p.Value))],
            [.. dimensions.Select(d => new NamedWeight(d.Name, d.Weight))],
            [.. Groups.Select(g => new NamedWeight(g.Name, g.Weight))],
            new ComponentWeights(0, 1, 0),
            [new EvaluationGrade("优秀", 90, 0.2m), new EvaluationGrade("称职", 70), new EvaluationGrade("基本称职", 60), new EvaluationGrade("不称职", 0)],
            "不称职",
            [.. Enumerable.Range(0, subjects).Select(s => new ScoringSubject(
                $"S{s}", 0, 0, false,
                [.. responses.Select(r => new EvaluationResponse(Groups[r.Group].Name, dimensions.Select((d, i) => (d.Name, r.Ratings[s][i])).ToDictionary(x => x.Name, x => x.Item2)))]))]);
                return [.. EvaluationScoring.Score(input).Subjects.OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => x.Democratic)];
    }

}
