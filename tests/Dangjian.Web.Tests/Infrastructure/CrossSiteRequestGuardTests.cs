using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Tests.Surveys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>
/// Cross-site request forgery on the API: every state-changing endpoint under /api, read from the app's endpoint data
/// source (so a new endpoint is covered without anyone listing it), refuses a cookie-authenticated request a
/// cross-site form could send (form-encoded, multipart, text/plain, no body type) with the localized ProblemDetails and
/// changes nothing; JSON with the cookie, an antiforgery token with the cookie, and a bearer token still work.
/// </summary>
public abstract partial class CrossSiteRequestGuardTests(AppFixture app)
{
    /// <summary>A route value no record has, so a request the guard lets through finds nothing to change.</summary>
    private const string NoSuchId = "2147480000";

    [Fact]
    public async Task StateChangingApiEndpoints_CookieWithFormTextOrNoBodyType_AreRefused_AndChangeNothing()
    {
        var endpoints = StateChangingApiEndpoints();
        Assert.True(endpoints.Count > 100, $"only {endpoints.Count} state-changing API endpoints found");
        var cookie = await app.SignInAsync(Demo.DistrictAdmin);
        var auditBefore = await AuditCountAsync();
        var refusals = new List<string>();

        foreach (var (method, url) in endpoints)
        {
            foreach (var (kind, body) in CrossSiteBodies())
            {
                var response = await cookie.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body() });
                if (!await IsRefusalAsync(response, kind == "none" ? HttpStatusCode.BadRequest : HttpStatusCode.UnsupportedMediaType))
                {
                    refusals.Add($"{method} {url} ({kind}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(refusals);
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task StateChangingApiEndpoints_CookieWithJson_OrBearerWithAForm_PassTheGuard()
    {
        var cookie = await app.SignInAsync(Demo.DistrictAdmin);
        var bearer = await app.ClientForAsync(Demo.DistrictAdmin);
        var refused = new List<string>();

        foreach (var (method, url) in StateChangingApiEndpoints())
        {
            // "null" binds no record: the endpoint answers 400 or 404 of its own, never the guard's refusal.
            var json = await cookie.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("null", Encoding.UTF8, "application/json") });
            var form = await bearer.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new FormUrlEncodedContent([new("a", "1")]) });
            foreach (var (how, response) in new[] { ("cookie+json", json), ("bearer+form", form) })
            {
                if (await IsRefusalAsync(response, response.StatusCode))
                {
                    refused.Add($"{method} {url} ({how})");
                }
            }
        }

        Assert.Empty(refused);
    }

    [Fact]
    public async Task CloseSurvey_CookieForm_IsRefused_SurveyStaysOpen_JsonTokenOrBearerClose()
    {
        var township = await app.ScopeOrganizationOfAsync(Demo.OrgAdminA);
        var bearer = await app.ClientForAsync(Demo.OrgAdminA);
        var cookie = await app.SignInAsync(Demo.OrgAdminA);
        var surveys = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            surveys.Add((await bearer.SurveyAsync(township, SurveyAccess.OpenLink)).Id);
        }

        // What a hostile page's form (or a no-CORS fetch) could send along with the cookie.
        foreach (var (kind, body) in CrossSiteBodies())
        {
            var response = await cookie.PostAsync($"/api/v1/surveys/{surveys[0]}/close", body());
            Assert.True(await IsRefusalAsync(response, kind == "none" ? HttpStatusCode.BadRequest : HttpStatusCode.UnsupportedMediaType), $"{kind}: {(int)response.StatusCode}");
        }

        Assert.Equal(SurveyStatus.Open, await StatusAsync(surveys[0]));

        // The app's own pages and scripts: JSON, or the antiforgery token of a page, with the cookie; or a bearer token.
        var json = await cookie.PostAsync($"/api/v1/surveys/{surveys[0]}/close", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var withToken = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{surveys[1]}/close");
        withToken.Headers.Add("RequestVerificationToken", await PageTokenAsync(cookie));
        Assert.Equal(HttpStatusCode.OK, (await cookie.SendAsync(withToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.PostAsync($"/api/v1/surveys/{surveys[2]}/close", null)).StatusCode);
        foreach (var id in surveys)
        {
            Assert.Equal(SurveyStatus.Closed, await StatusAsync(id));
        }
    }

    [Fact]
    public async Task SignOut_WithoutTheFormsToken_IsRefusedAndStaysSignedIn_WithItSignsOut()
    {
        var cookie = await app.SignInAsync(Demo.OrgAdminA);

        // A cross-site form can post to /account/logout with the cookie; without the page's token it changes nothing.
        var forged = await cookie.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/me")).StatusCode);

        var real = await cookie.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", await PageTokenAsync(cookie))]));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Refusal_IsLocalized()
    {
        var cookie = await app.SignInAsync(Demo.OrgAdminA);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{NoSuchId}/close") { Content = new StringContent("x", Encoding.UTF8, "text/plain") };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await cookie.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal(RuleTextIn("en", "Problem.CrossSite"), problem.GetProperty("title").GetString());
        Assert.NotEqual(RuleTextIn("zh-CN", "Problem.CrossSite"), RuleTextIn("en", "Problem.CrossSite"));
    }

    /// <summary>Every POST, PUT, PATCH and DELETE endpoint under /api, its route values filled with ids no record has.</summary>
    private List<(string Method, string Url)> StateChangingApiEndpoints()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(m => (m, Fill(e.RoutePattern.RawText!))))
            .Distinct()
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.m, StringComparer.Ordinal)
            .ToList();
    }

    private static string Fill(string pattern) => "/" + RouteParameter().Replace(pattern.TrimStart('/'), m =>
        m.Groups[2].Value is "int" or "long" ? NoSuchId
        : m.Groups[2].Value == "guid" ? Guid.Empty.ToString()
        : "no-such-" + m.Groups[1].Value);

    /// <summary>The bodies a cross-site page can send without a preflight: kind, and a fresh content each time.</summary>
    private static IEnumerable<(string Kind, Func<HttpContent?> Body)> CrossSiteBodies() =>
    [
        ("form", () => new FormUrlEncodedContent([new("name", "x")])),
        ("multipart", () => new MultipartFormDataContent { { new StringContent("x"), "name" } }),
        ("text", () => new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain")),
        ("none", () => null),
    ];

    private async Task<bool> IsRefusalAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        return problem.TryGetProperty("title", out var title) && title.GetString() == RuleTextIn("zh-CN", "Problem.CrossSite");
    }

    private string RuleTextIn(string culture, string key) => app.Text<RuleText>(culture, key);

    /// <summary>The antiforgery token a staff page carries for the signed-in user (in its sign-out form).</summary>
    private static async Task<string> PageTokenAsync(HttpClient cookie)
    {
        var page = await cookie.GetStringAsync("/");
        var match = TokenField().Match(page);
        Assert.True(match.Success, "no antiforgery token on the staff page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private Task<long> AuditCountAsync() => app.WithDbAsync(db => db.AuditEntries.LongCountAsync());

    private Task<SurveyStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.Status).FirstAsync());

    [GeneratedRegex("\\{([A-Za-z]+)(?::([a-z]+))?\\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

[Collection(SqliteCollection.Name)]
public sealed class CrossSiteRequestGuardSqliteTests(SqliteApp app) : CrossSiteRequestGuardTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CrossSiteRequestGuardPostgresTests(PostgresApp app) : CrossSiteRequestGuardTests(app);
