using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Dangjian.Bench;

/// <summary>
/// dotnet run -c Release --project bench/Dangjian.Bench [-- --rows N --runs N]   the roster benchmark
/// dotnet run -c Release --project bench/Dangjian.Bench -- micro [BenchmarkDotNet args]   the micro-benchmarks
/// </summary>
public static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "micro")
        {
            // In-process: no second build of the web project in a generated folder; a short run keeps it bounded.
            var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            BenchmarkSwitcher.FromTypes([typeof(DomainBenchmarks)]).Run(args[1..] is { Length: > 0 } rest ? rest : ["--filter", "*"], config);
            return 0;
        }

        var rows = Option(args, "--rows", 100_000);
        var runs = Option(args, "--runs", 7);
        return await RosterBenchmark.RunAsync(rows, runs);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
