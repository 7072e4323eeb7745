using System.Globalization;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Surveys;

/// <summary>Form helpers of the survey pages: times are entered and shown in Beijing time (UTC+8), stored in UTC.</summary>
public static class SurveyForms
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset? at) =>
        at is { } t ? t.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>The value of a datetime-local input ("2026-05-01T18:00") in Beijing time.</summary>
    public static string? Input(DateTimeOffset? at) =>
        at?.ToOffset(Beijing).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseBeijing(FieldErrors errors, string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, Beijing).ToUniversalTime();
        }

        errors.Add(field, "Input.Invalid", label);
        return null;
    }

    public static string Percent(decimal p) => Dangjian.Domain.Surveys.SurveyStatistics.Display(p) + "%";
}
