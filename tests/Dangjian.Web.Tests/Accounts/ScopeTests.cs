using System.Net;
using System.Text;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.People;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Accounts;

/// <summary>
/// ORG-5: an OrgAdmin of township A is refused township B's organizations, teams and people, read and
/// write, on every endpoint of the foundation; an anonymous caller is refused everything but sign-in and health.
/// </summary>
public abstract class ScopeTests(AppFixture app)
{
    public static TheoryData<string, string> ForeignRequests => new()
    {
        { "GET", "/api/v1/organizations/{B}" },
        { "GET", "/api/v1/organizations/{B}/history" },
        { "GET", "/api/v1/organizations?parentId={B}" },
        { "PUT", "/api/v1/organizations/{B}" },
        { "POST", "/api/v1/organizations/{B}/move" },
        { "POST", "/api/v1/organizations/{BranchB}/move" },
        { "POST", "/api/v1/organizations/{BranchB}/dissolve" },
        { "POST", "/api/v1/organizations" },
        { "GET", "/api/v1/teams?organizationId={B}" },
        { "GET", "/api/v1/teams/{TeamB}" },
        { "PUT", "/api/v1/teams/{TeamB}" },
        { "POST", "/api/v1/teams" },
        { "GET", "/api/v1/people?organizationId={B}" },
        { "GET", "/api/v1/people/{PersonB}" },
        { "GET", "/api/v1/people/{PersonB}/history" },
        { "PUT", "/api/v1/people/{PersonB}" },
        { "POST", "/api/v1/people" },
        { "GET", "/api/v1/people/export?organizationId={B}" },
    };

    [Theory]
    [MemberData(nameof(ForeignRequests))]
    public async Task OrgAdminOfA_IsRefused_TownshipB(string method, string template)
    {
        var t = await app.TownshipsAsync();
        var teamB = await app.WithDbAsync(db => Task.FromResult(db.LeadershipTeams.Where(x => x.OrganizationId == t.BranchOfB).Select(x => x.Id).First()));
        var url = template.Replace("{B}", t.B.ToString(), StringComparison.Ordinal)
            .Replace("{BranchB}", t.BranchOfB.ToString(), StringComparison.Ordinal)
            .Replace("{TeamB}", teamB.ToString(), StringComparison.Ordinal)
            .Replace("{PersonB}", t.PersonOfB.ToString(), StringComparison.Ordinal);
        var before = await SnapshotAsync(t);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = BodyFor(template, t, teamB) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var bName = await app.WithDbAsync(db => Task.FromResult(db.Organizations.Where(o => o.Id == t.B).Select(o => o.Name).First()));
        Assert.DoesNotContain(bName, body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(t));
    }

    [Fact]
    public async Task OrgAdminOfA_Lists_ContainNothingOfB()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var tree = await (await client.GetAsync("/api/v1/organizations/tree")).ReadAsync<List<OrganizationNode>>();
        Assert.Contains(tree, n => n.Id == t.A);
        Assert.DoesNotContain(tree, n => n.Id == t.B || n.Id == t.BranchOfB);

        var people = await (await client.GetAsync("/api/v1/people?pageSize=200&name=")).ReadAsync<Paged<PersonRow>>();
        Assert.DoesNotContain(people.Items, p => p.Id == t.PersonOfB);
        var bIds = await app.WithDbAsync(db => Task.FromResult(db.Organizations.Where(o => o.Path.StartsWith(db.Organizations.First(b => b.Id == t.B).Path)).Select(o => o.Id).ToList()));
        Assert.DoesNotContain(people.Items, p => bIds.Contains(p.OrganizationId));

        var teams = await (await client.GetAsync("/api/v1/teams")).ReadAsync<List<TeamView>>();
        Assert.NotEmpty(teams);
        Assert.DoesNotContain(teams, x => bIds.Contains(x.OrganizationId));

        var expiring = await (await client.GetAsync("/api/v1/teams/expiring?months=60")).ReadAsync<List<ExpiringTerm>>();
        Assert.DoesNotContain(expiring, x => bIds.Contains(x.OrganizationId));
    }

    [Fact]
    public async Task Anonymous_IsRefusedEveryApiEndpoint_ButHealth()
    {
        var client = app.AnonymousClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal) || e.RoutePattern.RawText!.StartsWith("/openapi", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} API endpoints found");
        foreach (var e in endpoints)
        {
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var url = "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "documentName" } => "v1",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "1",
                _ => string.Empty,
            }))));
            foreach (var method in methods)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} answered {(int)response.StatusCode} to an anonymous caller");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/organizations")]
    [InlineData("/terms")]
    [InlineData("/people")]
    [InlineData("/people/import")]
    [InlineData("/coverage")]
    [InlineData("/accounts")]
    [InlineData("/audit")]
    public async Task Anonymous_Page_RedirectsToSignIn(string path)
    {
        var response = await app.AnonymousClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedIn_OrgAdminA_PageOfTownshipB_ShowsRefusalNotData()
    {
        var t = await app.TownshipsAsync();
        var client = await app.SignInAsync(Demo.OrgAdminA);
        var bName = await app.WithDbAsync(db => Task.FromResult(db.Organizations.Where(o => o.Id == t.B).Select(o => o.Name).First()));
        var personB = await app.WithDbAsync(db => Task.FromResult(db.People.Where(p => p.Id == t.PersonOfB).Select(p => p.IdNumber).First()));

        foreach (var path in new[] { $"/organizations/{t.B}", $"/people/{t.PersonOfB}", $"/people?organizationId={t.B}" })
        {
            var response = await client.GetAsync(path);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(bName, html, StringComparison.Ordinal);
            Assert.DoesNotContain(IdNumber.Mask(personB), html, StringComparison.Ordinal);
            Assert.Contains("data-refused", html, StringComparison.Ordinal);
        }

        var own = await client.GetStringAsync($"/organizations/{t.A}");
        Assert.DoesNotContain("data-refused", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedToken_IsRefused()
    {
        var token = await app.IssueTokenAsync(Demo.Supervisor);
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var hash = Dangjian.Web.Features.Accounts.ApiTokenAuthenticationHandler.Hash(token);
            var row = db.ApiTokens.Single(x => x.TokenHash == hash);
            row.RevokedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "dj_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    private static StringContent? BodyFor(string template, Demo.Townships t, int teamB)
    {
        object? body = template switch
        {
            "/api/v1/organizations/{B}" => new UpdateOrganizationRequest("HACK", "越权修改", null, 0),
            "/api/v1/organizations/{B}/move" => new MoveOrganizationRequest(t.A, 0),
            "/api/v1/organizations/{BranchB}/move" => new MoveOrganizationRequest(t.A, 0),
            "/api/v1/organizations/{BranchB}/dissolve" => new DissolveOrganizationRequest(null, 0),
            "/api/v1/organizations" => new CreateOrganizationRequest("HACK1", "越权新建", OrganizationKind.Branch, t.B),
            "/api/v1/teams/{TeamB}" => new TeamRequest(t.BranchOfB, 9, new DateOnly(2030, 1, 1), new DateOnly(2032, 1, 1), [], 0),
            "/api/v1/teams" => new TeamRequest(t.BranchOfB, 9, new DateOnly(2040, 1, 1), new DateOnly(2042, 1, 1), []),
            "/api/v1/people/{PersonB}" => new PersonRequest("越权", null, Gender.Male, null, MemberStatus.Resident, null, t.BranchOfB, null, null, null, null, 0),
            "/api/v1/people" => new PersonRequest("越权", null, Gender.Male, null, MemberStatus.Resident, null, t.BranchOfB, null, null, null, null),
            _ => null,
        };
        _ = teamB;
        return body is null ? null : new StringContent(System.Text.Json.JsonSerializer.Serialize(body, body.GetType(), Http.Json), Encoding.UTF8, "application/json");
    }

    private Task<string> SnapshotAsync(Demo.Townships t) => app.WithDbAsync(db => Task.FromResult(string.Join("|",
        db.Organizations.Count(), db.People.Count(), db.LeadershipTeams.Count(),
        db.Organizations.Where(o => o.Id == t.B || o.Id == t.BranchOfB).Select(o => o.Name + o.Path + o.Version).ToList().Aggregate(string.Empty, (a, b) => a + b),
        db.People.Where(p => p.Id == t.PersonOfB).Select(p => p.Name + p.Version).First())));
}

[Collection(SqliteCollection.Name)]
public sealed class ScopeSqliteTests(SqliteApp app) : ScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ScopePostgresTests(PostgresApp app) : ScopeTests(app);
