namespace Dangjian.Web.Features.Common;

/// <summary>
/// A column of names pasted from a spreadsheet (one per line; further tab-separated columns ignored), to mark the
/// matching rows of a bulk-entry table. Blank lines and a header cell (姓名/名字/Name) are skipped; spaces inside a
/// name, full-width ones included, are ignored when matching, since sheets often pad two-character names ("王　伟").
/// </summary>
public sealed class PastedNames
{
    private static readonly HashSet<string> Headers = new(["姓名", "名字", "人员", "name", "names"], StringComparer.OrdinalIgnoreCase);

    private PastedNames(IReadOnlyList<string> names) => Names = names;

    /// <summary>The names in the order pasted, each once, trimmed.</summary>
    public IReadOnlyList<string> Names { get; }

    public static PastedNames Parse(string? text)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            var cell = line.Split('\t')[0].Trim().Trim('\u3000', '\r').Trim();
            if (cell.Length == 0 || Headers.Contains(Key(cell)) || !seen.Add(Key(cell)))
            {
                continue;
            }

            names.Add(cell);
        }

        return new PastedNames(names);
    }

    /// <summary>
    /// The rows the names pick out, and the names that pick out no row or more than one (two people of one name: the
    /// user ticks the right one by hand), in the order pasted.
    /// </summary>
    public PasteMatch Match(IEnumerable<(int Id, string Name)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byKey = rows.GroupBy(r => Key(r.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList(), StringComparer.Ordinal);
        var ids = new List<int>();
        var unmatched = new List<string>();
        var ambiguous = new List<string>();
        foreach (var name in Names)
        {
            if (!byKey.TryGetValue(Key(name), out var hits))
            {
                unmatched.Add(name);
            }
            else if (hits.Count > 1)
            {
                ambiguous.Add(name);
            }
            else
            {
                ids.Add(hits[0]);
            }
        }

        return new PasteMatch(ids, unmatched, ambiguous);
    }

    /// <summary>A name as compared: without any white space (ASCII or full-width).</summary>
    private static string Key(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>What a paste picked out: row ids, names matching no row, names matching several rows.</summary>
public sealed record PasteMatch(IReadOnlyList<int> Ids, IReadOnlyList<string> Unmatched, IReadOnlyList<string> Ambiguous);
