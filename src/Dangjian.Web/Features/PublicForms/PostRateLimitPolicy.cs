using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Dangjian.Web.Features.PublicForms;

/// <summary>
/// The rate limit of a public form (a ballot, an evaluation, an objection): submissions (POST) per client address per
/// fixed minute, reading the page unlimited; a refusal is a small 429 page in the caller's language with Retry-After.
/// Each form names its partition prefix, its limit and its refusal text.
/// </summary>
public abstract class PostRateLimitPolicy : IRateLimiterPolicy<string>
{
    /// <summary>Distinguishes this form's counters from another's for the same address.</summary>
    protected abstract string Prefix { get; }

    protected abstract int PermitsPerMinute { get; }

    /// <summary>The refusal shown to the caller (localized by the request's culture).</summary>
    protected abstract string RefusalText(HttpContext context);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (ctx, ct) =>
    {
        var response = ctx.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.RetryAfter = "60";
        var message = System.Net.WebUtility.HtmlEncode(RefusalText(ctx.HttpContext));
        await response.WriteAsync(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>429</title></head><body><p role=\"alert\">{message}</p></body></html>", ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = PermitsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(Prefix + ":" + client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
