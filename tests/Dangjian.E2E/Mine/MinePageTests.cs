using Dangjian.Domain.Meetings;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using MineQueries = Dangjian.Web.Features.Mine.MineQueries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Mine;

/// <summary>
/// The member's own page on a phone (390 × 844): the demo member opens 我的 from the menu and finds their meetings and the
/// measures they own — the overdue one marked — and none of the measures or meetings of the others of their branch; they
/// mark their overdue measure done with evidence. An account linked to no person has no 我的 and is told why.
/// </summary>
public sealed class MinePageTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Member = "member";

    [Fact]
    public Task Member_AtPhoneWidth_SeesOnlyTheirOwn_AndMarksTheirOverdueMeasureDone() => RunAsync(BrowserApp.Phone, async page =>
    {
        var mine = await App.AsUserAsync(Member, sp => sp.GetRequiredService<MineQueries>().GetAsync());
        var branch = mine.Person!.OrganizationId;
        var personId = mine.Person.Id;
        var overdue = mine.Rectifications.First(r => r.Rectification.Overdue).Rectification;
        // What belongs to others of the branch: measures they own, meetings the member is not invited to, others' follow-ups.
        var branchMeasures = await App.WithDbAsync(db => db.DemocraticLifeRectifications
            .Join(db.DemocraticLifeProblems, r => r.ProblemId, p => p.Id, (r, p) => new { r.Id, p.MeetingId })
            .Join(db.DemocraticLifeMeetings.Where(m => m.OrganizationId == branch), x => x.MeetingId, m => m.Id, (x, m) => x.Id).ToListAsync());
        var othersMeasures = branchMeasures.Except(mine.Rectifications.Select(r => r.Rectification.Id)).ToList();
        var othersMeetings = await App.WithDbAsync(db => db.Meetings.Where(m => m.OrganizationId == branch && !m.Participants.Any(p => p.PersonId == personId)).Select(m => m.Id).ToListAsync());
        Assert.NotEmpty(othersMeasures);
        Assert.NotEmpty(othersMeetings);
        Assert.Contains(mine.Meetings, m => m.Upcoming);

        await new LoginPage(page).SignInAsync(Member);
        var me = await new MinePage(page, Ui.Zh).OpenFromMenuAsync();

        await Expect(me.Measures).ToHaveCountAsync(mine.Rectifications.Count);
        Assert.Equal(mine.Rectifications.Select(r => r.Rectification.Id), await MinePage.IdsAsync(me.Measures, "data-rectification"));
        Assert.Empty((await MinePage.IdsAsync(me.Measures, "data-rectification")).Intersect(othersMeasures));
        Assert.Equal(mine.Meetings.Select(m => m.Id), await MinePage.IdsAsync(me.Meetings, "data-meeting"));
        Assert.Empty((await MinePage.IdsAsync(me.Meetings, "data-meeting")).Intersect(othersMeetings));
        Assert.Equal(mine.FollowUps.Select(f => f.Id), await MinePage.IdsAsync(me.FollowUps, "data-follow-up"));
        if (mine.FollowUps.Count == 0)
        {
            await Expect(me.Empty("follow-ups")).ToBeVisibleAsync();
        }

        await Expect(me.Measure(overdue.Id)).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(me.Measure(overdue.Id)).ToContainTextAsync(Ui.Text<Dangjian.Web.Features.Meetings.DemocraticLife.DemocraticLifeText>("Overdue", Ui.Zh));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at phone width");

        await me.CompleteAsync(overdue.Id, "已整理学习资料，在支部党员群分享");

        await Expect(me.Measure(overdue.Id)).ToHaveAttributeAsync("data-status", "Done");
        var status = await App.WithDbAsync(db => db.DemocraticLifeRectifications.Where(r => r.Id == overdue.Id).Select(r => new { r.Status, r.Evidence }).FirstAsync());
        Assert.Equal((RectificationStatus.Done, "已整理学习资料，在支部党员群分享"), (status.Status, status.Evidence));
    });

    [Fact]
    public Task Member_TicksThreeMeasures_OneClickMarksThemDone_AndAReloadShowsIt() => RunAsync(BrowserApp.Desktop, async page =>
    {
        var mine = await App.AsUserAsync(Member, sp => sp.GetRequiredService<MineQueries>().GetAsync());
        var name = mine.Person!.Name;
        var meetingId = mine.Rectifications[0].MeetingId;
        // Three more measures the member owns, on a problem of the meeting their first measure came from.
        var ids = await App.WithDbAsync(async db =>
        {
            var problemId = await db.DemocraticLifeProblems.Where(p => p.MeetingId == meetingId).Select(p => p.Id).FirstAsync();
            var added = new[] { "批量一", "批量二", "批量三" }.Select(m => new DemocraticLifeRectification
            {
                ProblemId = problemId, Measure = m, Owner = name, Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), Evidence = "学习笔记",
            }).ToList();
            db.DemocraticLifeRectifications.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(r => r.Id).ToList();
        });

        await new LoginPage(page).SignInAsync(Member);
        await Interactive.GotoAsync(page, "me");
        var me = new MinePage(page, Ui.Zh);
        foreach (var id in ids)
        {
            await me.Tick(id).CheckAsync();
        }

        await me.CompleteTicked.ClickAsync();
        await Expect(me.Measure(ids[^1])).ToHaveAttributeAsync("data-status", "Done");
        await page.ReloadAsync();

        foreach (var id in ids)
        {
            await Expect(me.Measure(id)).ToHaveAttributeAsync("data-status", "Done");
        }

        Assert.Equal([RectificationStatus.Done], await App.WithDbAsync(db => db.DemocraticLifeRectifications.Where(r => ids.Contains(r.Id)).Select(r => r.Status).Distinct().ToListAsync()));
    });

    [Fact]
    public Task AccountWithoutPerson_NoMineInTheMenu_AndThePageSaysWhy() => RunAsync(BrowserApp.Phone, async page =>
    {
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var me = new MinePage(page, Ui.Zh);
        await me.OpenMenuAsync();
        await Expect(me.MenuEntry).ToHaveCountAsync(0);

        await Interactive.GotoAsync(page, "me");

        await Expect(me.NoPerson).ToBeVisibleAsync();
        await Expect(me.Measures).ToHaveCountAsync(0);
    });
}
