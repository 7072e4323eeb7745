using Dangjian.Domain.Cadres;

namespace Dangjian.Domain.Evaluations;

/// <summary>
/// 党支部书记量化考核 (EVA-9). Seed 003, 3 (4) 第一 量化考核指标: "对党支部书记的领导能力、党务工作管理业绩、社会矛盾的协调效果以及人格的
/// 自我完善等抽象的概念要善于…量化显示"; 第二 实行考核预告制 … 上级组织…对被考核的党支部书记作出评估报告，在支部大会上予以通报;
/// "还要建立科学合理的退出机制". The four indicators are the dimensions of <see cref="Criteria"/>; the weights are this system's
/// default (the seed gives none): 党务工作管理业绩 weighs most as the seed's 注重实绩 (第三 优化绩效管理).
/// </summary>
public static class SecretaryAssessment
{
    /// <summary>The template's name as the district sees it.</summary>
    public const string TemplateName = "党支部书记量化考核";

    public static EvaluationCriteria Criteria { get; } = new(
        [new("好", 100), new("较好", 80), new("一般", 60), new("差", 40)],
        [
            new("领导能力", 0.25m, ["政治把关", "班子团结", "带头上党课"]),
            new("党务工作管理业绩", 0.4m, ["三会一课", "党员发展与管理", "党费收缴", "阵地建设"]),
            new("社会矛盾的协调效果", 0.2m, ["矛盾纠纷化解", "群众诉求办理"]),
            new("人格的自我完善", 0.15m, ["廉洁自律", "学习提高"]),
        ],
        []);
}

/// <summary>
/// When a branch secretary is flagged for exit (退出机制, EVA-9): rated one of <see cref="PoorGrades"/> in each of
/// <see cref="Years"/> consecutive years. Seed 003 asks for 科学合理的退出机制 but sets no count; two years and the grades
/// 基本称职/不称职 are this system's default, the grades those of <see cref="GradeRule.Annual"/> that block promotion.
/// </summary>
public sealed record SecretaryExitRules(IReadOnlyList<string> PoorGrades, int Years)
{
    public static SecretaryExitRules Default { get; } = new(["基本称职", "不称职"], 2);
}

/// <summary>A secretary flagged: the consecutive years rated poor, the last of them the latest year assessed.</summary>
public sealed record SecretaryFlag(int FromYear, int ToYear);

/// <summary>The exit flag of EVA-9, a pure function of a secretary's yearly grades.</summary>
public static class SecretaryFlags
{
    /// <summary>
    /// The flag as of <paramref name="throughYear"/>: each of the <see cref="SecretaryExitRules.Years"/> years ending with it rated
    /// poor; a year without a grade, or rated otherwise, breaks the run. Null when not flagged. Later years are not read.
    /// </summary>
    public static SecretaryFlag? For(IEnumerable<AnnualGrade> grades, SecretaryExitRules rules, int throughYear)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Years < 1)
        {
            return null;
        }

        var poor = grades.Where(g => g.Year <= throughYear && rules.PoorGrades.Contains(g.Grade, StringComparer.Ordinal))
            .Select(g => g.Year).ToHashSet();
        var first = throughYear - rules.Years + 1;
        return Enumerable.Range(first, rules.Years).All(poor.Contains) ? new SecretaryFlag(first, throughYear) : null;
    }
}
