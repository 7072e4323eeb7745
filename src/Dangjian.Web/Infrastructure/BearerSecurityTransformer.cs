using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dangjian.Web.Infrastructure;

/// <summary>Declares the bearer-token scheme in the OpenAPI document, so clients know how scripts sign in.</summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token issued to an account by an administrator (dj_…).",
        };
        return Task.CompletedTask;
    }
}
