using Dangjian.Domain.Cadres;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>EVA-9: a branch secretary rated poor in N consecutive years is flagged; N − 1 years or a gap is not.</summary>
public sealed class SecretaryFlagsTests
{
    private static SecretaryFlag? Flag(int through, params (int Year, string Grade)[] grades) =>
        SecretaryFlags.For(grades.Select(g => new AnnualGrade(g.Year, g.Grade)), SecretaryExitRules.Default, through);

    [Fact]
    public void For_PoorInTwoConsecutiveYears_Flagged()
    {
        Assert.Equal(new SecretaryFlag(2024, 2025), Flag(2025, (2024, "基本称职"), (2025, "不称职")));
    }

    [Fact]
    public void For_PoorInOneYearOnly_NotFlagged()
    {
        Assert.Null(Flag(2025, (2024, "称职"), (2025, "不称职")));
        Assert.Null(Flag(2025, (2025, "不称职")));
    }

    [Fact]
    public void For_AGapYear_BreaksTheRun()
    {
        Assert.Null(Flag(2025, (2023, "不称职"), (2025, "不称职")));
        Assert.Null(Flag(2025, (2023, "不称职"), (2024, "不称职")));
    }

    [Fact]
    public void For_TheCountIsRuleData_ThreeYears()
    {
        var rules = SecretaryExitRules.Default with { Years = 3 };
        var grades = new[] { new AnnualGrade(2024, "不称职"), new AnnualGrade(2025, "不称职") };
        Assert.Null(SecretaryFlags.For(grades, rules, 2025));
        Assert.Equal(new SecretaryFlag(2023, 2025), SecretaryFlags.For([.. grades, new AnnualGrade(2023, "基本称职")], rules, 2025));
    }

    [Fact]
    public void Criteria_WeightsSumToOne()
    {
        Assert.Equal(1m, SecretaryAssessment.Criteria.Dimensions.Sum(d => d.Weight));
    }
}
