using System.Net;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Elections.Projects;

/// <summary>
/// The election pages as prerendered HTML: the dashboard and a project page for a signed-in admin, the refusal for one
/// outside the scope, and the public candidate introduction (ELE-9) for anyone, only once the list is fixed.
/// </summary>
public abstract class ElectionPageTests(AppFixture app)
{
    [Fact]
    public async Task Dashboard_And_ProjectPage_ShowTheProject_ItsStage_AndTheNominees()
    {
        var branch = await app.BranchAsync(3);
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await api.OpenAsync(branch);
        var committee = project.Bodies.Single(b => b.Kind == BodyKind.Committee).Id;
        var nominee = await api.NominateAsync(project.Id, committee, branch.Members[1], NominationSource.Joint, "联名人甲、联名人乙");
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var dashboard = await PageAsync(client, "/elections");
        Assert.Contains($"href=\"elections/{project.Id}\"", dashboard, StringComparison.Ordinal);
        Assert.Contains(project.Title, dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"elections\"", dashboard, StringComparison.Ordinal);

        var page = await PageAsync(client, $"/elections/{project.Id}");
        Assert.DoesNotContain("data-refused", page, StringComparison.Ordinal);
        Assert.Contains(project.Title, page, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"Nomination\"", page, StringComparison.Ordinal);
        Assert.Contains(nominee.PersonName, page, StringComparison.Ordinal);
        Assert.Contains("联名人甲、联名人乙", page, StringComparison.Ordinal);
        Assert.Contains("干部档案未审核", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectPage_OrgAdminB_RendersRefusal_AndNoneOfTheProject()
    {
        var branch = await app.BranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await api.OpenAsync(branch);
        var client = await app.SignInAsync(Demo.OrgAdminB);

        var page = await PageAsync(client, $"/elections/{project.Id}");
        var dashboard = await PageAsync(client, "/elections");

        Assert.Contains("data-refused", page, StringComparison.Ordinal);
        Assert.DoesNotContain(project.Title, page, StringComparison.Ordinal);
        Assert.DoesNotContain(project.Title, dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicCandidatePage_OnlyForNomineesOnAFixedList_404Otherwise()
    {
        var branch = await app.BranchAsync(3);
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await api.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 2));
        var body = project.Bodies.Single();
        var nominees = new List<NomineeView>();
        foreach (var person in branch.Members)
        {
            nominees.Add(await api.VetAsync(project.Id, await api.NominateAsync(project.Id, body.Id, person)));
        }

        var anonymous = app.AnonymousClient();
        var before = await anonymous.GetAsync($"/public/elections/candidates/{nominees[0].Id}");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.DoesNotContain(nominees[0].PersonName, await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/elections/{project.Id}/candidates")).StatusCode);

        await (await api.PostJsonAsync($"/api/v1/elections/{project.Id}/bodies/{body.Id}/list", new FixListRequest(nominees.Select(n => n.Id).ToList(), body.Version))).ReadAsync<ProjectView>();

        var html = WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/public/elections/candidates/{nominees[0].Id}")).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        Assert.Contains(nominees[0].PersonName, html, StringComparison.Ordinal);
        Assert.Contains("德能勤绩廉考察良好", html, StringComparison.Ordinal);
        Assert.Contains("愿为群众服务", html, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/public/elections/{project.Id}/candidates")).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        Assert.All(nominees, n => Assert.Contains(n.PersonName, list, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/elections/candidates/99999999")).StatusCode);
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ElectionPageSqliteTests(SqliteApp app) : ElectionPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ElectionPagePostgresTests(PostgresApp app) : ElectionPageTests(app);
