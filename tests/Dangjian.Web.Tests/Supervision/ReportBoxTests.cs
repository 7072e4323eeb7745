using System.Net;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Supervision.Reports;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Supervision;

/// <summary>
/// The report box (举报, SUP-1) over HTTP on a real database: a report filed on the public form gives a case number and a
/// secret; the secret opens the case, a wrong one reads exactly like an unknown case; staff (the district's organization
/// department only) take the steps in order, each audited as an event while the case rows stay out of the audit log;
/// the reporter reads the answers and the result without a staff member's name. Each test files about an organization
/// of its own, so other tests' and the demo's cases never decide what it reads.
/// </summary>
public abstract class ReportBoxTests(AppFixture app)
{
    private const string Route = ReportEndpoints.Route;

    private async Task<int> OrganizationAsync() => await app.NewOrganizationAsync((await app.TownshipsAsync()).A);

    private async Task<ReportCaseRow> CaseAsync(HttpClient staff, int org, string caseNumber)
    {
        var page = await (await staff.GetAsync($"{Route}?organizationId={org}&search={Uri.EscapeDataString(caseNumber)}")).ReadAsync<Paged<ReportCaseRow>>();
        return Assert.Single(page.Items);
    }

    [Fact]
    public async Task File_GivesCaseNumberAndSecretOnce_FollowShowsFiled_ThenStepsAnswerAndResult_NeverAStaffName()
    {
        var org = await OrganizationAsync();
        var phone = app.ReportPhone();
        var (number, secret) = await phone.FiledAsync(org, "村干部王某某挪用集体资金，请调查。");
        Assert.Matches("^JB-[A-Z0-9]{5}-[A-Z0-9]{5}$", number);
        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", secret);
        Assert.Contains("no-store", (await phone.GetAsync("/public/report")).Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        var (status, filed) = await app.ReportPhone().FollowAsync(number, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-status=\"Filed\"", filed, StringComparison.Ordinal);
        Assert.Contains("已提交", filed, StringComparison.Ordinal);
        // Typed as people type it: lower case, without dashes.
        Assert.Equal(HttpStatusCode.OK, (await app.ReportPhone().FollowAsync(number.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant(), secret.Replace("-", string.Empty, StringComparison.Ordinal))).Status);

        var staff = await app.ClientForAsync(Demo.DistrictAdmin);
        var row = await CaseAsync(staff, org, number);
        Assert.Equal((ReportCaseStatus.Filed, "王某某", OrgToday.Value), (row.Status, row.CadreName, row.FiledOn));
        var v = await (await staff.PostJsonAsync($"{Route}/{row.Id}/accept", new ReportStepRequest(0, null))).ReadAsync<ReportCaseView>();
        v = await (await staff.PostJsonAsync($"{Route}/{row.Id}/answers", new AnswerReportRequest(v.Version, "您的举报已受理。", null))).ReadAsync<ReportCaseView>();
        v = await (await staff.PostJsonAsync($"{Route}/{row.Id}/assign", new AssignReportRequest(v.Version, "纪检组李承办", null))).ReadAsync<ReportCaseView>();
        v = await (await staff.PostJsonAsync($"{Route}/{row.Id}/investigate", new ReportStepRequest(v.Version, OrgToday.Value))).ReadAsync<ReportCaseView>();
        v = await (await staff.PostJsonAsync($"{Route}/{row.Id}/conclude", new ConcludeReportRequest(v.Version, "经查属实，已给予党内警告处分。", null))).ReadAsync<ReportCaseView>();
        Assert.Equal(ReportCaseStatus.Concluded, v.Status);
        Assert.NotNull(v.AcceptedBy);
        Assert.Equal(v.AcceptedBy, Assert.Single(v.Answers).WrittenBy);

        var (_, followed) = await app.ReportPhone().FollowAsync(number, secret);
        Assert.Contains("data-status=\"Concluded\"", followed, StringComparison.Ordinal);
        Assert.Contains("您的举报已受理。", followed, StringComparison.Ordinal);
        Assert.Contains("经查属实，已给予党内警告处分。", followed, StringComparison.Ordinal);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(followed, "data-step="));
        Assert.DoesNotContain(v.AcceptedBy!, followed, StringComparison.Ordinal);
        Assert.DoesNotContain("纪检组李承办", followed, StringComparison.Ordinal);

        // The audit log has the steps, each naming the case and signed by the account, and nothing of the report.
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == row.Id.ToString()).OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(
            [ReportCommands.AcceptedAction, ReportCommands.AnsweredAction, ReportCommands.AssignedAction, ReportCommands.InvestigatedAction, ReportCommands.ConcludedAction],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(v.AcceptedBy, a.Actor));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == "ReportCase" && a.EntityId == row.Id.ToString()
            || (a.After != null && (a.After.Contains("挪用集体资金") || a.After.Contains("您的举报已受理")))
            || (a.Before != null && a.Before.Contains("挪用集体资金")))));
    }

    [Fact]
    public async Task Follow_WrongSecret_ReadsExactlyLikeAnUnknownCase()
    {
        var org = await OrganizationAsync();
        var (number, secret) = await app.ReportPhone().FiledAsync(org, "反映某支部书记优亲厚友。");
        var wrongSecret = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');
        var unknownNumber = ReportSecret.DisplayCaseNumber(ReportSecret.NewCaseNumber());

        var wrong = await app.ReportPhone().FollowAsync(number, wrongSecret);
        var unknown = await app.ReportPhone().FollowAsync(unknownNumber, secret);
        var garbage = await app.ReportPhone().FollowAsync("not a number", "?");

        Assert.Equal(HttpStatusCode.NotFound, wrong.Status);
        Assert.Equal(wrong.Status, unknown.Status);
        Assert.Equal(wrong.Status, garbage.Status);
        Assert.Contains("data-outcome=\"refused\"", wrong.Body, StringComparison.Ordinal);
        Assert.Equal(ReportBoxSetup.WithoutAntiforgery(wrong.Body), ReportBoxSetup.WithoutAntiforgery(unknown.Body));
        Assert.Equal(ReportBoxSetup.WithoutAntiforgery(wrong.Body), ReportBoxSetup.WithoutAntiforgery(garbage.Body));
        Assert.DoesNotContain("优亲厚友", wrong.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_BadInput_422NamingTheField_AndNothingStored_WithoutAntiforgery400()
    {
        var org = await OrganizationAsync();
        var phone = app.ReportPhone();

        var noContent = await phone.FileReportAsync(org, "Cadre", "张某", "  ");
        var noCadre = await phone.FileReportAsync(org, "Cadre", "", "反映问题");
        var cadreForOrganization = await phone.FileReportAsync(org, "Organization", "张某", "反映问题");
        var noKind = await phone.FileReportAsync(org, null, null, "反映问题");
        var noOrganization = await phone.FileReportAsync(null, "Organization", null, "反映问题");
        var tooLong = await phone.FileReportAsync(org, "Organization", null, new string('长', ReportCase.MaxContentLength + 1));

        Assert.All(new[] { noContent, noCadre, cadreForOrganization, noKind, noOrganization, tooLong }, r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status));
        Assert.Contains("data-field=\"content\"", noContent.Body, StringComparison.Ordinal);
        Assert.Contains("举报内容不能为空", noContent.Body, StringComparison.Ordinal);
        Assert.Contains("data-field=\"cadreName\"", noCadre.Body, StringComparison.Ordinal);
        Assert.Contains("data-field=\"cadreName\"", cadreForOrganization.Body, StringComparison.Ordinal);
        Assert.Contains("举报党组织时不填写干部姓名", cadreForOrganization.Body, StringComparison.Ordinal);
        Assert.Contains("data-field=\"subjectKind\"", noKind.Body, StringComparison.Ordinal);
        Assert.Contains("data-field=\"organizationId\"", noOrganization.Body, StringComparison.Ordinal);
        Assert.Contains("data-field=\"content\"", tooLong.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-secret", noContent.Body, StringComparison.Ordinal);
        var withoutAntiforgery = await app.ReportPhone().PostAsync("/public/report", ReportBoxSetup.ReportForm("", org, "Organization", null, "反映问题"));
        Assert.Equal(HttpStatusCode.BadRequest, withoutAntiforgery.StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.ReportBoxCases.CountAsync(c => c.OrganizationId == org)));
    }

    [Fact]
    public async Task Steps_OutOfOrder_RefusedWithTheRulesMessage_BadInputNamed_StaleVersion409_NothingChanged()
    {
        var org = await OrganizationAsync();
        var (number, _) = await app.ReportPhone().FiledAsync(org, "反映某村干部违规吃喝。");
        var staff = await app.ClientForAsync(Demo.DistrictAdmin);
        var row = await CaseAsync(staff, org, number);

        var skipped = await (await staff.PostJsonAsync($"{Route}/{row.Id}/investigate", new ReportStepRequest(0, null))).ProblemErrorsAsync();
        var concluded = await (await staff.PostJsonAsync($"{Route}/{row.Id}/conclude", new ConcludeReportRequest(0, "结果", null))).ProblemErrorsAsync();
        var future = await (await staff.PostJsonAsync($"{Route}/{row.Id}/accept", new ReportStepRequest(0, OrgToday.Value.AddDays(1)))).ProblemErrorsAsync();
        var noVersion = await (await staff.PostJsonAsync($"{Route}/{row.Id}/accept", new ReportStepRequest(null, null))).ProblemErrorsAsync();
        Assert.Contains("依次", skipped["status"][0], StringComparison.Ordinal);
        Assert.Equal(["status"], concluded.Keys);
        Assert.Equal(["on"], future.Keys);
        Assert.Equal(["version"], noVersion.Keys);

        var accepted = await (await staff.PostJsonAsync($"{Route}/{row.Id}/accept", new ReportStepRequest(0, null))).ReadAsync<ReportCaseView>();
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJsonAsync($"{Route}/{row.Id}/assign", new AssignReportRequest(0, "承办人", null))).StatusCode);
        var again = await (await staff.PostJsonAsync($"{Route}/{row.Id}/accept", new ReportStepRequest(accepted.Version, null))).ProblemErrorsAsync();
        var noHandler = await (await staff.PostJsonAsync($"{Route}/{row.Id}/assign", new AssignReportRequest(accepted.Version, " ", null))).ProblemErrorsAsync();
        var noAnswer = await (await staff.PostJsonAsync($"{Route}/{row.Id}/answers", new AnswerReportRequest(accepted.Version, "", null))).ProblemErrorsAsync();
        Assert.Equal(["status"], again.Keys);
        Assert.Contains("承办人", noHandler["handler"][0], StringComparison.Ordinal);
        Assert.Equal(["text"], noAnswer.Keys);

        var now = await (await staff.GetAsync($"{Route}/{row.Id}")).ReadAsync<ReportCaseView>();
        Assert.Equal((ReportCaseStatus.Accepted, (string?)null, 0, accepted.Version), (now.Status, now.Handler, now.Answers.Count, now.Version));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{Route}/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData(Demo.OrgAdminA)]
    [InlineData(Demo.OrgAdminB)]
    [InlineData(Demo.Secretary)]
    public async Task OnlyTheDistrict_ReadsOrHandlesCases_OthersGet403_AndNothingChanges(string user)
    {
        var org = await OrganizationAsync();
        var (number, _) = await app.ReportPhone().FiledAsync(org, "反映乡镇干部作风问题。");
        var id = (await CaseAsync(await app.ClientForAsync(Demo.DistrictAdmin), org, number)).Id;
        var client = await app.ClientForAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Route}?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Route}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Route}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"{Route}/{id}/accept", new ReportStepRequest(0, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"{Route}/{id}/answers", new AnswerReportRequest(0, "答复", null))).StatusCode);

        var stored = await app.WithDbAsync(db => db.ReportBoxCases.AsNoTracking().Include(c => c.Answers).SingleAsync(c => c.Id == id));
        Assert.Equal((ReportCaseStatus.Filed, 0, 0), (stored.Status, stored.Answers.Count, stored.Version));
    }

    [Fact]
    public async Task List_FiltersByStatusAndFindsByNumberOrCadre_ExportHasNoReporterData()
    {
        var org = await OrganizationAsync();
        var phone = app.ReportPhone();
        var (first, _) = await phone.FiledAsync(org, "反映赵某违规发放补贴。", "赵某");
        var (second, _) = await phone.FiledAsync(org, "反映党组织不按期公开党务。", null);
        var staff = await app.ClientForAsync(Demo.DistrictAdmin);
        var firstRow = await CaseAsync(staff, org, first);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostJsonAsync($"{Route}/{firstRow.Id}/accept", new ReportStepRequest(0, null))).StatusCode);

        var all = await (await staff.GetAsync($"{Route}?organizationId={org}")).ReadAsync<Paged<ReportCaseRow>>();
        var filed = await (await staff.GetAsync($"{Route}?organizationId={org}&status=Filed")).ReadAsync<Paged<ReportCaseRow>>();
        var byCadre = await (await staff.GetAsync($"{Route}?organizationId={org}&search=赵")).ReadAsync<Paged<ReportCaseRow>>();
        var byNumber = await (await staff.GetAsync($"{Route}?organizationId={org}&search={second[3..8].ToLowerInvariant()}")).ReadAsync<Paged<ReportCaseRow>>();
        var paged = await (await staff.GetAsync($"{Route}?organizationId={org}&pageSize=1&page=2")).ReadAsync<Paged<ReportCaseRow>>();

        Assert.Equal(2, all.Total);
        Assert.Equal([second], filed.Items.Select(r => r.CaseNumber));
        Assert.Equal([first], byCadre.Items.Select(r => r.CaseNumber));
        Assert.Equal([second], byNumber.Items.Select(r => r.CaseNumber));
        Assert.Equal((2, 1), (paged.Total, paged.Items.Count));
        Assert.Equal(["pageSize"], (await (await staff.GetAsync($"{Route}?organizationId={org}&pageSize=0")).ProblemErrorsAsync()).Keys);

        var export = await staff.GetAsync($"{Route}/export?organizationId={org}");
        Assert.Equal(ExcelFile.ContentType, export.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), rows.Select(r => r["受理编号"]?.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r["状态"]?.ToString() == "已受理" && r["被举报对象"]?.ToString() == "赵某");
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), value => value?.ToString()?.Contains("违规发放补贴", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(rows.SelectMany(r => r.Keys), k => k == "举报人");
    }

    [Fact]
    public async Task StaffPages_ShowTheCaseAndItsContent_ToTheDistrict_TheSignedNameOnlyWhenGiven()
    {
        var org = await OrganizationAsync();
        var (status, body) = await app.ReportPhone().FileReportAsync(org, "Cadre", "钱某", "实名反映钱某违规经商。", "孙实名");
        Assert.Equal(HttpStatusCode.OK, status);
        var number = ReportBoxSetup.CaseNumberOf(body);
        var staff = await app.ClientForAsync(Demo.DistrictAdmin);
        var id = (await CaseAsync(staff, org, number)).Id;

        var client = await app.SignInAsync(Demo.DistrictAdmin);
        var list = WebUtility.HtmlDecode(await (await client.GetAsync("/supervision/reports")).Content.ReadAsStringAsync());
        var page = await client.GetAsync($"/supervision/reports/{id}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Contains("data-action=\"export\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("实名反映钱某违规经商。", html, StringComparison.Ordinal);
        Assert.Contains("孙实名", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"step-Accepted\"", html, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportBoxSqliteTests(SqliteApp app) : ReportBoxTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportBoxPostgresTests(PostgresApp app) : ReportBoxTests(app);
