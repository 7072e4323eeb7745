using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>
/// A share a decimal cannot hold (民主评议党员's 优秀 at most one third, EVA-10) is given as Quota 1 with divisor 3, so
/// six subjects give exactly two places: 1/3 as a decimal (0.333…) times 6 would floor to 1.
/// </summary>
public sealed class QuotaDivisorTests
{
    private static ScoringInput Thirds(params decimal[] composites) =>
        Scoring.ByComposite(Scoring.Subjects(composites)) with
        {
            Grades = [new("优秀", 90, 1m, 3), new("合格", 70), new("基本合格", 60), new("不合格", 0)],
            VetoGrade = "不合格",
        };

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 2)]
    [InlineData(9, 3)]
    public void OneThird_IsExact(int subjects, int places)
    {
        var result = EvaluationScoring.Score(Thirds([.. Enumerable.Range(0, subjects).Select(i => 99m - i)]));

        Assert.Equal(places, result.Subjects.Count(s => s.Grade == "优秀"));
        Assert.Equal(places, new EvaluationGrade("优秀", 90, 1m, 3).Places(subjects));
    }

    [Fact]
    public void OneThirdAsADecimal_WouldLoseAPlace()
    {
        // Why the divisor exists: the nearest decimal to a third, times 6, is just under 2.
        Assert.Equal(1, new EvaluationGrade("优秀", 90, 1m / 3m).Places(6));
    }

    [Fact]
    public void ADivisorBelowOne_IsMalformed()
    {
        var input = Thirds(95) with { Grades = [new("优秀", 90, 1m, 0), new("合格", 0)] };

        Assert.Contains(EvaluationScoring.Check(input), e => e.Field == "grades[0].quota");
    }
}
