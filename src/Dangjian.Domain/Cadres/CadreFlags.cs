using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Cadres;

/// <summary>
/// What yearly grades flag (CAD-7), rule data over the evaluations module's grade names:
/// <list type="bullet">
/// <item><see cref="ExcellentGrade"/> in each of <see cref="ExcellentYears"/> consecutive years makes the person eligible
/// for the reserve pool or promotion. Seed 003, 3 第三 完善激励机制: "对任职期间3次以上被评为区以上优秀党务工作者的 … 可直接作为
/// 上一级党政领导班子的候选人选" — three by default, counted as consecutive years so the flag stays current; seed 004,
/// 三 (三): 考核结果 … 作为领导干部选拔任用、奖惩的重要依据.</item>
/// <item>Any of <see cref="AdjustmentGrades"/> calls for adjustment. Seed 004, 三 (三) 健全领导干部退出机制: "严格执行《关于调整
/// 不称职领导干部的试行办法》" — 不称职 by default.</item>
/// </list>
/// </summary>
public sealed record IncentiveRules(string ExcellentGrade, int ExcellentYears, IReadOnlyList<string> AdjustmentGrades)
{
    public const int MaxExcellentYears = 10;

    public static IncentiveRules Defaults { get; } = new("优秀", 3, ["不称职"]);

    /// <summary>
    /// Rule data a district sets, checked against its grade list: the grades known, 1 to <see cref="MaxExcellentYears"/>
    /// years, and the excellent grade not also one that calls for adjustment; every problem named.
    /// </summary>
    public void Demand(IReadOnlyList<GradeRule> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(AdjustmentGrades);
        var problems = new List<FieldProblem>();
        if (!Known(ExcellentGrade))
        {
            problems.Add(new("excellentGrade", "Cadre.GradeUnknown", ExcellentGrade ?? string.Empty));
        }

        if (ExcellentYears < 1 || ExcellentYears > MaxExcellentYears)
        {
            problems.Add(new("excellentYears", "Input.OutOfRange", "Field.Cadre.ExcellentYears", 1, MaxExcellentYears));
        }

        for (var i = 0; i < AdjustmentGrades.Count; i++)
        {
            if (!Known(AdjustmentGrades[i]))
            {
                problems.Add(new($"adjustmentGrades[{i}]", "Cadre.GradeUnknown", AdjustmentGrades[i] ?? string.Empty));
            }
            else if (string.Equals(AdjustmentGrades[i], ExcellentGrade, StringComparison.Ordinal))
            {
                problems.Add(new($"adjustmentGrades[{i}]", "Cadre.GradeBothWays", ExcellentGrade ?? string.Empty));
            }
        }

        DomainRuleException.ThrowIfAny(problems);

        bool Known(string? name) => grades.Any(g => string.Equals(g.Name, name, StringComparison.Ordinal));
    }
}

public enum CadreFlagKind
{
    /// <summary>可列入后备干部或提拔使用.</summary>
    PromotionEligible,

    /// <summary>应予调整.</summary>
    Adjustment,
}

/// <summary>A flag and the years of the grades that raised it.</summary>
public sealed record CadreFlag(CadreFlagKind Kind, int FromYear, int ToYear);

/// <summary>A person's grade for a year, as the evaluations module's results give them.</summary>
public sealed record PersonGrade(int PersonId, int Year, string Grade);

/// <summary>A person and the flags their grades raise.</summary>
public sealed record FlaggedPerson(int PersonId, IReadOnlyList<CadreFlag> Flags);

/// <summary>The incentive and exit flags (CAD-7), pure functions of the yearly grades.</summary>
public static class CadreFlags
{
    /// <summary>
    /// The flags a person's grades raise as of <paramref name="throughYear"/> (the last year assessed): eligible when each
    /// of the <see cref="IncentiveRules.ExcellentYears"/> years ending with it is graded excellent (a year without a
    /// grade breaks the run); adjustment when that year's grade is one that calls for it. Later years are not read.
    /// </summary>
    /// <exception cref="ArgumentException">Two different grades for one year.</exception>
    public static IReadOnlyList<CadreFlag> For(IEnumerable<AnnualGrade> grades, IncentiveRules rules, int throughYear)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(rules);
        var byYear = new Dictionary<int, string>();
        foreach (var g in grades.Where(g => g.Year <= throughYear))
        {
            if (byYear.TryGetValue(g.Year, out var other) && !string.Equals(other, g.Grade, StringComparison.Ordinal))
            {
                throw new ArgumentException($"two grades for {g.Year}: {other} and {g.Grade}", nameof(grades));
            }

            byYear[g.Year] = g.Grade;
        }

        var flags = new List<CadreFlag>();
        var first = throughYear - rules.ExcellentYears + 1;
        if (rules.ExcellentYears > 0 && Enumerable.Range(first, rules.ExcellentYears)
                .All(y => byYear.TryGetValue(y, out var grade) && string.Equals(grade, rules.ExcellentGrade, StringComparison.Ordinal)))
        {
            flags.Add(new(CadreFlagKind.PromotionEligible, first, throughYear));
        }

        if (byYear.TryGetValue(throughYear, out var last) && rules.AdjustmentGrades.Contains(last, StringComparer.Ordinal))
        {
            flags.Add(new(CadreFlagKind.Adjustment, throughYear, throughYear));
        }

        return flags;
    }

    /// <summary>Everyone whose grades raise a flag as of <paramref name="throughYear"/>, by person id.</summary>
    public static IReadOnlyList<FlaggedPerson> List(IEnumerable<PersonGrade> grades, IncentiveRules rules, int throughYear)
    {
        ArgumentNullException.ThrowIfNull(grades);
        return [.. grades
            .GroupBy(g => g.PersonId)
            .Select(g => new FlaggedPerson(g.Key, For(g.Select(x => new AnnualGrade(x.Year, x.Grade)), rules, throughYear)))
            .Where(p => p.Flags.Count > 0)
            .OrderBy(p => p.PersonId)];
    }
}
