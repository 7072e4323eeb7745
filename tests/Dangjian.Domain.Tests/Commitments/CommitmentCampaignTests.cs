using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Commitments.CommitmentFixture;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>The campaign's steps 定 → 审 → 履 → 评 → closed, each guarded, and its description and rule data.</summary>
public sealed class CommitmentCampaignTests
{
    [Fact]
    public void Steps_InOrder_EachGuarded()
    {
        var campaign = Campaign();

        Assert.Equal("Commitment.NothingSubmitted", Assert.Throws<DomainRuleException>(() => campaign.StartApproval([CommitmentStatus.Draft])).Code);
        campaign.StartApproval([CommitmentStatus.Draft, CommitmentStatus.AwaitingApproval]);
        Assert.Equal(CommitmentCampaignStatus.Approving, campaign.Status);

        var e = Assert.Throws<DomainRuleException>(() => campaign.StartFulfilment([CommitmentStatus.Approved, CommitmentStatus.Returned, CommitmentStatus.Draft, CommitmentStatus.Rejected]));
        Assert.Equal(("Commitment.ApprovalUnfinished", 2), (e.Code, (int)e.Arguments[0]));
        campaign.StartFulfilment([CommitmentStatus.Approved, CommitmentStatus.Rejected]);
        Assert.Equal(CommitmentCampaignStatus.Fulfilling, campaign.Status);

        campaign.StartEvaluation();
        Assert.Equal(CommitmentCampaignStatus.Evaluating, campaign.Status);

        var u = Assert.Throws<DomainRuleException>(() => campaign.Close([CommitmentStatus.Closed, CommitmentStatus.Approved], Today, 0));
        Assert.Equal(("Commitment.Ungraded", 1), (u.Code, (int)u.Arguments[0]));
        campaign.Publicize(Today, Today.AddDays(6), Dangjian.Domain.Calendar.HolidayCalendar.Shipped, [CommitmentStatus.Closed]);
        campaign.Close([CommitmentStatus.Closed, CommitmentStatus.Rectifying, CommitmentStatus.Evaluated, CommitmentStatus.Rejected], Today.AddDays(7), 0);
        Assert.Equal(CommitmentCampaignStatus.Closed, campaign.Status);
    }

    [Fact]
    public void Steps_NoneSkippedOrRepeated()
    {
        var campaign = Campaign();

        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => campaign.StartFulfilment([])).Code);
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(campaign.StartEvaluation).Code);
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => campaign.Close([], Today, 0)).Code);
        campaign.StartApproval([CommitmentStatus.AwaitingApproval]);
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => campaign.StartApproval([CommitmentStatus.AwaitingApproval])).Code);
        Assert.Equal(CommitmentCampaignStatus.Approving, campaign.Status);
    }

    [Fact]
    public void SetRules_Invalid_RefusedNamingEveryField_DefaultsKept()
    {
        var campaign = Campaign();

        var e = Assert.Throws<DomainRuleException>(() => campaign.SetRules(new CommitmentRules { MinPerMember = 0, ApprovalLevels = [] }));

        Assert.Equal(["minPerMember", "approvalLevels"], e.Problems.Select(p => p.Field));
        Assert.Same(CommitmentRules.Default, campaign.Rules);
    }

    [Fact]
    public void SetRules_OnlyWhileDefining()
    {
        var campaign = Campaign();
        var rules = new CommitmentRules { MinPerMember = 1, MaxPerMember = 3 };
        campaign.SetRules(rules);
        Assert.Same(rules, campaign.Rules);

        campaign.Status = CommitmentCampaignStatus.Approving;
        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => campaign.SetRules(CommitmentRules.Default)).Code);
    }

    [Theory]
    [InlineData(1999, "year")]
    [InlineData(2101, "year")]
    public void Describe_YearOutOfRange_Refused(int year, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => Campaign().Describe(year, "标题")).Field);

    [Fact]
    public void Describe_TitleRequiredAndBounded_Trimmed()
    {
        var campaign = Campaign();

        Assert.Equal("Input.Required", Assert.Throws<DomainRuleException>(() => campaign.Describe(2026, " ")).Code);
        Assert.Equal("Input.TooLong", Assert.Throws<DomainRuleException>(() => campaign.Describe(2026, new string('承', CommitmentCampaign.MaxTitleLength + 1))).Code);
        campaign.Describe(2000, $" {new string('承', CommitmentCampaign.MaxTitleLength)} ");
        Assert.Equal((2000, CommitmentCampaign.MaxTitleLength), (campaign.Year, campaign.Title.Length));
    }
}
