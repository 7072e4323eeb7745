using System.Net;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Organizations;

/// <summary>
/// The organization pages as a signed-in user gets them (prerendered HTML): the tree (ORG-1), and one
/// organization with its team (ORG-2) and history, with write controls only for those who may write.
/// </summary>
public abstract class OrganizationPageTests(AppFixture app)
{
    [Fact]
    public async Task Tree_OrgAdminA_ListsTownshipABranches_AndNothingOfB()
    {
        var t = await app.TownshipsAsync();
        var client = await app.SignInAsync(Demo.OrgAdminA);
        var (branchesOfA, bNames) = await app.WithDbAsync(async db =>
        {
            var a = await db.Organizations.Where(o => o.ParentId == t.A && o.Status == OrganizationStatus.Active).OrderBy(o => o.Id).Select(o => o.Name).Take(5).ToListAsync();
            var pathB = await db.Organizations.Where(o => o.Id == t.B).Select(o => o.Path).FirstAsync();
            var b = await db.Organizations.Where(o => o.Path.StartsWith(pathB) && o.ParentId == t.B || o.Id == t.B).Select(o => o.Name).Take(5).ToListAsync();
            return (a, b);
        });

        var html = await PageAsync(client, "/organizations");

        Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
        Assert.Contains("aria-expanded=\"true\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(branchesOfA);
        Assert.All(branchesOfA, name => Assert.Contains(name, html, StringComparison.Ordinal));
        Assert.Contains($"href=\"organizations/{t.BranchOfA}\"", html, StringComparison.Ordinal);
        Assert.All(bNames, name => Assert.DoesNotContain(name, html, StringComparison.Ordinal));
        Assert.Contains("href=\"api/v1/organizations/export\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_OrgAdminA_ShowsNameSecretaryHistory_AndWriteControls()
    {
        var t = await app.TownshipsAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var org = await (await api.GetAsync($"/api/v1/organizations/{t.BranchOfA}")).ReadAsync<OrganizationDetail>();
        var terms = await (await api.GetAsync($"/api/v1/teams?organizationId={t.BranchOfA}")).ReadAsync<List<TeamView>>();
        var secretary = terms.Single(x => x.Current).Positions.Single(p => p.Role == TeamRole.Secretary).PersonName;

        // Two renames: the first name given is then seen only in the history (changed from, changed to).
        var between = org.Name + Demo.UniqueCode("（页面测试甲");
        var latest = org.Name + Demo.UniqueCode("（页面测试乙");
        var v1 = await (await api.PutJsonAsync($"/api/v1/organizations/{org.Id}", new UpdateOrganizationRequest(org.Code, between, null, org.Version))).ReadAsync<OrganizationDetail>();
        var v2 = await (await api.PutJsonAsync($"/api/v1/organizations/{org.Id}", new UpdateOrganizationRequest(org.Code, latest, null, v1.Version))).ReadAsync<OrganizationDetail>();
        try
        {
            var client = await app.SignInAsync(Demo.OrgAdminA);
            var html = await PageAsync(client, $"/organizations/{org.Id}");

            Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
            Assert.Contains($">{latest}</h1>", html, StringComparison.Ordinal);
            Assert.Contains(secretary, html, StringComparison.Ordinal);
            Assert.Contains(between, html, StringComparison.Ordinal);
            Assert.Contains($"{org.Name} → ", html, StringComparison.Ordinal);
            Assert.Contains($"{between} → ", html, StringComparison.Ordinal);
            Assert.Contains(org.Code, html, StringComparison.Ordinal);
            foreach (var control in WriteControls)
            {
                Assert.Contains($"id=\"{control}\"", html, StringComparison.Ordinal);
            }
        }
        finally
        {
            await api.PutJsonAsync($"/api/v1/organizations/{org.Id}", new UpdateOrganizationRequest(org.Code, org.Name, null, v2.Version));
        }
    }

    [Fact]
    public async Task Detail_Member_ShowsTheOrganization_WithoutEditMoveOrDissolve()
    {
        var orgId = await app.ScopeOrganizationOfAsync(Demo.Member);
        var name = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync());
        var client = await app.SignInAsync(Demo.Member);

        var html = await PageAsync(client, $"/organizations/{orgId}");

        Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
        Assert.Contains($">{name}</h1>", html, StringComparison.Ordinal);
        foreach (var control in WriteControls)
        {
            Assert.DoesNotContain($"id=\"{control}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Detail_OrgAdminA_OfTownshipB_IsRefused()
    {
        var t = await app.TownshipsAsync();
        var bName = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.BranchOfB).Select(o => o.Name).FirstAsync());
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var html = await PageAsync(client, $"/organizations/{t.BranchOfB}");

        Assert.Contains("data-refused", html, StringComparison.Ordinal);
        Assert.DoesNotContain(bName, html, StringComparison.Ordinal);
    }

    private static readonly string[] WriteControls = ["org-edit", "org-move", "org-dissolve", "team-new"];

    /// <summary>A page's prerendered HTML, entities decoded so names compare as text.</summary>
    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganizationPageSqliteTests(SqliteApp app) : OrganizationPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OrganizationPagePostgresTests(PostgresApp app) : OrganizationPageTests(app);
