using System.Globalization;
using Dangjian.Domain.Common;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Surveys;

/// <summary>Form helpers of the survey pages: times are entered in the organization's time zone, stored in UTC.</summary>
public static class SurveyForms
{
    /// <summary>The value of a datetime-local input ("2026-05-01T18:00") on the organization's wall clock.</summary>
    public static string? Input(OrgTimeZone zone, DateTimeOffset? at) =>
        at is { } t ? zone.ToLocal(t).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : null;

    public static DateTimeOffset? ParseLocal(OrgTimeZone zone, FieldErrors errors, string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return zone.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)).ToUniversalTime();
        }

        errors.Add(field, "Input.Invalid", label);
        return null;
    }

    public static string Percent(decimal p) => Dangjian.Domain.Surveys.SurveyStatistics.Display(p) + "%";
}
