using System.Net;
using Dangjian.Data.Evaluations;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Features.Evaluations.Results;
using Dangjian.Web.Features.Evaluations.Secretaries;
using Dangjian.Web.Tests.Cadres;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Evaluations.Secretaries;

/// <summary>
/// 党支部书记量化考核 (EVA-9) over HTTP on a real database: the seeded indicator template listed and used for a campaign,
/// the list of secretaries with their grades by year and the exit flag, kept to the caller's organizations, and its export.
/// Each test makes its own organizations and people.
/// </summary>
public abstract class SecretaryTests(AppFixture app)
{
    private const string Route = SecretaryEndpoints.Route;

    private static readonly int Year = OrgToday.Value.Year - 1;

    /// <summary>A finalized secretaries' assessment of <paramref name="org"/> in <paramref name="year"/> with each person's grade and composite.</summary>
    private Task<int> AssessedAsync(int org, int year, params (int Person, string Grade, decimal Composite)[] results) => app.WithDbAsync(async db =>
    {
        var c = new EvaluationCampaign
        {
            OrganizationId = org, Title = $"{year}年度党支部书记量化考核", Year = year, Kind = CampaignKind.SecretaryAssessment, SubjectKind = SubjectKind.BranchSecretary,
            CriteriaJson = CampaignJson.Write(SecretaryAssessment.Criteria), GradesJson = CampaignJson.Write(GradeRule.Annual), ComponentsJson = CampaignJson.Write(ComponentWeights.Default), VetoGrade = "不称职",
            Seed = "s", Status = CampaignStatus.Finalized,
        };
        db.EvaluationCampaigns.Add(c);
        await db.SaveChangesAsync();
        foreach (var (person, grade, composite) in results)
        {
            var s = new EvaluationSubject { CampaignId = c.Id, Name = "书记" + person, PersonId = person };
            db.EvaluationSubjects.Add(s);
            await db.SaveChangesAsync();
            db.EvaluationResults.Add(new EvaluationResult
            {
                CampaignId = c.Id, SubjectId = s.Id, Grade = grade, Composite = composite, Rank = 1,
                DetailJson = new ResultDetail([], [], grade, false, null, new ScoreInputs(null, null, null)).Write(),
            });
        }

        await db.SaveChangesAsync();
        return c.Id;
    });

    /// <summary>Township A's branch with two secretaries named after a unique tag: the first rated poor two years running, the second once.</summary>
    private async Task<(string Tag, int Campaign, int Flagged, int Once)> TwoSecretariesAsync()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var tag = Demo.UniqueCode("书");
        var flagged = await app.NewPersonAsync(org, tag + "周");
        var once = await app.NewPersonAsync(org, tag + "吴");
        await AssessedAsync(org, Year - 1, (flagged, "基本称职", 65m), (once, "称职", 78m));
        var campaign = await AssessedAsync(org, Year, (flagged, "不称职", 55m), (once, "不称职", 58m));
        return (tag, campaign, flagged, once);
    }

    [Fact]
    public async Task List_ShowsTheFlaggedSecretaryFirst_WithGradesByYear_FlaggedOnlyFilters_AnEarlierYearIsNotFlagged()
    {
        var (tag, _, flagged, once) = await TwoSecretariesAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var list = await (await admin.GetAsync($"{Route}?year={Year}&search={Uri.EscapeDataString(tag)}")).ReadAsync<SecretaryListView>();
        Assert.Equal((Year, 2), (list.Year, list.Rows.Total));
        Assert.Equal([Year - 2, Year - 1, Year], list.Years);
        Assert.Equal([flagged, once], list.Rows.Items.Select(r => r.PersonId));
        var first = list.Rows.Items[0];
        Assert.Equal(new SecretaryFlag(Year - 1, Year), first.Flag);
        Assert.Equal([(Year - 1, "基本称职"), (Year, "不称职")], first.Grades.Select(g => (g.Year, g.Grade)));
        Assert.Equal((55m, "不称职"), (first.Score, first.Grade));
        Assert.Null(list.Rows.Items[1].Flag);

        var onlyFlagged = await (await admin.GetAsync($"{Route}?flaggedOnly=true&search={Uri.EscapeDataString(tag)}")).ReadAsync<SecretaryListView>();
        Assert.Equal([flagged], onlyFlagged.Rows.Items.Select(r => r.PersonId));

        var earlier = await (await admin.GetAsync($"{Route}?year={Year - 1}&search={Uri.EscapeDataString(tag)}")).ReadAsync<SecretaryListView>();
        Assert.All(earlier.Rows.Items, r => Assert.Null(r.Flag));
        Assert.Equal(65m, earlier.Rows.Items.Single(r => r.PersonId == flagged).Score);

        var paged = await (await admin.GetAsync($"{Route}?search={Uri.EscapeDataString(tag)}&page=2&pageSize=1")).ReadAsync<SecretaryListView>();
        Assert.Equal(2, paged.Rows.Total);
        Assert.Equal([once], paged.Rows.Items.Select(r => r.PersonId));
    }

    [Fact]
    public async Task List_TownshipBsAdmin_DoesNotSeeTownshipAsSecretaries_NorInTheExport()
    {
        var (tag, _, flagged, _) = await TwoSecretariesAsync();
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);

        var list = await (await adminB.GetAsync($"{Route}?search={Uri.EscapeDataString(tag)}")).ReadAsync<SecretaryListView>();
        Assert.Equal(0, list.Rows.Total);
        var export = await adminB.GetAsync($"{Route}/export?search={Uri.EscapeDataString(tag)}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Empty((await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{flagged}")).StatusCode);
    }

    [Fact]
    public async Task Export_IsAWorkbook_OfTheFilteredSecretaries_WithGradesAndTheFlag()
    {
        var (tag, _, _, _) = await TwoSecretariesAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var export = await admin.GetAsync($"{Route}/export?year={Year}&search={Uri.EscapeDataString(tag)}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith(tag + "周", (string?)rows[0]["姓名"], StringComparison.Ordinal);
        Assert.Equal("不称职", rows[0][$"{Year} 年等次"]);
        Assert.Equal($"应退出（{Year - 1}—{Year} 年）", rows[0]["退出标注"]);
        Assert.Equal("否", rows[1]["退出标注"]);
    }

    [Fact]
    public async Task List_BadInput_IsA400NamingTheField()
    {
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Contains("pageSize", (await (await admin.GetAsync($"{Route}?pageSize=0")).ProblemErrorsAsync()).Keys);
        Assert.Contains("year", (await (await admin.GetAsync($"{Route}?year=1")).ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Pages_TheListLinksEachReport_ThePersonPageShowsTheSection_TheEmptyStateWhenNoneMatch()
    {
        var (tag, campaign, flagged, once) = await TwoSecretariesAsync();
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/evaluations/secretaries?search={Uri.EscapeDataString(tag)}"));
        Assert.Contains($"href=\"evaluations/secretaries/{flagged}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-flag=\"{flagged}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-unflagged=\"{once}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"export\"", html, StringComparison.Ordinal);

        var none = WebUtility.HtmlDecode(await client.GetStringAsync($"/evaluations/secretaries?search={Uri.EscapeDataString(tag + "无此人")}"));
        Assert.Contains("data-empty=\"secretaries\"", none, StringComparison.Ordinal);

        var person = WebUtility.HtmlDecode(await client.GetStringAsync($"/people/{flagged}"));
        Assert.Contains("data-section=\"secretary-assessment\"", person, StringComparison.Ordinal);
        Assert.Contains($"evaluations/secretaries/{flagged}", person, StringComparison.Ordinal);
        Assert.Contains("data-flag=\"exit\"", person, StringComparison.Ordinal);

        var report = WebUtility.HtmlDecode(await client.GetStringAsync($"/evaluations/secretaries/{flagged}"));
        Assert.Contains("@media print", report, StringComparison.Ordinal);
        Assert.Contains($"data-year=\"{Year - 1}\"", report, StringComparison.Ordinal);
        Assert.Contains("data-flag=\"exit\"", report, StringComparison.Ordinal);

        var results = WebUtility.HtmlDecode(await client.GetStringAsync($"/evaluations/{campaign}/results"));
        Assert.Contains($"href=\"evaluations/secretaries?year={Year}\"", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_SecretariesResults_ReadAsTheResultsPageReadsThem_TheirPageOpens_TheReportShowsEachIndicator()
    {
        var demo = await app.WithDbAsync(db => db.EvaluationResults.AsNoTracking()
            .Join(db.EvaluationCampaigns.Where(c => c.Kind == CampaignKind.SecretaryAssessment && c.Seed.StartsWith("secretary-")), r => r.CampaignId, c => c.Id, (r, c) => r)
            .ToListAsync());
        Assert.NotEmpty(demo);
        Assert.All(demo, r => Assert.Equal(4, ResultDetail.Read(r.DetailJson).Dimensions.Count));

        var client = await app.SignInAsync(Demo.DistrictAdmin);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/evaluations/{demo[0].CampaignId}/results"));
        Assert.Contains("data-link=\"secretaries\"", html, StringComparison.Ordinal);

        // The report shows each year's mean on each indicator.
        var person = await app.WithDbAsync(db => db.EvaluationSubjects.Where(x => x.Id == demo[0].SubjectId).Select(x => x.PersonId!.Value).FirstAsync());
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var report = await (await admin.GetAsync($"{Route}/{person}")).ReadAsync<SecretaryReport>();
        Assert.NotEmpty(report.Years);
        Assert.All(report.Years, y => Assert.Equal(report.Indicators.Select(i => i.Name), y.Indicators.Select(i => i.Name)));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/evaluations/secretaries/{person}"));
        Assert.Contains("data-indicator=\"党务工作管理业绩\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_SeededFromTheIndicators_Listed_AndACampaignIsCreatedFromIt_OrByDefault()
    {
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var list = await (await admin.GetAsync("/api/v1/evaluations/templates")).ReadAsync<List<TemplateRow>>();
        var row = Assert.Single(list, t => t.Name == EvaluationTemplateSeed.SecretaryName);
        Assert.Equal((4, 4, false), (row.Dimensions, row.ScalePoints, row.Archived));
        var template = await (await admin.GetAsync($"/api/v1/evaluations/templates/{row.Id}")).ReadAsync<TemplateView>();
        Assert.Equal(SecretaryAssessment.Criteria.Dimensions.Select(d => (d.Name, d.Weight)), template.Criteria.Dimensions.Select(d => (d.Name, d.Weight)));

        var org = await app.ScopeOrganizationOfAsync(Demo.OrgAdminA);
        var now = DateTimeOffset.UtcNow;
        CreateCampaignRequest Request(int? templateId) => new(
            org, Demo.UniqueCode("党支部书记量化考核"), 2026, CampaignKind.SecretaryAssessment, SubjectKind.BranchSecretary, templateId, null, null, null, now, now.AddDays(3));

        var picked = await admin.PostJsonAsync("/api/v1/evaluations", Request(row.Id));
        Assert.Equal(HttpStatusCode.Created, picked.StatusCode);
        var campaign = await picked.ReadAsync<CampaignView>();
        Assert.Equal((row.Id, EvaluationTemplateSeed.SecretaryName), (campaign.TemplateId, campaign.TemplateName));
        Assert.Equal(["领导能力", "党务工作管理业绩", "社会矛盾的协调效果", "人格的自我完善"], campaign.Criteria.Dimensions.Select(d => d.Name));

        // Without a template named, a secretaries' assessment takes theirs; another kind is still asked for one.
        var byDefault = await (await admin.PostJsonAsync("/api/v1/evaluations", Request(null))).ReadAsync<CampaignView>();
        Assert.Equal(row.Id, byDefault.TemplateId);
        Assert.Equal(4, byDefault.Criteria.Dimensions.Count);
        var other = await admin.PostJsonAsync("/api/v1/evaluations", Request(null) with { Kind = CampaignKind.DemocraticEvaluation, SubjectKind = SubjectKind.Cadre });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("templateId", (await other.ProblemErrorsAsync()).Keys);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SecretarySqliteTests(SqliteApp app) : SecretaryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SecretaryPostgresTests(PostgresApp app) : SecretaryTests(app);
