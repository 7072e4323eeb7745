using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.Minutes;
using Dangjian.Web.Features.Meetings.Proceedings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Meetings;

/// <summary>
/// The branch secretary runs their own branch's 支委会 in the browser (the permission matrix gives the secretary
/// Meetings.Run, Minutes.Write and Minutes.Sign over their branch, after 《中国共产党支部工作条例（试行）》): call it, record
/// attendance, decide an item openly, close it and sign the minutes. On another branch of the township the pages refuse
/// and offer none of that, and the API refuses it.
/// </summary>
public sealed class SecretaryMeetingTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Secretary_CallsAttendsDecidesAndSigns_TheirBranchsCommitteeMeeting() => RunAsync(async page =>
    {
        var branch = await ScopeOfAsync(DemoFacts.Secretary);
        var team = await TeamAsync(branch);
        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        await Interactive.GotoAsync(page, $"meetings?organizationId={branch}");
        await page.Locator("#call-meeting").ClickAsync();
        // Their branch is chosen, and its committee (支委) proposed as the invitees.
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = Ui.Text<MeetingText>("Invitees", Ui.Zh) })).ToContainTextAsync(team[^1].Name);

        var title = "书记浏览器支委会" + Guid.NewGuid().ToString("N")[..4];
        await page.Locator("#meeting-title").FillAsync(title);
        await page.Locator("#meeting-date").FillAsync("2026-12-10");
        await page.Locator("#meeting-notice-date").FillAsync("2026-12-07");
        await page.Locator("#call-save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var meetingId = await App.WithDbAsync(db => db.Meetings.Where(m => m.Title == title).Select(m => m.Id).SingleAsync());

        // Attendance as one sheet (on the page opened afresh, so no late load resets a choice): every committee member
        // present in one go and one save.
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        await page.Locator("#all-present").ClickAsync();
        await page.Locator("#save-attendance").ClickAsync();
        // The summary counts what is recorded, so it changes once the save is done.
        await Expect(page.Locator("[data-attendance-summary]")).ToHaveTextAsync(Ui.Format<MeetingText>("AttendanceSummary", Ui.Zh, team.Count, team.Count));

        Assert.All(await App.WithDbAsync(db => db.MeetingParticipants.Where(p => p.MeetingId == meetingId).Select(p => p.Attendance).ToListAsync()),
            a => Assert.Equal(Attendance.Present, a));

        // An item added and decided by an open vote, every member for: passed.
        await page.Locator("#item-title").FillAsync("发展对象的确定");
        await page.Locator("#add-item").ClickAsync();
        var card = page.Locator("[data-item]").Filter(new() { HasText = "发展对象的确定" });
        await Expect(card.Locator("[data-quorum-met=true]")).ToBeVisibleAsync();
        foreach (var member in team)
        {
            var group = card.GetByRole(AriaRole.Radiogroup, new() { Name = Ui.Format<MeetingText>("VoteOf", Ui.Zh, member.Name) });
            await group.GetByText(Ui.Text<EnumText>("VoteChoice.For", Ui.Zh), new() { Exact = true }).ClickAsync();
        }

        await card.Locator("[data-action=vote]").ClickAsync();
        await Expect(card.Locator("[data-outcome=Passed]")).ToBeVisibleAsync();

        // Closed, minutes drafted and signed by the secretary: they get the branch's number.
        await page.Locator("#close-meeting").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<MeetingText>("CloseMeeting", Ui.Zh) }).ClickAsync();
        await Expect(page.Locator("[data-status=Closed]")).ToBeVisibleAsync();
        var minutes = page.Locator("[data-minutes-section=true]");
        await minutes.GetByLabel(Ui.Text<RuleText>("Field.MinutesText", Ui.Zh)).FillAsync("会议研究确定了发展对象，全体委员同意。");
        await minutes.GetByRole(AriaRole.Button, new() { Name = Ui.Text<MinutesText>("CreateDraft", Ui.Zh) }).ClickAsync();
        var sign = minutes.GetByRole(AriaRole.Button, new() { Name = Ui.Text<MinutesText>("Sign", Ui.Zh), Exact = true });
        await Expect(sign).ToBeEnabledAsync();
        await sign.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<MinutesText>("Sign", Ui.Zh) }).ClickAsync();
        await Expect(minutes.Locator("[data-number]").First).ToBeVisibleAsync();
        Assert.Equal((MinutesStatus.SignedOff, DemoFacts.Secretary), await App.WithDbAsync(db => db.MeetingMinutes
            .Where(x => x.MeetingId == meetingId).Select(x => new ValueTuple<MinutesStatus, string?>(x.Status, x.SignedBy)).SingleAsync()));
    });

    [Fact]
    public Task Secretary_OnAnotherBranch_IsOfferedNoAction_AndTheApiRefuses() => RunAsync(async page =>
    {
        var own = await ScopeOfAsync(DemoFacts.Secretary);
        var township = await ScopeOfAsync(DemoFacts.OrgAdminA);
        var other = await App.WithDbAsync(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == township).Select(o => o.Path).SingleAsync();
            return await db.Organizations.Where(o => o.Path.StartsWith(path) && o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active && o.Id != own
                    && db.LeadershipTeams.Any(t => t.OrganizationId == o.Id))
                .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        });
        var title = "他支部支委会" + Guid.NewGuid().ToString("N")[..4];
        var meetingId = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var id = await sp.GetRequiredService<MeetingCommands>().CreateAsync(new CreateMeetingRequest(other, MeetingType.CommitteeMeeting, title,
                new DateOnly(2026, 12, 10), null, null, new DateOnly(2026, 12, 7), null, false, null, null, null));
            await sp.GetRequiredService<ItemCommands>().AddAsync(id, new ItemRequest("他支部议题", ItemCategory.Routine, null, [], null, VoteMode.Open));
            return id;
        });

        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        // Another branch's meeting is outside the secretary's grant altogether: the page says so and shows nothing of it.
        await Expect(page.Locator("[data-refused=true]")).ToBeVisibleAsync();
        await Expect(page.GetByText(title)).ToHaveCountAsync(0);
        foreach (var action in new[] { "#edit-meeting", "#close-meeting", "#item-title", "#add-item", "[data-action=vote]", "[data-minutes-section=true] button" })
        {
            await Expect(page.Locator(action)).ToHaveCountAsync(0);
        }

        await Interactive.GotoAsync(page, $"meetings?organizationId={other}");
        await Expect(page.Locator("#call-meeting")).ToHaveCountAsync(0);

        // The same steps straight to the API, from the signed-in page: refused, and nothing recorded.
        var audit = await App.WithDbAsync(db => db.AuditEntries.CountAsync());
        foreach (var (url, body) in new[]
        {
            ($"api/v1/meetings/{meetingId}/items", """{"title":"越权议题","category":"Routine"}"""),
            ($"api/v1/meetings/{meetingId}/close", """{"version":0}"""),
            ($"api/v1/meetings/{meetingId}/minutes", """{"text":"越权纪要"}"""),
        })
        {
            var status = await page.EvaluateAsync<int>(
                "async ([url, body]) => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status", new[] { url, body });
            Assert.True(status == 403, $"POST {url}: {status}");
        }

        Assert.Equal(audit, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));
    });

    private Task<int> ScopeOfAsync(string userName) =>
        App.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == userName).Select(x => x.OrganizationId).FirstAsync());

    /// <summary>The people of the organization's current leadership team (its 支委).</summary>
    private Task<List<(int Id, string Name)>> TeamAsync(int organizationId) =>
        App.WithDbAsync(async db =>
        {
            var team = await db.LeadershipTeams.Where(t => t.OrganizationId == organizationId).OrderByDescending(t => t.StartsOn).Select(t => t.Id).FirstAsync();
            var people = await db.TeamPositions.Where(p => p.TeamId == team).OrderBy(p => p.Role).Select(p => p.PersonId).Distinct().ToListAsync();
            var names = await db.People.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
            return people.Select(id => (id, names[id])).ToList();
        });
}
