using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>MTG-3, MTG-4, MTG-5, MTG-6, MTG-7: every threshold on both sides of its boundary.</summary>
public sealed class ItemDecisionTests
{
    private static ItemDecisionResult Decide(ItemCategory category, int entitled, int present, int votesFor, bool? inChargePresent = null, VoteChoice? view = null) =>
        ItemDecision.Decide(new ItemFacts(category, entitled, present, inChargePresent, new VoteCounts(votesFor, present - votesFor, 0), view));

    [Theory]
    [InlineData(6, 3, false)] // exactly half is not 超过半数
    [InlineData(6, 4, true)]
    [InlineData(7, 3, false)]
    [InlineData(7, 4, true)]
    [InlineData(1, 1, true)]
    public void Major_NeedsMoreThanHalfPresent(int entitled, int present, bool met)
    {
        var r = Decide(ItemCategory.Major, entitled, present, present, inChargePresent: true);

        Assert.Equal(met, r.QuorumMet);
        Assert.Equal(met ? [] : [QuorumProblem.AttendanceBelowHalf], r.QuorumProblems);
    }

    [Theory]
    [InlineData(6, 3, false)]
    [InlineData(6, 4, true)]
    public void Routine_NeedsMoreThanHalfPresent_ButNoMemberInCharge(int entitled, int present, bool met)
    {
        var r = Decide(ItemCategory.Routine, entitled, present, present, inChargePresent: false);

        Assert.Equal(met, r.QuorumMet);
    }

    [Theory]
    [InlineData(6, 4, true)] // 4 of 6 is two thirds exactly: 以上 includes it
    [InlineData(6, 3, false)]
    [InlineData(7, 5, true)]
    [InlineData(7, 4, false)] // 4/7 < 2/3
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    public void Cadre_NeedsTwoThirdsOrMorePresent(int entitled, int present, bool met)
    {
        var r = Decide(ItemCategory.Cadre, entitled, present, present);

        Assert.Equal(met, r.QuorumMet);
        Assert.Equal(met ? [] : [QuorumProblem.AttendanceBelowTwoThirds], r.QuorumProblems);
    }

    [Fact]
    public void Major_MemberInChargeAbsent_IsNotDecidedEvenWithFullAttendanceOtherwise()
    {
        var r = Decide(ItemCategory.Major, 7, 6, 6, inChargePresent: false);

        Assert.False(r.QuorumMet);
        Assert.Equal([QuorumProblem.InChargeAbsent], r.QuorumProblems);
        Assert.Equal(ItemOutcome.NotDecided, r.Outcome);
    }

    [Fact]
    public void Major_BothProblems_AreBothNamed()
    {
        var r = Decide(ItemCategory.Major, 7, 3, 3, inChargePresent: false);

        Assert.Equal([QuorumProblem.AttendanceBelowHalf, QuorumProblem.InChargeAbsent], r.QuorumProblems);
    }

    [Theory]
    [InlineData(7, 7, 4, ItemOutcome.Passed)]
    [InlineData(7, 7, 3, ItemOutcome.Rejected)] // all present voted, 3 for and 4 against
    [InlineData(7, 4, 4, ItemOutcome.Passed)] // 4 present, all for
    [InlineData(7, 5, 3, ItemOutcome.Rejected)] // 3 of 5 voting is a majority of those present, not of the 7 entitled
    [InlineData(6, 6, 3, ItemOutcome.Rejected)] // half is not more than half
    [InlineData(6, 6, 4, ItemOutcome.Passed)]
    public void Vote_PassesWithMoreThanHalfOfTheMembersEntitled(int entitled, int present, int votesFor, ItemOutcome outcome)
    {
        Assert.Equal(outcome, Decide(ItemCategory.Routine, entitled, present, votesFor).Outcome);
    }

    [Fact]
    public void NoQuorum_IsNotDecided_WhateverTheVotes()
    {
        Assert.Equal(ItemOutcome.NotDecided, Decide(ItemCategory.Routine, 7, 3, 3).Outcome);
    }

    [Theory]
    [InlineData(4, VoteChoice.Against, true)] // passed against the secretary
    [InlineData(4, VoteChoice.For, false)]
    [InlineData(3, VoteChoice.For, true)] // rejected though the secretary was for it
    [InlineData(3, VoteChoice.Against, false)]
    public void SecretaryContradictingTheResult_Escalates(int votesFor, VoteChoice view, bool escalate)
    {
        Assert.Equal(escalate, Decide(ItemCategory.Routine, 7, 7, votesFor, view: view).Escalate);
    }

    [Fact]
    public void NoQuorum_NeverEscalates()
    {
        Assert.False(Decide(ItemCategory.Routine, 7, 2, 2, view: VoteChoice.Against).Escalate);
    }

    [Fact]
    public void NoSecretaryView_NeverEscalates()
    {
        Assert.False(Decide(ItemCategory.Routine, 7, 7, 4).Escalate);
    }

    [Theory]
    [InlineData(3, 7, false)]
    [InlineData(4, 7, true)]
    [InlineData(3, 6, true)] // half is enough: 半数或半数以上
    [InlineData(2, 6, false)]
    public void MandatoryAgenda_HalfOrMoreOfTheTeam(int proposers, int team, bool mandatory)
    {
        Assert.Equal(mandatory, ItemDecision.MustBeOnAgenda(proposers, team));
    }

    [Fact]
    public void Secretary_SpeaksOnlyAfterEveryOtherPresentMember()
    {
        var present = new[] { "书记", "甲", "乙", "丙" };

        Assert.Equal(["乙", "丙"], ItemDecision.StillToSpeakBeforeSecretary(present, ["甲"], "书记"));
        Assert.Empty(ItemDecision.StillToSpeakBeforeSecretary(present, ["丙", "甲", "乙"], "书记"));
    }

    [Fact]
    public void Thresholds_AreRuleData()
    {
        var stricter = DecisionRules.Default with { Routine = new QuorumRule(Share.TwoThirdsOrMore, InChargeMustBePresent: false) };

        var r = ItemDecision.Decide(new ItemFacts(ItemCategory.Routine, 6, 3, null, new VoteCounts(3, 0, 0), null), stricter);

        Assert.Equal([QuorumProblem.AttendanceBelowTwoThirds], r.QuorumProblems);
    }

    [Theory]
    [InlineData(6, 4)]
    [InlineData(7, 4)]
    [InlineData(1, 1)]
    public void SmallestPart_OfMoreThanHalf(int whole, int part) => Assert.Equal(part, Share.MoreThanHalf.SmallestPart(whole));

    [Theory]
    [InlineData(6, 4)]
    [InlineData(7, 5)]
    [InlineData(9, 6)]
    public void SmallestPart_OfTwoThirds(int whole, int part) => Assert.Equal(part, Share.TwoThirdsOrMore.SmallestPart(whole));
}
