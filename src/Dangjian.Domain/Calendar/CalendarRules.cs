using Dangjian.Domain.Common;

namespace Dangjian.Domain.Calendar;

/// <summary>One problem with calendar input: the field it concerns (camelCase, as in the API), a message code and its arguments.</summary>
public sealed record CalendarProblem(string Field, string Code, params object[] Arguments);

/// <summary>A special day as read from a form, an import file or the shipped data, before it is checked.</summary>
/// <param name="Field">Where it came from, for error messages ("holidays[2]", "workdays[0]", "rows[5]").</param>
public sealed record CalendarDayDraft(string Field, DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>A whole year of the calendar as read from an import or the shipped file.</summary>
public sealed record CalendarYearDraft(int Year, string Source, IReadOnlyList<CalendarDayDraft> Days);

/// <summary>
/// What makes a calendar year valid (MTG-2): every day inside its year, no day twice, a day either a holiday or a
/// make-up workday but not both, make-up workdays only on a Saturday or Sunday (a weekday is a working day already, so
/// such an entry is a typo), holidays named. Pure: imports, forms and the shipped data are all checked here.
/// </summary>
public static class CalendarRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The longest run of days one holiday entry may cover (春节 and 国庆 are 8–9 days; a longer run is a typo).</summary>
    public const int MaxHolidayDays = 31;

    public const string DateFormat = DateText.Pattern;

    /// <summary>Message codes (RuleText keys).</summary>
    public static class Codes
    {
        public const string BadDate = "Calendar.BadDate";
        public const string YearOutOfRange = "Calendar.YearOutOfRange";
        public const string DayOutsideYear = "Calendar.DayOutsideYear";
        public const string DuplicateDay = "Calendar.DuplicateDay";
        public const string HolidayOnWorkday = "Calendar.HolidayOnWorkday";
        public const string WorkdayNotWeekend = "Calendar.WorkdayNotWeekend";
        public const string NameRequired = "Calendar.NameRequired";
        public const string NameTooLong = "Calendar.NameTooLong";
        public const string SourceTooLong = "Calendar.SourceTooLong";
        public const string RangeBackwards = "Calendar.RangeBackwards";
        public const string RangeTooLong = "Calendar.RangeTooLong";
        public const string DayExists = "Calendar.DayExists";
        public const string YearMissing = "Calendar.YearMissing";
        public const string YearExists = "Calendar.YearExists";
        public const string KindHoliday = "Calendar.Kind.Holiday";
        public const string KindMakeUpWorkday = "Calendar.Kind.MakeUpWorkday";
    }

    public static string KindCode(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? Codes.KindHoliday : Codes.KindMakeUpWorkday;

    public static string Format(DateOnly day) => DateText.Format(day);

    public static bool TryParseDay(string? text, out DateOnly day) => DateText.TryParse(text, out day);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Problems with a year's number alone.</summary>
    public static IEnumerable<CalendarProblem> CheckYearNumber(int year, string field = "year")
    {
        if (year is < MinYear or > MaxYear)
        {
            yield return new CalendarProblem(field, Codes.YearOutOfRange, MinYear, MaxYear);
        }
    }

    /// <summary>
    /// Every problem of a whole year, each under the field of the entry it comes from. A range of days with several bad
    /// days gives one message per problem naming all of them, not one per day.
    /// </summary>
    public static IReadOnlyList<CalendarProblem> CheckYear(CalendarYearDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = CheckYearNumber(draft.Year).ToList();
        if ((draft.Source?.Length ?? 0) > CalendarYear.MaxSourceLength)
        {
            problems.Add(new CalendarProblem("source", Codes.SourceTooLong, CalendarYear.MaxSourceLength));
        }

        // (field, code) → the dates concerned, in input order, so each entry gets one message per kind of problem.
        var byEntry = new Dictionary<(string Field, string Code), List<DateOnly>>();
        var order = new List<(string Field, string Code)>();
        void Note(string field, string code, DateOnly day)
        {
            if (!byEntry.TryGetValue((field, code), out var days))
            {
                byEntry[(field, code)] = days = [];
                order.Add((field, code));
            }

            days.Add(day);
        }

        var seen = new Dictionary<DateOnly, CalendarDayDraft>();
        var named = new HashSet<string>();
        foreach (var day in draft.Days)
        {
            if (day.Date.Year != draft.Year)
            {
                Note(day.Field, Codes.DayOutsideYear, day.Date);
                continue;
            }

            if (seen.TryGetValue(day.Date, out var first))
            {
                Note(day.Field, first.Kind == day.Kind ? Codes.DuplicateDay : Codes.HolidayOnWorkday, day.Date);
                continue;
            }

            seen[day.Date] = day;
            if (day.Kind == CalendarDayKind.MakeUpWorkday && !IsWeekend(day.Date))
            {
                Note(day.Field, Codes.WorkdayNotWeekend, day.Date);
            }

            if (named.Add(day.Field))
            {
                problems.AddRange(CheckName(day.Field + ".name", day.Kind, day.Name));
            }
        }

        foreach (var key in order)
        {
            var days = string.Join("、", byEntry[key].Select(Format));
            problems.Add(key.Code == Codes.DayOutsideYear
                ? new CalendarProblem(key.Field, key.Code, days, draft.Year)
                : new CalendarProblem(key.Field, key.Code, days));
        }

        return problems;
    }

    /// <summary>
    /// Problems with one day added or edited by hand, against the other special days of its year (the day's own
    /// entry left out). <paramref name="yearCovered"/> is whether the calendar has the day's year at all.
    /// </summary>
    public static IReadOnlyList<CalendarProblem> CheckDay(
        DateOnly date, CalendarDayKind kind, string? name, bool yearCovered, IReadOnlyDictionary<DateOnly, CalendarDayKind> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var problems = new List<CalendarProblem>();
        if (!yearCovered)
        {
            problems.Add(new CalendarProblem("date", Codes.YearMissing, date.Year));
        }
        else if (others.TryGetValue(date, out var existing))
        {
            problems.Add(new CalendarProblem("date", Codes.DayExists, Format(date), KindCode(existing)));
        }
        else if (kind == CalendarDayKind.MakeUpWorkday && !IsWeekend(date))
        {
            problems.Add(new CalendarProblem("date", Codes.WorkdayNotWeekend, Format(date)));
        }

        if (!Enum.IsDefined(kind))
        {
            problems.Add(new CalendarProblem("kind", "Input.Invalid", "Field.Calendar.Kind"));
        }

        problems.AddRange(CheckName("name", kind, name));
        return problems;
    }

    private static IEnumerable<CalendarProblem> CheckName(string field, CalendarDayKind kind, string? name)
    {
        var n = name?.Trim() ?? string.Empty;
        if (n.Length == 0 && kind == CalendarDayKind.Holiday)
        {
            yield return new CalendarProblem(field, Codes.NameRequired);
        }
        else if (n.Length > CalendarDay.MaxNameLength)
        {
            yield return new CalendarProblem(field, Codes.NameTooLong, CalendarDay.MaxNameLength);
        }
    }

    /// <summary>The calendar of the given years and their special days.</summary>
    public static HolidayCalendar Build(IEnumerable<int> years, IEnumerable<(DateOnly Date, CalendarDayKind Kind)> days)
    {
        var list = days.ToList();
        return new HolidayCalendar(
            years,
            list.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
            list.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date));
    }
}
