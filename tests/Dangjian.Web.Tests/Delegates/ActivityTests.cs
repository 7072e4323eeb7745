using System.Net;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Delegates.Duties;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Dangjian.Web.Tests.Delegates.DelegatesSetup;

namespace Dangjian.Web.Tests.Delegates;

/// <summary>
/// DEL-3 and 述职 over HTTP on a real database: a regular meeting recorded, each delegate's attendance (absent without a reason
/// is a 400), published to the term's delegates on /me with their own attendance (an unpublished one is not shown), the
/// attendance rate per delegate, a 述职 at the meeting with an evaluation campaign of another township refused, bad input
/// refused with nothing stored, township B kept out, the export and the pages.
/// </summary>
public abstract class ActivityTests(AppFixture app)
{
    private const string Activities = Route + "/activities";

    private static RecordActivityRequest Meeting(DelegatesFixture f, string subject, DateOnly? on = null, DelegateActivityKind kind = DelegateActivityKind.RegularMeeting) =>
        new(f.TermId, kind, on ?? OrgToday.Value.AddDays(-1), "镇党委会议室", subject, "通报" + subject);

    private async Task<ActivityView> RecordAsync(RecordActivityRequest request)
    {
        var response = await (await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync(Activities, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ActivityView>();
    }

    private async Task<ActivityView> MarkAsync(ActivityView a, TestDelegate d, bool present, string? reason = null)
    {
        var seat = a.Attendance.Single(l => l.PersonId == d.PersonId).DelegateId;
        var response = await (await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync($"{Activities}/{a.Id}/attendance", new MarkAttendanceRequest(seat, present, reason, a.Version));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ActivityView>();
    }

    [Fact]
    public async Task Meeting_AttendanceRecorded_Published_SeenByTheDelegatesOnMe_WithTheirAttendance_AndTheRates()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 3);
        var d = f.Delegates;
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var a = await RecordAsync(Meeting(f, "第三季度代表例会"));
        Assert.Equal(3, a.Attendance.Count);
        Assert.All(a.Attendance, l => Assert.Null(l.Present));

        var seat = a.Attendance.Single(l => l.PersonId == d[1].PersonId).DelegateId;
        var noReason = await (await admin.PostJsonAsync($"{Activities}/{a.Id}/attendance", new MarkAttendanceRequest(seat, false, " ", a.Version))).ProblemErrorsAsync();
        Assert.Equal(["absenceReason"], noReason.Keys);
        Assert.Contains("缺席原因", noReason["absenceReason"][0], StringComparison.Ordinal);
        a = await MarkAsync(a, d[0], true);
        a = await MarkAsync(a, d[1], false, "外出学习");
        Assert.Equal((false, "外出学习"), (a.Attendance.Single(l => l.PersonId == d[1].PersonId).Present!.Value, a.Attendance.Single(l => l.PersonId == d[1].PersonId).AbsenceReason));

        // Not published yet: the delegates do not see it; published, they do, each with their own attendance.
        Assert.DoesNotContain(await (await d[1].Client.GetAsync(Route + "/mine/activities")).ReadAsync<List<MyActivityView>>(), x => x.Id == a.Id);
        a = await (await admin.PostJsonAsync($"{Activities}/{a.Id}/publish", new ActivityStepRequest(a.Version))).ReadAsync<ActivityView>();
        Assert.True(a.Published);
        Assert.False(Assert.Single(await (await d[1].Client.GetAsync(Route + "/mine/activities")).ReadAsync<List<MyActivityView>>(), x => x.Id == a.Id).Present);
        Assert.True(Assert.Single(await (await d[0].Client.GetAsync(Route + "/mine/activities")).ReadAsync<List<MyActivityView>>(), x => x.Id == a.Id).Present);
        Assert.Null(Assert.Single(await (await d[2].Client.GetAsync(Route + "/mine/activities")).ReadAsync<List<MyActivityView>>(), x => x.Id == a.Id).Present);
        var again = await (await admin.PostJsonAsync($"{Activities}/{a.Id}/publish", new ActivityStepRequest(a.Version))).ProblemErrorsAsync();
        Assert.Equal(["published"], again.Keys);

        var tour = await RecordAsync(Meeting(f, "专题视察", kind: DelegateActivityKind.InspectionTour));
        await MarkAsync(tour, d[1], true);
        var rates = await (await admin.GetAsync($"{Route}/terms/{f.TermId}/attendance")).ReadAsync<List<AttendanceRateView>>();
        Assert.Equal(new (int, int, int, decimal?)[] { (d[1].PersonId, 2, 1, 0.5m), (d[0].PersonId, 1, 1, 1m), (d[2].PersonId, 0, 0, null) }, rates.Select(r => (r.PersonId, r.Recorded, r.Present, r.Rate)));
    }

    [Fact]
    public async Task Record_BadInput_Is400NamingTheField_AndNothingStored_AStaleVersionIs409()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var noKind = await (await admin.PostJsonAsync(Activities, Meeting(f, "无类型") with { Kind = null })).ProblemErrorsAsync();
        var before = await (await admin.PostJsonAsync(Activities, Meeting(f, "届前", new DateOnly(2023, 12, 31)))).ProblemErrorsAsync();
        var noPlace = await (await admin.PostJsonAsync(Activities, Meeting(f, "无地点") with { Place = "" })).ProblemErrorsAsync();
        Assert.Equal(["kind", "heldOn", "place"], [.. new[] { noKind, before, noPlace }.Select(e => string.Join(",", e.Keys))]);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateActivities.CountAsync(a => a.TermId == f.TermId)));

        var a = await RecordAsync(Meeting(f, "并发例会"));
        a = await MarkAsync(a, f.Delegates[0], true);
        var stale = await admin.PostJsonAsync($"{Activities}/{a.Id}/publish", new ActivityStepRequest(a.Version - 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.False((await app.WithDbAsync(db => db.DelegateActivities.FirstAsync(x => x.Id == a.Id))).Published);
    }

    [Fact]
    public async Task WorkReport_AtTheMeeting_LinksAnEvaluationOfTheTermsSubtree_NotAnotherTownships()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var a = await RecordAsync(Meeting(f, "述职例会"));
        var response = await admin.PostJsonAsync(Route + "/work-reports", new RecordWorkReportRequest(f.TermId, a.Id, null, "王书记", "党委书记", "履职情况", a.HeldOn));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadAsync<WorkReportView>();
        Assert.Equal(("述职例会", a.Id), (report.ActivitySubject, report.ActivityId!.Value));
        var future = await (await admin.PostJsonAsync(Route + "/work-reports", new RecordWorkReportRequest(f.TermId, a.Id, null, "王书记", "党委书记", "履职情况", OrgToday.Value.AddDays(1)))).ProblemErrorsAsync();
        Assert.Equal(["reportedOn"], future.Keys);

        var t = await app.TownshipsAsync();
        var foreign = await app.WithDbAsync(db => db.EvaluationCampaigns.Where(c => db.Organizations.Any(o => o.Id == c.OrganizationId && o.Path.StartsWith(db.Organizations.First(x => x.Id == t.B).Path))).Select(c => (int?)c.Id).FirstOrDefaultAsync());
        if (foreign is { } cid)
        {
            var refused = await (await admin.PostJsonAsync($"{Route}/work-reports/{report.Id}/evaluation", new LinkEvaluationRequest(cid, report.Version))).ProblemErrorsAsync();
            Assert.Equal(["evaluationCampaignId"], refused.Keys);
        }

        var listed = await (await admin.GetAsync($"{Route}/terms/{f.TermId}/work-reports")).ReadAsync<List<WorkReportView>>();
        Assert.Equal([(report.Id, (int?)null)], listed.Select(r => (r.Id, r.EvaluationCampaignId)));
        var page = await (await admin.GetAsync($"{Activities}/{a.Id}")).ReadAsync<ActivityView>();
        Assert.Equal("王书记", Assert.Single(page.WorkReports).ReporterName);
    }

    [Fact]
    public async Task TownshipB_CannotListReadMarkOrPublish_TownshipAsActivities_AndNothingChanges()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 2);
        var a = await RecordAsync(Meeting(f, "甲镇例会"));
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Activities}?termId={f.TermId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Activities}/{a.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Activities}/export?termId={f.TermId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}/terms/{f.TermId}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync(Activities, Meeting(f, "越权例会"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Activities}/{a.Id}/attendance", new MarkAttendanceRequest(a.Attendance[0].DelegateId, true, null, a.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Activities}/{a.Id}/publish", new ActivityStepRequest(a.Version))).StatusCode);
        var stored = await app.WithDbAsync(db => db.DelegateActivities.Include(x => x.Attendance).FirstAsync(x => x.Id == a.Id));
        Assert.Equal((false, 0, a.Version), (stored.Published, stored.Attendance.Count, stored.Version));
        Assert.Equal(1, await app.WithDbAsync(db => db.DelegateActivities.CountAsync(x => x.TermId == f.TermId)));
    }

    [Fact]
    public async Task Export_AndThePages_ListTheTermsActivities()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var a = await RecordAsync(Meeting(f, "导出例会"));
        await RecordAsync(Meeting(f, "导出通报", kind: DelegateActivityKind.Briefing));

        var export = await admin.GetAsync($"{Activities}/export?termId={f.TermId}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "代表活动").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["例会", "情况通报"], rows.Select(r => (string?)r["类型"]).Order());
        var list = await (await admin.GetAsync($"{Activities}?termId={f.TermId}&kind=Briefing")).ReadAsync<ActivityListView>();
        Assert.Equal(["导出通报"], list.Items.Items.Select(r => r.Subject));

        var client = await app.SignInAsync(Demo.OrgAdminA);
        var listPage = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/delegates/activities?termId={f.TermId}")).Content.ReadAsStringAsync());
        Assert.Contains("导出例会", listPage, StringComparison.Ordinal);
        Assert.Contains("data-action=\"record-activity\"", listPage, StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/delegates/activities/{a.Id}")).Content.ReadAsStringAsync());
        Assert.Contains(f.Delegates[0].Name, page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"publish\"", page, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ActivitySqliteTests(SqliteApp app) : ActivityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ActivityPostgresTests(PostgresApp app) : ActivityTests(app);
