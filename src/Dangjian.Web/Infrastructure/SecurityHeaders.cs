using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// The "Dangjian:ForwardedHeaders" settings: the reverse proxies (addresses, or networks in CIDR form) whose
/// X-Forwarded-For and X-Forwarded-Proto are believed. Empty by default: then nobody's are, and the headers are ignored.
/// </summary>
public sealed record ForwardedHeadersSettings
{
    public const string Section = "Dangjian:ForwardedHeaders";

    public IReadOnlyList<string> KnownProxies { get; init; } = [];

    public IReadOnlyList<string> KnownNetworks { get; init; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public bool IsValid => KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));

    /// <summary>The middleware's options: only X-Forwarded-For and -Proto, from the listed proxies only, one hop.</summary>
    public void Apply(ForwardedHeadersOptions o)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The defaults trust loopback; here only what the settings name is trusted.
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var p in KnownProxies)
        {
            o.KnownProxies.Add(IPAddress.Parse(p));
        }

        foreach (var n in KnownNetworks)
        {
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        }
    }
}

/// <summary>
/// Response headers that tell the browser what this app never does: run script it did not serve, be framed by another
/// site, guess a download's type, or pass a page's address (which may hold a voting token) to another site.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "dangjian.csp-nonce";

    /// <summary>The nonce of this response's inline scripts (the import map): random per response, in the CSP header.</summary>
    public static string CspNonce(this HttpContext context) => context.Items[NonceKey] as string ?? string.Empty;

    /// <summary>
    /// The content security policy. Scripts only from this site, plus inline ones with this response's nonce (Blazor's
    /// import map); no plugins; forms post and &lt;base&gt; point only here; framed only by this site. style-src needs
    /// 'unsafe-inline': MudBlazor writes style attributes and a theme &lt;style&gt; element, and the print pages carry their
    /// own &lt;style&gt;. Images may be data: URIs (the QR codes on code slips are drawn on the server as PNG data).
    /// connect-src 'self' covers Blazor's websocket to this origin.
    /// </summary>
    public static string Policy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// Public pages (voting, evaluation, survey and opinion forms) are reached by links holding codes or tokens: they send
    /// no referrer at all; staff pages send it within the site only.
    /// </summary>
    public static string ReferrerPolicy(PathString path) =>
        path.StartsWithSegments("/public") || path.StartsWithSegments("/vote") || path.StartsWithSegments("/meetings/ballot") ? "no-referrer" : "same-origin";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Any)
        {
            // Before anything reads the scheme or the client address (cookies' Secure flag, HSTS, printed links, rate limits).
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only (also when the proxy says the request was HTTPS), never for localhost.
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            // Hex, a subset of the nonce grammar that no HTML encoder touches: the attribute matches the header byte for byte.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // Set as the response starts, so error pages and Blazor's own header (frame-ancestors only) end up with this one.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Policy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy(context.Request.Path);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
