using Dangjian.Domain.Evaluations;
using static Dangjian.Domain.Tests.Evaluations.Scoring;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>The composite assessment rules of `dangjian evaluation score` (EVA-6), each on both sides of its boundary.</summary>
public sealed class EvaluationScoringTests
{
    [Fact]
    public void Score_TheIssuesExample_GivesTheIssuesResult()
    {
        var input = Example(new ScoringSubject("张伟", 92, 88, false, [Response("群众代表", "好", "较好", "好", "好", "好", "一般")]));

        var s = EvaluationScoring.Score(input).Subjects.Single();

        Assert.Equal(92m, s.Democratic);
        Assert.Equal(91.2m, s.Composite);
        Assert.Equal("优秀", s.ThresholdGrade); // 91.2 reaches 优秀 …
        Assert.Equal("称职", s.Grade);          // … but floor(0.2 × 1) = 0 places
        Assert.True(s.DemotedByQuota);
        Assert.Equal(1, s.Rank);
        Assert.Equal([new GroupScore("班子成员", 0, null), new GroupScore("干部职工", 0, null), new GroupScore("群众代表", 1, 92m)], s.Groups);
    }

    [Fact]
    public void ResponseScore_IsTheWeightedSumOfScaleValues()
    {
        var input = Example();
        var scale = input.Scale.ToDictionary(l => l.Label, l => l.Value);

        // 0.2×100 + 0.2×80 + 0.15×100 + 0.25×100 + 0.1×100 + 0.1×60 = 92
        Assert.Equal(92m, EvaluationScoring.ResponseScore(input.Dimensions, scale, Response("群众代表", "好", "较好", "好", "好", "好", "一般")));
        Assert.Equal(40m, EvaluationScoring.ResponseScore(input.Dimensions, scale, All("群众代表", "差")));
    }

    [Fact]
    public void GroupScore_IsTheMeanOfItsResponses()
    {
        var input = Example(new ScoringSubject("张伟", 0, 0, false, [All("干部职工", "好"), All("干部职工", "较好"), All("干部职工", "差")]));

        var s = EvaluationScoring.Score(input).Subjects.Single();

        Assert.Equal(new GroupScore("干部职工", 3, 220m / 3), s.Groups[1]);
        // The only group that responded: its weight is re-normalized to 1 (to decimal's 28 digits: 0.4 × mean / 0.4).
        Assert.Equal(73.33m, EvaluationScoring.Round(s.Democratic));
        Assert.True(Math.Abs(s.Democratic - (220m / 3)) < 0.000000000000000000000001m);
    }

    [Fact]
    public void Democratic_GroupWithoutResponses_IsLeftOutAndTheOthersReweighted()
    {
        // 班子成员 (0.3) gives 100, 干部职工 (0.4) gives 60, 群众代表 (0.3) nothing: (0.3×100 + 0.4×60) / 0.7 = 54 / 0.7.
        var input = Example(new ScoringSubject("张伟", 0, 0, false, [All("班子成员", "好"), All("干部职工", "一般")]));

        var s = EvaluationScoring.Score(input).Subjects.Single();

        Assert.Equal(77.142857142857142857142857143m, s.Democratic);
        Assert.Null(s.Groups[2].Score);
        Assert.Equal(0, s.Groups[2].Responses);
        Assert.Equal(77.14m, EvaluationScoring.Round(s.Democratic));
    }

    [Fact]
    public void Democratic_AllGroupsRespond_IsThePlainWeightedMean()
    {
        // 0.3×100 + 0.4×60 + 0.3×80 = 78 — no re-weighting when every group responded.
        var input = Example(new ScoringSubject("张伟", 0, 0, false, [All("班子成员", "好"), All("干部职工", "一般"), All("群众代表", "较好")]));

        Assert.Equal(78m, EvaluationScoring.Score(input).Subjects.Single().Democratic);
    }

    [Fact]
    public void Democratic_NoResponsesAtAll_IsZero_AndTheCompositeStillCounts()
    {
        var input = Example(new ScoringSubject("张伟", 90, 80, false, []));

        var s = EvaluationScoring.Score(input).Subjects.Single();

        Assert.Equal(0m, s.Democratic);
        Assert.Equal(52m, s.Composite); // 0.4×90 + 0.4×0 + 0.2×80
        Assert.Equal("不称职", s.Grade);
        Assert.All(s.Groups, g => Assert.Null(g.Score));
    }

    [Theory]
    [InlineData("90", "优秀")]
    [InlineData("89.9999", "称职")]
    [InlineData("70", "称职")]
    [InlineData("69.99", "基本称职")]
    [InlineData("60", "基本称职")]
    [InlineData("59.99", "不称职")]
    [InlineData("0", "不称职")]
    public void Grade_IsTheFirstWhoseMinTheCompositeReaches(string composite, string grade)
    {
        // Quota 1 for 优秀 so only the threshold decides.
        var input = ByComposite(Subject("张伟", decimal.Parse(composite, System.Globalization.CultureInfo.InvariantCulture)));
        input = input with { Grades = [input.Grades[0] with { Quota = 1 }, .. input.Grades.Skip(1)] };

        Assert.Equal(grade, EvaluationScoring.Score(input).GradeOf("张伟"));
    }

    [Theory]
    [InlineData(4, 0)]  // floor(0.8)
    [InlineData(5, 1)]  // floor(1.0)
    [InlineData(9, 1)]  // floor(1.8)
    [InlineData(10, 2)] // floor(2.0)
    [InlineData(11, 2)] // floor(2.2)
    [InlineData(15, 3)] // floor(3.0)
    public void Quota_AllReachExcellent_FloorOfTwentyPercentKeepIt(int subjects, int excellent)
    {
        var input = ByComposite(Subjects(Enumerable.Range(0, subjects).Select(i => 99m - (i * 0.5m)).ToArray()));

        var result = EvaluationScoring.Score(input);

        Assert.Equal(excellent, result.Subjects.Count(s => s.Grade == "优秀"));
        // The places go by composite descending: the best keep 优秀, the rest move down to 称职.
        Assert.All(result.Subjects.Take(excellent), s => Assert.Equal(("优秀", false), (s.Grade, s.DemotedByQuota)));
        Assert.All(result.Subjects.Skip(excellent), s => Assert.Equal(("称职", true), (s.Grade, s.DemotedByQuota)));
    }

    [Fact]
    public void Quota_FewerReachThanTheLimit_NobodyMovesDown()
    {
        // 10 subjects, limit 2, only one reaches 90.
        var result = EvaluationScoring.Score(ByComposite(Subjects(95, 89, 88, 87, 86, 85, 84, 83, 82, 81)));

        Assert.Equal("优秀", result.GradeOf("S01"));
        Assert.DoesNotContain(result.Subjects, s => s.DemotedByQuota);
    }

    [Fact]
    public void Quota_TieAcrossTheLimit_MovesEveryTiedSubjectDown()
    {
        // 10 subjects, limit 2: 96 keeps it; 95 and 95 straddle the line, so both go.
        var result = EvaluationScoring.Score(ByComposite(Subjects(96, 95, 95, 80, 80, 80, 80, 80, 80, 80)));

        Assert.Equal("优秀", result.GradeOf("S01"));
        Assert.Equal(("称职", true), (result.GradeOf("S02"), result.Of("S02").DemotedByQuota));
        Assert.Equal(("称职", true), (result.GradeOf("S03"), result.Of("S03").DemotedByQuota));
    }

    [Fact]
    public void Quota_TieFillingTheLimitExactly_KeepsEveryTiedSubject()
    {
        // 10 subjects, limit 2: 95 and 95 fit exactly; the 94 after them goes.
        var result = EvaluationScoring.Score(ByComposite(Subjects(95, 95, 94, 80, 80, 80, 80, 80, 80, 80)));

        Assert.Equal(["优秀", "优秀", "称职"], result.Subjects.Take(3).Select(s => s.Grade));
    }

    [Fact]
    public void Quota_TieAtTheTop_WithLimitOne_LeavesTheGradeEmpty()
    {
        var result = EvaluationScoring.Score(ByComposite(Subjects(95, 95, 80, 80, 80)));

        Assert.DoesNotContain(result.Subjects, s => s.Grade == "优秀");
    }

    [Fact]
    public void Quota_ZeroPercent_NobodyKeepsTheGrade()
    {
        var input = ByComposite(Subjects(99, 98, 97, 96, 95));
        input = input with { Grades = [input.Grades[0] with { Quota = 0 }, .. input.Grades.Skip(1)] };

        Assert.All(EvaluationScoring.Score(input).Subjects, s => Assert.Equal("称职", s.Grade));
    }

    [Fact]
    public void Quota_MovedDown_AreGradedAgainUnderTheNextGradesQuota()
    {
        // 优秀 ≥ 90 at most 20%, 良好 ≥ 80 at most 30%, 一般 the rest; 10 subjects: limits 2 and 3.
        var input = ByComposite(Subjects(99, 98, 97, 96, 95, 85, 84, 70, 60, 50)) with
        {
            Grades = [new("优秀", 90, 0.2m), new("良好", 80, 0.3m), new("一般", 0)],
            VetoGrade = "一般",
        };

        var result = EvaluationScoring.Score(input);

        // 97, 96, 95 come down from 优秀 into 良好 and take its 3 places; 85 and 84 reached 良好 but go on to 一般.
        Assert.Equal(["优秀", "优秀", "良好", "良好", "良好", "一般", "一般", "一般", "一般", "一般"], result.Subjects.Select(s => s.Grade));
        Assert.Equal([false, false, true, true, true, true, true, false, false, false], result.Subjects.Select(s => s.DemotedByQuota));
    }

    [Fact]
    public void Quota_CascadeWithATieAtTheSecondLine_MovesTheWholeTieDown()
    {
        var input = ByComposite(Subjects(99, 98, 97, 96, 85, 85, 70, 60, 50, 40)) with
        {
            Grades = [new("优秀", 90, 0.2m), new("良好", 80, 0.3m), new("一般", 0)],
            VetoGrade = "一般",
        };

        var result = EvaluationScoring.Score(input);

        // 良好 holds 97 and 96 (moved down) and 85, 85 for 3 places: the line falls on 85, so both 85s go on to 一般.
        Assert.Equal(["优秀", "优秀", "良好", "良好", "一般", "一般"], result.Subjects.Take(6).Select(s => s.Grade));
    }

    [Fact]
    public void Veto_TopScorer_GetsTheVetoGrade_AndTheNextTakesTheExcellentPlace()
    {
        var subjects = Subjects(99, 95, 90, 80, 70);
        subjects[0] = subjects[0] with { Veto = true };

        var result = EvaluationScoring.Score(ByComposite(subjects));

        Assert.Equal(("不称职", true, false), (result.GradeOf("S01"), result.Of("S01").Vetoed, result.Of("S01").DemotedByQuota));
        Assert.Equal("优秀", result.GradeOf("S02"));
        Assert.Equal("称职", result.GradeOf("S03"));
        Assert.Equal(1, result.Of("S01").Rank); // the veto changes the grade, not the score or the rank
    }

    [Fact]
    public void Veto_SubjectStillCountsInTheNumberOfSubjects()
    {
        // 5 subjects, one vetoed: floor(0.2 × 5) = 1 place, not floor(0.2 × 4) = 0 (the contract counts subjects).
        var subjects = Subjects(99, 95, 90, 80, 70);
        subjects[4] = subjects[4] with { Veto = true };

        Assert.Equal("优秀", EvaluationScoring.Score(ByComposite(subjects)).GradeOf("S01"));
    }

    [Fact]
    public void Veto_GivesTheVetoGradeEvenWhenItIsNotTheLast()
    {
        var subjects = Subjects(99, 40);
        subjects[1] = subjects[1] with { Veto = true };

        var result = EvaluationScoring.Score(ByComposite(subjects) with { VetoGrade = "基本称职" });

        Assert.Equal("基本称职", result.GradeOf("S02")); // 40 would be 不称职: the veto grade is set, not a cap
    }

    [Fact]
    public void Rank_EqualCompositesShareARank()
    {
        var result = EvaluationScoring.Score(ByComposite(Subject("D", 80), Subject("C", 70), Subject("B", 80), Subject("A", 90)));

        Assert.Equal([("A", 1), ("B", 2), ("D", 2), ("C", 4)], result.Subjects.Select(s => (s.Name, s.Rank)));
    }

    [Fact]
    public void Order_EqualComposites_ByNameOrdinal()
    {
        var result = EvaluationScoring.Score(ByComposite(Subject("张伟", 80), Subject("Zed", 80), Subject("Abe", 80)));

        // Ordinal: Latin capitals sort before CJK.
        Assert.Equal(["Abe", "Zed", "张伟"], result.Subjects.Select(s => s.Name));
    }

    [Fact]
    public void Rank_UsesUnroundedComposites()
    {
        var result = EvaluationScoring.Score(ByComposite(Subject("A", 80.001m), Subject("B", 80.004m)));

        Assert.Equal([("B", 1), ("A", 2)], result.Subjects.Select(s => (s.Name, s.Rank)));
    }

    [Fact]
    public void Round_HalfAwayFromZero_OnlyAtOutput_GradeOnTheUnroundedValue()
    {
        var input = ByComposite(Subject("张伟", 89.995m));
        input = input with { Grades = [input.Grades[0] with { Quota = 1 }, .. input.Grades.Skip(1)] };

        var s = EvaluationScoring.Score(input).Subjects.Single();

        Assert.Equal(89.995m, s.Composite);
        Assert.Equal(90m, EvaluationScoring.Round(s.Composite)); // prints 90 …
        Assert.Equal("称职", s.Grade);                            // … but 89.995 does not reach 90
    }

    [Theory]
    [InlineData("89.995", "90")]
    [InlineData("89.994999", "89.99")]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("91.20", "91.2")]
    [InlineData("92.000", "92")]
    public void Round_TwoDecimalsAwayFromZero_TrailingZerosDropped(string value, string printed)
    {
        var rounded = EvaluationScoring.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(printed, rounded.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Score_MalformedInput_Throws()
    {
        var input = Example(new ScoringSubject("张伟", 92, 88, false, [All("上级", "好")]));

        var e = Assert.Throws<ArgumentException>(() => EvaluationScoring.Score(input));
        Assert.Contains("subjects[0].responses[0].group", e.Message, StringComparison.Ordinal);
    }
}
