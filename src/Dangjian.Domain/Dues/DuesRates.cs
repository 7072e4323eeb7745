using Dangjian.Domain.Common;

namespace Dangjian.Domain.Dues;

/// <summary>
/// A member's dues category (中组发〔2008〕3号《关于中国共产党党费收缴、使用和管理的规定》): the two whose monthly dues are a
/// share of a base (salaried: monthly after-tax income; retired: pension) and the four that pay a small fixed amount.
/// </summary>
public enum DuesCategory
{
    /// <summary>在职: a share of the monthly after-tax wage income (每月工资收入（税后）).</summary>
    Salaried,

    /// <summary>离退休: a share of the monthly pension.</summary>
    Retired,

    /// <summary>农民: a fixed 0.2 to 1 yuan a month.</summary>
    Farmer,

    /// <summary>学生: a fixed 0.2 yuan a month.</summary>
    Student,

    /// <summary>下岗失业: a fixed 0.2 yuan a month.</summary>
    Unemployed,

    /// <summary>依靠抚恤或救济生活、领取最低生活保障金 (低保): a fixed 0.2 yuan a month.</summary>
    Subsistence,
}

/// <summary>One bracket: a base up to and including <see cref="UpTo"/> (null: no upper limit) pays <see cref="Rate"/> of the whole base.</summary>
public sealed record DuesBracket(decimal? UpTo, decimal Rate);

/// <summary>The range a fixed monthly amount must lie in (both inclusive); a member who names no amount pays <see cref="Min"/>.</summary>
public sealed record FixedDuesRange(decimal Min, decimal Max);

/// <summary>
/// The dues rates as rule data (DUE-1): brackets per bracket category, a range per fixed category. <see cref="National"/>
/// holds the defaults of 中组发〔2008〕3号; a province or a test replaces the categories it names with
/// <see cref="Replacing"/>. The rate applies to the whole base, not progressively: 3000 pays 0.5 % (15.00), 3000.01
/// pays 1 % (30.00).
/// </summary>
public sealed class DuesRates
{
    private readonly Dictionary<DuesCategory, IReadOnlyList<DuesBracket>> _brackets;
    private readonly Dictionary<DuesCategory, FixedDuesRange> _fixed;

    private DuesRates(Dictionary<DuesCategory, IReadOnlyList<DuesBracket>> brackets, Dictionary<DuesCategory, FixedDuesRange> fixedRanges)
    {
        _brackets = brackets;
        _fixed = fixedRanges;
    }

    /// <summary>
    /// 中组发〔2008〕3号 一: 在职 monthly after-tax income ≤ 3000 yuan 0.5 %, 3000–5000 1 %, 5000–10000 1.5 %, above 10000 2 %;
    /// 离退休 pension ≤ 5000 0.5 %, above 1 %; 农民 0.2–1 yuan; 学生, 下岗失业, 依靠抚恤或救济生活 and 低保 0.2 yuan.
    /// </summary>
    public static DuesRates National { get; } = new(
        new()
        {
            [DuesCategory.Salaried] = [new(3000m, 0.005m), new(5000m, 0.01m), new(10000m, 0.015m), new(null, 0.02m)],
            [DuesCategory.Retired] = [new(5000m, 0.005m), new(null, 0.01m)],
        },
        new()
        {
            [DuesCategory.Farmer] = new(0.2m, 1m),
            [DuesCategory.Student] = new(0.2m, 0.2m),
            [DuesCategory.Unemployed] = new(0.2m, 0.2m),
            [DuesCategory.Subsistence] = new(0.2m, 0.2m),
        });

    /// <summary>True for the categories that pay a share of a base (salaried, retired); false for the fixed ones.</summary>
    public static bool IsBracketCategory(DuesCategory category) => category is DuesCategory.Salaried or DuesCategory.Retired;

    public IReadOnlyList<DuesBracket> Brackets(DuesCategory category) =>
        _brackets.TryGetValue(category, out var brackets) ? brackets : throw new ArgumentException($"{category} is a fixed-amount category", nameof(category));

    public FixedDuesRange Fixed(DuesCategory category) =>
        _fixed.TryGetValue(category, out var range) ? range : throw new ArgumentException($"{category} is a bracket category", nameof(category));

    /// <summary>These rates with the named categories' brackets and ranges replaced; the others keep theirs. Each given one must pass its check.</summary>
    public DuesRates Replacing(
        IReadOnlyDictionary<DuesCategory, IReadOnlyList<DuesBracket>>? brackets,
        IReadOnlyDictionary<DuesCategory, FixedDuesRange>? fixedRanges)
    {
        var newBrackets = new Dictionary<DuesCategory, IReadOnlyList<DuesBracket>>(_brackets);
        foreach (var (category, list) in brackets ?? new Dictionary<DuesCategory, IReadOnlyList<DuesBracket>>())
        {
            if (!IsBracketCategory(category) || CheckBrackets("brackets", list).Count > 0)
            {
                throw new ArgumentException($"brackets for {category} are not valid", nameof(brackets));
            }

            newBrackets[category] = [.. list];
        }

        var newFixed = new Dictionary<DuesCategory, FixedDuesRange>(_fixed);
        foreach (var (category, range) in fixedRanges ?? new Dictionary<DuesCategory, FixedDuesRange>())
        {
            if (IsBracketCategory(category) || CheckFixed("fixed", range).Count > 0)
            {
                throw new ArgumentException($"the fixed range for {category} is not valid", nameof(fixedRanges));
            }

            newFixed[category] = range;
        }

        return new(newBrackets, newFixed);
    }

    /// <summary>
    /// A member's monthly dues: for a bracket category, the base times the rate of the first bracket the base does not
    /// exceed, rounded half away from zero to 0.01 yuan (1235 × 0.5 % = 6.175 → 6.18); for a fixed category the member's
    /// amount (default the range's minimum), which must lie in the range.
    /// </summary>
    public decimal Monthly(DuesCategory category, decimal? baseIncome, decimal? amount = null)
    {
        if (IsBracketCategory(category))
        {
            if (baseIncome is not { } b || b < 0)
            {
                throw new ArgumentException("a bracket category needs a base of 0 or more", nameof(baseIncome));
            }

            if (amount is not null)
            {
                throw new ArgumentException("a bracket category's dues come from its base, not an amount", nameof(amount));
            }

            return Money(b * Brackets(category).First(bracket => bracket.UpTo is null || b <= bracket.UpTo).Rate);
        }

        var range = Fixed(category);
        var monthly = amount ?? range.Min;
        if (monthly < range.Min || monthly > range.Max)
        {
            throw new ArgumentException($"{category} pays {range.Min} to {range.Max} a month", nameof(amount));
        }

        return monthly;
    }

    /// <summary>Yuan to the fen: rounded half away from zero to 0.01 and always written with two places (42 → 42.00).</summary>
    public static decimal Money(decimal yuan) => decimal.Round(yuan, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>
    /// The problems of one category's brackets, each naming its field under <paramref name="field"/>: at least one bracket,
    /// <c>upTo</c> of 0 or more and strictly ascending, only the last one open (null) and the last one open, rates of 0 or more.
    /// </summary>
    public static IReadOnlyList<ContractError> CheckBrackets(string field, IReadOnlyList<DuesBracket> brackets)
    {
        ArgumentNullException.ThrowIfNull(brackets);
        var errors = new List<ContractError>();
        decimal? previous = null;
        for (var i = 0; i < brackets.Count; i++)
        {
            var (upTo, rate) = (brackets[i].UpTo, brackets[i].Rate);
            var at = $"{field}[{i}]";
            if (upTo is null && i < brackets.Count - 1)
            {
                errors.Add(new($"{at}.upTo", $"{at}.upTo is null but only the last bracket may be open"));
            }
            else if (upTo < 0)
            {
                errors.Add(new($"{at}.upTo", $"{at}.upTo must be 0 or more"));
            }
            else if (upTo <= previous)
            {
                errors.Add(new($"{at}.upTo", $"{at}.upTo must be above the bracket before ({previous}): brackets ascend"));
            }

            if (rate < 0)
            {
                errors.Add(new($"{at}.rate", $"{at}.rate must be 0 or more"));
            }

            previous = upTo ?? previous;
        }

        if (brackets.Count == 0 || brackets[^1].UpTo is not null)
        {
            errors.Add(new(field, $"{field} must end with an open bracket (upTo null)"));
        }

        return errors;
    }

    /// <summary>The problems of one fixed category's range: a minimum of 0 or more, a maximum not below it.</summary>
    public static IReadOnlyList<ContractError> CheckFixed(string field, FixedDuesRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var errors = new List<ContractError>();
        if (range.Min < 0)
        {
            errors.Add(new($"{field}.min", $"{field}.min must be 0 or more"));
        }

        if (range.Max < range.Min)
        {
            errors.Add(new($"{field}.max", $"{field}.max must not be below {field}.min"));
        }

        return errors;
    }
}
