using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Commitments.CommitmentFixture;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>定 and 审 (CMT-1 … CMT-3): the per-member bound at submission, level by level approval, returns and the trail.</summary>
public sealed class CommitmentApprovalTests
{
    [Theory]
    [InlineData(1, "Commitment.TooFew")]
    [InlineData(6, "Commitment.TooMany")]
    public void Submit_MemberOutsideTheBound_RefusedAndAllStayDrafts(int count, string code)
    {
        var campaign = Campaign();
        var items = Drafts(campaign, count);

        var e = Assert.Throws<DomainRuleException>(() => campaign.Submit(items, "member.1", Now));

        Assert.Equal(code, e.Code);
        Assert.All(items, i => Assert.Equal((CommitmentStatus.Draft, (ApprovalLevel?)null, (string?)null), (i.Status, i.CurrentLevel, i.SubmittedBy)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Submit_MemberWithinTheBound_AllAwaitTheBranch(int count)
    {
        var campaign = Campaign();
        var items = Drafts(campaign, count);

        campaign.Submit(items, "member.1", Now);

        Assert.All(items, i => Assert.Equal((CommitmentStatus.AwaitingApproval, (ApprovalLevel?)ApprovalLevel.Branch, "member.1", (DateTimeOffset?)Now), (i.Status, i.CurrentLevel, i.SubmittedBy, i.SubmittedAt)));
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Submit_CustomBoundFourToSix_CountsEachSide(int count, bool accepted)
    {
        var campaign = Campaign(rules: new CommitmentRules { MinPerMember = 4, MaxPerMember = 6 });

        var e = Record.Exception(() => campaign.Submit(Drafts(campaign, count), "m", Now));

        Assert.Equal(accepted, e is null);
    }

    [Fact]
    public void Submit_RejectedItemsDoNotCount_AnotherMustBeWritten()
    {
        var (campaign, item) = Submitted();
        item.Reject(campaign, ApprovalLevel.Branch, "不符合岗位实际", "branch", Now);
        var others = new List<Commitment> { item, SecondOf(campaign) };
        others[1].Return(campaign, ApprovalLevel.Branch, "时限过长", "branch", Now);

        Assert.Equal("Commitment.TooFew", Assert.Throws<DomainRuleException>(() => campaign.Submit(others, "m", Now)).Code);
    }

    [Fact]
    public void Submit_OrganizationsOwnItem_NotBoundByThePerMemberCount()
    {
        var (_, item) = OrganizationSubmitted(ApprovalLevel.Branch);

        Assert.Equal(CommitmentStatus.AwaitingApproval, item.Status);
    }

    [Theory]
    [InlineData(ApprovalLevel.Branch, CommitmentDirection.Upward, ApprovalLevel.Committee)]
    [InlineData(ApprovalLevel.Branch, CommitmentDirection.Downward, ApprovalLevel.Committee)]
    [InlineData(ApprovalLevel.Committee, CommitmentDirection.Upward, ApprovalLevel.Superior)]
    public void Submit_OrganizationsOwnItem_StartsAtTheLevelItAnswersTo(ApprovalLevel owner, CommitmentDirection direction, ApprovalLevel first)
    {
        var (campaign, item) = OrganizationSubmitted(owner, direction);

        Assert.Equal(first, item.CurrentLevel);
        Assert.Equal("Commitment.NotAtLevel", Assert.Throws<DomainRuleException>(() => item.Approve(campaign, owner, "self", Now)).Code);
        item.Approve(campaign, first, "above", Now);
        Assert.Equal(CommitmentStatus.Approved, item.Status);
    }

    [Fact]
    public void Submit_CampaignPastApproval_Refused()
    {
        var campaign = Campaign();
        var items = Drafts(campaign, 2);
        campaign.Status = CommitmentCampaignStatus.Fulfilling;

        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => campaign.Submit(items, "m", Now)).Code);
        Assert.All(items, i => Assert.Equal(CommitmentStatus.Draft, i.Status));
    }

    [Fact]
    public void Submit_NothingEditable_Refused()
    {
        var (campaign, item) = Submitted();

        Assert.Equal("Commitment.NothingToSubmit", Assert.Throws<DomainRuleException>(() => campaign.Submit([item, SecondOf(campaign)], "m", Now)).Code);
    }

    [Fact]
    public void Approve_CommitteeBeforeBranch_Refused_NothingRecorded()
    {
        var (campaign, item) = Submitted();

        var e = Assert.Throws<DomainRuleException>(() => item.Approve(campaign, ApprovalLevel.Committee, "committee", Now));

        Assert.Equal(("Commitment.NotAtLevel", "level"), (e.Code, e.Field));
        Assert.Equal((CommitmentStatus.AwaitingApproval, (ApprovalLevel?)ApprovalLevel.Branch), (item.Status, item.CurrentLevel));
        Assert.Empty(item.Decisions);
    }

    [Fact]
    public void Approve_BranchThenCommittee_Approved_WithBothDecisionsInOrder()
    {
        var (campaign, item) = Submitted();
        var later = Now.AddHours(2);

        item.Approve(campaign, ApprovalLevel.Branch, "branch", Now);
        Assert.Equal((CommitmentStatus.AwaitingApproval, (ApprovalLevel?)ApprovalLevel.Committee), (item.Status, item.CurrentLevel));
        Assert.Equal("Commitment.NotAtLevel", Assert.Throws<DomainRuleException>(() => item.Approve(campaign, ApprovalLevel.Branch, "branch", Now)).Code);
        item.Approve(campaign, ApprovalLevel.Committee, "committee", later, "同意");

        Assert.Equal((CommitmentStatus.Approved, (ApprovalLevel?)null, (DateTimeOffset?)later), (item.Status, item.CurrentLevel, item.ApprovedAt));
        Assert.Equal(
            [(ApprovalLevel.Branch, ApprovalDecision.Approve, (string?)null, "branch"), (ApprovalLevel.Committee, ApprovalDecision.Approve, "同意", "committee")],
            item.Decisions.Select(d => (d.Level, d.Decision, d.Comment, d.By)));
    }

    [Fact]
    public void Approve_SingleLevelRules_ApprovedAtTheBranch()
    {
        var (campaign, item) = Submitted(new CommitmentRules { ApprovalLevels = [ApprovalLevel.Branch] });

        item.Approve(campaign, ApprovalLevel.Branch, "branch", Now);

        Assert.Equal(CommitmentStatus.Approved, item.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ReturnAndReject_WithoutComment_Refused_NothingChanged(string? comment)
    {
        var (campaign, item) = Submitted();

        var r = Assert.Throws<DomainRuleException>(() => item.Return(campaign, ApprovalLevel.Branch, comment!, "branch", Now));
        var j = Assert.Throws<DomainRuleException>(() => item.Reject(campaign, ApprovalLevel.Branch, comment!, "branch", Now));

        Assert.All([r, j], e => Assert.Equal(("Input.Required", "comment"), (e.Code, e.Field)));
        Assert.Equal(CommitmentStatus.AwaitingApproval, item.Status);
        Assert.Empty(item.Decisions);
    }

    [Fact]
    public void Decide_CommentTooLong_Refused_LimitAccepted()
    {
        var (campaign, item) = Submitted();

        Assert.Equal("Input.TooLong", Assert.Throws<DomainRuleException>(() => item.Return(campaign, ApprovalLevel.Branch, new string('改', Commitment.MaxCommentLength + 1), "b", Now)).Code);
        item.Return(campaign, ApprovalLevel.Branch, new string('改', Commitment.MaxCommentLength), "b", Now);
        Assert.Equal(CommitmentStatus.Returned, item.Status);
    }

    [Fact]
    public void Return_ByTheCommittee_EditedAndResubmitted_ReEntersAtTheCommittee()
    {
        var (campaign, item) = Submitted();
        var second = SecondOf(campaign);
        item.Approve(campaign, ApprovalLevel.Branch, "branch", Now);
        item.Return(campaign, ApprovalLevel.Committee, "措施不够具体", "committee", Now);
        Assert.Equal((CommitmentStatus.Returned, (ApprovalLevel?)ApprovalLevel.Committee), (item.Status, item.CurrentLevel));

        item.Edit(campaign, Content("为群众办实事：每月两次"), Today);
        campaign.Submit([item, second], "member.1", Now);

        Assert.Equal((CommitmentStatus.AwaitingApproval, (ApprovalLevel?)ApprovalLevel.Committee), (item.Status, item.CurrentLevel));
        Assert.Equal("Commitment.NotAtLevel", Assert.Throws<DomainRuleException>(() => item.Approve(campaign, ApprovalLevel.Branch, "branch", Now)).Code);
        item.Approve(campaign, ApprovalLevel.Committee, "committee", Now);
        Assert.Equal(CommitmentStatus.Approved, item.Status);
        Assert.Equal([ApprovalDecision.Approve, ApprovalDecision.Return, ApprovalDecision.Approve], item.Decisions.Select(d => d.Decision));
        Assert.Equal("措施不够具体", item.Decisions[1].Comment);
    }

    [Fact]
    public void Return_ByTheBranch_ReEntersAtTheBranch()
    {
        var (campaign, item) = Submitted();
        item.Return(campaign, ApprovalLevel.Branch, "时限过长", "branch", Now);

        campaign.Submit([item, SecondOf(campaign)], "member.1", Now);

        Assert.Equal(ApprovalLevel.Branch, item.CurrentLevel);
    }

    [Fact]
    public void Reject_IsFinal_NoMoreDecisionsOrEdits()
    {
        var (campaign, item) = Submitted();

        item.Reject(campaign, ApprovalLevel.Branch, "与岗位无关", "branch", Now);

        Assert.Equal((CommitmentStatus.Rejected, (ApprovalLevel?)null), (item.Status, item.CurrentLevel));
        Assert.Equal("Commitment.NotAwaitingApproval", Assert.Throws<DomainRuleException>(() => item.Approve(campaign, ApprovalLevel.Branch, "b", Now)).Code);
        Assert.Equal("Commitment.NotEditable", Assert.Throws<DomainRuleException>(() => item.Edit(campaign, Content(), Today)).Code);
    }

    [Fact]
    public void Decide_OutsideTheApprovalStep_Refused()
    {
        var (campaign, item) = Submitted();
        campaign.Status = CommitmentCampaignStatus.Defining;

        Assert.Equal("Commitment.CampaignStage", Assert.Throws<DomainRuleException>(() => item.Approve(campaign, ApprovalLevel.Branch, "b", Now)).Code);
        Assert.Empty(item.Decisions);
    }

    [Fact]
    public void Edit_AwaitingOrApproved_Refused_ContentKept()
    {
        var (campaign, item) = Submitted();
        Assert.Equal("Commitment.NotEditable", Assert.Throws<DomainRuleException>(() => item.Edit(campaign, Content("改了"), Today)).Code);

        item.Approve(campaign, ApprovalLevel.Branch, "b", Now);
        item.Approve(campaign, ApprovalLevel.Committee, "c", Now);

        Assert.Equal("Commitment.NotEditable", Assert.Throws<DomainRuleException>(() => item.Edit(campaign, Content("改了"), Today)).Code);
        Assert.Equal("承诺 1", item.Content);
    }

    [Fact]
    public void Edit_Deadline_TodayAndYearEndAccepted_YesterdayAndNextYearRefused()
    {
        var campaign = Campaign();
        var item = Commitment.ForMember(campaign, 1, Content(deadline: Today), Today);

        Assert.Equal("Commitment.DeadlinePast", Assert.Throws<DomainRuleException>(() => item.Edit(campaign, Content(deadline: Today.AddDays(-1)), Today)).Code);
        item.Edit(campaign, Content(deadline: new DateOnly(2026, 12, 31)), Today);
        var e = Assert.Throws<DomainRuleException>(() => item.Edit(campaign, Content(deadline: new DateOnly(2027, 1, 1)), Today));
        Assert.Equal(("Commitment.DeadlineAfterYear", "deadline"), (e.Code, e.Field));
        Assert.Equal(new DateOnly(2026, 12, 31), item.Deadline);
    }

    [Theory]
    [InlineData("", "措施", "张伟", "content", "Input.Required")]
    [InlineData("内容", " ", "张伟", "measures", "Input.Required")]
    [InlineData("内容", "措施", "", "responsibleName", "Input.Required")]
    public void Edit_RequiredTextMissing_RefusedNamingTheField(string content, string measures, string responsible, string field, string code)
    {
        var e = Assert.Throws<DomainRuleException>(() => Commitment.ForMember(Campaign(), 1, new(content, measures, Today, responsible), Today));

        Assert.Equal((code, field), (e.Code, e.Field));
    }

    [Fact]
    public void Edit_ContentAtAndOverTheLimit_TrimmedAndCitedOpinionsOnce()
    {
        var opinion = Guid.NewGuid();
        var ok = Commitment.ForMember(Campaign(), 1, new($" {new string('办', Commitment.MaxContentLength)} ", "措施", Today, "张伟", 5, [opinion, opinion]), Today);

        Assert.Equal(Commitment.MaxContentLength, ok.Content.Length);
        Assert.Equal([opinion], ok.CitedOpinionIds);
        Assert.Equal("Input.TooLong", Assert.Throws<DomainRuleException>(() =>
            Commitment.ForMember(Campaign(), 1, new(new string('办', Commitment.MaxContentLength + 1), "措施", Today, "张伟"), Today)).Code);
    }

    [Fact]
    public void ForOrganization_AsSuperiorOrUndefinedDirection_Refused()
    {
        Assert.Equal("Commitment.OwnerKind", Assert.Throws<DomainRuleException>(() =>
            Commitment.ForOrganization(Campaign(), 20, ApprovalLevel.Superior, CommitmentDirection.Upward, Content(), Today)).Code);
        Assert.Equal("direction", Assert.Throws<DomainRuleException>(() =>
            Commitment.ForOrganization(Campaign(), 20, ApprovalLevel.Branch, (CommitmentDirection)5, Content(), Today)).Field);
    }

    private static Commitment SecondOf(CommitmentCampaign campaign)
    {
        // Submitted() gives the member two items; the second is rebuilt here in the state the first was submitted in.
        var second = Commitment.ForMember(campaign, 1, Content("承诺 2"), Today);
        second.Id = 2;
        second.Status = CommitmentStatus.AwaitingApproval;
        second.CurrentLevel = ApprovalLevel.Branch;
        return second;
    }
}
