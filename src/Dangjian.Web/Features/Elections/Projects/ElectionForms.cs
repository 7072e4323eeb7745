using System.Globalization;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>Date text as the date inputs of the election pages send and show it (yyyy-MM-dd).</summary>
public static class ElectionForms
{
    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly? d) => d is { } v ? Format(v) : string.Empty;

    public static string Today(TimeProvider time) => Format(DateOnly.FromDateTime(time.GetLocalNow().DateTime));

    /// <summary>The date typed, null when empty; text that is no date is named on its field.</summary>
    public static DateOnly? ParseDate(FieldErrors errors, string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.Add(field, "Input.BadDate", label);
        return null;
    }
}
