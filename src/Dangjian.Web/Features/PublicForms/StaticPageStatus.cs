using Microsoft.AspNetCore.Diagnostics;

namespace Dangjian.Web.Features.PublicForms;

/// <summary>
/// Sets the status of a statically rendered page (public and voting pages) while keeping the page's own body, so a
/// voter who scans the QR code of a finished round reads the page's explanation, not an empty response or a bare
/// "Status Code: 404; Not Found" line.
/// <para>
/// Two things would drop the body: Blazor's static rendering does not flush a page whose status is 404 when
/// rendering ends (it expects a status-code re-execution to draw a not-found page), and <c>UseStatusCodePages</c>
/// writes its own body for an empty error response. So a 404 is applied just before the headers go out (after the
/// page has rendered), and the status-code pages are switched off for the request.
/// </para>
/// </summary>
public static class StaticPageStatus
{
    public static void Set(HttpContext? context, int status)
    {
        if (context is null || context.Response.HasStarted)
        {
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        if (status == StatusCodes.Status404NotFound)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.StatusCode = status;
                return Task.CompletedTask;
            });
        }
        else
        {
            context.Response.StatusCode = status;
        }
    }
}
