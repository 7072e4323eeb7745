using System.Net;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Home;

/// <summary>The UI shell: the menu lists what the signed-in user can use; the home page counts their scope.</summary>
public abstract class NavigationTests(AppFixture app)
{
    [Theory]
    [InlineData(Demo.DistrictAdmin, true, true, true, true)]
    [InlineData(Demo.OrgAdminA, true, true, true, false)]
    [InlineData(Demo.Supervisor, true, false, false, true)]
    [InlineData(Demo.Member, false, false, false, false)]
    public async Task Menu_ListsOnlyUsableEntries(string user, bool roster, bool import, bool accounts, bool audit)
    {
        var client = await app.SignInAsync(user);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains("href=\"organizations\"", html, StringComparison.Ordinal);
        Assert.Equal(roster, html.Contains("href=\"people\"", StringComparison.Ordinal));
        Assert.Equal(import, html.Contains("href=\"people/import\"", StringComparison.Ordinal));
        Assert.Equal(accounts, html.Contains("href=\"accounts\"", StringComparison.Ordinal));
        Assert.Equal(audit, html.Contains("href=\"audit\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_ShowsDemoBannerAndScopeCounts()
    {
        var client = await app.SignInAsync(Demo.OrgAdminA);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        var t = await app.TownshipsAsync();
        var orgs = await app.WithDbAsync(db => Task.FromResult(db.Organizations.Count(o => o.Path.StartsWith(db.Organizations.First(a => a.Id == t.A).Path) && o.Status == Dangjian.Domain.Organizations.OrganizationStatus.Active)));

        Assert.Contains("演示模式", html, StringComparison.Ordinal);
        Assert.Contains($">{orgs}<", html, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NavigationSqliteTests(SqliteApp app) : NavigationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NavigationPostgresTests(PostgresApp app) : NavigationTests(app);
