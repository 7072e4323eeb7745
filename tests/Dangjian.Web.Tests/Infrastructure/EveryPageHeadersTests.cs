using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>
/// Issue 18 "Security headers": every page of the app — generated from the app's own page list (each component's
/// <c>@page</c> route, never a hand-kept list) — answers a signed-in district admin and an anonymous visitor with the
/// content security policy (frame-ancestors included), nosniff and a referrer policy, never a 500, and every cookie it
/// sets is HttpOnly and SameSite. Headers do not depend on the database, so this runs on SQLite only.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed partial class EveryPageHeadersTests(SqliteApp app)
{
    [Fact]
    public async Task EveryPage_AsAdminAndAnonymously_CarriesThePolicy_AndOnlySafeCookies()
    {
        var pages = Pages();
        Assert.True(pages.Count >= 100, $"only {pages.Count} pages found");
        var admin = await app.SignInAsync("admin");
        var anonymous = app.AnonymousClient();
        var faults = new List<string>();
        foreach (var (who, client) in new[] { ("admin", admin), ("anonymous", anonymous) })
        {
            foreach (var page in pages)
            {
                using var response = await client.GetAsync(page);
                faults.AddRange(Faults(response).Select(f => $"{who} GET {page} ({(int)response.StatusCode}): {f}"));
            }
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    private static IEnumerable<string> Faults(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500)
        {
            yield return "a server error";
        }

        if (!response.Headers.TryGetValues("Content-Security-Policy", out var policies) || policies.Count() != 1)
        {
            yield return "no single Content-Security-Policy";
        }
        else
        {
            var policy = policies.Single();
            foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "frame-ancestors 'self'", "base-uri 'self'" })
            {
                if (!policy.Contains(directive, StringComparison.Ordinal))
                {
                    yield return $"the policy lacks {directive}";
                }
            }
        }

        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.SequenceEqual(["nosniff"]))
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (!response.Headers.TryGetValues("Referrer-Policy", out var referrer) || referrer.Single() is not ("same-origin" or "no-referrer"))
        {
            yield return "no Referrer-Policy of same-origin or no-referrer";
        }

        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
        {
            if (!cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase) || !cookie.Contains("samesite=", StringComparison.OrdinalIgnoreCase))
            {
                yield return "a cookie without HttpOnly and SameSite: " + cookie.Split('=')[0];
            }
        }
    }

    /// <summary>Every routable page of the app, its route parameters filled with a value of their type.</summary>
    private static List<string> Pages() =>
        [.. typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => Parameter().Replace(r.Template, m => m.Groups["optional"].Success ? string.Empty : m.Groups["int"].Success ? "1" : "x").TrimEnd('/'))
            .Select(p => p.Length == 0 ? "/" : p)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\*?[A-Za-z]+(?<int>:int)?(:[a-z]+)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}
