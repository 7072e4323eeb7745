using System.Globalization;
using System.Resources;

namespace Dangjian.Web.Features.Common;

/// <summary>
/// The marks that join a label to a value or items of a list, in the page's language: Chinese text takes the
/// full-width marks (：；、（）), English the ASCII ones with their spaces. From UiText, like every other string on screen.
/// </summary>
public static class Punctuation
{
    private static readonly ResourceManager Text = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    /// <summary>Between a label and its value: "：" / ": ".</summary>
    public static string Colon => Get("Punct.Colon");

    /// <summary>Between items that are phrases: "；" / "; ".</summary>
    public static string Semicolon => Get("Punct.Semicolon");

    /// <summary>Between names or short items: "、" / ", ".</summary>
    public static string List => Get("ListSeparator");

    /// <summary>Between clauses: "，" / ", ".</summary>
    public static string Comma => Get("Punct.Comma");

    /// <summary>An aside after a word: "（…）" / " (…)".</summary>
    public static string Parenthesized(object? aside) =>
        Get("Punct.Parentheses").Replace("{0}", Convert.ToString(aside, CultureInfo.CurrentCulture), StringComparison.Ordinal);

    /// <summary>Items joined with <see cref="List"/>.</summary>
    public static string JoinList(IEnumerable<string> items) => string.Join(List, items);

    /// <summary>Items joined with <see cref="Semicolon"/>.</summary>
    public static string JoinPhrases(IEnumerable<string> items) => string.Join(Semicolon, items);

    private static string Get(string key) =>
        Text.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"UiText has no string {key}.");
}
