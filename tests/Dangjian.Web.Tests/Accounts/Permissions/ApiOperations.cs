using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Accounts.Permissions;

/// <summary>One API operation as the app maps it: a method on a route, with its metadata.</summary>
public sealed record ApiOperation(string Method, RouteEndpoint Endpoint)
{
    public string Pattern => Endpoint.RoutePattern.RawText!;

    public PermissionMetadata? Permission => Endpoint.Metadata.GetMetadata<PermissionMetadata>();

    public bool IsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// A request made for an operation: whether it names a record of township B (a route value, a query or body field), the
/// rows its route names, and the query and body fields that hold B's ids ("organizationId", "roles[0].organizationId").
/// </summary>
public sealed record ApiCall(HttpRequestMessage Request, bool Targeted, IReadOnlyList<RouteValue> Rows, IReadOnlyList<string> ForeignFields);

/// <summary>
/// Every API operation, from the app's own EndpointDataSource (never a hand-kept list), and requests for them aimed at
/// township B: route values from <see cref="ForeignRecords"/>, B's organization, person and meeting in the query and in
/// a minimal valid-looking JSON body built from the endpoint's declared request type.
/// </summary>
public static class ApiOperations
{
    /// <summary>Content types tried, in turn, for an upload (an operation that takes a body but declares no JSON type).</summary>
    public static readonly string[] UploadTypes = [Dangjian.Web.Features.Common.ExcelFile.ContentType, "application/octet-stream"];

    public static IReadOnlyList<ApiOperation> All(AppFixture app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiOperation(m, e)))
            .OrderBy(o => o.Pattern, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];

    /// <summary>
    /// The request for <paramref name="operation"/> against township B; null with <paramref name="unfilled"/> naming the
    /// route parameter when the map has no value for it.
    /// </summary>
    public static ApiCall? Build(ApiOperation operation, ForeignRecords b, string? uploadType, out string? unfilled)
    {
        unfilled = null;
        var rows = new List<RouteValue>();
        var path = new StringBuilder();
        var routeNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? previous = null;
        var literals = new List<string>();
        foreach (var segment in operation.Endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        previous = literal.Content;
                        literals.Add(literal.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        routeNames.Add(parameter.Name);
                        // A module's own kind of a shared name ("commitments:objections/{objectionId}") before the shared one.
                        var module = literals.Count >= 3 ? literals[2] : null;
                        if (!b.Routes.TryGetValue($"{module}:{previous}/{{{parameter.Name}}}", out var value)
                            && !b.Routes.TryGetValue($"{previous}/{{{parameter.Name}}}", out value))
                        {
                            unfilled = $"{previous}/{{{parameter.Name}}}";
                            return null;
                        }

                        rows.Add(value);
                        path.Append(Uri.EscapeDataString(value.Text));
                        break;
                }
            }
        }

        var targeted = rows.Any(r => !r.Shared);
        var fields = new List<string>();
        var method = operation.Endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var query = new List<string>();
        foreach (var p in method?.GetParameters() ?? [])
        {
            if (routeNames.Contains(p.Name!) || !IsSimple(p.ParameterType))
            {
                continue;
            }

            if (QueryValue(p, b) is { } v)
            {
                if (v.Targeted)
                {
                    targeted = true;
                    fields.Add(p.Name!);
                }

                query.Add($"{p.Name}={Uri.EscapeDataString(v.Text)}");
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
        var accepts = operation.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is { } type)
        {
            var body = type == typeof(JsonElement) ? new JsonObject() : Body(type, b, fields, string.Empty, 0);
            targeted |= fields.Count > 0;
            request.Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        }
        else if (uploadType is not null && operation.Method is "POST" or "PUT")
        {
            request.Content = new ByteArrayContent("PK"u8.ToArray());
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(uploadType);
        }

        return new ApiCall(request, targeted, rows, fields);
    }

    private static (string Text, bool Targeted)? QueryValue(ParameterInfo p, ForeignRecords b)
    {
        var name = p.Name!;
        if (Is(name, "organizationId"))
        {
            return (Text(b.Townships.BranchOfB), true);
        }

        if (Is(name, "townshipId") || Is(name, "parentId"))
        {
            return (Text(b.Townships.B), true);
        }

        if (Is(name, "targetId"))
        {
            return (Text(b.Meeting), true);
        }

        if (name.EndsWith("QuestionId", StringComparison.OrdinalIgnoreCase))
        {
            return (b.Routes["questions/{questionId}"].Text, true);
        }

        if (Is(name, "year"))
        {
            return (Text(OrgToday.Value.Year), false);
        }

        if (Is(name, "targetKind"))
        {
            return ("Meeting", false);
        }

        var type = Nullable.GetUnderlyingType(p.ParameterType);
        if (type is not null || p.HasDefaultValue || p.ParameterType == typeof(string))
        {
            return null; // optional: left out
        }

        return Plain(p.ParameterType) is { } plain ? (plain.ToString()!.Trim('"'), false) : null;
    }

    /// <summary>A JSON object for a request type: B's ids where a field names one, a plain value elsewhere.</summary>
    private static JsonObject? Body(Type type, ForeignRecords b, List<string> fields, string prefix, int depth)
    {
        if (depth > 3)
        {
            return null;
        }

        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var members = (ctor?.GetParameters().Select(p => (p.Name!, p.ParameterType)) ?? [])
            .Concat(type.GetProperties().Where(p => p.CanWrite).Select(p => (p.Name, p.PropertyType)))
            .DistinctBy(m => m.Item1, StringComparer.OrdinalIgnoreCase);
        var json = new JsonObject();
        foreach (var (name, memberType) in members)
        {
            var key = JsonNamingPolicy.CamelCase.ConvertName(name);
            if (Field(key, memberType, b, fields, prefix + key, depth) is { } value)
            {
                json[key] = value;
            }
        }

        return json;
    }

    private static JsonNode? Field(string name, Type type, ForeignRecords b, List<string> fields, string path, int depth)
    {
        if (Foreign(name, b) is { } foreign)
        {
            fields.Add(path);
            return foreign;
        }

        // A survey's target is a meeting; a rectification notice's kind (NoticeTargetKind) takes its enum's first value below.
        if (Is(name, "targetKind") && (Nullable.GetUnderlyingType(type) ?? type) != typeof(Dangjian.Domain.Supervision.NoticeTargetKind))
        {
            return "Meeting";
        }

        if (Is(name, "version"))
        {
            return 0;
        }

        if (Element(type) is { } element)
        {
            if (element.IsClass && element != typeof(string) && Body(element, b, fields, path + "[0].", depth + 1) is { } item)
            {
                return new JsonArray(item);
            }

            return new JsonArray();
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsClass && underlying != typeof(string))
        {
            return Body(underlying, b, fields, path + ".", depth + 1);
        }

        return Text(name) ?? Plain(underlying);
    }

    /// <summary>B's id for a field that names an organization, a person or a meeting; null for any other field.</summary>
    private static JsonNode? Foreign(string name, ForeignRecords b)
    {
        var t = b.Townships;
        if (name.EndsWith("OrganizationId", StringComparison.OrdinalIgnoreCase) || Is(name, "organizationId"))
        {
            return t.BranchOfB;
        }

        if (Is(name, "parentId") || Is(name, "townshipId"))
        {
            return t.B;
        }

        if (name.EndsWith("PersonId", StringComparison.OrdinalIgnoreCase) || Is(name, "personId"))
        {
            return t.PersonOfB;
        }

        if (name.EndsWith("PersonIds", StringComparison.OrdinalIgnoreCase) || Is(name, "proposerIds"))
        {
            return new JsonArray(t.PersonOfB);
        }

        return Is(name, "meetingId") || Is(name, "targetId") ? b.Meeting : null;
    }

    /// <summary>Text fields that must have a form to be read at all: a code, a user name, a password.</summary>
    private static JsonNode? Text(string name) => name switch
    {
        _ when Is(name, "code") => "PERMB1",
        _ when Is(name, "userName") => "perm.test.b",
        _ when Is(name, "password") => "Perm2026check",
        _ => null,
    };

    /// <summary>A value that reads as real input of the type (an enum's first name, a date ahead, a short text).</summary>
    private static JsonNode? Plain(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "测试文本",
            _ when type == typeof(int) || type == typeof(long) => 1,
            _ when type == typeof(decimal) || type == typeof(double) => 1,
            _ when type == typeof(bool) => false,
            _ when type == typeof(DateOnly) => OrgToday.Value.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ when type == typeof(TimeOnly) => "09:00:00",
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.UtcNow.AddDays(30).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            _ when type.IsEnum => Enum.GetNames(type)[0],
            _ => null,
        };
    }

    private static Type? Element(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(DateOnly) || t == typeof(decimal) || t == typeof(DateTimeOffset);
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
