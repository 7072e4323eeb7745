using System.Net;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Supervision.Notices;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Supervision.Notices;

/// <summary>
/// 预警 / 整改通知 (SUP-2) over HTTP on a real database: issued by the department, answered by the addressed organization
/// (a branch secretary answers only their own branch's), verified or returned, closed; bad input refused with nothing
/// stored, a stale version 409; overdue from the day after the deadline; township B kept from township A; the export.
/// </summary>
public abstract class NoticeTests(AppFixture app)
{
    private const string Route = NoticeEndpoints.Route;

    private static IssueNoticeRequest ToCadre(int org, int person, string problem, DateOnly deadline, DateOnly? issuedOn = null) =>
        new(org, NoticeTargetKind.Cadre, person, problem, "群众反映：" + problem, deadline, issuedOn ?? OrgToday.Value);

    private async Task<(int Org, int Person, HttpClient Admin)> CadreOfAAsync()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        return (org, await app.NewCadreAsync(org), await app.ClientForAsync(Demo.OrgAdminA));
    }

    [Fact]
    public async Task Notice_IsIssued_Answered_ReturnedOnce_AnsweredAgain_Verified_Closed_WithItsHistory()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var today = OrgToday.Value;

        var issued = await (await admin.PostJsonAsync(Route, ToCadre(org, person, "多次迟到早退", today.AddDays(30)))).ReadAsync<NoticeDetail>();
        var id = issued.Notice.Id;
        Assert.Equal((RectificationNoticeStatus.Issued, Demo.OrgAdminA, false), (issued.Notice.Status, issued.Notice.IssuedBy, issued.Notice.Overdue));
        Assert.True(issued.CanNotify);

        var answered = await (await admin.PostJsonAsync($"{Route}/{id}/respond", new RespondNoticeRequest("已谈话提醒，制定考勤制度", today, issued.Notice.Version))).ReadAsync<NoticeDetail>();
        Assert.Equal((RectificationNoticeStatus.Responded, "已谈话提醒，制定考勤制度"), (answered.Notice.Status, answered.Notice.Response));

        var returned = await (await admin.PostJsonAsync($"{Route}/{id}/verify", new VerifyNoticeRequest(false, "缺少考勤记录", today, answered.Notice.Version))).ReadAsync<NoticeDetail>();
        Assert.Equal((RectificationNoticeStatus.Issued, 1, "缺少考勤记录"), (returned.Notice.Status, returned.Notice.Returns, returned.Notice.VerificationNote));

        var again = await (await admin.PostJsonAsync($"{Route}/{id}/respond", new RespondNoticeRequest("补交三个月考勤记录", today, returned.Notice.Version))).ReadAsync<NoticeDetail>();
        var verified = await (await admin.PostJsonAsync($"{Route}/{id}/verify", new VerifyNoticeRequest(true, null, today, again.Notice.Version))).ReadAsync<NoticeDetail>();
        Assert.Equal(RectificationNoticeStatus.Verified, verified.Notice.Status);
        var closed = await (await admin.PostJsonAsync($"{Route}/{id}/close", new CloseNoticeRequest(today, verified.Notice.Version))).ReadAsync<NoticeDetail>();

        Assert.Equal((RectificationNoticeStatus.Closed, today, Demo.OrgAdminA), (closed.Notice.Status, closed.Notice.ClosedOn, closed.Notice.ClosedBy));
        // The insert is logged as the row's creation; each step after it under its own name.
        Assert.Equal(
            ["Created", "RectificationNotice.Responded", "RectificationNotice.Returned", "RectificationNotice.Responded", "RectificationNotice.Verified", "RectificationNotice.Closed"],
            closed.History.Reverse().Select(h => h.Action));

        // The cadre's record lists the notice.
        var mine = await (await admin.GetAsync($"{Route}/person/{person}")).ReadAsync<List<NoticeView>>();
        Assert.Equal([id], mine.Select(n => n.Id));
    }

    [Fact]
    public async Task Issue_BadInput_Is400NamingTheField_AndNothingStored_TheDeadlineOnTheDayOfIssueIsAccepted()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var stranger = await app.NewCadreAsync(await app.NewOrganizationAsync((await app.TownshipsAsync()).A));
        var day = new DateOnly(2024, 5, 10);

        var before = await (await admin.PostJsonAsync(Route, ToCadre(org, person, "时限早于发出", day.AddDays(-1), day))).ProblemErrorsAsync();
        var blank = await (await admin.PostJsonAsync(Route, ToCadre(org, person, " ", day, day))).ProblemErrorsAsync();
        var future = await (await admin.PostJsonAsync(Route, ToCadre(org, person, "明天发出", OrgToday.Value.AddDays(9), OrgToday.Value.AddDays(1)))).ProblemErrorsAsync();
        var elsewhere = await (await admin.PostJsonAsync(Route, ToCadre(org, stranger, "别的组织的干部", day, day))).ProblemErrorsAsync();
        var noKind = await (await admin.PostJsonAsync(Route, new IssueNoticeRequest(org, null, person, "无对象类型", "依据", day, day))).ProblemErrorsAsync();
        var team = await (await admin.PostJsonAsync(Route, new IssueNoticeRequest(org, NoticeTargetKind.Team, person, "人员当作班子", "依据", day, day))).ProblemErrorsAsync();

        Assert.Equal(["deadline", "problem", "issuedOn", "targetId", "targetKind", "targetId"], [.. new[] { before, blank, future, elsewhere, noKind, team }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("2024-05-10", before["deadline"][0], StringComparison.Ordinal);
        Assert.Contains("问题", blank["problem"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.RectificationNotices.CountAsync(n => n.OrganizationId == org)));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, ToCadre(org, person, "当日时限", day, day))).StatusCode);
        var teamId = await app.NewTeamAsync(org);
        var toTeam = await (await admin.PostJsonAsync(Route, new IssueNoticeRequest(org, NoticeTargetKind.Team, teamId, "班子议事不规范", "巡察发现", day, day))).ReadAsync<NoticeDetail>();
        Assert.Equal((NoticeTargetKind.Team, 1), (toTeam.Notice.TargetKind, toTeam.Notice.TeamTerm));
    }

    [Fact]
    public async Task Steps_OutOfOrder_WithoutANoteToReturn_OrStale_AreRefused_AndNothingChanges()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var today = OrgToday.Value;
        var n = (await (await admin.PostJsonAsync(Route, ToCadre(org, person, "顺序检查", today.AddDays(5)))).ReadAsync<NoticeDetail>()).Notice;

        var closeEarly = await (await admin.PostJsonAsync($"{Route}/{n.Id}/close", new CloseNoticeRequest(today, n.Version))).ProblemErrorsAsync();
        var verifyEarly = await (await admin.PostJsonAsync($"{Route}/{n.Id}/verify", new VerifyNoticeRequest(true, null, today, n.Version))).ProblemErrorsAsync();
        var emptyAnswer = await (await admin.PostJsonAsync($"{Route}/{n.Id}/respond", new RespondNoticeRequest(" ", today, n.Version))).ProblemErrorsAsync();
        Assert.Equal(["status", "status", "response"], [.. new[] { closeEarly, verifyEarly, emptyAnswer }.Select(e => string.Join(",", e.Keys))]);

        var answered = (await (await admin.PostJsonAsync($"{Route}/{n.Id}/respond", new RespondNoticeRequest("已整改", today, n.Version))).ReadAsync<NoticeDetail>()).Notice;
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/{n.Id}/verify", new VerifyNoticeRequest(true, null, today, n.Version))).StatusCode);
        var noNote = await (await admin.PostJsonAsync($"{Route}/{n.Id}/verify", new VerifyNoticeRequest(false, " ", today, answered.Version))).ProblemErrorsAsync();
        var noHolds = await (await admin.PostJsonAsync($"{Route}/{n.Id}/verify", new VerifyNoticeRequest(null, "x", today, answered.Version))).ProblemErrorsAsync();
        Assert.Equal(["note", "holds"], [.. new[] { noNote, noHolds }.Select(e => string.Join(",", e.Keys))]);

        var stored = await app.WithDbAsync(db => db.RectificationNotices.SingleAsync(x => x.Id == n.Id));
        Assert.Equal((RectificationNoticeStatus.Responded, 0, null), (stored.Status, stored.Returns, stored.VerificationNote));
    }

    [Fact]
    public async Task Overdue_FromTheDayAfterTheDeadline_NotOnIt_NorOnceAnswered_AndTheExportSaysSo()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var other = await app.NewCadreAsync(org);
        var deadline = new DateOnly(2024, 3, 10);
        var late = (await (await admin.PostJsonAsync(Route, ToCadre(org, person, "逾期未反馈", deadline, new DateOnly(2024, 3, 1)))).ReadAsync<NoticeDetail>()).Notice;
        var answered = (await (await admin.PostJsonAsync(Route, ToCadre(org, other, "按时反馈", deadline, new DateOnly(2024, 3, 1)))).ReadAsync<NoticeDetail>()).Notice;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/{answered.Id}/respond", new RespondNoticeRequest("已整改", new DateOnly(2024, 3, 9), answered.Version))).StatusCode);

        var onDeadline = await (await admin.GetAsync($"{Route}?organizationId={org}&overdue=true&on=2024-03-10")).ReadAsync<NoticeListView>();
        var dayAfter = await (await admin.GetAsync($"{Route}?organizationId={org}&overdue=true&on=2024-03-11")).ReadAsync<NoticeListView>();
        var all = await (await admin.GetAsync($"{Route}?organizationId={org}&on=2024-03-11")).ReadAsync<NoticeListView>();

        Assert.Empty(onDeadline.Items.Items);
        Assert.Equal([late.Id], dayAfter.Items.Items.Select(n => n.Id));
        Assert.Equal([(late.Id, true), (answered.Id, false)], all.Items.Items.Select(n => (n.Id, n.Overdue)).OrderBy(x => x.Id));

        var search = await (await admin.GetAsync($"{Route}?organizationId={org}&search={Uri.EscapeDataString("按时")}")).ReadAsync<NoticeListView>();
        Assert.Equal([answered.Id], search.Items.Items.Select(n => n.Id));

        var export = await admin.GetAsync($"{Route}/export?organizationId={org}&overdue=true&on=2024-03-11");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "整改通知").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("逾期未反馈", "2024-03-10", "待反馈", "是"), (row["问题"], row["整改时限"], row["状态"], row["逾期"]));
    }

    [Fact]
    public async Task BranchSecretary_AnswersTheirOwnBranchsNotice_NotAnothers_AndIssuesNone()
    {
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var t = await app.TownshipsAsync();
        var otherBranch = await app.NewOrganizationAsync(t.A);
        var district = await app.ClientForAsync(Demo.DistrictAdmin);
        var today = OrgToday.Value;
        var own = (await (await district.PostJsonAsync(Route, ToCadre(branch, await app.NewCadreAsync(branch), "本支部的通知", today.AddDays(10)))).ReadAsync<NoticeDetail>()).Notice;
        var foreign = (await (await district.PostJsonAsync(Route, ToCadre(otherBranch, await app.NewCadreAsync(otherBranch), "别的支部的通知", today.AddDays(10)))).ReadAsync<NoticeDetail>()).Notice;
        var secretary = await app.ClientForAsync(Demo.Secretary);

        var answered = await (await secretary.PostJsonAsync($"{Route}/{own.Id}/respond", new RespondNoticeRequest("支部已整改", today, own.Version))).ReadAsync<NoticeDetail>();
        Assert.Equal(RectificationNoticeStatus.Responded, answered.Notice.Status);
        Assert.False(answered.CanNotify);

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostJsonAsync($"{Route}/{foreign.Id}/respond", new RespondNoticeRequest("越权反馈", today, foreign.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostJsonAsync($"{Route}/{own.Id}/verify", new VerifyNoticeRequest(true, null, today, answered.Notice.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostJsonAsync(Route, ToCadre(branch, await app.NewCadreAsync(branch), "书记自己发通知", today))).StatusCode);
        Assert.Equal(RectificationNoticeStatus.Issued, await app.WithDbAsync(db => db.RectificationNotices.Where(n => n.Id == foreign.Id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsNotice_AndNothingChanges_NorDoesItsListShowIt()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var today = OrgToday.Value;
        var n = (await (await admin.PostJsonAsync(Route, ToCadre(org, person, "甲镇的通知", today.AddDays(3)))).ReadAsync<NoticeDetail>()).Notice;
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        var t = await app.TownshipsAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{n.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/export?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{n.Id}/respond", new RespondNoticeRequest("越权", today, n.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{n.Id}/close", new CloseNoticeRequest(today, n.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync(Route, ToCadre(org, person, "越权发出", today))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/person/{person}")).StatusCode);
        var own = await (await adminB.GetAsync($"{Route}?organizationId={t.B}&pageSize=200")).ReadAsync<NoticeListView>();
        Assert.DoesNotContain(own.Items.Items, x => x.Id == n.Id);
        Assert.Equal(RectificationNoticeStatus.Issued, await app.WithDbAsync(db => db.RectificationNotices.Where(x => x.Id == n.Id).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task Pages_ShowTheList_TheNotice_AndTheCadresRecord()
    {
        var (org, person, admin) = await CadreOfAAsync();
        var n = (await (await admin.PostJsonAsync(Route, ToCadre(org, person, "页面上的通知", OrgToday.Value.AddDays(3)))).ReadAsync<NoticeDetail>()).Notice;
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var list = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/supervision/notices?organizationId={org}")).Content.ReadAsStringAsync());
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/supervision/notices/{n.Id}")).Content.ReadAsStringAsync());
        var record = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/people/{person}")).Content.ReadAsStringAsync());

        Assert.Contains("页面上的通知", list, StringComparison.Ordinal);
        Assert.Contains("data-action=\"issue\"", list, StringComparison.Ordinal);
        Assert.Contains("data-action=\"export\"", list, StringComparison.Ordinal);
        Assert.Contains("data-action=\"respond\"", page, StringComparison.Ordinal);
        Assert.Contains("待反馈", page, StringComparison.Ordinal);
        Assert.Contains("data-section=\"person-notices\"", record, StringComparison.Ordinal);
        Assert.Contains("页面上的通知", record, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NoticeSqliteTests(SqliteApp app) : NoticeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NoticePostgresTests(PostgresApp app) : NoticeTests(app);
