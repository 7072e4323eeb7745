using System.Globalization;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>Dates as the democratic life pages send and show them (yyyy-MM-dd, calendar days).</summary>
public static class DlmForms
{
    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly? d) => d is { } v ? Format(v) : string.Empty;

    public static string Format(DateTimeOffset? t) =>
        t is { } v ? v.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

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

    /// <summary>"3 / 4（75%）", or a dash when no problem was found.</summary>
    public static string Quality(QualityView q, string none) =>
        q.Percent is { } p ? $"{q.Resolved} / {q.Problems}（{p.ToString("0.#", CultureInfo.InvariantCulture)}%）" : none;
}
