using Dangjian.Domain.Common;

namespace Dangjian.Domain.Supervision;

/// <summary>
/// The module's check of the day a step was taken (a report accepted, a notice answered, an audit finished, an item
/// published): a sane day, not after today — the module records what happened — and not before the step it follows.
/// </summary>
internal static class SupervisionDays
{
    public static DateOnly Done(DateOnly day, string field, string label, DateOnly today) => SaneDates.Done(day, field, label, today, "Supervision.InFuture");

    public static DateOnly Done(DateOnly day, string field, string label, DateOnly today, DateOnly notBefore)
    {
        var done = Done(day, field, label, today);
        return done >= notBefore ? done : throw new DomainRuleException("Supervision.BeforePrevious", field, DateText.Format(notBefore));
    }
}
