using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Dues;

/// <summary>A member as `dangjian dues compute` reads them: category, base or amount, and payment records.</summary>
public sealed record DuesMember(string Name, string Category, decimal Monthly, IReadOnlyList<DuesPayment> Payments);

/// <summary>The input of `dangjian dues compute`: the months (first days), the flag's threshold and the members, each with their monthly dues.</summary>
public sealed record DuesComputeInput(DateOnly From, DateOnly To, int FlagAfterMonths, IReadOnlyList<DuesMember> Members);

/// <summary>
/// The JSON contract of `dangjian dues compute`: from, to, flagAfterMonths, optional brackets and fixed replacing the
/// national rates of the categories they name, and members in; per member monthly, due, paid, arrears, unpaidMonths,
/// longestUnpaidRun and flagged out, money to 0.01 with two places. Tools depend on these names: do not rename them.
/// </summary>
public static class DuesComputeJson
{
    /// <summary>The contract's category names.</summary>
    private static readonly Dictionary<string, DuesCategory> Categories = new(StringComparer.Ordinal)
    {
        ["salaried"] = DuesCategory.Salaried,
        ["retired"] = DuesCategory.Retired,
        ["farmer"] = DuesCategory.Farmer,
        ["student"] = DuesCategory.Student,
        ["unemployed"] = DuesCategory.Unemployed,
        ["subsistence"] = DuesCategory.Subsistence,
    };

    private const string MonthPattern = "yyyy-MM";

    /// <summary>Reads the input and works out each member's monthly dues; on malformed input null and every problem found, each naming its field.</summary>
    public static (DuesComputeInput? Input, IReadOnlyList<ContractError> Errors) Parse(string json)
    {
        if (!ContractJson.TryReadObject(json, out var o, out var unreadable))
        {
            return (null, [unreadable]);
        }

        var errors = new List<ContractError>();
        var from = Month(o, "from", "from", errors);
        var to = Month(o, "to", "to", errors);
        if (from > to)
        {
            errors.Add(new("to", $"to ({Format(to!.Value)}) is before from ({Format(from!.Value)})"));
        }

        var flagAfterMonths = DuesLedger.DefaultFlagAfterMonths;
        if (o["flagAfterMonths"] is { } flag)
        {
            if (ContractFields.Number(flag) is { } n && n >= 1 && n <= int.MaxValue && n == decimal.Truncate(n))
            {
                flagAfterMonths = (int)n;
            }
            else
            {
                errors.Add(new("flagAfterMonths", "flagAfterMonths must be a whole number of months, 1 or more"));
            }
        }

        var rates = Rates(o, errors);
        var members = new List<DuesMember>();
        if (o["members"] is not JsonArray list)
        {
            errors.Add(new("members", o.ContainsKey("members") ? "members must be an array" : "members is missing"));
        }
        else
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                if (Member(list[i], $"members[{i}]", rates, from, to, errors) is { } member)
                {
                    if (!names.Add(member.Name))
                    {
                        errors.Add(new($"members[{i}].name", $"members[{i}].name \"{member.Name}\" is given twice"));
                    }

                    members.Add(member);
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // Sums past decimal's 28 digits cannot be exact: refused here, naming the member, rather than failing mid-output.
        var input = new DuesComputeInput(from!.Value, to!.Value, flagAfterMonths, members);
        for (var i = 0; i < members.Count; i++)
        {
            try
            {
                _ = DuesLedger.Compute(members[i].Monthly, input.From, input.To, members[i].Payments, flagAfterMonths);
            }
            catch (OverflowException)
            {
                errors.Add(new($"members[{i}]", $"members[{i}]: its dues or payments add up beyond exact decimal arithmetic"));
            }
        }

        return errors.Count > 0 ? (null, errors) : (input, []);
    }

    /// <summary>Each member's ledger, in input order.</summary>
    public static IReadOnlyList<(DuesMember Member, DuesLedger Ledger)> Compute(DuesComputeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. input.Members.Select(m => (m, DuesLedger.Compute(m.Monthly, input.From, input.To, m.Payments, input.FlagAfterMonths)))];
    }

    /// <summary>The output: members in input order, money rounded half away from zero to 0.01 and written with two places (42.00).</summary>
    public static string Write(DuesComputeInput input, IReadOnlyList<(DuesMember Member, DuesLedger Ledger)> ledgers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ledgers);
        var o = new JsonObject
        {
            ["from"] = Format(input.From),
            ["to"] = Format(input.To),
            ["members"] = new JsonArray([.. ledgers.Select(x => (JsonNode)new JsonObject
            {
                ["name"] = x.Member.Name,
                ["category"] = x.Member.Category,
                ["monthly"] = DuesRates.Money(x.Ledger.Monthly),
                ["due"] = DuesRates.Money(x.Ledger.Due),
                ["paid"] = DuesRates.Money(x.Ledger.Paid),
                ["arrears"] = DuesRates.Money(x.Ledger.Arrears),
                ["unpaidMonths"] = new JsonArray([.. x.Ledger.UnpaidMonths.Select(m => (JsonNode)Format(m))]),
                ["longestUnpaidRun"] = x.Ledger.LongestUnpaidRun,
                ["flagged"] = x.Ledger.Flagged,
            })]),
        };
        return o.ToJsonString(ContractJson.Output);
    }

    /// <summary>The national rates with the given <c>brackets</c> and <c>fixed</c> categories replaced (null when they are malformed).</summary>
    private static DuesRates? Rates(JsonObject o, List<ContractError> errors)
    {
        var count = errors.Count;
        var brackets = new Dictionary<DuesCategory, IReadOnlyList<DuesBracket>>();
        if (o["brackets"] is { } b)
        {
            if (b is not JsonObject map)
            {
                errors.Add(new("brackets", "brackets must be an object of category → list of {upTo, rate}"));
            }
            else
            {
                foreach (var (name, node) in map)
                {
                    var at = $"brackets.{name}";
                    if (RatesCategory(name, at, bracketed: true, errors) is { } category && Brackets(node, at, errors) is { } list)
                    {
                        brackets[category] = list;
                    }
                }
            }
        }

        var fixedRanges = new Dictionary<DuesCategory, FixedDuesRange>();
        if (o["fixed"] is { } f)
        {
            if (f is not JsonObject map)
            {
                errors.Add(new("fixed", "fixed must be an object of category → {min, max}"));
            }
            else
            {
                foreach (var (name, node) in map)
                {
                    var at = $"fixed.{name}";
                    if (RatesCategory(name, at, bracketed: false, errors) is not { } category)
                    {
                        continue;
                    }

                    if (node is not JsonObject range)
                    {
                        errors.Add(new(at, $"{at} must be an object with min and max"));
                        continue;
                    }

                    var fixedRange = new FixedDuesRange(RequiredNumber(range, "min", $"{at}.min", errors) ?? 0, RequiredNumber(range, "max", $"{at}.max", errors) ?? 0);
                    errors.AddRange(DuesRates.CheckFixed(at, fixedRange));
                    fixedRanges[category] = fixedRange;
                }
            }
        }

        return errors.Count > count ? null : DuesRates.National.Replacing(brackets, fixedRanges);
    }

    private static DuesCategory? RatesCategory(string name, string at, bool bracketed, List<ContractError> errors)
    {
        if (!Categories.TryGetValue(name, out var category))
        {
            errors.Add(new(at, $"unknown category \"{name}\" (expected {string.Join(", ", Categories.Keys)})"));
            return null;
        }

        if (DuesRates.IsBracketCategory(category) != bracketed)
        {
            errors.Add(new(at, bracketed ? $"{name} pays a fixed amount: give its range under fixed" : $"{name} pays a share of its base: give its brackets under brackets"));
            return null;
        }

        return category;
    }

    private static List<DuesBracket>? Brackets(JsonNode? node, string at, List<ContractError> errors)
    {
        if (node is not JsonArray array)
        {
            errors.Add(new(at, $"{at} must be an array of {{upTo, rate}}"));
            return null;
        }

        var count = errors.Count;
        var list = new List<DuesBracket>();
        for (var i = 0; i < array.Count; i++)
        {
            var bat = $"{at}[{i}]";
            if (array[i] is not JsonObject bracket)
            {
                errors.Add(new(bat, $"{bat} must be an object with upTo and rate"));
                continue;
            }

            decimal? upTo = null;
            if (!bracket.TryGetPropertyValue("upTo", out var u))
            {
                errors.Add(new($"{bat}.upTo", $"{bat}.upTo is missing (a number, or null on the last bracket)"));
            }
            else if (u is not null && (upTo = ContractFields.Number(u)) is null)
            {
                errors.Add(new($"{bat}.upTo", $"{bat}.upTo must be a number, or null on the last bracket"));
            }

            list.Add(new(upTo, RequiredNumber(bracket, "rate", $"{bat}.rate", errors) ?? 0));
        }

        if (errors.Count > count)
        {
            return null;
        }

        errors.AddRange(DuesRates.CheckBrackets(at, list));
        return errors.Count > count ? null : list;
    }

    private static DuesMember? Member(JsonNode? node, string at, DuesRates? rates, DateOnly? from, DateOnly? to, List<ContractError> errors)
    {
        if (node is not JsonObject m)
        {
            errors.Add(new(at, $"{at} must be an object"));
            return null;
        }

        var count = errors.Count;
        var name = ContractFields.Text(m, "name", $"{at}.name", errors);
        var categoryName = ContractFields.Text(m, "category", $"{at}.category", errors);
        DuesCategory? category = null;
        if (categoryName is not null)
        {
            if (Categories.TryGetValue(categoryName, out var c))
            {
                category = c;
            }
            else
            {
                errors.Add(new($"{at}.category", $"unknown category \"{categoryName}\" (expected {string.Join(", ", Categories.Keys)})"));
            }
        }

        var baseIncome = OptionalNumber(m, "base", $"{at}.base", errors);
        if (baseIncome < 0)
        {
            errors.Add(new($"{at}.base", $"{at}.base must be 0 or more"));
        }

        var amount = OptionalNumber(m, "amount", $"{at}.amount", errors);
        decimal monthly = 0;
        if (category is { } cat && rates is not null)
        {
            if (DuesRates.IsBracketCategory(cat))
            {
                if (!m.ContainsKey("base"))
                {
                    errors.Add(new($"{at}.base", $"{at}.base is missing: {categoryName} pays a share of its base"));
                }

                if (m.ContainsKey("amount"))
                {
                    errors.Add(new($"{at}.amount", $"{at}.amount is for fixed-amount categories: {categoryName} pays a share of its base"));
                }
            }
            else if (amount is { } a && (a < rates.Fixed(cat).Min || a > rates.Fixed(cat).Max))
            {
                errors.Add(new($"{at}.amount", $"{at}.amount must lie from {rates.Fixed(cat).Min} to {rates.Fixed(cat).Max} for {categoryName}"));
            }

            if (errors.Count == count)
            {
                try
                {
                    monthly = DuesRates.IsBracketCategory(cat) ? rates.Monthly(cat, baseIncome) : rates.Monthly(cat, null, amount);
                }
                catch (OverflowException)
                {
                    errors.Add(new($"{at}.base", $"{at}.base times its rate is beyond exact decimal arithmetic"));
                }
            }
        }

        var payments = Payments(m, at, from, to, errors);
        return name is null || categoryName is null ? null : new(name, categoryName, monthly, payments);
    }

    private static List<DuesPayment> Payments(JsonObject m, string at, DateOnly? from, DateOnly? to, List<ContractError> errors)
    {
        var payments = new List<DuesPayment>();
        if (m["payments"] is not { } node)
        {
            return payments;
        }

        if (node is not JsonArray list)
        {
            errors.Add(new($"{at}.payments", $"{at}.payments must be an array"));
            return payments;
        }

        for (var j = 0; j < list.Count; j++)
        {
            var pat = $"{at}.payments[{j}]";
            if (list[j] is not JsonObject p)
            {
                errors.Add(new(pat, $"{pat} must be an object with month, and paid or excused"));
                continue;
            }

            var month = Month(p, "month", $"{pat}.month", errors);
            if (month is { } mo && from is { } f && to is { } t && (mo < f || mo > t))
            {
                errors.Add(new($"{pat}.month", $"{pat}.month {Format(mo)} is outside {Format(f)} … {Format(t)}"));
            }

            var paid = OptionalNumber(p, "paid", $"{pat}.paid", errors) ?? 0;
            if (paid < 0)
            {
                errors.Add(new($"{pat}.paid", $"{pat}.paid must be 0 or more"));
            }

            var excused = false;
            if (p["excused"] is { } e)
            {
                if (e.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    excused = e.GetValue<bool>();
                }
                else
                {
                    errors.Add(new($"{pat}.excused", $"{pat}.excused must be true or false"));
                }
            }

            payments.Add(new(month ?? default, paid, excused));
        }

        return payments;
    }

    /// <summary>A month written yyyy-MM, as its first day; within the years the system accepts (<see cref="SaneDates"/>).</summary>
    private static DateOnly? Month(JsonObject o, string key, string field, List<ContractError> errors)
    {
        if (ContractFields.Text(o, key, field, errors) is not { } text)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, MonthPattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || !SaneDates.Contains(month))
        {
            errors.Add(new(field, $"{field} \"{text}\" is not a month (yyyy-MM, {SaneDates.MinText[..7]} to {SaneDates.MaxText[..7]})"));
            return null;
        }

        return month;
    }

    private static string Format(DateOnly month) => month.ToString(MonthPattern, CultureInfo.InvariantCulture);

    private static decimal? RequiredNumber(JsonObject o, string key, string field, List<ContractError> errors)
    {
        if (!o.ContainsKey(key))
        {
            errors.Add(new(field, $"{field} is missing"));
            return null;
        }

        return OptionalNumber(o, key, field, errors);
    }

    private static decimal? OptionalNumber(JsonObject o, string key, string field, List<ContractError> errors)
    {
        if (!o.TryGetPropertyValue(key, out var node))
        {
            return null;
        }

        if (ContractFields.Number(node) is not { } value)
        {
            errors.Add(new(field, $"{field} must be a number"));
            return null;
        }

        return value;
    }
}
