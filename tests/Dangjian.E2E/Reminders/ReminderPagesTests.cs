using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Reminders;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Reminders;

/// <summary>
/// Reminders in the browser: township A's admin opens /reminders for a new branch (empty), plans after the confirmation
/// and sees the outbox listed as the app's own query lists it; the demo <c>member</c> sets an e-mail address and turns
/// e-mail on in 我的提醒 on /me, saves, reloads and finds both kept. The app has a (loopback) group robot and no mail
/// server: /reminders says which channels are set up, and /me notes under the e-mail switch that nothing goes out on it yet.
/// </summary>
public sealed class ReminderPagesTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Admin_PlansOnTheOutboxPage_AndSeesTheMessagesListed() => RunAsync(async page =>
    {
        var (branch, name) = await NewBranchWithAMeetingAsync();

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"reminders?organizationId={BrowserApp.Invariant(branch)}");
        var reminders = new RemindersPages(page, Ui.Zh);
        await Expect(reminders.Title).ToBeVisibleAsync();
        await Expect(reminders.Empty).ToHaveTextAsync(reminders.Text("None"));

        await reminders.PlanAsync();
        await Expect(reminders.Snackbar).ToBeVisibleAsync(); // the pass is done
        await Expect(reminders.Rows.First).ToBeVisibleAsync();

        var listed = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<ReminderQueries>().ListAsync(branch, null, null, 1, null));
        Assert.True(listed.Total >= 1, "planning wrote nothing for the branch's meeting");
        await Expect(reminders.Snackbar).ToContainTextAsync(reminders.Format("Planned", listed.Total, 0));
        await Expect(reminders.OutboxHeading).ToHaveTextAsync($"{reminders.Text("Outbox")} · {listed.Total}");
        await Expect(reminders.Rows).ToHaveCountAsync(listed.Items.Count);
        await Expect(reminders.Rows.Filter(new() { HasText = reminders.Text("Msg.Meeting.Subject") })).ToContainTextAsync(name);
        await Expect(reminders.Rows.First).ToContainTextAsync(reminders.Text("OutboxState.Pending"));

        // This installation has its group robot and no mail server: the page says so, and planned on the robot alone.
        await Expect(reminders.Channel(ReminderChannel.Robot)).ToHaveAttributeAsync("data-configured", "true");
        await Expect(reminders.Channel(ReminderChannel.Robot)).ToHaveTextAsync(reminders.Format("Channel.Ready", reminders.Text("ReminderChannel.Robot")));
        await Expect(reminders.Channel(ReminderChannel.Email)).ToHaveAttributeAsync("data-configured", "false");
        await Expect(reminders.Channel(ReminderChannel.Email)).ToHaveTextAsync(reminders.Format("Channel.Missing", reminders.Text("ReminderChannel.Email"), 0));
        Assert.All(listed.Items, m => Assert.Equal(ReminderChannel.Robot, m.Channel));
    });

    [Fact]
    public Task Member_ChangesTheirChannelsOnMe_KeptAfterAReload() => RunAsync(async page =>
    {
        var address = $"member.{Guid.NewGuid():N}"[..20] + "@example.cn";

        await new LoginPage(page).SignInAsync("member");
        await Interactive.GotoAsync(page, "me");
        var me = new RemindersPages(page, Ui.Zh);
        await Expect(me.Mine).ToBeVisibleAsync();
        await me.MyEmail.FillAsync(address);
        await me.MyEmailOn.CheckAsync();

        await me.SaveMineAsync();
        await Expect(me.Snackbar).ToContainTextAsync(me.Text("Mine.Saved"));

        await Interactive.GotoAsync(page, "me"); // a fresh load: what is shown comes from the database

        await Expect(me.MyEmail).ToHaveValueAsync(address);
        await Expect(me.MyEmailOn).ToBeCheckedAsync();
        // No mail server on this installation: the choice is kept, and the note under it says nothing goes out by e-mail yet.
        await Expect(me.Unavailable(ReminderChannel.Email)).ToHaveTextAsync(me.Text("Mine.NotAvailable.Email"));
        await Expect(me.Unavailable(ReminderChannel.Robot)).ToHaveCountAsync(0);
        var stored = await App.WithDbAsync(db => db.ReminderPreferences.AsNoTracking()
            .Join(db.Users.Where(u => u.UserName == "member"), p => p.PersonId, u => u.PersonId, (p, u) => p).SingleAsync());
        Assert.Equal((address, true), (stored.Email, stored.EmailOn));
    });

    /// <summary>A new branch of township A with one member invited to a 党员大会 two days ahead: its id and the member's name.</summary>
    private async Task<(int Branch, string Name)> NewBranchWithAMeetingAsync()
    {
        var township = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).Root().Id;
        var tag = Guid.NewGuid().ToString("N")[..6];
        return await App.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.FirstAsync(o => o.Id == township);
            var branch = new Organization { Code = "REM" + tag.ToUpperInvariant(), Name = "提醒测试支部" + tag, Kind = OrganizationKind.Branch, ParentId = township, Path = parent.Path };
            db.Organizations.Add(branch);
            await db.SaveChangesAsync();
            branch.Path = OrganizationTree.PathOf(parent.Path, branch.Id);
            var person = new Person
            {
                Name = "提醒" + tag, Gender = Gender.Male, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2010, 7, 1), OrganizationId = branch.Id,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            var today = OrgToday.Value;
            var meeting = new Meeting
            {
                OrganizationId = branch.Id, Type = MeetingType.MembersAssembly, Title = "学习贯彻全会精神专题党员大会", Date = today.AddDays(2),
                NoticeDate = today.AddDays(-5), Status = MeetingStatus.Notified, CreatedAt = DateTimeOffset.UtcNow, Location = "村党群服务中心",
            };
            meeting.Participants.Add(new MeetingParticipant { PersonId = person.Id, Entitled = true });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return (branch.Id, person.Name);
        });
    }
}
