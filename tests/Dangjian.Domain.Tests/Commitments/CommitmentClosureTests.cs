using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>销号 and 整改 on each side of both thresholds (seed 001 第五篇 四、评), in exact fractions.</summary>
public sealed class CommitmentClosureTests
{
    private static readonly CommitmentRules Rules = CommitmentRules.Default;

    [Theory]
    [InlineData(2, 1, 0)] // 2 of 3: exactly two thirds
    [InlineData(3, 0, 0)]
    [InlineData(4, 1, 1)] // 4 of 6
    [InlineData(1, 0, 0)]
    public void Decide_GoodWithTwoThirdsSatisfied_Closed(int satisfied, int basically, int dissatisfied) =>
        Assert.Equal(CommitmentOutcome.Closed, CommitmentClosure.Decide(CommitmentGrade.Good, new(satisfied, basically, dissatisfied), Rules));

    [Theory]
    [InlineData(1, 1, 0)] // 1 of 2
    [InlineData(1, 0, 1)]
    [InlineData(3, 2, 0)] // 3 of 5 < 2/3
    [InlineData(199, 101, 0)] // 199 of 300 just under
    public void Decide_GoodWithLessThanTwoThirdsSatisfied_StaysOpen(int satisfied, int basically, int dissatisfied) =>
        Assert.Equal(CommitmentOutcome.Open, CommitmentClosure.Decide(CommitmentGrade.Good, new(satisfied, basically, dissatisfied), Rules));

    [Fact]
    public void Decide_GoodWith200Of300_Closed_TheLineItself() =>
        Assert.Equal(CommitmentOutcome.Closed, CommitmentClosure.Decide(CommitmentGrade.Good, new(200, 100, 0), Rules));

    [Theory]
    [InlineData(CommitmentGrade.FairlyGood)]
    [InlineData(CommitmentGrade.Average)]
    public void Decide_NotGoodButAllSatisfied_StaysOpen(CommitmentGrade grade) =>
        Assert.Equal(CommitmentOutcome.Open, CommitmentClosure.Decide(grade, new(3, 0, 0), Rules));

    [Theory]
    [InlineData(CommitmentGrade.Good, CommitmentOutcome.Open)]
    [InlineData(CommitmentGrade.FairlyGood, CommitmentOutcome.Open)]
    [InlineData(CommitmentGrade.Poor, CommitmentOutcome.Rectification)]
    public void Decide_NoVotesCast_NeverCloses(CommitmentGrade grade, CommitmentOutcome outcome) =>
        Assert.Equal(outcome, CommitmentClosure.Decide(grade, new(0, 0, 0), Rules));

    [Fact]
    public void Decide_PoorEvenWithAllSatisfied_Rectification() =>
        Assert.Equal(CommitmentOutcome.Rectification, CommitmentClosure.Decide(CommitmentGrade.Poor, new(10, 0, 0), Rules));

    [Theory]
    [InlineData(2, 0, 3, CommitmentOutcome.Rectification)] // 3 of 5 dissatisfied: more than half
    [InlineData(2, 0, 2, CommitmentOutcome.Open)] // 2 of 4: exactly half is not more than half
    [InlineData(0, 1, 2, CommitmentOutcome.Rectification)] // 2 of 3
    [InlineData(1, 0, 1, CommitmentOutcome.Open)] // 1 of 2
    [InlineData(50, 0, 51, CommitmentOutcome.Rectification)]
    [InlineData(51, 0, 50, CommitmentOutcome.Open)]
    public void Decide_FairlyGood_DissatisfiedMoreThanHalf_Rectification(int satisfied, int basically, int dissatisfied, CommitmentOutcome outcome) =>
        Assert.Equal(outcome, CommitmentClosure.Decide(CommitmentGrade.FairlyGood, new(satisfied, basically, dissatisfied), Rules));

    [Fact]
    public void Decide_GoodButMostDissatisfied_Rectification_NotClosed()
    {
        var lenient = Rules with { Closure = new Share(1, 3, true) };

        Assert.Equal(CommitmentOutcome.Rectification, CommitmentClosure.Decide(CommitmentGrade.Good, new(2, 0, 3), lenient));
        Assert.Equal(CommitmentOutcome.Closed, CommitmentClosure.Decide(CommitmentGrade.Good, new(2, 1, 3), lenient));
    }

    [Theory]
    [InlineData(3, 1, 0, CommitmentOutcome.Closed)] // 3 of 4 meets 3/4
    [InlineData(2, 1, 0, CommitmentOutcome.Open)] // 2 of 3 does not
    public void Decide_CustomClosureShareThreeQuarters_EachSide(int satisfied, int basically, int dissatisfied, CommitmentOutcome outcome) =>
        Assert.Equal(outcome, CommitmentClosure.Decide(CommitmentGrade.Good, new(satisfied, basically, dissatisfied), Rules with { Closure = new(3, 4, true) }));

    [Theory]
    [InlineData(-1, 0, 0, "satisfied")]
    [InlineData(0, -1, 0, "basicallySatisfied")]
    [InlineData(0, 0, -1, "dissatisfied")]
    [InlineData(1_000_000, 1, 0, "satisfied")]
    public void Decide_BadTally_RefusedNamingTheCount(int satisfied, int basically, int dissatisfied, string field)
    {
        var e = Assert.Throws<DomainRuleException>(() => CommitmentClosure.Decide(CommitmentGrade.Good, new(satisfied, basically, dissatisfied), Rules));

        Assert.Equal(("Input.OutOfRange", field), (e.Code, e.Field));
    }

    [Fact]
    public void Decide_UndefinedGrade_Refused() =>
        Assert.Equal("grade", Assert.Throws<DomainRuleException>(() => CommitmentClosure.Decide((CommitmentGrade)7, new(1, 0, 0), Rules)).Field);

    [Fact]
    public void Tally_Cast_IsTheSumOfTheThree() => Assert.Equal(6, new SatisfactionTally(3, 2, 1).Cast);
}
