using Dangjian.Domain.Common;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Common;

/// <summary>
/// A day typed into a page's date field, as <see cref="DateText"/> writes it: empty is none, text that is no day or a
/// day outside <see cref="SaneDates"/> is named on its field, the way the API names the same mistakes.
/// </summary>
public static class DateInput
{
    /// <summary>The day typed, null when empty or refused (the refusal is added to <paramref name="errors"/>).</summary>
    public static DateOnly? Parse(FieldErrors errors, string field, string label, string? text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateText.TryParse(text, out var day))
        {
            errors.Add(field, "Input.BadDate", label);
            return null;
        }

        return errors.SaneDay(field, label, day) ? day : null;
    }

    /// <summary>Today in the organization's time zone, as a date field shows it.</summary>
    public static string Today(OrgClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateText.Format(clock.Today);
    }
}
