using System.Diagnostics.CodeAnalysis;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Dangjian.Web.Features.Common;

/// <summary>An .xlsx request body as read by <see cref="ExcelUpload"/>: the file, or the refusal to answer with.</summary>
public sealed record ExcelBody(MemoryStream? File, ProblemHttpResult? Refusal) : IDisposable
{
    [MemberNotNullWhen(true, nameof(File))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Accepted => File is not null;

    public void Dispose() => File?.Dispose();
}

/// <summary>
/// The one guard of every endpoint that takes an .xlsx file as its request body (rosters, calendar years, scores,
/// residents' lists): 415 in our words for another content type, 413 beyond "Dangjian:MaxUploadBytes" (announced or
/// read), and the request body described to OpenAPI. A cross-site page cannot send this content type without a CORS
/// preflight, so the cookie-authenticated browser path needs no antiforgery token.
/// </summary>
public sealed class ExcelUpload(IOptions<DangjianOptions> options, IStringLocalizer<RuleText> rules)
{
    /// <summary>Reads the body whole, or says why not.</summary>
    public async Task<ExcelBody> ReadAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, ExcelFile.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return new(null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: rules["Import.WrongContentType"]));
        }

        var max = options.Value.MaxUploadBytes;
        var tooLarge = new ExcelBody(null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: rules["Import.TooLarge", max / (1024 * 1024)]));
        if (http.Request.ContentLength > max)
        {
            return tooLarge;
        }

        // Let the server read one byte past the limit, so the limit is ours to report in our words.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1;
        }

        var file = new MemoryStream();
        try
        {
            var chunk = new byte[81920];
            int n;
            while ((n = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (file.Length + n > max)
                {
                    await file.DisposeAsync();
                    return tooLarge;
                }

                file.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await file.DisposeAsync();
            return tooLarge;
        }

        file.Position = 0;
        return new(file, null);
    }
}

/// <summary>The OpenAPI side of <see cref="ExcelUpload"/>.</summary>
public static class ExcelUploadEndpoints
{
    /// <summary>
    /// Describes the .xlsx request body and the 413 and 415 answers. The content type is checked by the handler (415 in
    /// our words), not by Accepts metadata, so the body is described by hand.
    /// </summary>
    public static RouteHandlerBuilder AcceptsExcel(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ExcelFile.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
