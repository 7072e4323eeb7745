using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;

namespace Dangjian.Web.Features.PublicForms;

/// <summary>
/// The fields a public form posted, read only after the antiforgery check passed. A handler takes this rather than
/// <see cref="IFormCollection"/> because the request delegate generator's form binding throws (a 500) on a failed
/// antiforgery check where the runtime's answered 400; here a failed check, or a body that is not a form, binds to
/// nothing and the request is answered 400 before the handler runs, the form unread.
/// </summary>
public sealed class PostedForm(IFormCollection fields) : IEndpointParameterMetadataProvider
{
    public StringValues this[string key] => fields[key];

    public static async ValueTask<PostedForm?> BindAsync(HttpContext http)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || !http.Request.HasFormContentType)
        {
            return null;
        }

        return new PostedForm(await http.Request.ReadFormAsync(http.RequestAborted));
    }

    /// <summary>Asks the antiforgery middleware to check the token, as binding a form did by itself.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new RequireAntiforgeryTokenAttribute());
}
