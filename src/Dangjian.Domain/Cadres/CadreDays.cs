using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres;

/// <summary>The days the cadre records accept: a record says what was decided or done, so its day is never after today.</summary>
internal static class CadreDays
{
    /// <summary>A day something was decided or done: sane and not after <paramref name="today"/>.</summary>
    public static void Done(DateOnly day, string field, string label, DateOnly today) => SaneDates.Done(day, field, label, today, "Cadre.DayInFuture", label);

    /// <summary>The day a case is closed (decided, withdrawn, concluded): done, and not before the case was opened.</summary>
    public static DateOnly Closing(DateOnly day, DateOnly openedOn, DateOnly today)
    {
        Done(day, "decidedOn", "Field.Cadre.DecidedOn", today);
        return day >= openedOn ? day : throw new DomainRuleException("Cadre.ClosedBeforeOpened", "decidedOn", DateText.Format(openedOn));
    }
}
