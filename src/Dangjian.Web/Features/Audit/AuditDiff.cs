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
    /// <summary>Every field of either snapshot, changed or not (the audit page shows whole records).</summary>
    public static IReadOnlyList<FieldChange> Of(string? before, string? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        return b.Keys.Union(a.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .ToList();
    }

    /// <summary>
    /// Only the fields whose value differs ("name: old → new"), for a record's history. A created record lists
    /// the fields it was created with, a deleted one those it had; an event's free text is not a field.
    /// </summary>
    public static IReadOnlyList<FieldChange> Changes(string? before, string? after, IReadOnlySet<string>? hidden = null) =>
        Of(before, after).Where(c => c.Changed && c.Field.Length > 0 && !(hidden ?? Bookkeeping).Contains(c.Field)).ToList();

    /// <summary>Fields every row has that say nothing to a reader of its history.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "Id", "Version" };

    public static IReadOnlyList<FieldChange> Changes(HistoryEntry entry, IReadOnlySet<string>? hidden = null) =>
        Changes(entry.Before, entry.After, hidden);

    /// <summary>An integer field's value, for fields that hold ids or enum values.</summary>
    public static int? AsInt(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;

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
