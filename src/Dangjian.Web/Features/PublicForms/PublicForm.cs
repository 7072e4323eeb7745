using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Dangjian.Web.Features.PublicForms;

/// <summary>Resource marker for PublicText.resx (zh-CN) and PublicText.en.resx.</summary>
public sealed class PublicText;

/// <summary>
/// Settings of the public forms (ballots, evaluations, surveys, opinions). The section keeps the name "Elections" it
/// had when voting was the only public form, so a deployment's <c>Elections__VoteRateLimitPerMinute</c> keeps working.
/// </summary>
public sealed record PublicFormOptions
{
    public const string Section = "Elections";

    /// <summary>
    /// Submissions per client address per minute to a form behind <see cref="PublicForm.SubmitPolicy"/>. High by
    /// default: a meeting room's phones usually share one address behind the venue's router, and a code is 31^10
    /// strong, so the limit guards the server, not the codes.
    /// </summary>
    public int VoteRateLimitPerMinute { get; init; } = 600;

    /// <summary>The address printed on slips, in QR codes and in links handed out ("https://dj.example.gov.cn"); the request's own when empty.</summary>
    public string? PublicBaseUrl { get; init; }
}

/// <summary>
/// What every public form shares (DESIGN.md "public pages": static server-rendered forms a phone opens without an
/// account): the submission rate limit, answers that are never cached, the public address printed on slips and links,
/// the QR code of a slip and the language switch.
/// </summary>
public static class PublicForm
{
    /// <summary>The rate limit policy of code-secured submissions (a ballot, an evaluation, a survey answer), per client address.</summary>
    public const string SubmitPolicy = "vote";

    public static IServiceCollection AddPublicForms(this IServiceCollection services)
    {
        services.AddSingleton<PublicAssets>();
        services.AddOptions<PublicFormOptions>().BindConfiguration(PublicFormOptions.Section)
            .Validate(o => o.VoteRateLimitPerMinute > 0, "Elections:VoteRateLimitPerMinute must be positive.")
            .ValidateOnStart();
        // A slip's QR code opens the form with ?code=…, and ASP.NET Core's request log (Hosting.Diagnostics, "Request
        // starting GET …?code=…") writes the full URL with its query at Information. appsettings.json sets it to
        // Warning; this rule makes that a floor an operator's Information cannot lower (it is added after the
        // configuration's rules, so it wins for these categories), because a code in a log next to a time is exactly
        // the link secrecy forbids (DESIGN.md "Secrecy"). HTTP logging is never enabled, but gets the same floor. The
        // forms themselves post without a query, so codes, receipts and answers travel only in bodies, never logged.
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning, null));
            o.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.HttpLogging", LogLevel.Warning, null));
        });
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddPolicy<string, SubmitRateLimitPolicy>(SubmitPolicy));
        return services;
    }

    /// <summary>
    /// Makes a public form's page endpoint (GET shows it, POST submits it) open without an account, behind the submission
    /// rate limit, and not part of the API's description. The callers map each handler themselves, so the request delegate
    /// generator builds both at compile time (a handler passed on as a <see cref="Delegate"/> would be compiled at start).
    /// </summary>
    public static RouteHandlerBuilder AsFormPage(this RouteHandlerBuilder endpoint) =>
        endpoint.AllowAnonymous().RequireRateLimiting(SubmitPolicy).ExcludeFromDescription();

    /// <summary>A code from a slip's QR link (?code=) as the form's code field shows it; empty when it is not a code. Never checked here.</summary>
    public static string CodeFromLink(string? code) =>
        Dangjian.Domain.Secrecy.AccessCode.Normalize(code) is { } c ? Dangjian.Domain.Secrecy.AccessCode.Display(c) : string.Empty;

    /// <summary>
    /// Marks a response that holds codes, a ballot, a receipt, a fresh link or typed text as never to be stored. Set as
    /// the response starts, after antiforgery has set its own "no-cache, no-store" (it logs a warning per request when
    /// it finds a header set before it), so either way the answer is no-store and nothing is logged.
    /// </summary>
    public static void NoStore(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.OnStarting(() =>
        {
            if (!http.Response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.CacheControl = "no-store, no-cache";
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The public address of <paramref name="path"/> ("/vote/3"): under the configured public base URL, else the request's own.</summary>
    public static string Address(PublicFormOptions options, HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Address(options, $"{request.Scheme}://{request.Host}{request.PathBase}", path);
    }

    /// <summary>The same from a page, whose own base address is NavigationManager.BaseUri.</summary>
    public static string Address(PublicFormOptions options, string ownBaseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(path);
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? ownBaseUrl : options.PublicBaseUrl;
        return baseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
    }

    /// <summary>"/{prefix}/{id}" with the id written invariantly.</summary>
    public static string Path(string prefix, int id) => $"{prefix.TrimEnd('/')}/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The address a slip's QR code opens: the form with the code filled in.</summary>
    public static string CodeUrl(string formAddress, string code) => $"{formAddress}?code={Uri.EscapeDataString(code)}";

    /// <summary>A QR code as a PNG data URI, made on the server (no script, prints as drawn).</summary>
    public static string QrDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The link that switches a public page to the other language and back to <paramref name="returnPath"/>.</summary>
    public static string LanguageLink(string returnPath) =>
        $"account/culture?c={(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "en" : "zh-CN")}&returnUrl={Uri.EscapeDataString(returnPath)}";
}

/// <summary>
/// Code-secured submissions per client address per minute ("Elections:VoteRateLimitPerMinute"); reading a form is not
/// limited. A refusal is a 429 page in the sender's language.
/// </summary>
public sealed class SubmitRateLimitPolicy(IOptions<PublicFormOptions> options) : PostRateLimitPolicy
{
    protected override string Prefix => "vote";

    protected override int PermitsPerMinute => options.Value.VoteRateLimitPerMinute;

    protected override string RefusalText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<PublicText>>()["TooManyRequests"];
}
