using System.Globalization;
using System.Text.Json;

namespace Dangjian.Web.Features.Audit;

/// <summary>One field of a record as one history entry changed it; null where the field had no value.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// What a history entry changed: the fields whose value differs between its before and after snapshots
/// (the audit log keeps whole rows; a reader wants "name: old → new"). A created record lists the fields
/// it was created with; a deleted one the fields it had.
/// </summary>
public static class HistoryChanges
{
    public static IReadOnlyList<FieldChange> Of(HistoryEntry entry, IReadOnlySet<string>? hidden = null) =>
        Of(entry.Before, entry.After, hidden);

    public static IReadOnlyList<FieldChange> Of(string? before, string? after, IReadOnlySet<string>? hidden = null)
    {
        var old = Fields(before);
        var now = Fields(after);
        var changes = new List<FieldChange>();
        foreach (var field in old.Keys.Union(now.Keys, StringComparer.Ordinal))
        {
            if (hidden?.Contains(field) == true)
            {
                continue;
            }

            var b = old.GetValueOrDefault(field);
            var a = now.GetValueOrDefault(field);
            if (!string.Equals(b, a, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, b, a));
            }
        }

        return changes;
    }

    /// <summary>A snapshot's fields as invariant text (numbers and enum values as stored, dates as yyyy-MM-dd).</summary>
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
                return fields;
            }

            foreach (var p in doc.RootElement.EnumerateObject())
            {
                fields[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetRawText(),
                    JsonValueKind.True => bool.TrueString,
                    JsonValueKind.False => bool.FalseString,
                    _ => p.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            // An entry that is not a JSON object (an event's free text) has no fields to compare.
        }

        return fields;
    }

    /// <summary>An integer field's value, for fields that hold ids or enum values.</summary>
    public static int? AsInt(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
}
