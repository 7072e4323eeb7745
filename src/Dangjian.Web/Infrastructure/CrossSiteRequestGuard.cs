using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// Cross-site request forgery on the API, once for every endpoint: a state change (POST, PUT, PATCH, DELETE under /api)
/// made with the sign-in cookie must carry a content type that a cross-site page cannot send without the browser first
/// asking permission (CORS preflight, which this app never grants), or a valid antiforgery token. An HTML form or a
/// no-CORS fetch can send only no body, application/x-www-form-urlencoded, multipart/form-data or text/plain (the
/// Fetch standard's CORS-safelisted request content types), so those need the token (header "RequestVerificationToken"
/// or form field "__RequestVerificationToken"); JSON and .xlsx uploads pass. Bearer-token calls pass: a cross-site page
/// cannot add the Authorization header. SameSite=Lax stays as a second line, not the only one.
/// </summary>
public static class CrossSiteRequestGuard
{
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsCookieStateChange(context) && CrossSiteSendable(context.Request)
                && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await RefuseAsync(context);
                return;
            }

            await next(context);
        });

    private static bool IsCookieStateChange(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: not ApiTokenAuthenticationHandler.SchemeName };

    /// <summary>Whether a cross-site page could have sent this body without a preflight.</summary>
    public static bool CrossSiteSendable(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return true; // a browser's form never sends an unparsable type, but nothing unclear passes either
        }

        var media = type.MediaType.Value ?? string.Empty;
        return media.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<RuleText>>();
        // No type at all is a malformed API call (400); a form or text type is the wrong media type (415).
        var status = string.IsNullOrWhiteSpace(context.Request.ContentType) ? StatusCodes.Status400BadRequest : StatusCodes.Status415UnsupportedMediaType;
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = text["Problem.CrossSite"], Detail = text["Problem.CrossSiteDetail"] },
        });
    }
}
