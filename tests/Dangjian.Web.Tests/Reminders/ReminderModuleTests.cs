using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Reminders;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Reminders;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Reminders;

/// <summary>
/// The two kinds of reminder issue 18 adds, over HTTP on a real database: study shortfalls (the study module's own
/// compliance rule, one message per person and year) and rectification deadlines (open DLM measures due within the week
/// or past, to the person the 责任人 names). Planning twice writes each once; nothing secret goes into a message. Each
/// test makes its own organization and people and reads only their messages.
/// </summary>
public abstract class ReminderModuleTests(AppFixture app)
{
    private const string Route = ReminderEndpoints.Route;

    // What someone pasted into a measure: neither may leave the system.
    private const string IdNumber = "11010519491231002X";
    private const string Code = "K7Q2M9X4P3W8R6T5Z";

    private Task<List<OutboxMessage>> OutboxOfAsync(int personId, string kind) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.RecipientPersonId == personId && m.Key.StartsWith(kind + ":")).OrderBy(m => m.Id).ToListAsync());

    private async Task<(PlanResult First, PlanResult Second)> PlanTwiceAsync(int org)
    {
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var first = await (await admin.PostJsonAsync($"{Route}/plan", new PlanRemindersRequest(org))).ReadAsync<PlanResult>();
        var second = await (await admin.PostJsonAsync($"{Route}/plan", new PlanRemindersRequest(org))).ReadAsync<PlanResult>();
        return (first, second);
    }

    [Fact]
    public async Task Study_AShortfallGetsOneMessagePerYear_SayingHoursDoneAndRequired_OneWithTheHoursNone()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var shortOf = await app.NewMemberAsync(org, "韩梅");
        var done = await app.NewMemberAsync(org, "陈静");
        await app.StudyHoursAsync(done, org, 16m, 16m); // the member's 32 hours of 集中学习培训 this year

        var (first, second) = await PlanTwiceAsync(org);

        Assert.True(first.Enqueued >= 1);
        Assert.Equal(0, second.Enqueued);
        var message = Assert.Single(await OutboxOfAsync(shortOf, "study"));
        Assert.Equal(($"study:{OrgToday.Value.Year}:person:{shortOf}", ReminderChannel.Robot), (message.Key, message.Channel));
        Assert.Equal("学习学时提醒", message.Subject);
        Assert.Contains("集中学习培训已完成 0 学时，全年应完成 32 学时", message.Body, StringComparison.Ordinal);
        Assert.Empty(await OutboxOfAsync(done, "study"));
    }

    [Fact]
    public async Task Rectification_DueInsideTheWeekAndOverdue_OneEach_OutsideClosedAndOfficeNone_NothingSecret()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var owner = await app.NewMemberAsync(org, "钱进");
        var today = OrgToday.Value;
        var window = DemocraticLifeRectification.ReminderDays;
        var ids = await app.RectificationsAsync(org, owner,
            ($"建立联系群众台账 {IdNumber} 投票码 {Code}", "钱进", today.AddDays(window), RectificationStatus.Open), // last day of the window
            ("规范“三会一课”记录", "钱进", today.AddDays(window + 1), RectificationStatus.Open), // the day after it
            ("补交学习心得", "钱进", today.AddDays(-3), RectificationStatus.Open), // overdue
            ("清理办公用房", "钱进", today.AddDays(2), RectificationStatus.Done), // closed
            ("完善议事规则", "党委办公室", today.AddDays(1), RectificationStatus.Open)); // an office, no person

        var (first, second) = await PlanTwiceAsync(org);

        Assert.Equal(0, second.Enqueued);
        var messages = await OutboxOfAsync(owner, "rectification");
        Assert.Equal(2, messages.Count);
        Assert.True(first.Enqueued >= 2);
        var due = Assert.Single(messages, m => m.Key.StartsWith($"rectification:{ids[0]}:", StringComparison.Ordinal));
        var overdue = Assert.Single(messages, m => m.Key.StartsWith($"rectification:{ids[2]}:", StringComparison.Ordinal));
        Assert.Equal($"rectification:{ids[0]}:{DateText.Format(today.AddDays(window))}:due:person:{owner}", due.Key);
        Assert.Equal($"rectification:{ids[2]}:{DateText.Format(today.AddDays(-3))}:overdue:person:{owner}", overdue.Key);
        Assert.Equal("整改时限提醒", due.Subject);
        Assert.Contains("建立联系群众台账", due.Body, StringComparison.Ordinal);
        Assert.Contains($"整改时限为 {DateText.Format(today.AddDays(window))}", due.Body, StringComparison.Ordinal);
        Assert.Contains("补交学习心得", overdue.Body, StringComparison.Ordinal);
        Assert.Contains("已过", overdue.Body, StringComparison.Ordinal);
        foreach (var secret in new[] { IdNumber, Code })
        {
            Assert.DoesNotContain(secret, due.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, due.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OrgAdminB_PlanningTheirTownship_RemindsNoneOfTownshipAsPeople()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await app.NewMemberAsync(org, "卫东");
        await app.RectificationsAsync(org, person, ("整改措施", "卫东", OrgToday.Value, RectificationStatus.Open));
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await b.PostJsonAsync($"{Route}/plan", new PlanRemindersRequest(t.B))).StatusCode);

        Assert.Empty(await OutboxOfAsync(person, "rectification"));
        Assert.Empty(await OutboxOfAsync(person, "study"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReminderModuleSqliteTests(SqliteApp app) : ReminderModuleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReminderModulePostgresTests(PostgresApp app) : ReminderModuleTests(app);
