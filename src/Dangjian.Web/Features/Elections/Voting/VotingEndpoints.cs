using System.Globalization;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Dangjian.Web.Features.Elections.Voting;

/// <summary>
/// Electronic voting (ELE-11, ELE-13): /api/v1/elections/rounds/{id}/codes for staff, the public ballot at /vote.
/// </summary>
public static class VotingEndpoints
{
    /// <summary>The rate limit policy of ballot submissions (POST /vote/{id}), per client address.</summary>
    public const string VotePolicy = "vote";

    public static IServiceCollection AddVoting(this IServiceCollection services)
    {
        services.AddOptions<VotingOptions>().BindConfiguration(VotingOptions.Section)
            .Validate(o => o.VoteRateLimitPerMinute > 0, "Elections:VoteRateLimitPerMinute must be positive.")
            .ValidateOnStart();
        services.AddScoped<VotingService>();
        // A slip's QR code opens /vote/{id}?code=…, and ASP.NET Core's request log (Hosting.Diagnostics, "Request
        // starting GET …?code=…") writes the full URL with its query at Information. appsettings.json sets it to
        // Warning; this rule makes that a floor an operator's Information cannot lower (it is added after the
        // configuration's rules, so it wins for these categories), because a code in a log next to a time is exactly
        // the link secrecy forbids. HTTP logging is never enabled, but gets the same floor. The ballot form itself
        // posts to /vote/{id} without a query, so codes, receipts and ballots travel only in bodies, never logged.
        services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning, null));
            o.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.HttpLogging", LogLevel.Warning, null));
        });
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, VoteRateLimitPolicy>(VotePolicy));
        return services;
    }

    public static void MapVotingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/elections/rounds").WithTags("Elections");
        group.MapGet("/{id:int}/codes", GetCodeProgress).WithName(nameof(GetCodeProgress)).RequirePermission(Permission.ElectionsRead);
        group.MapPost("/{id:int}/codes", IssueCodes).WithName(nameof(IssueCodes)).RequirePermission(Permission.ElectionsRun);
    }

    /// <summary>How many codes were issued and ballots cast in the round's box (counts only).</summary>
    public static async Task<Ok<BoxProgress>> GetCodeProgress(VotingService voting, int id, CancellationToken ct) =>
        TypedResults.Ok(await voting.ProgressAsync(id, ct));

    /// <summary>Issues 1…5000 one-time codes; the answer is the only time they are shown (and is never cached).</summary>
    public static async Task<Results<Ok<IssuedCodes>, ValidationProblem>> IssueCodes(
        VotingService voting, IOptions<VotingOptions> options, IStringLocalizer<VotingText> text, HttpContext http, int id, IssueCodesRequest request, CancellationToken ct)
    {
        NoStore(http);
        try
        {
            return TypedResults.Ok(await voting.IssueCodesAsync(id, request.Count, VoteAddress(options.Value, http.Request, id), ct));
        }
        catch (CodesRefusedException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["round"] = [text["Codes.Refused"]] }, title: text["Codes.Refused"]);
        }
    }

    /// <summary>
    /// Marks a response that holds codes, a ballot or a receipt as never to be stored. Set as the response starts, after
    /// antiforgery has set its own "no-cache, no-store" (it logs a warning per request when it finds a header set
    /// before it), so either way the answer is no-store and nothing is logged.
    /// </summary>
    public static void NoStore(HttpContext http) =>
        http.Response.OnStarting(() =>
        {
            if (!http.Response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.CacheControl = "no-store, no-cache";
            }

            return Task.CompletedTask;
        });

    /// <summary>The voting address of a round, as printed on its slips: {base}/vote/{id}.</summary>
    public static string VoteAddress(VotingOptions options, HttpRequest request, int roundId)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.PublicBaseUrl;
        return $"{baseUrl.TrimEnd('/')}/vote/{roundId.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The address a slip's QR code opens: the round's ballot with the code filled in.</summary>
    public static string CodeUrl(string voteAddress, string code) => $"{voteAddress}?code={Uri.EscapeDataString(code)}";

    /// <summary>A QR code as a PNG data URI, made on the server (no script, prints as drawn).</summary>
    public static string QrDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>A code as printed: ABCDE-FGHJK.</summary>
    public static string Display(string code) => AccessCode.Display(code);
}

/// <summary>
/// Ballot submissions per client address per minute ("Elections:VoteRateLimitPerMinute"); reading the ballot is not
/// limited. A refusal is a 429 page in the voter's language.
/// </summary>
public sealed class VoteRateLimitPolicy(IOptions<VotingOptions> options) : PostRateLimitPolicy
{
    protected override string Prefix => "vote";

    protected override int PermitsPerMinute => options.Value.VoteRateLimitPerMinute;

    protected override string RefusalText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<VotingText>>()["TooManyRequests"];
}
