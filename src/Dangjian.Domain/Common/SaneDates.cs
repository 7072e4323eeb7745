namespace Dangjian.Domain.Common;

/// <summary>
/// The one range of dates the system accepts anywhere: calendar days from <see cref="MinDay"/> to <see cref="MaxDay"/>
/// and instants in the same years (UTC). The API checks every date a request carries against it before the handler runs,
/// the person form and the roster import check theirs, and the Domain rules that store a day refuse one outside it; the
/// rules that only compare or count days answer for any DateOnly without overflowing.
/// Why these bounds: nobody on a roster was born before 1900 (the person rule already refused earlier births, and the
/// Party was founded in 1921), and nothing the system plans — a term of at most five years, a deadline, a publicity
/// period, a survey's closing — reaches past 2199. Within them every rule's arithmetic (eighteen years after a birth, five
/// after a term's start, a few years of working days) stays nearly eight thousand years inside DateOnly, and SQLite's
/// text dates and PostgreSQL's date and timestamptz hold every value.
/// </summary>
public static class SaneDates
{
    /// <summary>The RuleText key of the refusal: {0} the field's label, {1} and {2} the bounds as yyyy-MM-dd.</summary>
    public const string OutOfRange = "Input.DateOutOfRange";

    public const string MinText = "1900-01-01";
    public const string MaxText = "2199-12-31";

    public static readonly DateOnly MinDay = new(1900, 1, 1);
    public static readonly DateOnly MaxDay = new(2199, 12, 31);
    public static readonly DateTimeOffset MinInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset MaxInstant = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);

    public static bool Contains(DateOnly day) => day >= MinDay && day <= MaxDay;

    public static bool Contains(DateTimeOffset at) => at >= MinInstant && at <= MaxInstant;

    /// <summary>A DateTime by its own clock reading, whatever its Kind (converting an extreme one could itself overflow).</summary>
    public static bool Contains(DateTime at) => at >= MinInstant.DateTime && at <= MaxInstant.DateTime;

    /// <summary>Refuses a day outside the range, naming <paramref name="field"/> (labelled by the RuleText key <paramref name="label"/>).</summary>
    public static void Demand(DateOnly day, string field, string label)
    {
        if (!Contains(day))
        {
            throw new DomainRuleException(OutOfRange, field, label, MinText, MaxText);
        }
    }

    /// <summary>
    /// A day on which something was done: sane, and not after <paramref name="today"/> (a record says what happened,
    /// never what is planned); a later day is refused with the module's own <paramref name="futureCode"/>.
    /// </summary>
    public static DateOnly Done(DateOnly day, string field, string label, DateOnly today, string futureCode, params object[] arguments)
    {
        Demand(day, field, label);
        return day <= today ? day : throw new DomainRuleException(futureCode, field, arguments);
    }

    /// <summary>Adds months, stopping at the ends of DateOnly instead of throwing (a rule compares with the result).</summary>
    public static DateOnly AddMonthsClamped(DateOnly day, long months)
    {
        var index = (day.Year * 12L) + day.Month - 1 + months;
        if (index < DateOnly.MinValue.Year * 12L)
        {
            return DateOnly.MinValue;
        }

        return index > (DateOnly.MaxValue.Year * 12L) + 11 ? DateOnly.MaxValue : day.AddMonths((int)(index - ((day.Year * 12L) + day.Month - 1)));
    }

    /// <summary>Adds years, stopping at the ends of DateOnly instead of throwing.</summary>
    public static DateOnly AddYearsClamped(DateOnly day, long years) => AddMonthsClamped(day, years * 12);

    /// <summary>Adds days, stopping at the ends of DateOnly instead of throwing.</summary>
    public static DateOnly AddDaysClamped(DateOnly day, long days)
    {
        var n = day.DayNumber + days;
        return n < DateOnly.MinValue.DayNumber ? DateOnly.MinValue
            : n > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue
            : DateOnly.FromDayNumber((int)n);
    }
}
