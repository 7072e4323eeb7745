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

    /// <summary>Today by the server's clock, as a date field shows it.</summary>
    public static string Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateText.Format(DateOnly.FromDateTime(time.GetLocalNow().DateTime));
    }
}
