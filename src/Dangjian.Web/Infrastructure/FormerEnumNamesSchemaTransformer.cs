using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// The OpenAPI document describes an enum read by <see cref="FormerEnumNamesConverter"/> as the other enums: a string, one
/// of its names (the generator cannot see inside a converter of the project's own). Former names are left out: they are
/// only tolerated.
/// </summary>
public sealed class FormerEnumNamesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type);
        var type = nullable ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && FormerEnumNamesConverter.FormerNames(type).Count > 0)
        {
            schema.Type = nullable is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n))];
        }

        return Task.CompletedTask;
    }
}
