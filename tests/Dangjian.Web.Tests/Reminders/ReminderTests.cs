using System.Net;
using System.Text.Json;
using Dangjian.Domain.Common;
using Dangjian.Domain.Reminders;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Reminders;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Reminders;

/// <summary>
/// Reminders over HTTP on a real database: a planning pass writes each module's due items into the outbox once, on the
/// channels each person chose on /me; the sender delivers e-mail to a real SMTP server and the group robot's documented
/// JSON to a loopback receiver, backs off when the robot refuses, and nothing secret goes out. Each test makes its own
/// organization and people and reads only its own messages.
/// </summary>
public abstract class ReminderTests(AppFixture app)
{
    private const string Route = ReminderEndpoints.Route;
    private const string Me = "/api/v1/me/reminders";

    private static PlanRemindersRequest Plan(int org) => new(org);

    /// <summary>A member who did this year's 32 hours of study, so the meetings of these tests are all they are reminded of.</summary>
    private async Task<int> MemberAsync(int organizationId, string name)
    {
        var id = await app.NewMemberAsync(organizationId, name);
        await app.StudyHoursAsync(id, organizationId, 16m, 16m);
        return id;
    }

    private Task<List<OutboxMessage>> OutboxOfAsync(int personId) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientPersonId == personId).OrderBy(m => m.Id).ToListAsync());

    /// <summary>A new organization of township A with one member invited to a meeting <paramref name="days"/> ahead, planned: the organization, the member and township A's administrator.</summary>
    private async Task<(int Org, int Person, HttpClient Admin)> PlannedMeetingAsync(string name, string title, int days)
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await MemberAsync(org, name);
        await app.NewMeetingAsync(org, title, days, person);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        await admin.PostJsonAsync($"{Route}/plan", Plan(org));
        return (org, person, admin);
    }

    [Fact]
    public async Task Plan_Twice_WritesEachMessageOnce_OnTheChannelsEachPersonChose()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var robotOnly = await MemberAsync(org, "李红");
        var emailOnly = await MemberAsync(org, "王芳");
        var member = await app.AccountForAsync(org, emailOnly);
        var saved = await (await member.PutJsonAsync(Me, new SaveMyRemindersRequest("wangfang@example.cn", true, false, 0))).ReadAsync<MyRemindersView>();
        Assert.Equal(("wangfang@example.cn", true, false), (saved.Settings.Email, saved.Settings.EmailOn, saved.Settings.RobotOn));
        var meeting = await app.NewMeetingAsync(org, "学习贯彻全会精神专题党员大会", 2, robotOnly, emailOnly);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var first = await (await admin.PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();
        var second = await (await admin.PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();

        Assert.Equal((2, 0), (first.Enqueued, first.AlreadyQueued));
        Assert.Equal((0, 2), (second.Enqueued, second.AlreadyQueued));
        var key = $"meeting:{meeting}:{DateText.Format(OrgToday.Value.AddDays(2))}";
        var li = Assert.Single(await OutboxOfAsync(robotOnly));
        var wang = Assert.Single(await OutboxOfAsync(emailOnly));
        Assert.Equal((key, ReminderChannel.Robot, OutboxState.Pending, org), (li.Key, li.Channel, li.State, li.OrganizationId));
        Assert.Equal((key, ReminderChannel.Email), (wang.Key, wang.Channel));
        Assert.Contains("学习贯彻全会精神专题党员大会", li.Body, StringComparison.Ordinal);
        Assert.Contains("村党群服务中心", li.Body, StringComparison.Ordinal);

        // The member sees it on /me; the list of the organization shows both.
        var mine = await (await member.GetAsync(Me)).ReadAsync<MyRemindersView>();
        Assert.Equal(ReminderChannel.Email, Assert.Single(mine.Recent).Channel);
        var list = await (await admin.GetAsync($"{Route}?organizationId={org}")).ReadAsync<Paged<OutboxMessageView>>();
        Assert.Equal(2, list.Total);
        Assert.Equal(["李红", "王芳"], list.Items.Select(i => i.RecipientName).Order());
        var sent = await (await admin.GetAsync($"{Route}?organizationId={org}&state=Sent")).ReadAsync<Paged<OutboxMessageView>>();
        Assert.Equal(0, sent.Total);
    }

    [Fact]
    public async Task Plan_BothChannelsOff_EnqueuesNothingForThatPerson()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await MemberAsync(org, "赵强");
        var member = await app.AccountForAsync(org, person);
        Assert.Equal(HttpStatusCode.OK, (await member.PutJsonAsync(Me, new SaveMyRemindersRequest(null, false, false, 0))).StatusCode);
        await app.NewMeetingAsync(org, "支部委员会", 1, person);

        var result = await (await (await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();

        Assert.Equal(0, result.Enqueued);
        Assert.Empty(await OutboxOfAsync(person));
    }

    [Fact]
    public async Task SaveMine_BadEmail_Is400NamingTheField_NothingStored_StaleVersion409()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await MemberAsync(org, "孙丽");
        var member = await app.AccountForAsync(org, person);

        var bad = await (await member.PutJsonAsync(Me, new SaveMyRemindersRequest("sunli.example.cn", true, true, 0))).ProblemErrorsAsync();
        var none = await (await member.PutJsonAsync(Me, new SaveMyRemindersRequest(" ", true, true, 0))).ProblemErrorsAsync();

        Assert.Equal(["email"], bad.Keys);
        Assert.Contains("电子邮箱", bad["email"][0], StringComparison.Ordinal);
        Assert.Equal(["email"], none.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReminderPreferences.CountAsync(p => p.PersonId == person)));

        var saved = await (await member.PutJsonAsync(Me, new SaveMyRemindersRequest("sunli@example.cn", true, true, 0))).ReadAsync<MyRemindersView>();
        var again = await (await member.PutJsonAsync(Me, new SaveMyRemindersRequest("sunli@example.cn", false, true, saved.Settings.Version))).ReadAsync<MyRemindersView>();
        var stale = await member.PutJsonAsync(Me, new SaveMyRemindersRequest("other@example.cn", true, true, saved.Settings.Version));

        Assert.False(again.Settings.EmailOn);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("sunli@example.cn", (await (await member.GetAsync(Me)).ReadAsync<MyRemindersView>()).Settings.Email);
    }

    [Fact]
    public async Task OrgAdminB_IsRefusedTownshipAsOutbox_AndAMemberTheStaffList()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await MemberAsync(org, "周伟");
        var member = await app.AccountForAsync(org, person);
        await app.NewMeetingAsync(org, "党小组会", 1, person);
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/plan", Plan(org))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}/export?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Route}?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync($"{Route}/plan", Plan(org))).StatusCode);
        Assert.Empty(await OutboxOfAsync(person));
        Assert.Equal(HttpStatusCode.BadRequest, (await b.PostJsonAsync($"{Route}/plan", new PlanRemindersRequest(null))).StatusCode);
    }

    [Fact]
    public async Task Robot_GetsTheDocumentedJson_500AndErrcodeBackOff_ThenSent()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await MemberAsync(org, "吴敏");
        await app.NewMeetingAsync(org, "主题党日活动", 3, person);
        // Messages other tests left pending go first, to the app's robot that takes them, so the script below is this message's own.
        await app.SendAllDueAsync();

        await using var robot = new LoopbackRobot((500, "{}"), (200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
        app.Reminders().Robot.Url = robot.Url;
        try
        {
            await ScriptedRobotAsync(org, person, robot);
        }
        finally
        {
            app.Reminders().Robot.Url = app.Robot.Url;
        }
    }

    private async Task ScriptedRobotAsync(int org, int person, LoopbackRobot robot)
    {
        await (await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync($"{Route}/plan", Plan(org));
        var id = Assert.Single(await OutboxOfAsync(person)).Id;

        await app.SendDueAsync();
        var afterFirst = Assert.Single(await OutboxOfAsync(person));
        Assert.Equal((OutboxState.Pending, 1), (afterFirst.State, afterFirst.Attempts));
        Assert.Equal("WeCom: HTTP 500", afterFirst.LastError);
        Assert.True(afterFirst.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(30));

        // Not due yet: the next pass leaves it alone. Then its time comes (moved here rather than waited for).
        await app.SendDueAsync();
        Assert.Equal(1, Assert.Single(await OutboxOfAsync(person)).Attempts);
        await DueNowAsync(id);
        await app.SendDueAsync();
        var afterSecond = Assert.Single(await OutboxOfAsync(person));
        Assert.Equal((OutboxState.Pending, 2), (afterSecond.State, afterSecond.Attempts));
        Assert.StartsWith("WeCom: errcode 45009", afterSecond.LastError, StringComparison.Ordinal);
        await DueNowAsync(id);
        await app.SendDueAsync();

        var done = Assert.Single(await OutboxOfAsync(person));
        Assert.Equal((OutboxState.Sent, 3), (done.State, done.Attempts));
        var bodies = robot.ReceivedWith("主题党日活动");
        Assert.Equal(3, bodies.Count);
        using var json = JsonDocument.Parse(bodies[^1]);
        Assert.Equal("text", json.RootElement.GetProperty("msgtype").GetString());
        var content = json.RootElement.GetProperty("text").GetProperty("content").GetString()!;
        Assert.Contains("吴敏", content, StringComparison.Ordinal);
        Assert.Contains("会议提醒", content, StringComparison.Ordinal);
        Assert.Equal(["msgtype", "text"], json.RootElement.EnumerateObject().Select(p => p.Name));

        // Sent once: further passes send nothing more.
        await app.SendDueAsync();
        Assert.Equal(3, robot.ReceivedWith("主题党日活动").Count);
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "OutboxMessage" && a.EntityId == id.ToString() && a.Action != "Created")));
    }

    [Fact]
    public async Task Email_ReachesTheSmtpServer_WithAMessageIdFromTheKey_AndNothingSecret()
    {
        var (host, port, maildir) = ReminderTestKit.Smtp();
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await MemberAsync(org, "郑洁");
        var member = await app.AccountForAsync(org, person);
        var address = $"zhengjie.{Guid.NewGuid():N}@example.cn";
        await member.PutJsonAsync(Me, new SaveMyRemindersRequest(address, true, false, 0));
        // A title someone pasted an ID number and a voting code into: neither may leave the system.
        const string IdNumber = "11010519491231002X";
        const string Code = "K7Q2M9X4P3W8R6T5Z";
        await app.NewMeetingAsync(org, $"支部选举大会 {IdNumber} 投票码 {Code}", 1, person);
        var options = app.Reminders();
        (options.Smtp.Host, options.Smtp.Port) = (host, port);

        await (await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync($"{Route}/plan", Plan(org));
        await app.SendDueAsync();

        var message = Assert.Single(await OutboxOfAsync(person));
        Assert.Equal(OutboxState.Sent, message.State);
        var mail = Assert.Single(await ReminderTestKit.MailsWithAsync(maildir, address, 1, TimeSpan.FromSeconds(10)));
        Assert.Contains($"Message-ID: <{EmailTransport.MessageId(message)}>", mail, StringComparison.Ordinal);
        Assert.Contains("会议提醒", mail, StringComparison.Ordinal);
        Assert.Contains("支部选举大会", mail, StringComparison.Ordinal);
        foreach (var secret in new[] { IdNumber, Code })
        {
            Assert.DoesNotContain(secret, mail, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, message.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_WritesTheOrganizationsOutbox()
    {
        var (org, _, admin) = await PlannedMeetingAsync("冯刚", "组织生活会", 1);

        var response = await admin.GetAsync($"{Route}/export?organizationId={org}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("冯刚", row["收件人"]);
        Assert.Equal("群机器人", row["渠道"]);
        Assert.Equal("待发送", row["状态"]);
    }

    [Fact]
    public async Task Plan_NoRobotUrl_PlansNoRobotMessage_MeShowsItUnavailableWithTheChoiceKept_ThenSetUpPlansItOnce()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await MemberAsync(org, "林芳"); // never chose: the robot only
        var member = await app.AccountForAsync(org, person);
        await app.NewMeetingAsync(org, "党小组学习会", 1, person);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var robot = app.Reminders().Robot;

        robot.Url = null;
        try
        {
            var without = await (await admin.PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();
            var mine = await (await member.GetAsync(Me)).ReadAsync<MyRemindersView>();

            Assert.Equal((0, 0), (without.Enqueued, without.AlreadyQueued));
            Assert.Empty(await OutboxOfAsync(person));
            Assert.DoesNotContain(ReminderChannel.Robot, mine.Available);
            Assert.True(mine.Settings.RobotOn);
        }
        finally
        {
            robot.Url = app.Robot.Url;
        }

        var with = await (await admin.PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();
        var again = await (await admin.PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();

        Assert.Equal((1, 0), (with.Enqueued, with.AlreadyQueued));
        Assert.Equal((0, 1), (again.Enqueued, again.AlreadyQueued));
        Assert.Equal(ReminderChannel.Robot, Assert.Single(await OutboxOfAsync(person)).Channel);
        Assert.Contains(ReminderChannel.Robot, (await (await member.GetAsync(Me)).ReadAsync<MyRemindersView>()).Available);
    }

    [Fact]
    public async Task Plan_NoSmtpHost_PlansNoEmail_ThenSetUpPlansItOnce()
    {
        var (host, port, _) = ReminderTestKit.Smtp();
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await MemberAsync(org, "蒋丽");
        var member = await app.AccountForAsync(org, person);
        await member.PutJsonAsync(Me, new SaveMyRemindersRequest("jiangli@example.cn", true, false, 0));
        await app.NewMeetingAsync(org, "支部书记讲党课", 2, person);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var smtp = app.Reminders().Smtp;

        smtp.Host = null;
        var without = await (await admin.PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();
        Assert.Equal((0, 0), (without.Enqueued, without.AlreadyQueued));
        Assert.Empty(await OutboxOfAsync(person));
        Assert.DoesNotContain(ReminderChannel.Email, (await (await member.GetAsync(Me)).ReadAsync<MyRemindersView>()).Available);

        (smtp.Host, smtp.Port) = (host, port);
        var with = await (await admin.PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();
        var again = await (await admin.PostJsonAsync($"{Route}/plan", Plan(org))).ReadAsync<PlanResult>();

        Assert.Equal((1, 0), (with.Enqueued, with.AlreadyQueued));
        Assert.Equal((0, 1), (again.Enqueued, again.AlreadyQueued));
        Assert.Equal(ReminderChannel.Email, Assert.Single(await OutboxOfAsync(person)).Channel);
    }

    /// <summary>
    /// A robot message queued while the robot was set up, then the URL removed: passes leave it pending with no attempt,
    /// no error and no warning, /reminders says the robot is not set up and holds it; set up again, it goes out once.
    /// </summary>
    [Fact]
    public async Task Send_RobotNoLongerSetUp_HoldsItsMessage_NoAttemptNoWarning_SentOnceSetUpAgain()
    {
        var (org, person, admin) = await PlannedMeetingAsync("钟华", "专题组织生活会", 2);
        var robot = app.Reminders().Robot;

        robot.Url = null;
        try
        {
            var warnings = ReminderWarnings();
            await app.SendAllDueAsync();
            await app.SendDueAsync();

            var held = Assert.Single(await OutboxOfAsync(person));
            Assert.Equal((OutboxState.Pending, 0, null), (held.State, held.Attempts, held.LastError));
            Assert.Equal(warnings, ReminderWarnings());
            var channels = await (await admin.GetAsync($"{Route}/channels?organizationId={org}")).ReadAsync<List<ReminderChannelView>>();
            Assert.Equal(new ReminderChannelView(ReminderChannel.Robot, false, 1), Assert.Single(channels, c => c.Channel == ReminderChannel.Robot));
        }
        finally
        {
            robot.Url = app.Robot.Url;
        }

        await app.SendAllDueAsync();

        var sent = Assert.Single(await OutboxOfAsync(person));
        Assert.Equal((OutboxState.Sent, 1), (sent.State, sent.Attempts));
        Assert.Single(app.Robot.ReceivedWith("专题组织生活会"));
        var after = await (await admin.GetAsync($"{Route}/channels?organizationId={org}")).ReadAsync<List<ReminderChannelView>>();
        Assert.Equal(new ReminderChannelView(ReminderChannel.Robot, true, 0), Assert.Single(after, c => c.Channel == ReminderChannel.Robot));
    }

    /// <summary>
    /// Two robot messages held while the robot was not set up, one for a week and a minute, one for a week less an hour:
    /// set up again, the older one expires unsent (audited, shown as such), the younger one goes out.
    /// </summary>
    [Fact]
    public async Task Send_HeldAWeek_ExpiresUnsent_HeldLessGoesOut()
    {
        var (_, stalePerson, _) = await PlannedMeetingAsync("景岚", "支部委员会议", 2);
        var (_, freshPerson, admin) = await PlannedMeetingAsync("井泉", "支部党员大会", 2);
        var stale = Assert.Single(await OutboxOfAsync(stalePerson)).Id;
        var fresh = Assert.Single(await OutboxOfAsync(freshPerson)).Id;
        var robot = app.Reminders().Robot;

        robot.Url = null;
        try
        {
            await app.SendAllDueAsync();
            await EnqueuedAgoAsync(stale, ReminderRules.ExpireAfter + TimeSpan.FromMinutes(1));
            await EnqueuedAgoAsync(fresh, ReminderRules.ExpireAfter - TimeSpan.FromHours(1));
        }
        finally
        {
            robot.Url = app.Robot.Url;
        }

        await app.SendAllDueAsync();

        var expired = Assert.Single(await OutboxOfAsync(stalePerson));
        Assert.Equal((OutboxState.Expired, 0, (DateTimeOffset?)null), (expired.State, expired.Attempts, expired.SentAt));
        Assert.Empty(app.Robot.ReceivedWith("支部委员会议"));
        Assert.Equal(OutboxState.Sent, Assert.Single(await OutboxOfAsync(freshPerson)).State);
        Assert.Single(app.Robot.ReceivedWith("支部党员大会"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "OutboxMessage" && a.EntityId == stale.ToString() && a.Action == "OutboxMessage.Expired")));
        var t = await app.TownshipsAsync();
        var listed = await (await admin.GetAsync($"{Route}?organizationId={t.A}&state=Expired&pageSize=100")).ReadAsync<Paged<OutboxMessageView>>();
        Assert.Contains(listed.Items, m => m.Id == stale && m.State == OutboxState.Expired);
        Assert.DoesNotContain(listed.Items, m => m.Id == fresh);
    }

    private Task<int> EnqueuedAgoAsync(int id, TimeSpan ago) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTimeOffset.UtcNow - ago)));

    private int ReminderWarnings() =>
        app.Logs.Lines.Count(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && l.Category.StartsWith("Dangjian.Web.Features.Reminders", StringComparison.Ordinal));

    private Task<int> DueNowAsync(int id) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
}

[Collection(SqliteCollection.Name)]
public sealed class ReminderSqliteTests(SqliteApp app) : ReminderTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReminderPostgresTests(PostgresApp app) : ReminderTests(app);
