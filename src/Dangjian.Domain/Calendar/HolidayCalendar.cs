using System.Globalization;

namespace Dangjian.Domain.Calendar;

/// <summary>A year's calendar is not known: its holidays were never shipped or imported.</summary>
public sealed class CalendarYearMissingException(int year)
    : Exception($"no holiday calendar for {year.ToString(CultureInfo.InvariantCulture)}: import that year's official holidays first")
{
    public int Year { get; } = year;
}

/// <summary>
/// Working days (工作日, MTG-1/MTG-2 and every deadline that says "working days"): Monday to Friday, except official
/// public holidays, plus the make-up workdays (调休上班日) that fall on a weekend — both as the State Council General
/// Office's yearly notice sets them (<c>ChinaHolidays.json</c>, shipped for 2025 and 2026). A day in a year the
/// calendar does not cover is refused rather than guessed: a deadline computed without that year's holidays could be
/// wrong by a week.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly HashSet<int> _years;

    public HolidayCalendar(IEnumerable<int> years, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays)
    {
        _years = [.. years];
        _holidays = [.. holidays];
        _workdays = [.. makeUpWorkdays];
        if (_holidays.Overlaps(_workdays))
        {
            throw new ArgumentException("a day cannot be both a holiday and a make-up workday");
        }
    }

    /// <summary>The shipped calendar (2025 and 2026).</summary>
    public static HolidayCalendar Shipped { get; } = Load();

    public IReadOnlyCollection<int> Years => _years;

    public bool Covers(DateOnly day) => _years.Contains(day.Year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (!Covers(day))
        {
            throw new CalendarYearMissingException(day.Year);
        }

        return _workdays.Contains(day)
            || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));
    }

    /// <summary>
    /// A working day for a deadline that must be fixed now even when it runs into a year the calendar does not hold yet
    /// (a publicity period, a need raised or a proposal assigned in late December): such a day counts when it is Monday to
    /// Friday; a day of a held year as <see cref="IsWorkingDay"/> says.
    /// </summary>
    public bool IsWorkingDayOrWeekday(DateOnly day) =>
        Covers(day) ? IsWorkingDay(day) : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The day on which <paramref name="workingDays"/> working days after <paramref name="from"/> have passed (the day
    /// itself not counted; <see cref="IsWorkingDayOrWeekday"/> past the held years).
    /// </summary>
    public DateOnly AfterWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = from;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            counted += IsWorkingDayOrWeekday(day) ? 1 : 0;
        }

        return day;
    }

    /// <summary>The number of working days d with <paramref name="from"/> ≤ d &lt; <paramref name="to"/> (0 when to ≤ from).</summary>
    public int WorkingDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from; d < to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    private static HolidayCalendar Load() =>
        CalendarRules.Build(CalendarYearJson.Shipped.Select(y => y.Year), CalendarYearJson.Shipped.SelectMany(y => y.Days).Select(d => (d.Date, d.Kind)));
}
