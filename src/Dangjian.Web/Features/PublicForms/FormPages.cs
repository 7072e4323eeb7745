using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;

namespace Dangjian.Web.Features.PublicForms;

/// <summary>
/// What a public form's GET page is rendered from, and so what its rendering is kept under: the form's kind, id and
/// version (every transition bumps the version, as in <see cref="FormFaces"/>), whatever else the page shows that can
/// change without a new version (the state, a date), and the cultures it is rendered in.
/// </summary>
public sealed record FormPageKey(string Kind, int Id, int Version, string State, string Culture, string UiCulture)
{
    public static FormPageKey For(string kind, int id, int version, string state) =>
        new(kind, id, version, state, System.Globalization.CultureInfo.CurrentCulture.Name, System.Globalization.CultureInfo.CurrentUICulture.Name);
}

/// <summary>
/// The pages of a public form (a ballot, an evaluation form) that every voter of a meeting gets alike, kept rendered in
/// memory with holes: the form as opened (its holes are the request's antiforgery token and the code from the slip's
/// link) and the receipt after an accepted answer (its hole is the receipt). Rendering them through the component
/// renderer (about 120 radio buttons on an evaluation form) was a large part of the CPU per response (issue 18
/// "Speed"). A page is rendered once per <see cref="FormPageKey"/> by the same component and the same result type as
/// before, with a marker in the value's place, and then served as its bytes with the holes filled: the token is asked
/// of <see cref="IAntiforgery"/> per request exactly as the page's <c>&lt;AntiforgeryToken /&gt;</c> does (it sets the
/// same cookie and headers), and the value is HTML-encoded. A page that shows what was sent (a refusal, a missing
/// rating) is always rendered. An entry lives as long as a <see cref="FormFaces"/> entry, so a page is never staler than
/// the face it prints; nothing kept here is secret (a code or receipt is only ever in a hole).
/// </summary>
public sealed class FormPages : IDisposable
{
    /// <summary>Bytes of rendered pages kept at most (an evaluation form of 20 subjects is about 60 KB).</summary>
    public const long CapacityBytes = 32L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CapacityBytes });

    // Letters and digits only, so no HTML encoder changes it; random per process, so no page can contain it by chance.
    private readonly string _marker = "zq" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The page for <paramref name="key"/> with <paramref name="value"/> (a code, a receipt) filled in;
    /// <paramref name="render"/> makes the component's result for a given value and is called only when the page is not kept.
    /// </summary>
    /// <remarks>Without a key (no such form) the page is rendered and not kept, so made-up ids fill nothing.</remarks>
    public static FormPageResult Page<TComponent>(FormPageKey? key, int status, string value, Func<string, RazorComponentResult<TComponent>> render)
        where TComponent : IComponent =>
        new(key, status, value, render);

    internal bool TryGet(FormPageKey key, out PageTemplate? template) => _cache.TryGetValue(key, out template);

    internal void Keep(FormPageKey key, PageTemplate template) =>
        _cache.Set(key, template, new MemoryCacheEntryOptions { Size = template.Bytes, AbsoluteExpirationRelativeToNow = FormFaces.Lifetime });

    internal string Marker => _marker;

    public void Dispose() => _cache.Dispose();
}

/// <summary>A rendered page cut at its holes: text, hole, text, hole, …, text. A hole is the antiforgery token or the value.</summary>
internal sealed class PageTemplate
{
    private PageTemplate(byte[][] parts, bool[] tokenHoles, long bytes)
    {
        Parts = parts;
        TokenHoles = tokenHoles;
        Bytes = bytes;
    }

    /// <summary>The text between the holes, UTF-8; one more than the holes.</summary>
    public byte[][] Parts { get; }

    /// <summary>Per hole: the antiforgery token (true) or the value (false).</summary>
    public bool[] TokenHoles { get; }

    public bool HasToken => TokenHoles.Contains(true);

    public long Bytes { get; }

    /// <summary>Cuts <paramref name="html"/> at every occurrence of <paramref name="token"/> (when not empty) and <paramref name="marker"/>.</summary>
    public static PageTemplate Cut(string html, string token, string marker)
    {
        var parts = new List<byte[]>();
        var holes = new List<bool>();
        var at = 0;
        while (true)
        {
            var t = token.Length == 0 ? -1 : html.IndexOf(token, at, StringComparison.Ordinal);
            var c = html.IndexOf(marker, at, StringComparison.Ordinal);
            var next = t < 0 ? c : c < 0 ? t : Math.Min(t, c);
            if (next < 0)
            {
                parts.Add(Encoding.UTF8.GetBytes(html[at..]));
                break;
            }

            parts.Add(Encoding.UTF8.GetBytes(html[at..next]));
            var isToken = next == t;
            holes.Add(isToken);
            at = next + (isToken ? token.Length : marker.Length);
        }

        return new PageTemplate([.. parts], [.. holes], parts.Sum(p => (long)p.Length) + 64);
    }

    public async Task WriteAsync(HttpResponse response, string token, string value)
    {
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        var valueBytes = Encoding.UTF8.GetBytes(HtmlEncoder.Default.Encode(value));
        response.ContentLength = Parts.Sum(p => (long)p.Length) + TokenHoles.Sum(h => (long)(h ? tokenBytes.Length : valueBytes.Length));
        var body = response.BodyWriter;
        for (var i = 0; i < Parts.Length; i++)
        {
            body.Write<byte>(Parts[i]);
            if (i < TokenHoles.Length)
            {
                body.Write<byte>(TokenHoles[i] ? tokenBytes : valueBytes);
            }
        }

        await body.FlushAsync(response.HttpContext.RequestAborted);
    }
}

/// <summary>The result <see cref="FormPages.Page"/> returns; it renders the component only when the page is not kept.</summary>
/// <remarks>
/// Not generic in the component, so a handler can name it as its return type: the request delegate generator cannot see
/// the types the Razor generator makes.
/// </remarks>
public sealed class FormPageResult(FormPageKey? key, int status, string value, Func<string, IResult> render)
    : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (key is null)
        {
            await render(value).ExecuteAsync(httpContext);
            return;
        }

        var pages = httpContext.RequestServices.GetRequiredService<FormPages>();
        if (!pages.TryGet(key, out var template) || template is null)
        {
            // Render with the marker in the value's place into memory; the response is then written from the template,
            // as every later one is.
            var original = httpContext.Response.Body;
            using var buffer = new MemoryStream();
            httpContext.Response.Body = buffer;
            try
            {
                await render(pages.Marker).ExecuteAsync(httpContext);
            }
            finally
            {
                httpContext.Response.Body = original;
            }

            var rendered = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            // The page's <AntiforgeryToken /> asked for the request's tokens, so asking again gives the same ones.
            var renderToken = RequestToken(httpContext, rendered.Contains("__RequestVerificationToken", StringComparison.Ordinal));
            template = PageTemplate.Cut(rendered, renderToken, pages.Marker);
            pages.Keep(key, template);
        }

        var token = RequestToken(httpContext, template.HasToken);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await template.WriteAsync(httpContext.Response, token, value);
    }

    /// <summary>The request's antiforgery token (stored with its cookie) when the page has a hole for one; else empty.</summary>
    private static string RequestToken(HttpContext httpContext, bool wanted) =>
        wanted ? httpContext.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(httpContext).RequestToken ?? string.Empty : string.Empty;
}
