using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Common;

/// <summary>
/// Every date the API takes has a sane range (Domain's SaneDates): the test finds every endpoint whose handler takes a
/// calendar day or an instant — as a query parameter or anywhere inside its JSON body — by reflection over the mapped
/// endpoints, so an endpoint added later is covered without touching this file, and sends 9999-12-31 in each such field.
/// The answer must be a 400 naming the field (never a 500 from date arithmetic, never a stored year 9999).
/// </summary>
public abstract class SaneDateTests(AppFixture app)
{
    private const string FarDay = "9999-12-31";
    private const string FarInstant = "9999-12-31T00:00:00+00:00";

    [Fact]
    public async Task EveryEndpointTakingADate_FarFutureDate_Is400NamingTheField()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        var cases = Cases().ToList();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
            if (c.Body is not null)
            {
                request.Content = new StringContent(c.Body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{c.Method} {c.Url}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                continue;
            }

            var named = JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors)
                ? errors.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                : [];
            var missing = c.Fields.Where(f => !named.Contains(f)).ToList();
            if (missing.Count > 0)
            {
                failures.Add($"{c.Method} {c.Url}: 400 without {string.Join(", ", missing)} ({text[..Math.Min(300, text.Length)]})");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} endpoints:\n" + string.Join("\n", failures));

        // Not vacuous: the people, teams, meetings, DLM, calendar, elections, evaluations and surveys all take dates.
        Assert.True(cases.Count >= 25, $"only {cases.Count} endpoints with dates were found");
        foreach (var module in new[] { "people", "teams", "meetings", "democratic-life", "calendar", "elections", "evaluations", "surveys", "organizations" })
        {
            Assert.Contains(cases, c => c.Url.Contains("/" + module, StringComparison.Ordinal));
        }
    }

    private sealed record Case(string Method, string Url, JsonObject? Body, IReadOnlyList<string> Fields);

    /// <summary>One request per endpoint that takes a date: every date field set far in the future.</summary>
    private IEnumerable<Case> Cases()
    {
        var services = app.Services.GetRequiredService<IServiceProviderIsService>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.RawText is not { } route || !route.StartsWith("/api/", StringComparison.Ordinal)
                || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods)
            {
                continue;
            }

            var method = methods[0];
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var query = new List<string>();
            var routeDates = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var routeGuids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var fields = new List<string>();
            JsonObject? body = null;
            foreach (var p in handler.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                if (p.Name is null || services.IsService(p.ParameterType) || IsFramework(type))
                {
                    continue;
                }

                if (routeNames.Contains(p.Name))
                {
                    if (type == typeof(Guid))
                    {
                        // A key that binds (the report box's cases), so the date check is what answers.
                        routeGuids.Add(p.Name);
                    }
                    else if (DateValue(type) is { } routeValue)
                    {
                        routeDates[p.Name] = routeValue;
                        fields.Add(p.Name);
                    }
                }
                else if (DateValue(type) is { } value)
                {
                    query.Add($"{p.Name}={Uri.EscapeDataString(value)}");
                    fields.Add(p.Name);
                }
                else if (IsSimple(type))
                {
                    if (!IsOptional(p))
                    {
                        query.Add($"{p.Name}={SimpleValue(type)}");
                    }
                }
                else if (Build(type, string.Empty, fields, depth: 0) is { } built)
                {
                    body = built;
                }
            }

            if (fields.Count > 0)
            {
                var path = string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart r when routeDates.TryGetValue(r.Name, out var day) => day[..10],
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart r when routeGuids.Contains(r.Name) => Guid.Empty.ToString(),
                    _ => "1",
                }))));
                yield return new Case(method, "/" + path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty), body, fields);
            }
        }
    }

    /// <summary>A JSON object for a request type with every date inside it (nested objects, lists) set far ahead; null when it holds no date.</summary>
    private static JsonObject? Build(Type type, string prefix, List<string> fields, int depth)
    {
        if (depth > 4 || type.Namespace?.StartsWith("Dangjian", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (DateValue(t) is { } value)
            {
                json[name] = value;
                fields.Add(prefix + name);
            }
            else if (ElementOf(t) is { } element && Build(element, $"{prefix}{name}[0].", fields, depth + 1) is { } item)
            {
                json[name] = new JsonArray(item);
            }
            else if (!IsSimple(t) && ElementOf(t) is null && Build(t, $"{prefix}{name}.", fields, depth + 1) is { } nested)
            {
                json[name] = nested;
            }
        }

        return json.Count > 0 ? json : null;
    }

    private static string? DateValue(Type t) =>
        t == typeof(DateOnly) ? FarDay : t == typeof(DateTimeOffset) || t == typeof(DateTime) ? FarInstant : null;

    private static Type? ElementOf(Type t) =>
        t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t) ? null
        : t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool IsSimple(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid);

    private static bool IsFramework(Type t) =>
        t == typeof(CancellationToken) || t == typeof(HttpContext) || t == typeof(HttpRequest) || t == typeof(IFormFile) || t == typeof(IFormFileCollection)
        || t.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true || t.Namespace?.StartsWith("System.Security", StringComparison.Ordinal) == true;

    private static bool IsOptional(ParameterInfo p) =>
        p.HasDefaultValue || Nullable.GetUnderlyingType(p.ParameterType) is not null
        || (!p.ParameterType.IsValueType && new NullabilityInfoContext().Create(p).WriteState != NullabilityState.NotNull);

    private static string SimpleValue(Type t) =>
        t == typeof(bool) ? "true" : t.IsEnum ? Enum.GetNames(t)[0] : t == typeof(string) ? "x" : "1";
}

[Collection(SqliteCollection.Name)]
public sealed class SaneDateSqliteTests(SqliteApp app) : SaneDateTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SaneDatePostgresTests(PostgresApp app) : SaneDateTests(app);
