using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.Proceedings;
using Dangjian.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Meetings;

/// <summary>
/// A committee meeting in the browser (MTG-1 … MTG-7): called with too short a notice (refused until marked emergency
/// with a reason), an item added and voted openly member by member, and a secret vote cast on a phone with a code.
/// </summary>
public sealed class MeetingFlowTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task CallWithShortNotice_RefusedUntilEmergency_ThenVoteOpenlyAndSecretly() => RunAsync(async page =>
    {
        var (orgId, members) = await NewBranchAsync();
        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"meetings?organizationId={orgId}");
        await page.Locator("#call-meeting").ClickAsync();
        // The team is proposed as the invitees.
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = Ui.Text<MeetingText>("Invitees", Ui.Zh) })).ToContainTextAsync(members[4].Name);

        var title = "浏览器支委会" + Guid.NewGuid().ToString("N")[..4];
        await page.Locator("#meeting-title").FillAsync(title);
        await page.Locator("#meeting-date").FillAsync("2026-10-08");
        await page.Locator("#meeting-notice-date").FillAsync("2026-09-30");
        await page.Locator("#call-save").ClickAsync();

        // One working day (9/30) before the National Day holiday: refused, saying so.
        var tooShort = Ui.Format<RuleText>("Meeting.NoticeTooShort", Ui.Zh, 2, 1);
        await Expect(page.GetByText(tooShort)).ToBeVisibleAsync();
        Assert.Equal(0, await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.Title == title)));

        await page.GetByLabel(Ui.Text<MeetingText>("Emergency", Ui.Zh)).CheckAsync();
        await page.Locator("#meeting-emergency-reason").FillAsync("防汛紧急部署");
        await page.Locator("#call-save").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-emergency=true]")).ToBeVisibleAsync();
        var meetingId = await App.WithDbAsync(db => db.Meetings.Where(m => m.Title == title).Select(m => m.Id).SingleAsync());

        // Attendance as the clerk records it: four present, one absent with leave.
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var c = sp.GetRequiredService<MeetingCommands>();
            foreach (var m in members.Take(4))
            {
                await c.RecordAttendanceAsync(meetingId, m.Id, new AttendanceRequest(Attendance.Present, null, null, null));
            }

            await c.RecordAttendanceAsync(meetingId, members[4].Id, new AttendanceRequest(Attendance.Absent, "病假", null, null));
            return 0;
        });
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");

        // An item through the form, voted openly: three for, one against, of five entitled: passed (3 > 2.5).
        await page.Locator("#item-title").FillAsync("修缮党员活动室");
        await page.Locator("#add-item").ClickAsync();
        var card = page.Locator("[data-item]").Filter(new() { HasText = "修缮党员活动室" });
        await Expect(card.Locator("[data-quorum-met=true]")).ToBeVisibleAsync();

        // Its material, attached from the card; the link downloads it.
        await card.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "活动室修缮方案.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 修缮方案"u8.ToArray() });
        await Expect(card.Locator("[data-attachment]")).ToHaveTextAsync("活动室修缮方案.pdf");
        string[] choices = ["For", "For", "For", "Against"];
        for (var i = 0; i < 4; i++)
        {
            var group = card.GetByRole(AriaRole.Radiogroup, new() { Name = Ui.Format<MeetingText>("VoteOf", Ui.Zh, members[i].Name) });
            await group.GetByText(Ui.Text<EnumText>("VoteChoice." + choices[i], Ui.Zh), new() { Exact = true }).ClickAsync();
        }

        await card.Locator("[data-action=vote]").ClickAsync();
        await Expect(card.Locator("[data-outcome=Passed]")).ToBeVisibleAsync();
        await Expect(card.Locator("[data-outcome=Passed]")).ToContainTextAsync(Ui.Format<MeetingText>("Counts", Ui.Zh, 3, 1, 0, 5));

        // The fourth member leaves after item 1 (recorded in the attendance table): a cadre item added now has 3 of 5
        // present, below two thirds, and says so.
        await page.GetByLabel(Ui.Format<MeetingText>("LeftOf", Ui.Zh, members[3].Name), new() { Exact = true }).FillAsync("1");
        await page.Locator("#save-attendance").ClickAsync();
        for (var wait = 0; wait < 100 && await App.WithDbAsync(db => db.MeetingParticipants.Where(p => p.MeetingId == meetingId && p.PersonId == members[3].Id).Select(p => p.LeftAfterItem).SingleAsync()) != 1; wait++)
        {
            await Task.Delay(100); // the save is recorded before the next form is used
        }

        // The form the first item was added from is clear and says nothing is missing; a title left empty still is.
        var itemForm = page.Locator("[aria-labelledby=add-item-heading]");
        await Expect(page.Locator("#item-title")).ToHaveValueAsync(string.Empty);
        await Expect(Ui.FieldErrors(itemForm)).ToHaveCountAsync(0);
        await page.Locator("#item-title").ClickAsync();
        await page.Locator("#add-item").ClickAsync();
        await Expect(Ui.FieldErrors(itemForm.Locator(".mud-input-control", new() { Has = page.Locator("#item-title") }))).ToBeVisibleAsync();
        Assert.Equal(1, await App.WithDbAsync(db => db.AgendaItems.CountAsync(i => i.MeetingId == meetingId)));

        await page.Locator("#item-title").FillAsync("推荐村后备干部");
        await page.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<RuleText>("Field.Item.Category", Ui.Zh) }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = Ui.Text<EnumText>("ItemCategory.Cadre", Ui.Zh), Exact = true }).ClickAsync();
        await page.Locator("#add-item").ClickAsync();
        var cadre = page.Locator("[data-item]").Filter(new() { HasText = "推荐村后备干部" });
        await Expect(cadre.Locator("[data-quorum-met=false]")).ToBeVisibleAsync();
        await Expect(cadre.Locator("[data-problem=attendance-below-two-thirds]")).ToBeVisibleAsync();
        await Expect(card.Locator("[data-quorum-met=true]")).ToBeVisibleAsync(); // item 1 keeps the attendance it was decided on

        // A secret item: the codes are shown once on the page; a member votes on a phone with one.
        await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<ItemCommands>()
            .AddAsync(meetingId, new ItemRequest("推荐表彰对象", ItemCategory.Routine, null, [], null, VoteMode.Secret)));
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        var secret = page.Locator("[data-item]").Filter(new() { HasText = "推荐表彰对象" });
        await secret.Locator("[data-action=start-secret]").ClickAsync();
        await Expect(secret.Locator("[data-codes='3']")).ToBeVisibleAsync(); // one code per entitled member present for it
        var codes = await secret.Locator("[data-codes] code").AllInnerTextsAsync();
        var itemId = int.Parse(await secret.GetAttributeAsync("data-item") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        var phoneContext = await App.NewContextAsync(viewport: BrowserApp.Phone);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync($"meetings/ballot/{itemId}");
        await phone.GetByLabel(Ui.Text<MeetingText>("Ballot.Code", Ui.Zh)).FillAsync(codes[0]);
        await phone.GetByLabel(Ui.Text<MeetingText>("Ballot.For", Ui.Zh), new() { Exact = true }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = Ui.Text<MeetingText>("Ballot.Submit", Ui.Zh) }).ClickAsync();
        await Expect(phone.Locator("[data-outcome=accepted]")).ToBeVisibleAsync();
        // The same code again is told it was used.
        await phone.GotoAsync($"meetings/ballot/{itemId}");
        await phone.GetByLabel(Ui.Text<MeetingText>("Ballot.Code", Ui.Zh)).FillAsync(codes[0]);
        await phone.GetByLabel(Ui.Text<MeetingText>("Ballot.Against", Ui.Zh), new() { Exact = true }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = Ui.Text<MeetingText>("Ballot.Submit", Ui.Zh) }).ClickAsync();
        await Expect(phone.Locator("[data-outcome=used]")).ToContainTextAsync(Ui.Text<MeetingText>("Ballot.AlreadyUsed", Ui.Zh));
        await phoneContext.CloseAsync();

        // Closing the vote counts it: one for of five entitled is not more than half.
        await secret.Locator("[data-action=close-secret]").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<MeetingText>("CloseSecretVote", Ui.Zh) }).ClickAsync();
        await Expect(secret.Locator("[data-outcome=Rejected]")).ToContainTextAsync(Ui.Format<MeetingText>("Counts", Ui.Zh, 1, 0, 0, 5));
        Assert.Equal(0, await App.WithDbAsync(db => db.ItemVotes.CountAsync(v => v.ItemId == itemId)));
    });

    [Fact]
    public Task Dissent_EscalatedAndRuledByTheSuperior_ThenMinutesSignedWithTheirNumber() => RunAsync(async page =>
    {
        // A branch of township A: its superior is the township, whose admin rules. The meeting is held through the
        // services; the ruling and the minutes through the pages.
        var (orgId, members) = await NewBranchAsync();
        var title = "裁决支委会" + Guid.NewGuid().ToString("N")[..4];
        var (meetingId, itemId) = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var meetings = sp.GetRequiredService<MeetingCommands>();
            var items = sp.GetRequiredService<ItemCommands>();
            var id = await meetings.CreateAsync(new CreateMeetingRequest(orgId, MeetingType.CommitteeMeeting, title, new DateOnly(2026, 12, 10), null, null,
                new DateOnly(2026, 12, 7), null, false, null, null, null));
            var item = await items.AddAsync(id, new ItemRequest("村部改造方案", ItemCategory.Routine, null, [], null, VoteMode.Open));
            foreach (var m in members)
            {
                await meetings.RecordAttendanceAsync(id, m.Id, new AttendanceRequest(Attendance.Present, null, null, null));
            }

            foreach (var m in members.Skip(1))
            {
                await items.SpeakAsync(item, new SpeechRequest(m.Id, VoteChoice.For, null));
            }

            await items.SpeakAsync(item, new SpeechRequest(members[0].Id, VoteChoice.Against, "不同意"));
            var version = await sp.GetRequiredService<Dangjian.Data.DangjianDbContext>().AgendaItems.Where(i => i.Id == item).Select(i => i.Version).SingleAsync();
            await items.VoteOpenlyAsync(item, new OpenVotesRequest([.. members.Select((m, i) => new OpenVoteInput(m.Id, i == 0 ? VoteChoice.Against : VoteChoice.For))], version));
            return (id, item);
        });

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        var card = page.Locator($"[data-item='{itemId}']");
        await Expect(card.Locator("[data-escalated=true]")).ToBeVisibleAsync();
        await Expect(card).ToHaveAttributeAsync("data-item-status", "AwaitingRuling");

        await Interactive.GotoAsync(page, "meetings/rulings");
        var ruling = page.Locator($"[data-item='{itemId}']");
        await ruling.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<RuleText>("Field.Item.Outcome", Ui.Zh) }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = Ui.Text<EnumText>("ItemOutcome.Passed", Ui.Zh), Exact = true }).ClickAsync();
        await ruling.GetByLabel(Ui.Text<RuleText>("Field.Item.RulingText", Ui.Zh)).FillAsync("同意按多数意见执行");
        await ruling.Locator("[data-action=rule]").ClickAsync();
        await Expect(ruling).ToHaveCountAsync(0);

        await Interactive.GotoAsync(page, $"meetings/{meetingId}");
        await Expect(card).ToHaveAttributeAsync("data-item-status", "Ruled");
        await Expect(card.Locator("[data-ruling=Passed]")).ToContainTextAsync("同意按多数意见执行");

        // Close the meeting, write the minutes, sign them: the number is the branch's first of 2026.
        await page.Locator("#close-meeting").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<MeetingText>("CloseMeeting", Ui.Zh) }).ClickAsync();
        await Expect(page.Locator("[data-status=Closed]")).ToBeVisibleAsync();
        var minutes = page.Locator("[data-minutes-section=true]");
        await minutes.GetByLabel(Ui.Text<RuleText>("Field.MinutesText", Ui.Zh)).FillAsync("会议讨论了村部改造方案，经表决通过；书记持不同意见，已报镇党委裁决，裁决同意执行。");
        await minutes.GetByRole(AriaRole.Button, new() { Name = Ui.Text<Dangjian.Web.Features.Meetings.Minutes.MinutesText>("CreateDraft", Ui.Zh) }).ClickAsync();
        var sign = minutes.GetByRole(AriaRole.Button, new() { Name = Ui.Text<Dangjian.Web.Features.Meetings.Minutes.MinutesText>("Sign", Ui.Zh), Exact = true });
        await Expect(sign).ToBeEnabledAsync();
        await sign.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<Dangjian.Web.Features.Meetings.Minutes.MinutesText>("Sign", Ui.Zh) }).ClickAsync();
        await Expect(minutes.Locator("[data-number='〔2026〕1号']").First).ToBeVisibleAsync();
    });

    /// <summary>A branch of township A of this test's own with five members, all on its current team (the first is secretary).</summary>
    private async Task<(int Id, List<Person> Members)> NewBranchAsync()
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var id = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<OrganizationCommands>()
            .CreateAsync(new CreateOrganizationRequest("E2EMT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "浏览器会议支部" + Guid.NewGuid().ToString("N")[..6], OrganizationKind.Branch, tree.Root().Id)));
        var people = Enumerable.Range(1, 5).Select(i => new Person
        {
            Name = $"委员{i}{Guid.NewGuid().ToString("N")[..4]}", Gender = Gender.Female, BirthDate = new DateOnly(1982, 3, i), Status = MemberStatus.Full,
            JoinedPartyOn = new DateOnly(2006, 7, 1), OrganizationId = id,
        }).ToList();
        await App.WithDbAsync(async db =>
        {
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var today = OrgToday.Value;
            db.LeadershipTeams.Add(new LeadershipTeam
            {
                OrganizationId = id, TermNumber = 1, StartsOn = today.AddYears(-1), EndsOn = today.AddYears(2),
                Positions = [.. people.Select((p, i) => new TeamPosition { PersonId = p.Id, Role = i == 0 ? TeamRole.Secretary : TeamRole.CommitteeMember })],
            });
            return await db.SaveChangesAsync();
        });
        return (id, people);
    }
}
