using System.Net;
using Dangjian.Domain.People;
using Dangjian.Web.Features.People;
using Dangjian.Web.Features.Units;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.People;

/// <summary>
/// The roster, person, import and coverage pages as the server prerenders them (what a user sees first, and
/// all a page may ever show of a record outside the caller's scope). Text is compared HTML-decoded, since the
/// renderer writes Chinese as character references.
/// </summary>
public abstract class PeoplePageTests(AppFixture app)
{
    [Fact]
    public async Task PersonPage_ShowsTheMaskedNumberToOrgAdmins_AndTheFullOneToDistrictAdmins()
    {
        var t = await app.TownshipsAsync();
        var person = await app.WithDbAsync(db => db.People.FirstAsync(p => p.Id == t.PersonOfA));

        var asOrgAdmin = await PageAsync(Demo.OrgAdminA, $"/people/{t.PersonOfA}");
        var asAdmin = await PageAsync(Demo.DistrictAdmin, $"/people/{t.PersonOfA}");

        Assert.Contains(person.Name, asOrgAdmin, StringComparison.Ordinal);
        Assert.Contains(IdNumber.Mask(person.IdNumber), asOrgAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber!, asOrgAdmin, StringComparison.Ordinal);
        Assert.Contains(person.IdNumber!, asAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("data-refused", asOrgAdmin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeoplePages_OutsideScope_ShowTheRefusalAndNothingOfTheRecord()
    {
        var t = await app.TownshipsAsync();
        var person = await app.WithDbAsync(db => db.People.FirstAsync(p => p.Id == t.PersonOfB));
        var township = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.B).Select(o => o.Name).FirstAsync());

        foreach (var path in new[] { $"/people/{t.PersonOfB}", $"/people?organizationId={t.B}", $"/people?organizationId={t.BranchOfB}&subtree=false" })
        {
            var html = await PageAsync(Demo.OrgAdminA, path);

            Assert.Contains("data-refused", html, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(IdNumber.Mask(person.IdNumber), html, StringComparison.Ordinal);
            Assert.DoesNotContain(township, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RosterPage_OwnOrganization_NamesItInTheFilter()
    {
        var t = await app.TownshipsAsync();
        var branch = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == t.BranchOfA).Select(o => o.Name).FirstAsync());

        var html = await PageAsync(Demo.OrgAdminA, $"/people?organizationId={t.BranchOfA}&status=Full");

        Assert.DoesNotContain("data-refused", html, StringComparison.Ordinal);
        Assert.Contains(branch, html, StringComparison.Ordinal);
        Assert.Contains($"api/v1/people/export?organizationId={t.BranchOfA}&status=Full", html, StringComparison.Ordinal);
        Assert.Contains("people/new", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/people/new")]
    [InlineData("/people/import")]
    public async Task WritingPages_ForASecretary_AreRefused_AndOpenForOrgAdmins(string path)
    {
        var secretary = await PageAsync(Demo.Secretary, path);
        var orgAdmin = await PageAsync(Demo.OrgAdminA, path);

        Assert.Contains("data-refused", secretary, StringComparison.Ordinal);
        Assert.DoesNotContain("data-refused", orgAdmin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_LinksTheTemplate_AndLabelsTheFileInput()
    {
        var html = await PageAsync(Demo.OrgAdminA, "/people/import");

        Assert.Contains("api/v1/people/import/template", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"roster-file\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"roster-file\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ListsTheRostersOfTheServerFolder_EachWithAnImportButton()
    {
        var name = $"province-{Guid.NewGuid():N}.xlsx";
        await File.WriteAllBytesAsync(Path.Combine(app.ImportFolder, name), new byte[3 * 1024 * 1024]);
        try
        {
            var html = await PageAsync(Demo.OrgAdminA, "/people/import");

            Assert.Contains("服务器导入文件夹中的名册", html, StringComparison.Ordinal);
            Assert.Contains(name, html, StringComparison.Ordinal);
            Assert.Contains("3.0 MB", html, StringComparison.Ordinal);
            Assert.Contains($"aria-label=\"导入 {name}\"", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(Path.Combine(app.ImportFolder, name));
        }
    }

    [Fact]
    public async Task PersonPage_History_ShowsWhoChangedWhat()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var name = "历史" + Guid.NewGuid().ToString("N")[..6];
        var created = await (await client.PostJsonAsync("/api/v1/people", new PersonRequest(name, null, Gender.Male, new DateOnly(1980, 1, 2), MemberStatus.Resident, null, t.BranchOfA, "13700000000", null, null, null))).ReadAsync<PersonDetail>();
        await (await client.PutJsonAsync($"/api/v1/people/{created.Id}", new PersonRequest(name, null, Gender.Male, new DateOnly(1980, 1, 2), MemberStatus.Resident, null, t.BranchOfA, "13711112222", null, null, null, created.Version))).ReadAsync<PersonDetail>();

        var html = await PageAsync(Demo.OrgAdminA, $"/people/{created.Id}");

        Assert.Contains("13700000000", html, StringComparison.Ordinal);
        Assert.Contains("13711112222", html, StringComparison.Ordinal);
        Assert.Contains("修改", html, StringComparison.Ordinal);
        Assert.Contains(Demo.OrgAdminA, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoveragePage_ShowsTheSummaryTheApiGives_AndLinksTheExport()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var summary = await (await client.GetAsync("/api/v1/units/summary")).ReadAsync<CoverageSummary>();

        var html = await PageAsync(Demo.OrgAdminA, "/coverage");

        Assert.True(summary.Units > 0);
        Assert.Contains($"共 {summary.Units} 个单位，其中空白点 {summary.Uncovered} 个", html, StringComparison.Ordinal);
        Assert.Contains("api/v1/units/uncovered/export", html, StringComparison.Ordinal);
        Assert.All(summary.ByArea, a => Assert.Contains(a.AreaName, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CoverageSummary_CountsOnlyTheCallersArea()
    {
        var a = await (await (await app.ClientForAsync(Demo.OrgAdminA)).GetAsync("/api/v1/units/summary")).ReadAsync<CoverageSummary>();
        var all = await (await (await app.ClientForAsync(Demo.DistrictAdmin)).GetAsync("/api/v1/units/summary")).ReadAsync<CoverageSummary>();
        var t = await app.TownshipsAsync();

        Assert.True(all.Units > a.Units);
        Assert.True(all.Uncovered >= a.Uncovered);
        // Areas are township committees; tests of other modules may file a unit under one of A's own organizations.
        var inA = await app.WithDbAsync(db => db.Organizations.Where(o => db.Organizations.Any(x => x.Id == t.A && o.Path.StartsWith(x.Path))).Select(o => o.Id).ToListAsync());
        Assert.All(a.ByArea, x => Assert.Contains(x.AreaOrganizationId, inA));
        var exported = RosterFiles.Read(await (await app.ClientForAsync(Demo.OrgAdminA)).GetByteArrayAsync("/api/v1/units/uncovered/export"));
        Assert.Equal(a.Uncovered, exported.Count);
    }

    private async Task<string> PageAsync(string userName, string path)
    {
        var client = await app.SignInAsync(userName);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PeoplePageSqliteTests(SqliteApp app) : PeoplePageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PeoplePagePostgresTests(PostgresApp app) : PeoplePageTests(app);
