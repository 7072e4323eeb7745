using System.Net;
using System.Net.Http.Json;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Organizations;

/// <summary>ORG-1 through /api/v1/organizations, on each database.</summary>
public abstract class OrganizationApiTests(AppFixture app)
{
    [Fact]
    public async Task Create_UnderOwnTownship_AppearsInTreeWithHistory()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var code = Demo.UniqueCode("NEW");

        var created = await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(code, "测试新建支部", OrganizationKind.Branch, t.A));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = await created.ReadAsync<OrganizationDetail>();
        Assert.Equal(code, org.Code);
        Assert.EndsWith($"/{t.A}/{org.Id}/", org.Path, StringComparison.Ordinal);

        var tree = await (await client.GetAsync("/api/v1/organizations/tree")).ReadAsync<List<OrganizationNode>>();
        Assert.Contains(tree, n => n.Id == org.Id && n.ParentId == t.A);

        var history = await (await client.GetAsync($"/api/v1/organizations/{org.Id}/history")).ReadAsync<List<HistoryEntry>>();
        Assert.Contains(history, h => h.Action == "Created" && h.Actor == Demo.OrgAdminA);
    }

    [Fact]
    public async Task Create_WithMissingFields_NamesEachFieldAndCreatesNothing()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var before = (await (await client.GetAsync("/api/v1/organizations?pageSize=1")).ReadAsync<Paged<OrganizationNode>>()).Total;

        var response = await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest("", " ", null, t.A));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("code", errors.Keys);
        Assert.Contains("name", errors.Keys);
        Assert.Contains("kind", errors.Keys);
        var after = (await (await client.GetAsync("/api/v1/organizations?pageSize=1")).ReadAsync<Paged<OrganizationNode>>()).Total;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Create_WithTakenCode_IsRefusedNamingCode()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var existing = await (await client.GetAsync($"/api/v1/organizations/{t.BranchOfA}")).ReadAsync<OrganizationDetail>();

        var response = await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(existing.Code, "重复代码", OrganizationKind.Branch, t.A));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains(existing.Code, Assert.Single(errors["code"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A")]                                  // one short of the shortest
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]  // 33: one past the longest
    [InlineData("d01.t01")]                            // lower case
    [InlineData("D01 T01")]                            // a blank inside
    [InlineData("-D01")]                               // starts with a separator
    [InlineData("D01.")]                               // ends with one
    [InlineData("D01_T01")]                            // not a separator the codes use
    [InlineData("一支部")]                              // not letters or digits of the code alphabet
    public async Task Create_CodeOutOfFormat_IsRefusedNamingCode_AndChangesNothing(string code)
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var before = (await (await client.GetAsync("/api/v1/organizations?pageSize=1")).ReadAsync<Paged<OrganizationNode>>()).Total;

        var response = await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(code, "格式错误支部", OrganizationKind.Branch, t.A));

        var message = Assert.Single((await response.ProblemErrorsAsync())["code"]);
        Assert.Contains("组织代码", message, StringComparison.Ordinal);
        Assert.Contains("2", message, StringComparison.Ordinal);
        Assert.Contains("32", message, StringComparison.Ordinal);
        var after = (await (await client.GetAsync("/api/v1/organizations?pageSize=1")).ReadAsync<Paged<OrganizationNode>>()).Total;
        Assert.Equal(before, after);

        var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations") { Content = JsonContent.Create(new CreateOrganizationRequest(code, "格式错误支部", OrganizationKind.Branch, t.A), options: Http.Json) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Contains("code", Assert.Single((await (await client.SendAsync(english)).ProblemErrorsAsync())["code"]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CodeFormat_Boundaries_ShortestAndLongestAccepted_AndAChangeIsCheckedToo()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var unique = Demo.UniqueCode("L").Replace("-", string.Empty, StringComparison.Ordinal);
        var longest = (unique + new string('9', 32))[..32];
        var shortest = "Z" + Random.Shared.Next(0, 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await app.WithDbAsync(async db => await db.Organizations.Where(o => o.Code == shortest).ExecuteUpdateAsync(s => s.SetProperty(o => o.Code, o => "OLD" + o.Id)));

        var created = await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(longest, "最长代码支部", OrganizationKind.Branch, t.A));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = await created.ReadAsync<OrganizationDetail>();
        var shortened = await client.PutJsonAsync($"/api/v1/organizations/{org.Id}", new UpdateOrganizationRequest(shortest, org.Name, null, org.Version));
        Assert.Equal(HttpStatusCode.OK, shortened.StatusCode);
        org = await shortened.ReadAsync<OrganizationDetail>();
        Assert.Equal(shortest, org.Code);

        var bad = await client.PutJsonAsync($"/api/v1/organizations/{org.Id}", new UpdateOrganizationRequest("z9", org.Name, null, org.Version));
        Assert.Contains("code", (await bad.ProblemErrorsAsync()).Keys);
        Assert.Equal(shortest, await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == org.Id).Select(o => o.Code).FirstAsync()));

        // A code from before the format existed may stay while other fields change; only a new code is checked.
        var legacy = "旧" + unique;
        await app.WithDbAsync(async db => await db.Organizations.Where(o => o.Id == org.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Code, legacy)));
        var renamed = await client.PutJsonAsync($"/api/v1/organizations/{org.Id}", new UpdateOrganizationRequest(legacy, "改名后的支部", null, org.Version));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
    }

    [Fact]
    public async Task Create_TownshipUnderBranch_IsRefusedByKindRule()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(Demo.UniqueCode("K"), "错误层级", OrganizationKind.TownshipCommittee, t.BranchOfA));

        Assert.Contains("kind", (await response.ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Move_IntoOwnSubtree_IsRefused_AndMoveElsewhereRewritesPaths()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var general = await (await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(Demo.UniqueCode("G"), "测试党总支", OrganizationKind.GeneralBranch, t.A))).ReadAsync<OrganizationDetail>();
        var branch = await (await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(Demo.UniqueCode("B"), "总支下支部", OrganizationKind.Branch, general.Id))).ReadAsync<OrganizationDetail>();

        var cycle = await client.PostJsonAsync($"/api/v1/organizations/{general.Id}/move", new MoveOrganizationRequest(branch.Id, general.Version));
        Assert.Contains("parentId", (await cycle.ProblemErrorsAsync()).Keys);

        var target = await (await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(Demo.UniqueCode("G"), "另一党总支", OrganizationKind.GeneralBranch, t.A))).ReadAsync<OrganizationDetail>();
        var moved = await (await client.PostJsonAsync($"/api/v1/organizations/{branch.Id}/move", new MoveOrganizationRequest(target.Id, branch.Version))).ReadAsync<OrganizationDetail>();
        Assert.Equal(target.Id, moved.ParentId);
        Assert.Equal($"{target.Path}{branch.Id}/", moved.Path);
        var history = await (await client.GetAsync($"/api/v1/organizations/{branch.Id}/history")).ReadAsync<List<HistoryEntry>>();
        Assert.Contains(history, h => h.Action == "Organization.Moved");
    }

    [Fact]
    public async Task Dissolve_WithPeopleOnRoll_IsRefused_EmptyOneIsDissolvedAndKept()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var withPeople = await (await client.GetAsync($"/api/v1/organizations/{t.BranchOfA}")).ReadAsync<OrganizationDetail>();
        var refused = await client.PostJsonAsync($"/api/v1/organizations/{t.BranchOfA}/dissolve", new DissolveOrganizationRequest(null, withPeople.Version));
        Assert.Contains("id", (await refused.ProblemErrorsAsync()).Keys);

        var empty = await (await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(Demo.UniqueCode("E"), "待撤销支部", OrganizationKind.Branch, t.A))).ReadAsync<OrganizationDetail>();
        var dissolved = await (await client.PostJsonAsync($"/api/v1/organizations/{empty.Id}/dissolve", new DissolveOrganizationRequest(null, empty.Version))).ReadAsync<OrganizationDetail>();
        Assert.Equal(OrganizationStatus.Dissolved, dissolved.Status);
        Assert.NotNull(dissolved.DissolvedOn);

        var activeTree = await (await client.GetAsync("/api/v1/organizations/tree")).ReadAsync<List<OrganizationNode>>();
        Assert.DoesNotContain(activeTree, n => n.Id == empty.Id);
        var fullTree = await (await client.GetAsync("/api/v1/organizations/tree?includeDissolved=true")).ReadAsync<List<OrganizationNode>>();
        Assert.Contains(fullTree, n => n.Id == empty.Id && n.Status == OrganizationStatus.Dissolved);
    }

    [Fact]
    public async Task Update_WithStaleVersion_GetsConflict_AndKeepsFirstEdit()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var org = await (await client.PostJsonAsync("/api/v1/organizations", new CreateOrganizationRequest(Demo.UniqueCode("C"), "并发测试支部", OrganizationKind.Branch, t.A))).ReadAsync<OrganizationDetail>();

        var first = await client.PutJsonAsync($"/api/v1/organizations/{org.Id}", new UpdateOrganizationRequest(org.Code, "第一位管理员的名称", null, org.Version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutJsonAsync($"/api/v1/organizations/{org.Id}", new UpdateOrganizationRequest(org.Code, "第二位管理员的名称", null, org.Version));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var now = await (await client.GetAsync($"/api/v1/organizations/{org.Id}")).ReadAsync<OrganizationDetail>();
        Assert.Equal("第一位管理员的名称", now.Name);
    }

    [Fact]
    public async Task List_SearchByName_FindsMatchesOnly_AndPages()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        var all = await (await client.GetAsync("/api/v1/organizations?pageSize=5")).ReadAsync<Paged<OrganizationNode>>();
        Assert.Equal(5, all.Items.Count);
        Assert.True(all.Total > 200);

        var page2 = await (await client.GetAsync("/api/v1/organizations?pageSize=5&page=2")).ReadAsync<Paged<OrganizationNode>>();
        Assert.Empty(page2.Items.Select(i => i.Id).Intersect(all.Items.Select(i => i.Id)));

        var name = all.Items[1].Name;
        var found = await (await client.GetAsync($"/api/v1/organizations?search={Uri.EscapeDataString(name)}")).ReadAsync<Paged<OrganizationNode>>();
        Assert.All(found.Items, i => Assert.True(i.Name.Contains(name, StringComparison.Ordinal) || i.Code.Contains(name, StringComparison.Ordinal)));
        Assert.Contains(found.Items, i => i.Id == all.Items[1].Id);

        var bad = await client.GetAsync("/api/v1/organizations?pageSize=0");
        Assert.Contains("pageSize", (await bad.ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Create_WithUnknownKindOrBrokenJson_Answers400NamingTheField()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var badKind = await client.PostAsync("/api/v1/organizations", new StringContent(
            $$"""{"code":"X1","name":"坏类型","kind":"Nonsense","parentId":{{t.A}}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("kind", (await badKind.ProblemErrorsAsync()).Keys);

        var broken = await client.PostAsync("/api/v1/organizations", new StringContent("{\"code\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheFoundationEndpoints()
    {
        var client = await app.ClientForAsync(Demo.Supervisor);
        var doc = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/organizations", "/api/v1/teams", "/api/v1/people", "/api/v1/units", "/api/v1/audit" })
        {
            Assert.Contains($"\"{path}\"", doc, StringComparison.Ordinal);
        }

        Assert.Contains("\"bearer\"", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tree_CountsPeopleOfSubtree()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var tree = await (await client.GetAsync("/api/v1/organizations/tree")).ReadAsync<List<OrganizationNode>>();
        var township = tree.Single(n => n.Id == t.A);
        Assert.Equal(tree.Sum(n => n.PeopleOnRoll), township.PeopleInSubtree);
        Assert.True(township.PeopleInSubtree > 0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganizationApiSqliteTests(SqliteApp app) : OrganizationApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OrganizationApiPostgresTests(PostgresApp app) : OrganizationApiTests(app);
