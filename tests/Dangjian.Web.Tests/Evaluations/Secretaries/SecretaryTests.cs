using System.Net;
using Dangjian.Data.Evaluations;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Evaluations.Secretaries;

/// <summary>
/// 党支部书记量化考核 (EVA-9) over HTTP on a real database: the seeded indicator template listed and used for a campaign,
/// the list of secretaries with their grades by year and the exit flag, kept to the caller's organizations, and its export.
/// Each test makes its own organizations and people.
/// </summary>
public abstract class SecretaryTests(AppFixture app)
{
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
