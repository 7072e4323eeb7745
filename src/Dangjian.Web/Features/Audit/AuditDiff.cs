using System.Text.Json;

namespace Dangjian.Web.Features.Audit;

/// <summary>One field of a record as an audit entry changed it.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// The fields an audit entry changed, from its before/after snapshots, for history views. Values are shown as
/// stored in the log, so personal ID numbers stay masked there.
/// </summary>
public static class AuditDiff
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "Id", "Version" };

    public static IReadOnlyList<FieldChange> Changes(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return b.Keys.Union(a.Keys)
            .Where(k => !Skipped.Contains(k))
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return values;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                values[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            values["?"] = json;
        }

        return values;
    }
}
