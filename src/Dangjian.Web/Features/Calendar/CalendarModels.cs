using Dangjian.Domain.Calendar;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Calendar;

/// <summary>A year the calendar covers, with its counts.</summary>
public sealed record CalendarYearSummary(int Year, string Source, int Holidays, int MakeUpWorkdays, int WorkingDays, int Version);

/// <summary>One special day: an official holiday or a make-up workday (调休上班日).</summary>
public sealed record CalendarDayView(DateOnly Date, CalendarDayKind Kind, string Name, int Version);

/// <summary>A month of a year: its working days and its special days.</summary>
public sealed record CalendarMonthView(int Month, int WorkingDays, IReadOnlyList<CalendarDayView> Days);

/// <summary>A whole year: the notice it follows, its special days and the working days per month.</summary>
public sealed record CalendarYearView(int Year, string Source, int Version, int WorkingDays, IReadOnlyList<CalendarDayView> Days, IReadOnlyList<CalendarMonthView> Months);

/// <summary>
/// A day to add (date, kind, name) or edit (kind, name; <see cref="Version"/> as read, so a concurrent edit is a conflict
/// rather than a silent overwrite). A holiday needs a name; a make-up workday may name the holiday it makes up for.
/// </summary>
public sealed record CalendarDayRequest(DateOnly? Date, CalendarDayKind? Kind, string? Name, int? Version);

/// <summary>The answer of GET /api/v1/calendar/workdays: working days d with from ≤ d &lt; to.</summary>
public sealed record WorkingDaysView(DateOnly From, DateOnly To, int WorkingDays);

/// <summary>What an import did.</summary>
public sealed record CalendarImportResult(int Year, bool Replaced, int Holidays, int MakeUpWorkdays);

/// <summary>Strings of the calendar page (CalendarText.resx, CalendarText.en.resx).</summary>
public sealed class CalendarText;

public static class CalendarLabels
{
    /// <summary>A special day's kind as the calendar's pages name it.</summary>
    public static string KindLabel(this IStringLocalizer<CalendarText> text, CalendarDayKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return kind == CalendarDayKind.Holiday ? text["Kind.Holiday"] : text["Kind.MakeUpWorkday"];
    }
}
