using System.Text.Json;

namespace Dangjian.Web.Features.Audit;

/// <summary>One field of an audited record, before and after a change (null where it did not exist).</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>
/// Reads an entry's before/after snapshots (JSON objects, see Data/Audit/AuditSnapshot) as a list of
/// fields, so a reader sees what changed rather than two blobs. Text that is not a JSON object is
/// shown whole under an empty field name.
/// </summary>
public static class AuditDiff
{
    public static IReadOnlyList<FieldChange> Of(string? before, string? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        return b.Keys.Union(a.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .ToList();
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                fields[string.Empty] = Show(doc.RootElement);
                return fields;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                fields[p.Name] = Show(p.Value);
            }
        }
        catch (JsonException)
        {
            fields[string.Empty] = json;
        }

        return fields;
    }

    private static string? Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}
