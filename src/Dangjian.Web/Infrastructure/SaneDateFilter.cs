using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// Holds every date an API endpoint takes to <see cref="SaneDates"/>, before its handler runs: calendar days and instants
/// given as query parameters and every such field inside a request body (nested records and lists included). One filter
/// on the whole API, set up per endpoint from its handler's parameter types, so an endpoint added later is covered without
/// a line of its own; a date outside the range gets the 400 ProblemDetails naming the field (as the API names fields:
/// camelCase, "positions[0].startsOn"), and nothing changes.
/// </summary>
public static class SaneDateFilter
{
    private const int MaxDepth = 6;

    private static readonly ConcurrentDictionary<Type, bool> CarriesDates = new();

    private static Dictionary<string, string>? _labels;

    /// <summary>The filter factory: no filter at all for endpoints that take no date.</summary>
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = context.MethodInfo.GetParameters()
            .Select((p, i) => (Index: i, Parameter: p))
            .Where(x => IsDate(x.Parameter.ParameterType) || (IsRequestType(x.Parameter.ParameterType) && Carries(x.Parameter.ParameterType, 0)))
            .ToList();
        if (checks.Count == 0)
        {
            return next;
        }

        return invocation =>
        {
            var errors = new FieldErrors();
            var text = invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<RuleText>>();
            foreach (var (index, parameter) in checks)
            {
                var value = invocation.Arguments[index];
                if (IsDate(parameter.ParameterType))
                {
                    Check(errors, text, parameter.Name ?? "date", value);
                }
                else
                {
                    Walk(errors, text, value, string.Empty, 0);
                }
            }

            errors.ThrowIfAny();
            return next(invocation);
        };
    }

    private static void Walk(FieldErrors errors, IStringLocalizer<RuleText> text, object? value, string prefix, int depth)
    {
        if (value is null || depth > MaxDepth || !Carries(value.GetType(), 0))
        {
            return;
        }

        foreach (var property in Properties(value.GetType()))
        {
            var name = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var v = property.GetValue(value);
            if (IsDate(property.PropertyType))
            {
                Check(errors, text, name, v);
            }
            else if (v is IEnumerable items and not string)
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item is DateOnly or DateTimeOffset or DateTime)
                    {
                        Check(errors, text, $"{name}[{i++}]", item);
                    }
                    else
                    {
                        Walk(errors, text, item, $"{name}[{i++}].", depth + 1);
                    }
                }
            }
            else
            {
                Walk(errors, text, v, name + ".", depth + 1);
            }
        }
    }

    private static void Check(FieldErrors errors, IStringLocalizer<RuleText> text, string field, object? value)
    {
        var sane = value switch
        {
            DateOnly d => SaneDates.Contains(d),
            DateTimeOffset t => SaneDates.Contains(t),
            DateTime t => SaneDates.Contains(t),
            _ => true,
        };
        if (!sane)
        {
            errors.Add(field, SaneDates.OutOfRange, Label(text, field), SaneDates.MinText, SaneDates.MaxText);
        }
    }

    /// <summary>
    /// The field's label: the RuleText key "Field.X" or "Field.Module.X" for the field's last name X ("Field.BirthDate",
    /// "Field.DemocraticLife.PlannedDate"), else "Field.Date".
    /// </summary>
    private static string Label(IStringLocalizer<RuleText> text, string field)
    {
        if (_labels is null)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var key in text.GetAllStrings(includeParentCultures: true).Select(s => s.Name).Where(n => n.StartsWith("Field.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var last = key[(key.LastIndexOf('.') + 1)..];
                if (!labels.TryAdd(last, key) && key.Count(c => c == '.') == 1)
                {
                    labels[last] = key; // "Field.X" before "Field.Module.X"
                }
            }

            _labels = labels;
        }

        var segment = field[(field.LastIndexOf('.') + 1)..];
        var name = segment.IndexOf('[', StringComparison.Ordinal) is var at and >= 0 ? segment[..at] : segment;
        return name.Length > 0 && _labels.TryGetValue(char.ToUpperInvariant(name[0]) + name[1..], out var label) ? label : "Field.Date";
    }

    private static bool IsDate(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime));

    /// <summary>The project's own request records and lists (services and framework types are never walked).</summary>
    private static bool IsRequestType(Type type) =>
        type.Namespace?.StartsWith("Dangjian.", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsAbstract && !type.IsInterface;

    /// <summary>Whether a value of this type can hold a date somewhere inside it.</summary>
    private static bool Carries(Type type, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        if (CarriesDates.TryGetValue(type, out var known))
        {
            return known;
        }

        var carries = Properties(type).Any(p => IsDate(p.PropertyType)
            || (ElementOf(p.PropertyType) is { } e && (IsDate(e) || (IsRequestType(e) && Carries(e, depth + 1))))
            || (IsRequestType(p.PropertyType) && Carries(p.PropertyType, depth + 1)));
        CarriesDates[type] = carries;
        return carries;
    }

    private static Type? ElementOf(Type t) =>
        t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t) ? null
        : t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static IEnumerable<PropertyInfo> Properties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead);
}
