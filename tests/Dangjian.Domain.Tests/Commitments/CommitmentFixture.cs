using Dangjian.Domain.Commitments;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>A 2026 campaign and its items at any step, for the commitment tests.</summary>
internal static class CommitmentFixture
{
    public const int CampaignId = 7;
    public const string Clerk = "clerk.a";
    public static readonly DateOnly Today = new(2026, 3, 2);
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public static CommitmentCampaign Campaign(CommitmentCampaignStatus status = CommitmentCampaignStatus.Defining, CommitmentRules? rules = null) => new()
    {
        Id = CampaignId,
        OrganizationId = 10,
        Year = 2026,
        Title = "2026年公开承诺",
        Status = status,
        Rules = rules ?? CommitmentRules.Default,
    };

    public static CommitmentContent Content(string content = "为群众办实事", DateOnly? deadline = null) =>
        new(content, "每月走访一次", deadline ?? new DateOnly(2026, 10, 31), "张伟");

    /// <summary>A member's <paramref name="count"/> drafts.</summary>
    public static List<Commitment> Drafts(CommitmentCampaign campaign, int count, int personId = 1) =>
        [.. Enumerable.Range(1, count).Select(i => Id(Commitment.ForMember(campaign, personId, Content($"承诺 {i}"), Today), i))];

    /// <summary>One member's item submitted (with a second so the bound holds) and the campaign at 审.</summary>
    public static (CommitmentCampaign Campaign, Commitment Item) Submitted(CommitmentRules? rules = null)
    {
        var campaign = Campaign(rules: rules);
        var items = Drafts(campaign, 2);
        campaign.Submit(items, "member.1", Now);
        campaign.Status = CommitmentCampaignStatus.Approving;
        return (campaign, items[0]);
    }

    /// <summary>An organization's item submitted, the campaign at 审.</summary>
    public static (CommitmentCampaign Campaign, Commitment Item) OrganizationSubmitted(ApprovalLevel ownerLevel, CommitmentDirection direction = CommitmentDirection.Upward)
    {
        var campaign = Campaign();
        var item = Id(Commitment.ForOrganization(campaign, 20, ownerLevel, direction, Content(), Today), 1);
        campaign.Submit([item], Clerk, Now);
        campaign.Status = CommitmentCampaignStatus.Approving;
        return (campaign, item);
    }

    /// <summary>A member's item approved at every level, the campaign at <paramref name="step"/>.</summary>
    public static (CommitmentCampaign Campaign, Commitment Item) Approved(CommitmentCampaignStatus step = CommitmentCampaignStatus.Fulfilling)
    {
        var (campaign, item) = Submitted();
        item.Approve(campaign, ApprovalLevel.Branch, "branch.secretary", Now);
        item.Approve(campaign, ApprovalLevel.Committee, "committee.secretary", Now);
        campaign.Status = step;
        return (campaign, item);
    }

    public static RectificationPlan Plan(DateOnly? deadline = null) => new(deadline ?? Today.AddDays(30), "限期整改，每周走访");

    private static Commitment Id(Commitment item, int id)
    {
        item.Id = id;
        return item;
    }
}
