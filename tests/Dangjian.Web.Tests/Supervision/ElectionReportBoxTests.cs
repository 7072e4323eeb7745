using System.Net;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Supervision.Reports;
using Dangjian.Web.Tests.Elections.Projects;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Supervision;

/// <summary>
/// ELE-14 through the report box (SUP-1): a voter opens the report form from an election's public candidate pages and
/// files anonymously about misconduct in that election; staff accept it and refer it to the election's own misconduct
/// cases naming a nominee, where a proven case disqualifies them (ELE-5). Once only, and never before acceptance.
/// </summary>
public abstract class ElectionReportBoxTests(AppFixture app)
{
    private static async Task<(HttpStatusCode Status, string Body)> FileAboutElectionAsync(HttpClient phone, int projectId, string content, int? organizationId = null)
    {
        var path = $"/public/report?election={projectId}";
        var antiforgery = await phone.AntiforgeryAsync(path);
        var response = await phone.PostAsync(path, new FormUrlEncodedContent([
            new("_handler", "report"), new("__RequestVerificationToken", antiforgery), new("election", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("organizationId", organizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            new("subjectKind", "Cadre"), new("cadreName", "候选人甲"), new("content", content), new("reporterName", string.Empty)]));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task FiledFromTheCandidatePage_IsAboutTheElection_ReferredAfterAcceptance_Once_ProvenDisqualifies()
    {
        var (electionStaff, project, _, nominees) = await app.FixedListAsync(3);
        var candidatePage = WebUtility.HtmlDecode(await (await app.ReportPhone().GetAsync($"/public/elections/candidates/{nominees[0].Id}")).Content.ReadAsStringAsync());
        Assert.Contains($"public/report?election={project.Id}", candidatePage, StringComparison.Ordinal);
        var form = WebUtility.HtmlDecode(await (await app.ReportPhone().GetAsync($"/public/report?election={project.Id}")).Content.ReadAsStringAsync());
        Assert.Contains($"data-election=\"{project.Id}\"", form, StringComparison.Ordinal);
        Assert.Contains(project.Title, form, StringComparison.Ordinal);

        var tag = Demo.UniqueCode("");
        // Whatever organization the form is sent with, the report is about the election's.
        var (status, body) = await FileAboutElectionAsync(app.ReportPhone(), project.Id, "有人请客拉票，" + tag, organizationId: (await app.TownshipsAsync()).B);
        Assert.True(status == HttpStatusCode.OK, body);
        var number = ReportBoxSetup.CaseNumberOf(body);

        var district = await app.ClientForAsync(Demo.DistrictAdmin);
        var row = Assert.Single((await (await district.GetAsync($"{ReportEndpoints.Route}?organizationId={project.OrganizationId}&search={Uri.EscapeDataString(number)}")).ReadAsync<Paged<ReportCaseRow>>()).Items);
        var view = await (await district.GetAsync($"{ReportEndpoints.Route}/{row.Id}")).ReadAsync<ReportCaseView>();
        Assert.Equal((project.OrganizationId, project.Id, (int?)null), (view.OrganizationId, view.Election?.ProjectId, view.Election?.ElectionReportId));
        Assert.Equal(nominees.Select(n => n.Id).Order(), view.Election!.Nominees.Select(n => n.Id).Order());

        // Not before it is accepted.
        var early = await district.PostJsonAsync($"{ReportEndpoints.Route}/{row.Id}/refer", new ReferReportRequest(view.Version, nominees[0].Id));
        Assert.Contains("status", (await early.ProblemErrorsAsync()).Keys);
        view = await (await district.PostJsonAsync($"{ReportEndpoints.Route}/{row.Id}/accept", new ReportStepRequest(view.Version, null))).ReadAsync<ReportCaseView>();
        view = await (await district.PostJsonAsync($"{ReportEndpoints.Route}/{row.Id}/refer", new ReferReportRequest(view.Version, nominees[0].Id))).ReadAsync<ReportCaseView>();
        Assert.NotNull(view.Election!.ElectionReportId);
        var again = await district.PostJsonAsync($"{ReportEndpoints.Route}/{row.Id}/refer", new ReferReportRequest(view.Version, nominees[1].Id));
        Assert.Contains("electionReportId", (await again.ProblemErrorsAsync()).Keys);

        // The election's staff see it as one of the election's cases, naming the nominee, with what the reporter wrote.
        var reports = await (await electionStaff.GetAsync($"/api/v1/elections/{project.Id}/reports")).ReadAsync<List<ReportView>>();
        var referred = Assert.Single(reports);
        Assert.Equal((view.Election.ElectionReportId!.Value, nominees[0].Id, "有人请客拉票，" + tag, view.FiledOn), (referred.Id, referred.NomineeId!.Value, referred.Summary, referred.ReceivedOn));
        referred = (await (await electionStaff.PutJsonAsync($"/api/v1/elections/{project.Id}/reports/{referred.Id}/stage", new ReportStageRequest(ReportStage.Investigating, null, null, referred.Version))).ReadAsync<List<ReportView>>()).Single();
        await electionStaff.PutJsonAsync($"/api/v1/elections/{project.Id}/reports/{referred.Id}/stage", new ReportStageRequest(ReportStage.Proven, "经查属实", OrgToday.Value, referred.Version));
        var nominee = await (await electionStaff.GetAsync($"/api/v1/elections/{project.Id}/nominees/{nominees[0].Id}")).ReadAsync<NomineeView>();
        Assert.Equal(referred.Id, nominee.DisqualifiedByReportId);
    }

    [Fact]
    public async Task AReportNotAboutAnElection_IsNotReferred_AndAClosedOrUnknownElection_IsRefusedOnTheForm()
    {
        var org = await app.NewOrganizationAsync((await app.TownshipsAsync()).A);
        var (number, _) = await app.ReportPhone().FiledAsync(org, "与选举无关的举报");
        var district = await app.ClientForAsync(Demo.DistrictAdmin);
        var row = Assert.Single((await (await district.GetAsync($"{ReportEndpoints.Route}?organizationId={org}&search={Uri.EscapeDataString(number)}")).ReadAsync<Paged<ReportCaseRow>>()).Items);
        var view = await (await district.PostJsonAsync($"{ReportEndpoints.Route}/{row.Id}/accept", new ReportStepRequest(0, null))).ReadAsync<ReportCaseView>();
        Assert.Null(view.Election);
        var refer = await district.PostJsonAsync($"{ReportEndpoints.Route}/{row.Id}/refer", new ReferReportRequest(view.Version, null));
        Assert.Contains("electionProjectId", (await refer.ProblemErrorsAsync()).Keys);

        var before = await app.WithDbAsync(db => db.ReportBoxCases.CountAsync());
        var (unknown, body) = await FileAboutElectionAsync(app.ReportPhone(), int.MaxValue, "不存在的选举");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);
        Assert.Contains("data-field=\"organizationId\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.ReportBoxCases.CountAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ElectionReportBoxSqliteTests(SqliteApp app) : ElectionReportBoxTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ElectionReportBoxPostgresTests(PostgresApp app) : ElectionReportBoxTests(app);
