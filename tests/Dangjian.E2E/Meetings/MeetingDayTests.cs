using Dangjian.Domain.Meetings;
using Dangjian.Domain.People;
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
/// The everyday walk of a meeting's clerk: what one action changes shows at once on the same page (the minutes'
/// 签发 after 结束会议), attendance of the whole room in one save, and minutes that start from what was recorded.
/// </summary>
public sealed class MeetingDayTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task CloseMeeting_EnablesSigning_WithoutAReload() => RunAsync(async page =>
    {
        var meetingId = await CallMeetingAsync("结束即签发");
        await App.AsUserAsync(DemoFacts.Secretary, async sp =>
        {
            await sp.GetRequiredService<MinutesCommands>().SaveDraftAsync(meetingId, new SaveMinutesRequest("会议研究了本季度工作。"));
            return 0;
        });

        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        var minutes = page.Locator("[data-minutes-section=true]");
        var sign = minutes.GetByRole(AriaRole.Button, new() { Name = Ui.Text<MinutesText>("Sign", Ui.Zh), Exact = true });
        await Expect(sign).ToBeDisabledAsync();

        await page.Locator("#close-meeting").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<MeetingText>("CloseMeeting", Ui.Zh) }).ClickAsync();
        await Expect(page.Locator("[data-status=Closed]")).ToBeVisibleAsync();
        await Expect(sign).ToBeEnabledAsync();
    });

    [Fact]
    public Task TenInvitees_AllPresentWithTwoExceptions_InOneSave() => RunAsync(async page =>
    {
        var township = await ScopeOfAsync(DemoFacts.OrgAdminA);
        var people = await App.WithDbAsync(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == township).Select(o => o.Path).SingleAsync();
            return await db.People.Where(p => !p.IsRemoved && p.Status == MemberStatus.Full && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path)))
                .OrderBy(p => p.Id).Take(10).Select(p => new { p.Id, p.Name }).ToListAsync();
        });
        Assert.Equal(10, people.Select(p => p.Name).Distinct().Count());
        var title = "十人出席" + Guid.NewGuid().ToString("N")[..4];
        var meetingId = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<MeetingCommands>().CreateAsync(new CreateMeetingRequest(
            township, MeetingType.CommitteeMeeting, title, new DateOnly(2026, 12, 10), null, null, new DateOnly(2026, 12, 7), null, false, null,
            people[0].Id, [.. people.Select(p => new ParticipantInput(p.Id, true))])));
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        await page.Locator("#all-present").ClickAsync();

        // The two on leave come from a column pasted out of a spreadsheet (a header, another column, a name not invited).
        await page.Locator("#paste-names").ClickAsync();
        await page.GetByLabel(Ui.Text<MeetingText>("PasteLabel", Ui.Zh)).FillAsync($"姓名\t备注\n{people[8].Name}\t病假\n　{people[9].Name} \n查无此人\n");
        await page.GetByLabel(Ui.Text<MeetingText>("PasteMarkAs", Ui.Zh), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Ui.Text<EnumText>("Attendance.Absent", Ui.Zh) });
        await page.Locator("#check-pasted").ClickAsync();
        await Expect(page.Locator("[data-matched]")).ToHaveAttributeAsync("data-matched", "2");
        await Expect(page.Locator("[data-unmatched]")).ToContainTextAsync("查无此人");
        Assert.Equal(0, await App.WithDbAsync(db => db.MeetingParticipants.CountAsync(p => p.MeetingId == meetingId && p.Attendance != Attendance.Unrecorded)));
        await page.Locator("#apply-pasted").ClickAsync();
        await page.GetByLabel(Ui.Format<MeetingText>("ReasonOf", Ui.Zh, people[8].Name), new() { Exact = true }).FillAsync("病假");
        await page.GetByLabel(Ui.Format<MeetingText>("ReasonOf", Ui.Zh, people[9].Name), new() { Exact = true }).FillAsync("外出学习");
        var audit = await App.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));
        await page.Locator("#save-attendance").ClickAsync();
        await Expect(page.Locator("[data-attendance-summary]")).ToHaveTextAsync(Ui.Format<MeetingText>("AttendanceSummary", Ui.Zh, 10, 8));

        // After a reload the page shows what was recorded.
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        foreach (var p in people)
        {
            var expected = p.Id == people[8].Id || p.Id == people[9].Id ? Attendance.Absent : Attendance.Present;
            await Expect(page.Locator($"tr[data-person='{p.Id}']")).ToHaveAttributeAsync("data-attendance", expected.ToString());
        }

        await Expect(page.GetByLabel(Ui.Format<MeetingText>("ReasonOf", Ui.Zh, people[9].Name), new() { Exact = true })).ToHaveValueAsync("外出学习");
        var recorded = await App.WithDbAsync(db => db.MeetingParticipants.Where(p => p.MeetingId == meetingId).Select(p => new { p.PersonId, p.Attendance, p.Reason }).ToListAsync());
        Assert.Equal(8, recorded.Count(r => r.Attendance == Attendance.Present));
        Assert.Equal("病假", recorded.Single(r => r.PersonId == people[8].Id).Reason);
        // One save: the ten rows and the meeting (its version, its state now 进行中) changed once each, in one transaction.
        var logged = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence > audit).Select(a => new { a.EntityType, a.Action }).ToListAsync());
        Assert.Equal(10, logged.Count(a => a.EntityType == nameof(MeetingParticipant)));
        Assert.Single(logged, a => a.EntityType == nameof(Meeting));
    });

    [Fact]
    public Task Minutes_StartFromTheMeetingsRecord() => RunAsync(async page =>
    {
        var meetingId = await CallMeetingAsync("纪要草稿");
        var (absent, speaker) = await App.AsUserAsync(DemoFacts.Secretary, async sp =>
        {
            var db = sp.GetRequiredService<Dangjian.Data.DangjianDbContext>();
            var invited = await db.MeetingParticipants.Where(p => p.MeetingId == meetingId).OrderBy(p => p.Id).Select(p => p.PersonId).ToListAsync();
            var secretary = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.SecretaryPersonId).SingleAsync();
            var absentId = invited.Last(id => id != secretary);
            var speakerId = invited.First(id => id != secretary && id != absentId);
            var meetings = sp.GetRequiredService<MeetingCommands>();
            var items = sp.GetRequiredService<ItemCommands>();
            var item = await items.AddAsync(meetingId, new ItemRequest("修缮村级活动场所", ItemCategory.Routine, null, [], null, VoteMode.Open));
            var version = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync();
            await meetings.RecordAttendanceSheetAsync(meetingId, new AttendanceSheetRequest(
                [.. invited.Select(id => id == absentId ? new AttendanceRow(id, Attendance.Absent, "病假", null, null) : new AttendanceRow(id, Attendance.Present, null, null, null))], version));
            await items.SpeakAsync(item, new SpeechRequest(speakerId, VoteChoice.For, "资金从村集体收入列支"));
            var itemVersion = await db.AgendaItems.Where(i => i.Id == item).Select(i => i.Version).SingleAsync();
            await items.VoteOpenlyAsync(item, new OpenVotesRequest([.. invited.Where(id => id != absentId).Select(id => new OpenVoteInput(id, VoteChoice.For))], itemVersion));
            var names = await db.People.Where(p => p.Id == absentId || p.Id == speakerId).ToDictionaryAsync(p => p.Id, p => p.Name);
            return (names[absentId], names[speakerId]);
        });

        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        var text = page.Locator("[data-minutes-section=true]").GetByLabel(Ui.Text<RuleText>("Field.MinutesText", Ui.Zh));
        await Expect(text).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("修缮村级活动场所"));
        var draft = await text.InputValueAsync();
        Assert.Contains($"{absent}（病假）", draft, StringComparison.Ordinal);
        Assert.Contains($"{speaker}（{Ui.Text<EnumText>("VoteChoice.For", Ui.Zh)}）：资金从村集体收入列支", draft, StringComparison.Ordinal);
        Assert.Contains(Ui.Text<EnumText>("ItemOutcome.Passed", Ui.Zh), draft, StringComparison.Ordinal);
        Assert.Contains("赞成", draft, StringComparison.Ordinal);
    });

    /// <summary>A 支委会 of the secretary's branch with its committee invited, called through the service.</summary>
    private async Task<int> CallMeetingAsync(string title)
    {
        var branch = await ScopeOfAsync(DemoFacts.Secretary);
        title += Guid.NewGuid().ToString("N")[..4];
        return await App.AsUserAsync(DemoFacts.Secretary, sp => sp.GetRequiredService<MeetingCommands>().CreateAsync(new CreateMeetingRequest(
            branch, MeetingType.CommitteeMeeting, title, new DateOnly(2026, 12, 10), null, null, new DateOnly(2026, 12, 7), null, false, null, null, null)));
    }

    private Task<int> ScopeOfAsync(string userName) =>
        App.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == userName).Select(x => x.OrganizationId).FirstAsync());
}
