using System.Diagnostics;
using System.Globalization;
using Dangjian.Web.Features.Meetings.Compliance;
using Dangjian.Web.Features.Meetings.Proceedings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// What a district admin waits for on the meeting pages of the demo district (≈5,400 meetings of 2026): the 三会一课
/// dashboard over the whole district, the first page of the meeting list and of the decision register, and one
/// meeting held in full. Each through the same service a request calls, in a scope as "admin"; one warm-up, then
/// <c>runs</c> timed calls; median and slowest printed per provider. Bounded: it stops after the runs.
/// </summary>
public static class MeetingsBenchmark
{
    public sealed record Options(int Runs);

    public static async Task<int> RunAsync(Options o)
    {
        var hosts = new List<Func<Task<BenchHost>>> { BenchHost.SqliteAsync };
        if (Environment.GetEnvironmentVariable(BenchHost.PostgresVariable) is { Length: > 0 })
        {
            hosts.Add(() => BenchHost.PostgresAsync()!); // started only after SQLite's host is gone, so they never share the cores
        }

        foreach (var start in hosts)
        {
            await using var host = await start();
            var meetingId = await host.WithDbAsync(db => db.AgendaItems.OrderBy(i => i.Id).Select(i => i.MeetingId).FirstAsync());
            var meetings = await host.WithDbAsync(db => db.Meetings.CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{host.Provider}: {meetings} meetings in the demo district"));
            await TimeAsync(host, o.Runs, "compliance dashboard, whole district", sp => sp.GetRequiredService<ComplianceQueries>().OverviewAsync(new ComplianceFilter(), 1, 20));
            await TimeAsync(host, o.Runs, "meeting list, first page", sp => sp.GetRequiredService<MeetingQueries>().ListAsync(null, null, null, null, null, null, 1, 20));
            await TimeAsync(host, o.Runs, "decision register, first page", sp => sp.GetRequiredService<DecisionRegister>().ListAsync(null, null, null, null, null, 1, 20));
            await TimeAsync(host, o.Runs, "one meeting held in full", sp => sp.GetRequiredService<MeetingQueries>().GetAsync(meetingId));
        }

        return 0;
    }

    private static async Task TimeAsync<T>(BenchHost host, int runs, string operation, Func<IServiceProvider, Task<T>> work)
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
            $"  {operation,-40} median {times[times.Count / 2],8:F1} ms   slowest {times[^1],8:F1} ms   ({runs} runs)"));
    }
}
