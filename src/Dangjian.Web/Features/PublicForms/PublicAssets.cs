using Microsoft.AspNetCore.Components;

namespace Dangjian.Web.Features.PublicForms;

/// <summary>
/// The fingerprinted addresses of the static files ("app.css" → "app.abc123.css") for pages rendered outside the
/// Razor component endpoints (<see cref="PublicDocument"/>), which get no <see cref="ResourceAssetCollection"/> of
/// their own. Read once from the endpoints that carry it (MapStaticAssets adds it to the component endpoints); a name
/// it does not know is returned as it is, which the static files still serve.
/// </summary>
public sealed class PublicAssets(EndpointDataSource endpoints)
{
    private ResourceAssetCollection? _assets;

    public string this[string name] => (_assets ??= Find())[name];

    private ResourceAssetCollection Find() =>
        endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<ResourceAssetCollection>()).FirstOrDefault(a => a is not null)
        ?? ResourceAssetCollection.Empty;
}
