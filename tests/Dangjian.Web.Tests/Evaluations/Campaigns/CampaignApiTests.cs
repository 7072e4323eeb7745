using System.Net;
using Dangjian.Data.Evaluations;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Evaluations.Campaigns;

/// <summary>Campaigns through the API (EVA-1, EVA-3, EVA-5, EVA-8): templates, set-up, weights, announcement, open, codes, progress, close.</summary>
public abstract class CampaignApiTests(AppFixture app)
{
    [Fact]
    public async Task Templates_DefaultsSeeded_OnlyDistrictAdminEdits()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var list = await (await admin.GetAsync("/api/v1/evaluations/templates")).ReadAsync<List<TemplateRow>>();
        Assert.Contains(list, t => t.Name == EvaluationTemplateSeed.DefaultName && t.Dimensions == 6 && t.ScalePoints == 4);
        Assert.Contains(list, t => t.Name == EvaluationTemplateSeed.MemberReviewName);

        var orgAdmin = await app.ClientForAsync(Demo.OrgAdminA);
        var request = new TemplateRequest(Demo.UniqueCode("模板"), EvaluationCriteria.Default);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.PostJsonAsync("/api/v1/evaluations/templates", request)).StatusCode);

        var created = await (await admin.PostJsonAsync("/api/v1/evaluations/templates", request)).ReadAsync<TemplateView>();
        Assert.Equal(6, created.Criteria.Dimensions.Count);
        var archived = await (await admin.PostJsonAsync($"/api/v1/evaluations/templates/{created.Id}/archive", new StatusRequest(created.Version))).ReadAsync<TemplateView>();
        Assert.True(archived.Archived);
    }

    [Fact]
    public async Task Template_BadCriteria_RefusedNamingEachField()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var bad = new EvaluationCriteria(
            [new ScalePoint("好", 100), new ScalePoint("好", 120)],
            [new CriteriaDimension("德", 0.5m, []), new CriteriaDimension("能", 0.4m, [])],
            []);

        var errors = await (await admin.PostJsonAsync("/api/v1/evaluations/templates", new TemplateRequest("", bad))).ProblemErrorsAsync();

        Assert.Contains("name", errors.Keys);
        Assert.Contains("criteria.scale[1].label", errors.Keys);
        Assert.Contains("criteria.scale[1].value", errors.Keys);
        Assert.Contains("维度权重之和必须为 1", Assert.Single(errors["criteria.dimensions"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGroup_FormerKindNames_AcceptedAndAnsweredWithTheGlossaryNames()
    {
        // 群众代表 and 党员 were sent as "MassRepresentatives" and "PartyMembers" before the code took the glossary's
        // Resident and Member: a client still sending them is understood, and is answered with the new names.
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var draft = await app.DraftAsync(groups: false);
        await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/groups", new { name = "党员", kind = "PartyMembers", weight = 0.5m });
        var response = await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/groups", new { name = "群众代表", kind = "MassRepresentatives", weight = 0.5m });

        var json = await response.ReadAsync<System.Text.Json.JsonElement>();
        Assert.Equal(["Members", "ResidentRepresentatives"], json.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("kind").GetString()));
        var stored = await app.WithDbAsync(db => db.EvaluationGroups.Where(g => g.CampaignId == draft.Id).OrderBy(g => g.Order).Select(g => g.Kind).ToListAsync());
        Assert.Equal([EvaluatorKind.Members, EvaluatorKind.ResidentRepresentatives], stored);
    }

    [Fact]
    public async Task OpenApi_RenamedEnums_StillListTheirNames_AndNotTheFormerOnes()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var doc = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        // Every "enum" list in the document, wherever the generator put it (a component or inline).
        static IEnumerable<string[]> EnumLists(System.Text.Json.Nodes.JsonNode? node) => node switch
        {
            System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => p.Key == "enum" && p.Value is System.Text.Json.Nodes.JsonArray a
                ? [[.. a.Where(v => v is not null).Select(v => v!.ToString())]]
                : EnumLists(p.Value)),
            System.Text.Json.Nodes.JsonArray a => a.SelectMany(EnumLists),
            _ => [],
        };
        var lists = EnumLists(doc).ToList();
        Assert.Contains(lists, l => l.SequenceEqual(Enum.GetNames<EvaluatorKind>()));
        Assert.Contains(lists, l => l.SequenceEqual(Enum.GetNames<Dangjian.Domain.Elections.Electorate>()));
        Assert.DoesNotContain(lists, l => l.Contains("MassRepresentatives") || l.Contains("Masses"));
    }

    [Fact]
    public async Task Announce_GroupWeightsNotSummingToOne_RefusedNamingTheField()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var draft = await app.DraftAsync(groups: false);
        await (await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/groups", new GroupRequest("班子成员", EvaluatorKind.TeamMembers, 0.5m))).ReadAsync<CampaignView>();
        var view = await (await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/groups", new GroupRequest("群众代表", EvaluatorKind.ResidentRepresentatives, 0.3m))).ReadAsync<CampaignView>();

        var errors = await (await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/announce", new AnnounceRequest("预告", view.Version))).ProblemErrorsAsync();

        Assert.Contains("测评组权重之和必须为 1", Assert.Single(errors["groups.weight"]), StringComparison.Ordinal);
        Assert.Contains("0.8", errors["groups.weight"][0], StringComparison.Ordinal);
        var after = await (await client.GetAsync($"/api/v1/evaluations/{draft.Id}")).ReadAsync<CampaignView>();
        Assert.Equal(CampaignStatus.Draft, after.Status);

        // Fixing the weight lets it through.
        var group = after.Groups.Single(g => g.Name == "群众代表");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync($"/api/v1/evaluations/groups/{group.Id}", new GroupRequest("群众代表", EvaluatorKind.ResidentRepresentatives, 0.5m, group.Version))).StatusCode);
        var announced = await (await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/announce", new AnnounceRequest("预告", after.Version))).ReadAsync<CampaignView>();
        Assert.Equal(CampaignStatus.Announced, announced.Status);
        Assert.Equal("预告", announced.Announcement);
    }

    [Fact]
    public async Task Announce_NoSubjectsOrGroups_Refused()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var orgId = await app.ScopeOrganizationOfAsync(Demo.OrgAdminA);
        var now = DateTimeOffset.UtcNow;
        var empty = await (await client.PostJsonAsync("/api/v1/evaluations", new CreateCampaignRequest(
            orgId, Demo.UniqueCode("空测评"), 2026, CampaignKind.AnnualAssessment, SubjectKind.Cadre, await app.DefaultTemplateIdAsync(), null, null, null, now, now.AddDays(1)))).ReadAsync<CampaignView>();

        var errors = await (await client.PostJsonAsync($"/api/v1/evaluations/{empty.Id}/announce", new AnnounceRequest("预告", empty.Version))).ProblemErrorsAsync();

        Assert.Contains("subjects", errors.Keys);
        Assert.Contains("groups", errors.Keys);
        // Annual assessment defaults: 优秀 ≤ 20%, 0.4/0.4/0.2, veto grade the last one.
        Assert.Equal(GradeRule.Annual.Select(g => g.Name), empty.Grades.Select(g => g.Name));
        Assert.Equal(ComponentWeights.Default, empty.Components);
        Assert.Equal("不称职", empty.VetoGrade);
    }

    [Fact]
    public async Task Create_BadInput_RefusedNamingFields()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var orgId = await app.ScopeOrganizationOfAsync(Demo.OrgAdminA);
        var now = DateTimeOffset.UtcNow;

        var errors = await (await client.PostJsonAsync("/api/v1/evaluations", new CreateCampaignRequest(
            orgId, "", 1990, CampaignKind.AnnualAssessment, SubjectKind.Cadre, await app.DefaultTemplateIdAsync(),
            [new GradeRule("优秀", 60, 0.2m), new GradeRule("称职", 70, null)], new ComponentWeights(0.5m, 0.4m, 0.2m), "无此等次", now, now.AddHours(-1)))).ProblemErrorsAsync();

        Assert.Contains("title", errors.Keys);
        Assert.Contains("year", errors.Keys);
        Assert.Contains("grades[1].min", errors.Keys);
        Assert.Contains("components", errors.Keys);
        Assert.Contains("vetoGrade", errors.Keys);
        Assert.Contains("closesAt", errors.Keys);
    }

    [Fact]
    public async Task Lifecycle_AnnounceOpenCodesProgressClose()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var open = await app.OpenCampaignAsync();
        Assert.Equal(CampaignStatus.Open, open.Status);
        Assert.True(open.AcceptingNow);
        Assert.Equal(["班子成员", "干部职工", "群众代表"], open.Groups.Select(g => g.Name));
        Assert.All(open.Groups, g => Assert.True(g.BoxOpen));

        // Settings are frozen once announced.
        var edit = new UpdateCampaignRequest("改名", 2026, SubjectKind.Cadre, null, null, null, open.OpensAt, open.ClosesAt, open.Version);
        Assert.Contains("status", (await (await client.PutJsonAsync($"/api/v1/evaluations/{open.Id}", edit)).ProblemErrorsAsync()).Keys);

        var group = open.Groups[0];
        var codes = await app.IssueAsync(group.Id, 3);
        var phone = app.Phone();
        var (status, _) = await phone.AnswerAsync(group.Id, codes[0], EvaluationSetup.AllRated(open));
        Assert.Equal(HttpStatusCode.OK, status);

        var progress = await (await client.GetAsync($"/api/v1/evaluations/{open.Id}/progress")).ReadAsync<CampaignProgress>();
        var p = progress.Groups.Single(g => g.GroupId == group.Id);
        Assert.Equal(3, p.CodesIssued);
        Assert.Equal(1, p.ResponsesReceived);
        Assert.Equal(0.3333m, p.Share);

        var closed = await app.CloseAsync(open);
        Assert.Equal(CampaignStatus.Closed, closed.Status);
        Assert.All(closed.Groups, g => Assert.True(g.BoxClosed));
        Assert.Single(await app.ResponsesAsync(group.Id));
        // No codes after close.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync($"/api/v1/evaluations/groups/{group.Id}/codes", new IssueEvaluationCodesRequest(1))).StatusCode);
    }

    [Fact]
    public async Task Update_StaleVersion_Conflict()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var draft = await app.DraftAsync();
        var edit = new UpdateCampaignRequest("新名称" + draft.Id, 2026, SubjectKind.Cadre, null, null, null, draft.OpensAt, draft.ClosesAt, draft.Version);
        var first = await (await client.PutJsonAsync($"/api/v1/evaluations/{draft.Id}", edit)).ReadAsync<CampaignView>();
        Assert.Equal("新名称" + draft.Id, first.Title);

        var stale = await client.PutJsonAsync($"/api/v1/evaluations/{draft.Id}", edit with { Title = "又改" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Subjects_BulkFromBranchMembers_FullMembersOnly_ThenReorderAndRemove()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var t = await app.TownshipsAsync();
        var draft = await app.DraftAsync(kind: CampaignKind.MemberReview);
        var result = await (await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/subjects/bulk", new BulkSubjectsRequest(SubjectSource.BranchMembers, t.BranchOfA))).ReadAsync<BulkSubjectsResult>();

        var full = await app.WithDbAsync(db => db.People.Where(p => p.OrganizationId == t.BranchOfA && !p.IsRemoved && p.Status == Dangjian.Domain.People.MemberStatus.Full).Select(p => p.Name).ToListAsync());
        var probationary = await app.WithDbAsync(db => db.People.Where(p => p.OrganizationId == t.BranchOfA && !p.IsRemoved && p.Status == Dangjian.Domain.People.MemberStatus.Probationary).Select(p => p.Name).ToListAsync());
        var view = await (await client.GetAsync($"/api/v1/evaluations/{draft.Id}")).ReadAsync<CampaignView>();
        Assert.Equal(full.Distinct().Count(n => n != "张伟" && n != "王芳"), result.Added);
        Assert.DoesNotContain(view.Subjects, s => probationary.Contains(s.Name) && !full.Contains(s.Name));

        var reversed = view.Subjects.Select(s => s.Id).Reverse().ToList();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync($"/api/v1/evaluations/{draft.Id}/subjects/order", new ReorderRequest(reversed))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/evaluations/subjects/{reversed[0]}")).StatusCode);
        var after = await (await client.GetAsync($"/api/v1/evaluations/{draft.Id}")).ReadAsync<CampaignView>();
        Assert.Equal(reversed.Skip(1), after.Subjects.Select(s => s.Id));
    }

    [Fact]
    public async Task List_InScope_FiltersAndExport()
    {
        var draft = await app.DraftAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var page = await (await client.GetAsync($"/api/v1/evaluations?status=Draft&search={Uri.EscapeDataString(draft.Title)}")).ReadAsync<Dangjian.Web.Features.Common.Paged<CampaignRow>>();
        Assert.Equal(draft.Id, Assert.Single(page.Items).Id);
        var none = await (await client.GetAsync($"/api/v1/evaluations?status=Open&search={Uri.EscapeDataString(draft.Title)}")).ReadAsync<Dangjian.Web.Features.Common.Paged<CampaignRow>>();
        Assert.Empty(none.Items);

        var export = await client.GetAsync("/api/v1/evaluations/export?year=2026");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Dangjian.Web.Features.Common.ExcelFile.ContentType, export.Content.Headers.ContentType?.MediaType);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CampaignApiSqliteTests(SqliteApp app) : CampaignApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CampaignApiPostgresTests(PostgresApp app) : CampaignApiTests(app);
