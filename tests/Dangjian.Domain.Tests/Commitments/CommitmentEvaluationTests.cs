using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Commitments.CommitmentFixture;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>评 on the item (CMT-6): each round kept, 销号, open, and the rectification loop through to closure.</summary>
public sealed class CommitmentEvaluationTests
{
    [Fact]
    public void Grade_GoodWithTwoOfThreeSatisfied_Closed_RoundKept()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);

        var outcome = item.Grade(campaign, CommitmentGrade.Good, new(2, 1, 0), null, "committee", Now, Today);

        Assert.Equal((CommitmentOutcome.Closed, CommitmentStatus.Closed, (DateTimeOffset?)Now), (outcome, item.Status, item.ClosedAt));
        var round = Assert.Single(item.Evaluations);
        Assert.Equal((1, CommitmentGrade.Good, new SatisfactionTally(2, 1, 0), "committee"), (round.Round, round.Grade, round.Tally, round.By));
        Assert.Equal("Commitment.NotGradable", Assert.Throws<DomainRuleException>(() => item.Grade(campaign, CommitmentGrade.Good, new(3, 0, 0), null, "c", Now, Today)).Code);
    }

    [Fact]
    public void Grade_GoodWithOneOfTwo_StaysOpen_NotOverdue_GradedAgainLater()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);

        Assert.Equal(CommitmentOutcome.Open, item.Grade(campaign, CommitmentGrade.Good, new(1, 1, 0), null, "c", Now, Today));

        Assert.Equal(CommitmentStatus.Evaluated, item.Status);
        Assert.False(item.IsOverdue(item.Deadline.AddDays(1)));
        Assert.Equal(CommitmentOutcome.Closed, item.Grade(campaign, CommitmentGrade.Good, new(2, 1, 0), null, "c", Now, Today));
        Assert.Equal([1, 2], item.Evaluations.Select(e => e.Round));
    }

    [Fact]
    public void Grade_Poor_WithoutAPlan_Refused_NothingRecorded()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);

        var e = Assert.Throws<DomainRuleException>(() => item.Grade(campaign, CommitmentGrade.Poor, new(5, 0, 0), null, "c", Now, Today));

        Assert.Equal(("Input.Required", "rectificationDeadline"), (e.Code, e.Field));
        Assert.Equal(CommitmentStatus.Approved, item.Status);
        Assert.Empty(item.Evaluations);
    }

    [Fact]
    public void Grade_RectificationDeadline_TodayAccepted_YesterdayRefused()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);

        Assert.Equal("Commitment.DeadlinePast", Assert.Throws<DomainRuleException>(() =>
            item.Grade(campaign, CommitmentGrade.Poor, new(0, 0, 0), Plan(Today.AddDays(-1)), "c", Now, Today)).Code);
        Assert.Equal("rectificationMeasures", Assert.Throws<DomainRuleException>(() =>
            item.Grade(campaign, CommitmentGrade.Poor, new(0, 0, 0), new(Today, " "), "c", Now, Today)).Field);
        item.Grade(campaign, CommitmentGrade.Poor, new(0, 0, 0), Plan(Today), "c", Now, Today);
        Assert.Equal((CommitmentStatus.Rectifying, (DateOnly?)Today), (item.Status, item.DueDate));
    }

    [Fact]
    public void Grade_ThreeOfFiveDissatisfied_Rectification_WithDeadlineAndMeasures()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);
        var plan = Plan();

        Assert.Equal(CommitmentOutcome.Rectification, item.Grade(campaign, CommitmentGrade.FairlyGood, new(2, 0, 3), plan, "c", Now, Today));

        Assert.Equal(CommitmentStatus.Rectifying, item.Status);
        Assert.Equal((plan.Deadline, plan.Measures), (item.LastEvaluation!.RectificationDeadline!.Value, item.LastEvaluation.RectificationMeasures));
        Assert.False(item.IsOverdue(plan.Deadline));
        Assert.True(item.IsOverdue(plan.Deadline.AddDays(1)));
    }

    [Fact]
    public void Grade_TwoOfFourDissatisfied_NoRectification_PlanIgnored()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);

        Assert.Equal(CommitmentOutcome.Open, item.Grade(campaign, CommitmentGrade.FairlyGood, new(2, 0, 2), Plan(), "c", Now, Today));

        Assert.Null(item.LastEvaluation!.RectificationDeadline);
    }

    [Fact]
    public void Grade_InRectification_ShortOfClosure_StaysInRectification_NeedsANewPlan()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);
        item.Grade(campaign, CommitmentGrade.Poor, new(1, 1, 4), Plan(), "c", Now, Today);
        campaign.Status = CommitmentCampaignStatus.Closed;

        // 较好 with everyone satisfied leaves a fresh item open; in rectification it goes on (直至群众满意), with a new plan.
        var e = Assert.Throws<DomainRuleException>(() => item.Grade(campaign, CommitmentGrade.FairlyGood, new(3, 0, 0), null, "c", Now, Today));

        Assert.Equal("rectificationDeadline", e.Field);
        Assert.Equal(CommitmentStatus.Rectifying, item.Status);
        Assert.Single(item.Evaluations);
    }

    [Fact]
    public void Grade_RectificationLoop_ThroughToClosure()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);
        item.Grade(campaign, CommitmentGrade.Poor, new(1, 1, 4), Plan(), "c", Now, Today);
        campaign.Status = CommitmentCampaignStatus.Closed;
        var later = Today.AddDays(40);

        var second = item.Grade(campaign, CommitmentGrade.FairlyGood, new(3, 0, 0), Plan(later.AddDays(30)), "c", Now.AddDays(40), later);
        item.RecordProgress(new() { Date = later, Steps = "整改落实", ResponsiblePerson = "张伟" }, "c", later, Now.AddDays(41));
        var third = item.Grade(campaign, CommitmentGrade.Good, new(2, 1, 0), null, "c", Now.AddDays(80), later.AddDays(40));

        Assert.Equal((CommitmentOutcome.Rectification, CommitmentOutcome.Closed), (second, third));
        Assert.Equal(CommitmentStatus.Closed, item.Status);
        Assert.Equal(
            [(1, CommitmentGrade.Poor, CommitmentOutcome.Rectification), (2, CommitmentGrade.FairlyGood, CommitmentOutcome.Rectification), (3, CommitmentGrade.Good, CommitmentOutcome.Closed)],
            item.Evaluations.Select(e => (e.Round, e.Grade, e.Outcome)));
        Assert.Equal(later.AddDays(30), item.Evaluations[1].RectificationDeadline);
    }

    [Theory]
    [InlineData(CommitmentCampaignStatus.Fulfilling)]
    [InlineData(CommitmentCampaignStatus.Closed)]
    public void Grade_FirstRoundOutsideTheEvaluationStep_Refused(CommitmentCampaignStatus step)
    {
        var (campaign, item) = Approved(step);

        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => item.Grade(campaign, CommitmentGrade.Good, new(3, 0, 0), null, "c", Now, Today)).Code);
        Assert.Empty(item.Evaluations);
    }

    [Fact]
    public void Grade_RectifyingItem_DuringFulfilment_Refused()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);
        item.Grade(campaign, CommitmentGrade.Poor, new(0, 0, 1), Plan(), "c", Now, Today);
        campaign.Status = CommitmentCampaignStatus.Fulfilling;

        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => item.Grade(campaign, CommitmentGrade.Good, new(3, 0, 0), null, "c", Now, Today)).Code);
    }

    [Fact]
    public void Grade_NotYetApproved_Refused()
    {
        var (campaign, item) = Submitted();
        campaign.Status = CommitmentCampaignStatus.Evaluating;

        Assert.Equal("Commitment.NotGradable", Assert.Throws<DomainRuleException>(() => item.Grade(campaign, CommitmentGrade.Good, new(3, 0, 0), null, "c", Now, Today)).Code);
    }

    [Fact]
    public void DemandNewVote_FirstRoundAnyVote_LaterRoundOnlyAVoteOpenedAfterIt()
    {
        var (campaign, item) = Approved(CommitmentCampaignStatus.Evaluating);
        item.DemandNewVote(Now.AddDays(-30));
        item.Grade(campaign, CommitmentGrade.Poor, new(0, 0, 3), Plan(), "c", Now, Today);

        var same = Assert.Throws<DomainRuleException>(() => item.DemandNewVote(Now));
        Assert.Equal(("Commitment.VoteNotNew", "satisfied"), (same.Code, same.Field));
        item.DemandNewVote(Now.AddTicks(1));
    }
}
