using System.Globalization;

namespace Dangjian.Domain.Common;

/// <summary>
/// The one way a calendar day is written and read as text: yyyy-MM-dd (ISO 8601), invariant culture, whatever the
/// user's language. Tables, notes, exports, the date inputs, the calendar year files and the API all use it, so a day
/// copied from one reads back in another. Whether a day is acceptable is <see cref="SaneDates"/>' question.
/// </summary>
public static class DateText
{
    public const string Pattern = "yyyy-MM-dd";

    public static string Format(DateOnly day) => day.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>The day, or the empty string for none (an empty input, an empty cell).</summary>
    public static string Format(DateOnly? day) => day is { } d ? Format(d) : string.Empty;

    /// <summary>Exactly yyyy-MM-dd around optional spaces; anything else (2024-2-3, 2024/02/03, 2024-02-30) is no day.</summary>
    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
