using Dangjian.Domain.Common;

namespace Dangjian.Domain.Dues;

/// <summary>
/// Dues are kept by the month (中组发〔2008〕3号 二: 党员应当按月交纳党费); a month is stored as its first day. These
/// checks are shared by every dues record that names a month.
/// </summary>
public static class DuesMonths
{
    /// <summary>Whether <paramref name="month"/> is a real month: the first day of a month inside the sane range.</summary>
    public static bool IsMonth(DateOnly month) => month.Day == 1 && SaneDates.Contains(month);

    /// <summary>The month that holds <paramref name="day"/>.</summary>
    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Adds a problem on <paramref name="field"/> when <paramref name="month"/> is not a real month.</summary>
    public static void Check(DateOnly month, string field, string label, List<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!IsMonth(month))
        {
            problems.Add(new(field, "Dues.NotAMonth", label));
        }
    }

    /// <summary>
    /// Adds a problem on <paramref name="field"/> when an amount is negative or finer than the fen (分): money is kept to
    /// 0.01 yuan, so a stored amount is exactly the one entered.
    /// </summary>
    public static void CheckNotNegative(decimal? amount, string field, string label, List<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (amount < 0)
        {
            problems.Add(new(field, "Dues.Negative", label));
        }
        else if (amount is { } a && decimal.Round(a, 2) != a)
        {
            problems.Add(new(field, "Dues.FinerThanFen", label));
        }
    }
}
