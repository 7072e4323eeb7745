using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Web.Features.Elections.Voting;
using Dangjian.Web.Tests.Elections.Voting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>
/// The response headers on a staff page, a public form and an API answer (content security policy, nosniff, referrer
/// policy, HSTS on HTTPS), and forwarded headers: believed from the known proxy (the sign-in cookie is Secure, printed
/// voting links are https), ignored from anyone else.
/// </summary>
public abstract partial class SecurityHeadersTests(AppFixture app)
{
    private const string UnknownPeer = "10.66.0.9";

    [Fact]
    public async Task StaffPage_HasTheStrictPolicy_WithTheImportMapsNonce()
    {
        var response = await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Directives(response);
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["form-action"]);
        Assert.Equal("'self'", csp["frame-ancestors"]);
        Assert.Equal("'self' 'unsafe-inline'", csp["style-src"]);
        var nonce = NonceSource().Match(csp["script-src"]).Groups[1].Value;
        Assert.Matches("^'self' 'nonce-[0-9a-f]{32}'$", csp["script-src"]);
        Assert.Matches($"<script(?=[^>]*type=\"importmap\")(?=[^>]*nonce=\"{Regex.Escape(nonce)}\")", html);
        Assert.DoesNotContain("onclick=\"", html, StringComparison.Ordinal);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["same-origin"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

        // A new nonce each time, so one read from an old page is worth nothing.
        var again = Directives(await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync("/"));
        Assert.NotEqual(csp["script-src"], again["script-src"]);
    }

    [Fact]
    public async Task PublicForm_SendsNoReferrer_UnderTheSamePolicy()
    {
        var response = await app.AnonymousClient().GetAsync("/vote");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal("'none'", Directives(response)["object-src"]);
    }

    [Fact]
    public async Task ApiAnswer_IsNosniffWithThePolicy_AndHstsOnHttpsOnly()
    {
        var plain = await app.ClientForAsync(Demo.OrgAdminA);
        var secure = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dangjian.example/"), AllowAutoRedirect = false });
        secure.DefaultRequestHeaders.Authorization = plain.DefaultRequestHeaders.Authorization;

        var overHttp = await plain.GetAsync("/api/v1/me");
        var overHttps = await secure.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        Assert.Equal(["nosniff"], overHttps.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal("'none'", Directives(overHttps)["object-src"]);
        Assert.Matches("^max-age=[0-9]{7,}", Assert.Single(overHttps.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task KnownProxy_SayingHttps_MakesTheSignInCookieSecure_AndPrintedLinksHttps()
    {
        var (cookie, link) = await SignInAndIssueCodesAsync(AppFixture.KnownProxy);

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("https://", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_SayingHttps_IsIgnored()
    {
        var (cookie, link) = await SignInAndIssueCodesAsync(UnknownPeer);

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("http://", link, StringComparison.Ordinal);
    }

    /// <summary>Through <paramref name="peer"/>, claiming HTTPS: the sign-in cookie's Set-Cookie, and a round's voting address as printed on its slips.</summary>
    private async Task<(string Cookie, string Link)> SignInAndIssueCodesAsync(string peer)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Proxied(browser, peer);
        var login = await browser.GetAsync("/account/login");
        var antiforgeryCookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        browser.DefaultRequestHeaders.Add("Cookie", antiforgeryCookie);
        var html = await login.Content.ReadAsStringAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value),
            ["Input.UserName"] = Demo.OrgAdminA,
            ["Input.Password"] = Dangjian.Web.Features.Accounts.StartupAccounts.DemoPassword,
        });
        var signedIn = await browser.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal));

        var round = await app.RoundAsync();
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var proxied = app.AnonymousClient();
        proxied.DefaultRequestHeaders.Authorization = staff.DefaultRequestHeaders.Authorization;
        Proxied(proxied, peer);
        var issued = await (await proxied.PostJsonAsync($"/api/v1/elections/rounds/{round.Id}/codes", new IssueCodesRequest(1))).ReadAsync<IssuedCodes>();
        return (cookie, issued.VoteAddress);
    }

    /// <summary>As nginx passes a request on: from <paramref name="peer"/>, saying the client spoke HTTPS.</summary>
    private static void Proxied(HttpClient client, string peer)
    {
        client.DefaultRequestHeaders.Add(TestPeer.Header, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty, StringComparer.Ordinal);

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

[Collection(SqliteCollection.Name)]
public sealed class SecurityHeadersSqliteTests(SqliteApp app) : SecurityHeadersTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SecurityHeadersPostgresTests(PostgresApp app) : SecurityHeadersTests(app);

/// <summary>A real installation's default: no proxy is known, so nobody's X-Forwarded-* headers are believed.</summary>
public sealed class NoProxyTests(NoProxyApp app) : IClassFixture<NoProxyApp>
{
    [Fact]
    public async Task ForwardedHeaders_WithNoKnownProxy_AreIgnoredFromAnyAddress()
    {
        // Not localhost, for which HSTS is never sent: the header would show that the request was taken for HTTPS.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://dangjian.example/"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestPeer.Header, AppFixture.KnownProxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class NoProxyApp : SqliteApp
{
    protected override bool Demo => false;

    protected override string? KnownProxySetting => null;
}
