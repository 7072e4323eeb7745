using System.Diagnostics;
using System.Globalization;

namespace Dangjian.Bench;

/// <summary>
/// Times a page's query as a request makes it: each call in a fresh scope as the district admin, one warm-up, then
/// <c>runs</c> timed calls; prints the median and the slowest. <see cref="Hosts"/>: SQLite, then PostgreSQL when a
/// server is named — each started only after the one before is gone, so they never share the cores.
/// </summary>
internal static class QueryTimer
{
    public static IReadOnlyList<Func<Task<BenchHost>>> Hosts()
    {
        var hosts = new List<Func<Task<BenchHost>>> { BenchHost.SqliteAsync };
        if (Environment.GetEnvironmentVariable(BenchHost.PostgresVariable) is { Length: > 0 })
        {
            hosts.Add(() => BenchHost.PostgresAsync()!);
        }

        return hosts;
    }

    public static async Task TimeAsync<T>(BenchHost host, int runs, string operation, Func<IServiceProvider, Task<T>> work)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            await using var scope = await host.ScopeAsAsync("admin");
            var watch = Stopwatch.StartNew();
            await work(scope.ServiceProvider);
            watch.Stop();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {operation,-44} median {times[times.Count / 2],8:F1} ms   slowest {times[^1],8:F1} ms   ({runs} runs)"));
    }
}
