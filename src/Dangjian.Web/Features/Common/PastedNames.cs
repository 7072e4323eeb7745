namespace Dangjian.Web.Features.Common;

/// <summary>
/// A column of names pasted from a spreadsheet (one per line; further tab-separated columns ignored), read as a person
/// types them: trimmed of ordinary and full-width spaces, blank lines and a header line (姓名 / Name) skipped.
/// </summary>
public sealed class PastedNames
{
    private static readonly string[] Headers = ["姓名", "名字", "name", "names"];

    private PastedNames(IReadOnlyList<string> names) => Names = names;

    public IReadOnlyList<string> Names { get; }

    public static PastedNames Parse(string text)
    {
        var names = new List<string>();
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            var first = line.Split('\t')[0];
            // Chinese names are written without spaces; a spreadsheet cell often carries padding (U+3000 included).
            var name = string.Concat(first.Where(c => !char.IsWhiteSpace(c)));
            if (name.Length == 0 || (names.Count == 0 && Headers.Contains(name, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            names.Add(name);
        }

        return new PastedNames(names);
    }

    /// <summary>The rows whose name was pasted (every row of a name that two rows share), and the names no row has.</summary>
    public PastedMatch Match(IEnumerable<(int Id, string Name)> rows)
    {
        var byName = rows.ToLookup(r => string.Concat(r.Name.Where(c => !char.IsWhiteSpace(c))), r => r.Id, StringComparer.Ordinal);
        var matched = new List<int>();
        var unmatched = new List<string>();
        foreach (var name in Names.Distinct(StringComparer.Ordinal))
        {
            var ids = byName[name].ToList();
            if (ids.Count == 0)
            {
                unmatched.Add(name);
            }

            matched.AddRange(ids.Where(id => !matched.Contains(id)));
        }

        return new PastedMatch(matched, unmatched);
    }
}

/// <summary>What pasted names found among the rows: the rows' ids and the names none of them bears.</summary>
public sealed record PastedMatch(IReadOnlyList<int> MatchedIds, IReadOnlyList<string> UnmatchedNames);
