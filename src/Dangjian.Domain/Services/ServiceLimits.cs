using Dangjian.Domain.Calendar;

namespace Dangjian.Domain.Services;

/// <summary>
/// The time limits of a 三服务 service request (ORG-8), in working days of the holiday calendar. Seed 003 1 sets the duty —
/// "党的上级组织为基层组织服务 … 一级服务一级 … 在人、财、物等方面为基层党建工作提供强有力的组织保障" — but no time limit, so these
/// are the system's defaults: the level above takes a need up within <see cref="TakeUpWorkingDays"/> working days of the
/// day it was raised and answers it within <see cref="AnswerWorkingDays"/> (counted again from the day a raiser reopens it).
/// </summary>
public sealed record ServiceLimits(int TakeUpWorkingDays, int AnswerWorkingDays)
{
    /// <summary>The system's defaults (3 working days to take up, 10 to answer); seed 003 1 sets none.</summary>
    public static ServiceLimits Defaults { get; } = new(3, 10);
}

/// <summary>
/// Working days as the service request's limits count them: the raising day itself does not count, the first working day
/// after it is day 1. A day of a year the holiday calendar does not hold counts when it is Monday to Friday (as the
/// publicity period of evaluations does): a need raised in late December must get its deadline in January even before
/// the next year's holidays are published, and a deadline fixed at raising is not moved by a later calendar edit.
/// </summary>
public static class ServiceDays
{
    /// <summary>The day on which <paramref name="workingDays"/> working days after <paramref name="from"/> have passed.</summary>
    public static DateOnly Due(HolidayCalendar calendar, DateOnly from, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AfterWorkingDays(from, workingDays);
    }

    /// <summary>Working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>: 0 for a step taken on the day itself.</summary>
    public static int Between(HolidayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            n += IsWorkingDay(calendar, d) ? 1 : 0;
        }

        return n;
    }

    public static bool IsWorkingDay(HolidayCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.IsWorkingDayOrWeekday(day);
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count); null for none.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>The mean, rounded to one decimal; null for none.</summary>
    public static double? Average(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 1, MidpointRounding.AwayFromZero);
    }
}
