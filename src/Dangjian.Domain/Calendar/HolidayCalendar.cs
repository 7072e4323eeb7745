using System.Globalization;
using System.Text.Json;

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

    private static HolidayCalendar Load()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream("Dangjian.Domain.Calendar.ChinaHolidays.json")
            ?? throw new InvalidOperationException("the shipped holiday calendar is missing from the assembly");
        using var json = JsonDocument.Parse(stream);
        var years = new List<int>();
        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        foreach (var year in json.RootElement.GetProperty("years").EnumerateArray())
        {
            years.Add(year.GetProperty("year").GetInt32());
            foreach (var range in year.GetProperty("holidays").EnumerateArray())
            {
                for (var d = Day(range.GetProperty("from")); d <= Day(range.GetProperty("to")); d = d.AddDays(1))
                {
                    holidays.Add(d);
                }
            }

            workdays.AddRange(year.GetProperty("workdays").EnumerateArray().Select(Day));
        }

        return new HolidayCalendar(years, holidays, workdays);
    }

    private static DateOnly Day(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
