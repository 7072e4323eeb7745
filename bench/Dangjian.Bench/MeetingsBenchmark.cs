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
        foreach (var start in QueryTimer.Hosts())
        {
            await using var host = await start();
            var meetingId = await host.WithDbAsync(db => db.AgendaItems.OrderBy(i => i.Id).Select(i => i.MeetingId).FirstAsync());
            var meetings = await host.WithDbAsync(db => db.Meetings.CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{host.Provider}: {meetings} meetings in the demo district"));
            await QueryTimer.TimeAsync(host, o.Runs, "compliance dashboard, whole district", sp => sp.GetRequiredService<ComplianceQueries>().OverviewAsync(new ComplianceFilter(), 1, 20));
            await QueryTimer.TimeAsync(host, o.Runs, "meeting list, first page", sp => sp.GetRequiredService<MeetingQueries>().ListAsync(null, null, null, null, null, null, 1, 20));
            await QueryTimer.TimeAsync(host, o.Runs, "decision register, first page", sp => sp.GetRequiredService<DecisionRegister>().ListAsync(null, null, null, null, null, 1, 20));
            await QueryTimer.TimeAsync(host, o.Runs, "one meeting held in full", sp => sp.GetRequiredService<MeetingQueries>().GetAsync(meetingId));
        }

        return 0;
    }
}
