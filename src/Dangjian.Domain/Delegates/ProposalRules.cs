using Dangjian.Domain.Calendar;

namespace Dangjian.Domain.Delegates;

/// <summary>
/// The rule data of proposals (提案). Seed 001 (三要完善党代会常任制) asks for 定期例会制、督办制、视察制、情况通报制 but sets no
/// numbers, so every value here is the system's default, to be set by the congress's own 提案办法:
/// <list type="bullet">
/// <item><see cref="MinimumCoSigners"/>: a proposal is led by one delegate and joined (联名) by at least two more, three
/// delegates in all, so that a proposal speaks for more than one delegate's view; 0 lets a delegate file alone.</item>
/// <item><see cref="HandlingWorkingDays"/>: the handling unit answers within 20 working days of the assignment (督办 deadline),
/// counted on the holiday calendar.</item>
/// <item><see cref="RehandlingWorkingDays"/>: an answer rated 不满意 goes back for 10 more working days (重新办理).</item>
/// <item><see cref="ReminderDays"/>: the supervision list (督办) shows proposals due within 5 days, besides the overdue ones.</item>
/// </list>
/// </summary>
public sealed record ProposalRules(int MinimumCoSigners = 2, int HandlingWorkingDays = 20, int RehandlingWorkingDays = 10, int ReminderDays = 5)
{
    /// <summary>The longest handling period an assignment may set: about a quarter of working days.</summary>
    public const int MaxWorkingDays = 60;

    public static ProposalRules Defaults { get; } = new();

    /// <summary>
    /// The deadline of a handling period: the <paramref name="workingDays"/>th working day after <paramref name="from"/> (the
    /// day of assignment does not count). Weekends and holidays do not count, make-up workdays do. A day of a year the
    /// calendar does not hold yet counts when it is Monday to Friday, as the publicity periods do (EVA-8), so an assignment in
    /// late December is not refused for want of next year's holidays; the deadline is computed once, when assigned.
    /// </summary>
    public static DateOnly Deadline(HolidayCalendar calendar, DateOnly from, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AfterWorkingDays(from, workingDays);
    }
}
