using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Common;

/// <summary>Localized names of enum values ("OrganizationKind.Branch" → 党支部).</summary>
public sealed class EnumLabels(IStringLocalizer<EnumText> text)
{
    public string Of<T>(T value)
        where T : struct, Enum => text[$"{typeof(T).Name}.{value}"];

    public string Of<T>(T? value)
        where T : struct, Enum => value is { } v ? Of(v) : string.Empty;

    /// <summary>Parses a localized or invariant name back, for imports; null when unknown.</summary>
    public T? Parse<T>(string? label)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var l = label.Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            var key = $"{typeof(T).Name}.{v}";
            if (string.Equals(l, v.ToString(), StringComparison.OrdinalIgnoreCase)
                || text.GetAllStrings(false).Any(s => s.Name == key && s.Value == l))
            {
                return v;
            }
        }

        return null;
    }
}
