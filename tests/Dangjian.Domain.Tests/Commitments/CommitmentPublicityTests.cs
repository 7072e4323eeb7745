using Dangjian.Domain.Calendar;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Commitments.CommitmentFixture;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>
/// 评: the grades' publicity (评议结果公示) counted in working days, objections filed during it and answered, the close
/// that waits for both, and the member's 述职 written only during 评.
/// </summary>
public sealed class CommitmentPublicityTests
{
    private static readonly HolidayCalendar Holidays = HolidayCalendar.Shipped;

    /// <summary>A Monday of a week with no holiday (2026-03-02): Monday to Friday are five working days.</summary>
    private static readonly DateOnly Monday = Today;

    private static readonly CommitmentStatus[] Graded = [CommitmentStatus.Closed, CommitmentStatus.Evaluated, CommitmentStatus.Rectifying, CommitmentStatus.Rejected];

    [Fact]
    public void Publicize_ExactlyFiveWorkingDays_Accepted()
    {
        var campaign = Campaign(CommitmentCampaignStatus.Evaluating);

        campaign.Publicize(Monday, Monday.AddDays(4), Holidays, Graded);

        Assert.Equal((Monday, Monday.AddDays(4)), (campaign.PublicityFrom!.Value, campaign.PublicityTo!.Value));
        Assert.Equal(CommitmentCampaignStatus.Evaluating, campaign.Status);
    }

    [Fact]
    public void Publicize_FourWorkingDays_RefusedNamingTheMinimum()
    {
        var campaign = Campaign(CommitmentCampaignStatus.Evaluating);

        // Monday to Sunday less the Friday: the weekend adds nothing.
        var e = Assert.Throws<DomainRuleException>(() => campaign.Publicize(Monday.AddDays(1), Monday.AddDays(6), Holidays, Graded));

        Assert.Equal(("Commitment.PeriodTooShort", "to", 5), (e.Code, e.Field, (int)e.Arguments[0]));
        Assert.Null(campaign.PublicityTo);
    }

    [Fact]
    public void Publicize_Backwards_Refused() =>
        Assert.Equal("Commitment.PeriodBackwards", Assert.Throws<DomainRuleException>(() => Campaign(CommitmentCampaignStatus.Evaluating).Publicize(Monday, Monday.AddDays(-1), Holidays, Graded, 0)).Code);

    [Fact]
    public void Publicize_AnItemUngraded_RefusedNamingTheCount()
    {
        var e = Assert.Throws<DomainRuleException>(() =>
            Campaign(CommitmentCampaignStatus.Evaluating).Publicize(Monday, Monday.AddDays(4), Holidays, [CommitmentStatus.Closed, CommitmentStatus.Approved, CommitmentStatus.Approved]));

        Assert.Equal(("Commitment.Ungraded", 2), (e.Code, (int)e.Arguments[0]));
    }

    [Theory]
    [InlineData(CommitmentCampaignStatus.Fulfilling)]
    [InlineData(CommitmentCampaignStatus.Closed)]
    public void Publicize_OutsideEvaluation_Refused(CommitmentCampaignStatus status) =>
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => Campaign(status).Publicize(Monday, Monday.AddDays(4), Holidays, Graded)).Code);

    [Fact]
    public void Close_OnTheLastDayOfPublicity_Refused_TheDayAfter_Accepted()
    {
        var campaign = Publicized();

        var e = Assert.Throws<DomainRuleException>(() => campaign.Close(Graded, Monday.AddDays(4), 0));
        Assert.Equal(("Commitment.PublicityNotOver", "publicityTo"), (e.Code, e.Field));
        Assert.Equal(CommitmentCampaignStatus.Evaluating, campaign.Status);

        campaign.Close(Graded, Monday.AddDays(5), 0);
        Assert.Equal(CommitmentCampaignStatus.Closed, campaign.Status);
    }

    [Fact]
    public void Close_NeverPublicized_Refused() =>
        Assert.Equal("Commitment.NotPublicized", Assert.Throws<DomainRuleException>(() => Campaign(CommitmentCampaignStatus.Evaluating).Close(Graded, Monday.AddDays(30), 0)).Code);

    [Fact]
    public void Close_UnansweredObjection_Blocks_BothReasonsNamed()
    {
        var campaign = Publicized();

        var after = Assert.Throws<DomainRuleException>(() => campaign.Close(Graded, Monday.AddDays(5), 1));
        Assert.Equal([("objections", "Commitment.UnansweredObjections")], after.Problems.Select(p => (p.Field, p.Code)));
        var during = Assert.Throws<DomainRuleException>(() => campaign.Close(Graded, Monday, 2));
        Assert.Equal(["publicityTo", "objections"], during.Problems.Select(p => p.Field));
        Assert.Equal(CommitmentCampaignStatus.Evaluating, campaign.Status);
    }

    [Fact]
    public void Objection_DuringPublicity_Filed_Anonymous_ThenAnswered()
    {
        var campaign = Publicized();

        var objection = CommitmentObjection.File(campaign, " 公示的成效与实际不符 ", " ", 3, Monday.AddDays(4), Now);
        Assert.Equal(("公示的成效与实际不符", null, 3, CampaignId), (objection.Text, objection.FiledBy, objection.CommitmentId, objection.CampaignId));
        Assert.Equal("answer", Assert.Throws<DomainRuleException>(() => objection.AnswerWith(campaign, " ", "committee", Now)).Field);
        Assert.Null(objection.AnsweredAt);

        objection.AnswerWith(campaign, "已核实，成效属实。", "committee", Now);
        Assert.Equal(("已核实，成效属实。", "committee"), (objection.Answer, objection.AnsweredBy));
        campaign.Status = CommitmentCampaignStatus.Closed;
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => objection.AnswerWith(campaign, "改", "c", Now)).Code);
    }

    [Fact]
    public void Objection_BeforeOrAfterPublicity_Refused()
    {
        var campaign = Publicized();

        Assert.Equal("Commitment.NotInPublicity", Assert.Throws<DomainRuleException>(() => CommitmentObjection.File(campaign, "异议", null, null, Monday.AddDays(-1), Now)).Code);
        Assert.Equal("Commitment.NotInPublicity", Assert.Throws<DomainRuleException>(() => CommitmentObjection.File(campaign, "异议", null, null, Monday.AddDays(5), Now)).Code);
        Assert.Equal("Commitment.NotInPublicity", Assert.Throws<DomainRuleException>(() => CommitmentObjection.File(Campaign(CommitmentCampaignStatus.Evaluating), "异议", null, null, Monday, Now)).Code);
        Assert.Equal("text", Assert.Throws<DomainRuleException>(() => CommitmentObjection.File(campaign, " ", "张三", null, Monday, Now)).Field);
    }

    [Fact]
    public void SelfReport_OnlyDuringEvaluation_TextRequired()
    {
        var fulfilling = Campaign(CommitmentCampaignStatus.Fulfilling);
        var report = CommitmentSelfReport.For(fulfilling, 5, null);
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => report.Write(fulfilling, "述职", "member", Now)).Code);

        var evaluating = Campaign(CommitmentCampaignStatus.Evaluating);
        Assert.Equal("text", Assert.Throws<DomainRuleException>(() => report.Write(evaluating, " ", "member", Now)).Field);
        report.Write(evaluating, " 三件承诺均已完成。 ", "member", Now);
        Assert.Equal(("三件承诺均已完成。", "member", 5), (report.Text, report.SubmittedBy, report.PersonId!.Value));

        var closed = Campaign(CommitmentCampaignStatus.Closed);
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => report.Write(closed, "改写", "member", Now)).Code);
    }

    [Fact]
    public void SelfReport_NeedsExactlyOneOwner()
    {
        var campaign = Campaign(CommitmentCampaignStatus.Evaluating);

        Assert.Equal("Commitment.OneOwner", Assert.Throws<DomainRuleException>(() => CommitmentSelfReport.For(campaign, 5, 10)).Code);
        Assert.Equal("Commitment.OneOwner", Assert.Throws<DomainRuleException>(() => CommitmentSelfReport.For(campaign, null, null)).Code);
        Assert.Equal(10, CommitmentSelfReport.For(campaign, null, 10).OrganizationId);
    }

    [Fact]
    public void LinkEvaluation_Once_FromFulfilmentUntilClosed()
    {
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => Campaign(CommitmentCampaignStatus.Approving).LinkEvaluation(3)).Code);
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => Campaign(CommitmentCampaignStatus.Closed).LinkEvaluation(3)).Code);
        var campaign = Campaign(CommitmentCampaignStatus.Fulfilling);

        campaign.LinkEvaluation(3);

        Assert.Equal(3, campaign.EvaluationCampaignId);
        campaign.Status = CommitmentCampaignStatus.Evaluating;
        Assert.Equal("Commitment.EvaluationExists", Assert.Throws<DomainRuleException>(() => campaign.LinkEvaluation(4)).Code);
        Assert.Equal(3, campaign.EvaluationCampaignId);
    }

    private static CommitmentCampaign Publicized()
    {
        var campaign = Campaign(CommitmentCampaignStatus.Evaluating);
        campaign.Publicize(Monday, Monday.AddDays(4), Holidays, Graded);
        return campaign;
    }
}
