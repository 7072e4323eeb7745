using Dangjian.Domain.Meetings;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Meetings;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Meetings;

/// <summary>
/// DLM-1 and DLM-4 in the browser, on the demo's township A: this year's meeting opens with last year's open
/// rectifications; one is completed from there (same record: last year's quality rises), the rest ticked and completed in
/// one save; the two remaining 到位 items are
/// confirmed and the meeting is marked held.
/// </summary>
public sealed class DemocraticLifeTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task ThisYearsMeeting_CompletesACarriedMeasure_LastYearsQualityRises_ThenHeldOnceReady() => RunAsync(async page =>
    {
        var township = await App.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == DemoFacts.OrgAdminA).Select(x => x.OrganizationId).FirstAsync());
        var rows = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<DemocraticLifeQueries>().ListAsync(township, null, 1, 50));
        var year = OrgToday.Value.Year;
        var thisYear = rows.Items.Single(r => r.Year == year && r.Status == DemocraticLifeStatus.Preparing);
        var lastYear = rows.Items.Single(r => r.Year == year - 1);
        var meeting = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<DemocraticLifeQueries>().GetAsync(thisYear.Id));
        var carried = meeting.CarriedOver.First(c => c.MeetingId == lastYear.Id);

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var dlm = await new DemocraticLifePage(page, Ui.Zh).OpenFromListAsync(township, thisYear.Theme);
        await Expect(dlm.CarryOver).ToHaveAttributeAsync("data-carry-over", BrowserApp.Invariant(meeting.CarriedOver.Count));
        await Expect(dlm.Rectification(carried.Rectification.Id)).ToContainTextAsync(carried.Rectification.Measure);

        await dlm.CompleteAsync(carried.Rectification.Id, "整改情况已在班子会议上通报");

        await Expect(dlm.CarryOver).ToHaveAttributeAsync("data-carry-over", BrowserApp.Invariant(meeting.CarriedOver.Count - 1));
        var after = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<DemocraticLifeQueries>().GetAsync(lastYear.Id));
        Assert.Equal(RectificationStatus.Done, after.Members.SelectMany(m => m.Problems).SelectMany(p => p.Rectifications).Single(r => r.Id == carried.Rectification.Id).Status);
        await Expect(dlm.QualityRow(lastYear.Id)).ToContainTextAsync(DlmForms.Quality(after.Quality, string.Empty));

        // The rest of the carried measures in one save: tick all in the carry-over section, one day, one evidence.
        var rest = meeting.CarriedOver.Where(c => c.Rectification.Id != carried.Rectification.Id && c.Rectification.Status == RectificationStatus.Open).ToList();
        Assert.True(rest.Count >= 2, $"the demo's township A carries {rest.Count} more open measures; this walk needs two");
        await dlm.CompleteAllCarriedAsync("已在班子会议上逐项通报");
        await Expect(dlm.CarryOver).ToHaveAttributeAsync("data-carry-over", BrowserApp.Invariant(meeting.CarriedOver.Count - 1 - rest.Count));
        var done = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<DemocraticLifeQueries>().GetAsync(thisYear.Id));
        Assert.DoesNotContain(done.CarriedOver, c => rest.Any(r => r.Rectification.Id == c.Rectification.Id));

        await dlm.ConfirmAsync("Time");
        await dlm.ConfirmAsync("Opinions");
        await dlm.MarkHeldAsync();

        await Expect(dlm.Status).ToHaveAttributeAsync("data-status", "Held");
        var held = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<DemocraticLifeQueries>().GetAsync(thisYear.Id));
        Assert.Equal(DemocraticLifeStatus.Held, held.Status);
        Assert.All(held.Checklist, c => Assert.True(c.Confirmed));
    });
}
