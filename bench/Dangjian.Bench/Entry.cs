using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Dangjian.Bench;

/// <summary>
/// dotnet run -c Release --project bench/Dangjian.Bench [-- --rows N --runs N --imports N --limit-minutes N]   the roster benchmark
/// dotnet run -c Release --project bench/Dangjian.Bench -- micro [BenchmarkDotNet args]   the micro-benchmarks
/// dotnet run -c Release --project bench/Dangjian.Bench -- count [--ballots N --runs N --seed N --shared-names]   the counting engine
/// dotnet run -c Release --project bench/Dangjian.Bench -- meetings [--runs N]   meeting pages' queries on the demo district
/// dotnet run -c Release --project bench/Dangjian.Bench -- study [--records N --runs N --seed N]   study pages' queries with a year of records
/// dotnet run -c Release --project bench/Dangjian.Bench -- vote [--ballots N --clients N --runs N --limit-minutes N]   electronic ballots over HTTP
/// dotnet run -c Release --project bench/Dangjian.Bench -- evaluate [--evaluators N --clients N --runs N --limit-minutes N]   anonymous evaluation over HTTP
/// </summary>
public static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "micro")
        {
            // In-process: no second build of the web project in a generated folder; a short run keeps it bounded.
            var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            BenchmarkSwitcher.FromTypes([typeof(DomainBenchmarks), typeof(MeetingBenchmarks)]).Run(args[1..] is { Length: > 0 } rest ? rest : ["--filter", "*"], config);
            return 0;
        }

        if (args.Length > 0 && args[0] == "count")
        {
            return CountBenchmark.Run(new CountBenchmark.Options(
                Ballots: Option(args, "--ballots", 1_000_000),
                Runs: Math.Max(5, Option(args, "--runs", 7)),
                Seed: Option(args, "--seed", 20261123),
                SharedNames: args.Contains("--shared-names")));
        }

        if (args.Length > 0 && args[0] == "meetings")
        {
            return await MeetingsBenchmark.RunAsync(new MeetingsBenchmark.Options(Runs: Math.Max(3, Option(args, "--runs", 9))));
        }

        if (args.Length > 0 && args[0] == "study")
        {
            return await StudyBenchmark.RunAsync(new StudyBenchmark.Options(
                Records: Option(args, "--records", 100_000),
                Runs: Math.Max(3, Option(args, "--runs", 7)),
                Seed: Option(args, "--seed", 20261206)));
        }

        if (args.Length > 0 && args[0] == "form-clients")
        {
            return await FormClients.RunChildAsync(args);
        }

        if (args.Length > 0 && args[0] == "vote")
        {
            return await VoteBenchmark.RunAsync(new VoteBenchmark.Options(
                Ballots: Option(args, "--ballots", 2000),
                Clients: Option(args, "--clients", 32),
                Runs: Option(args, "--runs", 3),
                Limit: TimeSpan.FromMinutes(Option(args, "--limit-minutes", 20))));
        }

        if (args.Length > 0 && args[0] == "evaluate")
        {
            return await EvaluateBenchmark.RunAsync(new EvaluateBenchmark.Options(
                Evaluators: Option(args, "--evaluators", 5000),
                Clients: Option(args, "--clients", 200),
                Runs: Option(args, "--runs", 3),
                Limit: TimeSpan.FromMinutes(Option(args, "--limit-minutes", 20))));
        }

        var options = new RosterBenchmark.Options(
            Rows: Option(args, "--rows", 100_000),
            QueryRuns: Option(args, "--runs", 20),
            ImportRuns: Option(args, "--imports", 3),
            Limit: TimeSpan.FromMinutes(Option(args, "--limit-minutes", 90)));
        return await RosterBenchmark.RunAsync(options);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
