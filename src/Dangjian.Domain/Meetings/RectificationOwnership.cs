namespace Dangjian.Domain.Meetings;

/// <summary>
/// Whose a rectification measure is. Its 责任人 is written as text — a person's name, or an office — so it names a person
/// only when it is exactly their name and nobody else among the organization's people bears that name: a shared name
/// names no one for sure, and such a measure stays with those who run the meeting. The person it names acts on it
/// themself (marks it done with evidence); nobody else acts on it as its owner.
/// </summary>
public static class RectificationOwnership
{
    /// <summary>Whether the 责任人 text is exactly this name (surrounding spaces aside); blank names no one.</summary>
    public static bool Names(string? owner, string? name)
    {
        var o = owner?.Trim() ?? string.Empty;
        return o.Length > 0 && string.Equals(o, name?.Trim(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The one person among <paramref name="people"/> (the organization's, a person listed twice counted once) whom the
    /// 责任人 text names; null when it names none of them, or several.
    /// </summary>
    public static int? OwnerAmong(string? owner, IEnumerable<(int Id, string Name)> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var named = people.Where(p => Names(owner, p.Name)).Select(p => p.Id).Distinct().Take(2).ToList();
        return named.Count == 1 ? named[0] : null;
    }
}
