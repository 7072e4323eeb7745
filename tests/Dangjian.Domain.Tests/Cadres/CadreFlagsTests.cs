using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Tests.Cadres;

/// <summary>CAD-7: flags from yearly grades (seed 003, 3 第三 完善激励机制; seed 004, 三 (三) 退出机制).</summary>
public sealed class CadreFlagsTests
{
    private static readonly IncentiveRules Rules = IncentiveRules.Defaults;

    private static IReadOnlyList<CadreFlag> Flags(int throughYear, params string[] gradesFrom2022) =>
        CadreFlags.For(gradesFrom2022.Select((g, i) => new AnnualGrade(2022 + i, g)).Where(g => g.Grade.Length > 0), Rules, throughYear);

    [Theory]
    [InlineData(new[] { "称职", "优秀", "优秀" }, false)] // two in a row
    [InlineData(new[] { "优秀", "优秀", "优秀" }, true)] // three in a row
    [InlineData(new[] { "优秀", "", "优秀", "优秀" }, false)] // a year without a grade breaks the run
    [InlineData(new[] { "优秀", "优秀", "优秀", "称职" }, false)] // the run must end with the last year assessed
    public void PromotionEligible_AfterThreeConsecutiveExcellentYears(string[] grades, bool eligible)
    {
        var flags = Flags(2022 + grades.Length - 1, grades);

        Assert.Equal(eligible, flags.Contains(new CadreFlag(CadreFlagKind.PromotionEligible, 2022 + grades.Length - 3, 2022 + grades.Length - 1)));
        Assert.Equal(eligible ? 1 : 0, flags.Count);
    }

    [Fact]
    public void Flags_ReadNoYearAfterThroughYear()
    {
        Assert.Contains(new CadreFlag(CadreFlagKind.PromotionEligible, 2022, 2024), Flags(2024, "优秀", "优秀", "优秀", "不称职"));
        Assert.Equal([new CadreFlag(CadreFlagKind.Adjustment, 2025, 2025)], Flags(2025, "优秀", "优秀", "优秀", "不称职"));
    }

    [Theory]
    [InlineData("不称职", true)]
    [InlineData("基本称职", false)]
    public void Adjustment_WhenTheLastYearsGradeCallsForIt(string grade, bool flagged) =>
        Assert.Equal(flagged, Flags(2022, grade).Contains(new CadreFlag(CadreFlagKind.Adjustment, 2022, 2022)));

    [Fact]
    public void For_TwoDifferentGradesForAYear_IsAnError() =>
        Assert.Throws<ArgumentException>(() => CadreFlags.For([new(2024, "优秀"), new(2024, "称职")], Rules, 2024));

    [Fact]
    public void List_NamesOnlyThePeopleWithAFlag()
    {
        var grades = new[]
        {
            new PersonGrade(2, 2023, "优秀"), new PersonGrade(2, 2024, "优秀"), new PersonGrade(2, 2025, "优秀"),
            new PersonGrade(1, 2025, "不称职"), new PersonGrade(3, 2025, "称职"),
        };

        var list = CadreFlags.List(grades, Rules, 2025);

        Assert.Equal([1, 2], list.Select(p => p.PersonId));
        Assert.Equal([CadreFlagKind.Adjustment], list[0].Flags.Select(f => f.Kind));
        Assert.Equal([CadreFlagKind.PromotionEligible], list[1].Flags.Select(f => f.Kind));
    }

    [Theory]
    [InlineData("合格", 3, "不称职", "excellentGrade")]
    [InlineData("优秀", 0, "不称职", "excellentYears")]
    [InlineData("优秀", 11, "不称职", "excellentYears")]
    [InlineData("优秀", 3, "不合格", "adjustmentGrades[0]")]
    [InlineData("优秀", 3, "优秀", "adjustmentGrades[0]")]
    public void Rules_Demand_RefusesUnknownGradesAndYearsOutOfRange(string excellent, int years, string adjustment, string field)
    {
        var ex = Assert.Throws<DomainRuleException>(() => new IncentiveRules(excellent, years, [adjustment]).Demand(GradeRule.Annual));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Rules_Defaults_FitTheAnnualGrades() => Rules.Demand(GradeRule.Annual);

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Rules_Demand_AcceptsOneToTenYears(int years) => (Rules with { ExcellentYears = years }).Demand(GradeRule.Annual);

    [Theory]
    [InlineData(1, true)] // one year of 优秀 is enough when the rule asks for one
    [InlineData(2, false)]
    public void PromotionEligible_FollowsTheYearsTheRuleAsks(int years, bool eligible) =>
        Assert.Equal(eligible, CadreFlags.For([new(2025, "优秀")], Rules with { ExcellentYears = years }, 2025).Count == 1);
}
