using System.Net;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Services;
using Dangjian.Web.Features.Services.Requests;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Services;

/// <summary>
/// 三服务 service requests (ORG-8) over HTTP on a real database: a need raised to the raiser's parent, taken up, answered
/// and closed by the level above; each step refused in the wrong state, from the wrong side and from township B; the
/// overdue list at the limit day and the day after; the statistics of a small tree of the test's own; the export.
/// </summary>
public abstract class ServiceRequestTests(AppFixture app)
{
    private const string Route = ServiceRequestEndpoints.Route;

    private static RaiseServiceRequest Need(int org, string title, DateOnly? on = null, ServiceKind kind = ServiceKind.Funds) =>
        new(org, kind, title, "需求说明：" + title, on ?? OrgToday.Value);

    private static async Task<ServiceRequestView> RaiseAsync(HttpClient client, RaiseServiceRequest need)
    {
        var response = await client.PostJsonAsync(Route, need);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ServiceRequestView>();
    }

    private static async Task<ServiceRequestView> StepAsync(HttpClient client, ServiceRequestView r, string step, object? body = null)
    {
        var response = await client.PostJsonAsync($"{Route}/{r.Id}/{step}", body ?? new ServiceStepRequest(r.Version));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ServiceRequestView>();
    }

    [Fact]
    public async Task Raise_GoesToTheParent_TheLevelAboveTakesUpAnswersAndCloses_EachStepAudited()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var raised = await RaiseAsync(admin, Need(branch, "活动室修缮经费"));
        Assert.Equal((branch, t.A, ServiceRequestStatus.Raised, false), (raised.OrganizationId, raised.ToOrganizationId, raised.Status, raised.Overdue));
        Assert.True(raised.TakeUpDue > OrgToday.Value && raised.AnswerDue > raised.TakeUpDue);
        Assert.True(raised.CanRaise && raised.CanAnswer);

        var taken = await StepAsync(admin, raised, "take-up");
        var answered = await StepAsync(admin, taken, "answer", new ServiceAnswerRequest("镇里安排专项经费两万元。", taken.Version));
        var closed = await StepAsync(admin, answered, "close");

        Assert.Equal((ServiceRequestStatus.TakenUp, 0), (taken.Status, taken.ResponseWorkingDays));
        Assert.Equal(("镇里安排专项经费两万元。", ServiceRequestStatus.Answered), (answered.Answer, answered.Status));
        Assert.Equal((ServiceRequestStatus.Closed, 0, (DateOnly?)OrgToday.Value), (closed.Status, closed.ClosingWorkingDays, closed.ClosedOn));
        Assert.Equal(
            ["Created", "ServiceRequest.TakenUp", "ServiceRequest.Answered", "ServiceRequest.Closed"],
            await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ServiceRequest" && a.EntityId == raised.Id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync()));
        var got = await (await admin.GetAsync($"{Route}/{raised.Id}")).ReadAsync<ServiceRequestView>();
        Assert.Equal(closed.Version, got.Version);
    }

    [Fact]
    public async Task Withdraw_BeforeTakenUp_Final_AfterTakenUp_Refused()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var first = await RaiseAsync(admin, Need(branch, "志愿者支援"));
        var withdrawn = await StepAsync(admin, first, "withdraw", new ServiceReasonRequest("已自行解决", first.Version));
        Assert.Equal((ServiceRequestStatus.Withdrawn, "已自行解决"), (withdrawn.Status, withdrawn.WithdrawReason));
        Assert.Equal(["status"], (await (await admin.PostJsonAsync($"{Route}/{first.Id}/take-up", new ServiceStepRequest(withdrawn.Version))).ProblemErrorsAsync()).Keys);

        var second = await StepAsync(admin, await RaiseAsync(admin, Need(branch, "党建指导")), "take-up");
        var refused = await admin.PostJsonAsync($"{Route}/{second.Id}/withdraw", new ServiceReasonRequest(null, second.Version));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("待受理", (await refused.ProblemErrorsAsync())["status"][0], StringComparison.Ordinal);
        Assert.Equal(ServiceRequestStatus.TakenUp, await app.WithDbAsync(db => db.ServiceRequests.Where(r => r.Id == second.Id).Select(r => r.Status).FirstAsync()));
    }

    [Fact]
    public async Task Steps_InTheWrongState_Are400_AStaleVersion409_NothingChanges()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var raised = await RaiseAsync(admin, Need(branch, "物资需求"));

        var answerEarly = await admin.PostJsonAsync($"{Route}/{raised.Id}/answer", new ServiceAnswerRequest("答复", raised.Version));
        var closeEarly = await admin.PostJsonAsync($"{Route}/{raised.Id}/close", new ServiceStepRequest(raised.Version));
        var reopenEarly = await admin.PostJsonAsync($"{Route}/{raised.Id}/reopen", new ServiceReasonRequest("不满意", raised.Version));
        Assert.All(new[] { answerEarly, closeEarly, reopenEarly }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/{raised.Id}/take-up", new ServiceStepRequest(raised.Version + 7))).StatusCode);

        var taken = await StepAsync(admin, raised, "take-up");
        var blank = await (await admin.PostJsonAsync($"{Route}/{raised.Id}/answer", new ServiceAnswerRequest(" ", taken.Version))).ProblemErrorsAsync();
        Assert.Equal(["answer"], blank.Keys);
        var stored = await app.WithDbAsync(db => db.ServiceRequests.AsNoTracking().FirstAsync(r => r.Id == raised.Id));
        Assert.Equal((ServiceRequestStatus.TakenUp, (string?)null, taken.Version), (stored.Status, stored.Answer, stored.Version));
    }

    [Fact]
    public async Task Reopen_ByTheRaiser_OnceWithAReason_ThenRefused()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var r = await RaiseAsync(admin, Need(branch, "培训指导", kind: ServiceKind.Guidance));
        r = await StepAsync(admin, r, "take-up");
        r = await StepAsync(admin, r, "answer", new ServiceAnswerRequest("下周派员指导。", r.Version));

        Assert.Equal(["reason"], (await (await admin.PostJsonAsync($"{Route}/{r.Id}/reopen", new ServiceReasonRequest("", r.Version))).ProblemErrorsAsync()).Keys);
        r = await StepAsync(admin, r, "reopen", new ServiceReasonRequest("指导未落实", r.Version));
        Assert.Equal((ServiceRequestStatus.TakenUp, "下周派员指导。", "指导未落实", (string?)null), (r.Status, r.FirstAnswer, r.ReopenReason, r.Answer));
        r = await StepAsync(admin, r, "answer", new ServiceAnswerRequest("已派员到支部现场指导。", r.Version));

        var again = await admin.PostJsonAsync($"{Route}/{r.Id}/reopen", new ServiceReasonRequest("仍不满意", r.Version));
        Assert.Contains("重新办理过一次", (await again.ProblemErrorsAsync())["status"][0], StringComparison.Ordinal);
        Assert.Equal(ServiceRequestStatus.Answered, await app.WithDbAsync(db => db.ServiceRequests.Where(x => x.Id == r.Id).Select(x => x.Status).FirstAsync()));
    }

    [Fact]
    public async Task Raise_BadInput_Is400NamingTheField_TheDistrictCommitteeHasNoLevelAbove_NothingStored()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var district = await app.WithDbAsync(db => db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).FirstAsync());

        var blank = await (await admin.PostJsonAsync(Route, new RaiseServiceRequest(branch, ServiceKind.Funds, " ", null, null))).ProblemErrorsAsync();
        var kind = await (await admin.PostJsonAsync(Route, new RaiseServiceRequest(branch, null, "标题", "内容", null))).ProblemErrorsAsync();
        var future = await (await admin.PostJsonAsync(Route, Need(branch, "明天的需求", OrgToday.Value.AddDays(1)))).ProblemErrorsAsync();
        var top = await (await (await app.ClientForAsync(Demo.DistrictAdmin)).PostJsonAsync(Route, Need(district, "区委的需求"))).ProblemErrorsAsync();

        Assert.Equal(["title", "details"], blank.Keys);
        Assert.Contains("标题", blank["title"][0], StringComparison.Ordinal);
        Assert.Equal(["kind"], kind.Keys);
        Assert.Equal(["raisedOn"], future.Keys);
        Assert.Contains("上级组织", top["organizationId"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ServiceRequests.CountAsync(r => r.OrganizationId == branch || r.OrganizationId == district)));
    }

    [Fact]
    public async Task WrongSide_TheBranchSecretaryCannotTakeUp_TheTownshipCannotTakeUpItsOwnNeed_TheDistrictCan()
    {
        var t = await app.TownshipsAsync();
        var secretaryOrg = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var own = await RaiseAsync(secretary, Need(secretaryOrg, "支部书记培训"));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostJsonAsync($"{Route}/{own.Id}/take-up", new ServiceStepRequest(own.Version))).StatusCode);
        Assert.False(own.CanAnswer);

        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var township = await RaiseAsync(admin, Need(t.A, "乡镇党群服务中心设备"));
        Assert.False(township.CanAnswer);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostJsonAsync($"{Route}/{township.Id}/take-up", new ServiceStepRequest(township.Version))).StatusCode);
        Assert.Equal(ServiceRequestStatus.Raised, await app.WithDbAsync(db => db.ServiceRequests.Where(r => r.Id == township.Id).Select(r => r.Status).FirstAsync()));

        var district = await app.ClientForAsync(Demo.DistrictAdmin);
        Assert.Equal(ServiceRequestStatus.TakenUp, (await StepAsync(district, township, "take-up")).Status);
        // The township, the raiser, may not close what the district answers.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostJsonAsync($"{Route}/{township.Id}/close", new ServiceStepRequest(township.Version + 1))).StatusCode);
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsRequest_EveryStep_AndItsListsDoNotShowIt()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);
        var r = await RaiseAsync(adminA, Need(branch, "甲镇支部的经费需求"));
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{r.Id}")).StatusCode);
        foreach (var step in new[] { "take-up", "close", "withdraw" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{r.Id}/{step}", new ServiceReasonRequest("越权", r.Version))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{r.Id}/answer", new ServiceAnswerRequest("越权", r.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{r.Id}/reopen", new ServiceReasonRequest("越权", r.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync(Route, Need(branch, "替甲镇提需求"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}?organizationId={branch}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/export?organizationId={branch}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/stats?organizationId={branch}")).StatusCode);
        var list = await (await adminB.GetAsync($"{Route}?search={Uri.EscapeDataString("甲镇支部的经费需求")}&pageSize=200")).ReadAsync<ServiceRequestList>();
        Assert.DoesNotContain(list.Requests.Items, x => x.Id == r.Id);
        var stored = await app.WithDbAsync(db => db.ServiceRequests.AsNoTracking().FirstAsync(x => x.Id == r.Id));
        Assert.Equal((ServiceRequestStatus.Raised, r.Version), (stored.Status, stored.Version));

        var page = System.Net.WebUtility.HtmlDecode(await (await (await app.SignInAsync(Demo.OrgAdminB)).GetAsync($"/services/{r.Id}")).Content.ReadAsStringAsync());
        Assert.Contains("data-refused=\"true\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("甲镇支部的经费需求", page, StringComparison.Ordinal);
    }

    /// <summary>The latest raising day whose limit (of <paramref name="workingDays"/>) fell before today, and the day after it, whose limit is today or later.</summary>
    private static (DateOnly Late, DateOnly OnTime) Boundary(int workingDays)
    {
        var today = OrgToday.Value;
        var d = today;
        while (ServiceDays.Due(HolidayCalendar.Shipped, d, workingDays) >= today)
        {
            d = d.AddDays(-1);
        }

        return (d, d.AddDays(1));
    }

    [Fact]
    public async Task Overdue_TakeUp_AtTheLimitDayNot_TheDayAfterYes_TheListFilterAgrees()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (late, onTime) = Boundary(ServiceLimits.Defaults.TakeUpWorkingDays);

        var lateOne = await RaiseAsync(admin, Need(branch, "超时未受理", late));
        var onTimeOne = await RaiseAsync(admin, Need(branch, "未超时", onTime));

        Assert.True(lateOne.TakeUpDue < OrgToday.Value && lateOne.Overdue);
        Assert.True(onTimeOne.TakeUpDue >= OrgToday.Value && !onTimeOne.Overdue);
        var overdue = await (await admin.GetAsync($"{Route}?organizationId={branch}&overdue=true")).ReadAsync<ServiceRequestList>();
        var notOverdue = await (await admin.GetAsync($"{Route}?organizationId={branch}&overdue=false")).ReadAsync<ServiceRequestList>();
        Assert.Equal([lateOne.Id], overdue.Requests.Items.Select(r => r.Id));
        Assert.Equal([onTimeOne.Id], notOverdue.Requests.Items.Select(r => r.Id));

        // Taken up late, it is off the take-up list; the answer limit is further on.
        var taken = await StepAsync(admin, lateOne, "take-up");
        Assert.Equal(taken.AnswerDue < OrgToday.Value, taken.Overdue);
    }

    [Fact]
    public async Task Overdue_Answer_AtTheLimitDayNot_TheDayAfterYes()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (late, onTime) = Boundary(ServiceLimits.Defaults.AnswerWorkingDays);

        var lateOne = await StepAsync(admin, await RaiseAsync(admin, Need(branch, "超时未答复", late)), "take-up");
        var onTimeOne = await StepAsync(admin, await RaiseAsync(admin, Need(branch, "答复未超时", onTime)), "take-up");

        Assert.True(lateOne.AnswerDue < OrgToday.Value && lateOne.Overdue);
        Assert.True(onTimeOne.AnswerDue >= OrgToday.Value && !onTimeOne.Overdue);
        var overdue = await (await admin.GetAsync($"{Route}?organizationId={branch}&overdue=true")).ReadAsync<ServiceRequestList>();
        Assert.Equal([lateOne.Id], overdue.Requests.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Stats_OfATreeOfItsOwn_LevelTimes_CountsByOrganizationBelow_TheOverdueList_AndTheExport()
    {
        var t = await app.TownshipsAsync();
        var parent = await app.NewOrganizationAsync(t.A, OrganizationKind.GeneralBranch);
        var (x, y) = (await app.NewOrganizationAsync(parent), await app.NewOrganizationAsync(parent));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var today = OrgToday.Value;
        var twoBack = today;
        while (ServiceDays.Between(HolidayCalendar.Shipped, twoBack, today) < 2)
        {
            twoBack = twoBack.AddDays(-1);
        }

        var quick = await StepAsync(admin, await RaiseAsync(admin, Need(x, "当天受理的需求", today)), "take-up");
        quick = await StepAsync(admin, quick, "answer", new ServiceAnswerRequest("已解决。", quick.Version));
        await StepAsync(admin, quick, "close");
        var slow = await StepAsync(admin, await RaiseAsync(admin, Need(x, "两个工作日后受理的需求", twoBack)), "take-up");
        var late = await RaiseAsync(admin, Need(y, "逾期未受理的需求", today.AddDays(-30)));

        var stats = await (await admin.GetAsync($"{Route}/stats?organizationId={parent}")).ReadAsync<ServiceStatsView>();

        var level = Assert.Single(stats.Levels);
        Assert.Equal((OrganizationKind.GeneralBranch, 3, 2, 1), (level.Kind, level.Requests, level.Open, level.Overdue));
        Assert.Equal((2, 1.0, 1.0), (level.TakenUp, level.MedianResponse, level.AverageResponse));
        Assert.Equal((1, 0.0, 0.0), (level.Closed, level.MedianClosing, level.AverageClosing));
        Assert.Equal([(x, 1, 0), (y, 1, 1)], stats.ByOrganization.Select(o => (o.OrganizationId, o.Open, o.Overdue)));
        Assert.Equal([late.Id], stats.Overdue.Select(r => r.Id));
        Assert.Equal(2, slow.ResponseWorkingDays);

        var export = await admin.GetAsync($"{Route}/export?organizationId={parent}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "三服务需求").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["当天受理的需求", "两个工作日后受理的需求", "逾期未受理的需求"], rows.Select(r => (string)r["标题"]!));
        Assert.Equal(("已办结", "是"), ((string)rows[0]["状态"]!, (string)rows[2]["逾期"]!));

        var client = await app.SignInAsync(Demo.OrgAdminA);
        var html = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/services/stats?organizationId={parent}")).Content.ReadAsStringAsync());
        Assert.Contains($"data-overdue-request=\"{late.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"by-organization\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ListAndRequest_ShowTheNeed_AndTheStepsTheCallerMayTake()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var r = await RaiseAsync(admin, Need(branch, "页面上的需求"));
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var list = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/services?organizationId={branch}")).Content.ReadAsStringAsync());
        Assert.Contains("页面上的需求", list, StringComparison.Ordinal);
        Assert.Contains("data-action=\"raise\"", list, StringComparison.Ordinal);
        Assert.Contains("data-action=\"export\"", list, StringComparison.Ordinal);

        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/services/{r.Id}")).Content.ReadAsStringAsync());
        Assert.Contains("页面上的需求", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"take-up\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"withdraw\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"close\"", page, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ServiceRequestSqliteTests(SqliteApp app) : ServiceRequestTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ServiceRequestPostgresTests(PostgresApp app) : ServiceRequestTests(app);
