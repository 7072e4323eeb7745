using Dangjian.Domain.Common;

namespace Dangjian.Domain.Dues;

/// <summary>
/// A member's dues category and monthly base (after-tax income or pension) or fixed amount, from a month on (DUE-1). The
/// history is the member's profiles by <see cref="FromMonth"/>: the one in force for a month is the latest starting on or
/// before it. 党费基数 is set once a year in practice (中组发〔2008〕3号 一: 每年核定一次), so a change starts at a month,
/// never in the middle of one.
/// </summary>
public sealed class DuesProfile : IVersioned
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public DuesCategory Category { get; set; }

    /// <summary>The monthly after-tax income or pension, for salaried and retired members; null for the fixed categories.</summary>
    public decimal? Base { get; set; }

    /// <summary>The fixed monthly amount a farmer pays (0.2 to 1 yuan); null for the others, who pay their range's minimum.</summary>
    public decimal? Amount { get; set; }

    /// <summary>The first month this profile is in force (the first day of it).</summary>
    public DateOnly FromMonth { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }

    public int Version { get; set; }

    /// <summary>A profile of <paramref name="personId"/> from <paramref name="fromMonth"/>, checked against <paramref name="rates"/>.</summary>
    public static DuesProfile Create(int personId, DuesCategory category, decimal? baseIncome, decimal? amount, DateOnly fromMonth, DuesRates rates, string by, DateTimeOffset now)
    {
        var profile = new DuesProfile { PersonId = personId, FromMonth = fromMonth };
        profile.Change(category, baseIncome, amount, rates, by, now);
        return profile;
    }

    /// <summary>Corrects the profile of its month: every field checked before any is set.</summary>
    public void Change(DuesCategory category, decimal? baseIncome, decimal? amount, DuesRates rates, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var problems = new List<FieldProblem>();
        DuesMonths.Check(FromMonth, "fromMonth", "Field.Dues.FromMonth", problems);
        if (!Enum.IsDefined(category))
        {
            problems.Add(new("category", "Input.Invalid", "Field.Dues.Category"));
        }
        else if (DuesRates.IsBracketCategory(category))
        {
            if (baseIncome is null)
            {
                problems.Add(new("base", "Input.Required", "Field.Dues.Base"));
            }

            DuesMonths.CheckNotNegative(baseIncome, "base", "Field.Dues.Base", problems);
            if (amount is not null)
            {
                problems.Add(new("amount", "Dues.AmountOnlyFixed"));
            }
        }
        else
        {
            if (baseIncome is not null)
            {
                problems.Add(new("base", "Dues.BaseOnlyBracket"));
            }

            var range = rates.Fixed(category);
            if (amount is { } a && (a < range.Min || a > range.Max))
            {
                problems.Add(new("amount", "Input.OutOfRange", "Field.Dues.Amount", range.Min, range.Max));
            }
        }

        DomainRuleException.ThrowIfAny(problems);
        (Category, Base, Amount, RecordedBy, RecordedAt) = (category, baseIncome, amount, by, now);
    }

    /// <summary>The monthly dues this profile sets, by the rates' rule (never a second copy of it).</summary>
    public decimal Monthly(DuesRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return rates.Monthly(Category, Base, DuesRates.IsBracketCategory(Category) ? null : Amount);
    }

    /// <summary>
    /// The monthly dues of each month from a member's profile history: the latest profile starting on or before the month;
    /// a month before the first profile owes nothing (the member had no profile yet, so nothing can be due).
    /// </summary>
    public static Func<DateOnly, decimal> MonthlyOf(IEnumerable<DuesProfile> history, DuesRates rates)
    {
        var sorted = history.OrderBy(p => p.FromMonth).Select(p => (p.FromMonth, Monthly: p.Monthly(rates))).ToList();
        return month =>
        {
            var monthly = 0m;
            foreach (var (from, amount) in sorted.TakeWhile(p => p.FromMonth <= month))
            {
                monthly = amount;
            }

            return monthly;
        };
    }
}
