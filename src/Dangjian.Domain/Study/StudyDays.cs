using Dangjian.Domain.Common;

namespace Dangjian.Domain.Study;

/// <summary>The module's check of a day on which something was done (studied, examined, inspected, lectured).</summary>
internal static class StudyDays
{
    /// <summary>A sane day not after <paramref name="today"/>: the module records what happened, never what is planned.</summary>
    public static DateOnly Done(DateOnly day, string field, string label, DateOnly today) => SaneDates.Done(day, field, label, today, "Study.InFuture");
}
