using Dangjian.Domain.Common;

namespace Dangjian.Domain.Commitments;

/// <summary>
/// 定: collecting opinions before commitments are written (seed 001 第五篇 一、定: 召开一次座谈会、设置一个意见箱、开展一次调研走访).
/// Collection is open while the campaign is in 定 and closes when it moves on. The suggestion box keeps the text and the day
/// only; staff record what a 座谈会 or a visit brought, with a name only when the person agreed to be named.
/// </summary>
public static class OpinionGathering
{
    /// <summary>Opinions are taken during 定 only: commitments are written from them then.</summary>
    public static bool IsOpen(CommitmentCampaignStatus status) => status == CommitmentCampaignStatus.Defining;

    /// <summary>An anonymous suggestion (意见箱): text and day, a random id, nothing about the sender.</summary>
    public static CommitmentOpinion FromSuggestionBox(int campaignId, CommitmentCampaignStatus status, string? text, DateOnly today)
    {
        RefuseUnlessOpen(status);
        return new CommitmentOpinion
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            Channel = OpinionChannel.SuggestionBox,
            Text = TextInput.Required(text, CommitmentOpinion.MaxTextLength, "text", "Field.Commitment.OpinionText"),
            ReceivedOn = today,
        };
    }

    /// <summary>
    /// An opinion staff took down at a 座谈会 or on a visit (调研走访), on a day not after <paramref name="today"/>. The
    /// suggestion box is the public form's alone: an entry by staff under it would pass a known author off as anonymous.
    /// </summary>
    public static CommitmentOpinion Recorded(
        int campaignId, CommitmentCampaignStatus status, OpinionChannel? channel, string? text, DateOnly? receivedOn, string? submitterName, DateOnly today)
    {
        RefuseUnlessOpen(status);
        if (channel is not { } c || !Enum.IsDefined(c))
        {
            throw new DomainRuleException("Input.Required", "channel", "Field.Commitment.OpinionChannel");
        }

        if (c == OpinionChannel.SuggestionBox)
        {
            throw new DomainRuleException("Commitment.SuggestionBoxIsPublic", "channel");
        }

        var t = TextInput.Required(text, CommitmentOpinion.MaxTextLength, "text", "Field.Commitment.OpinionText");
        if (receivedOn is not { } day)
        {
            throw new DomainRuleException("Input.Required", "receivedOn", "Field.Commitment.OpinionReceivedOn");
        }

        if (day > today)
        {
            throw new DomainRuleException("Commitment.OpinionInFuture", "receivedOn");
        }

        return new CommitmentOpinion
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            Channel = c,
            Text = t,
            ReceivedOn = day,
            SubmitterName = TextInput.Optional(submitterName, Commitment.MaxNameLength, "submitterName", "Field.Commitment.OpinionSubmitter"),
        };
    }

    private static void RefuseUnlessOpen(CommitmentCampaignStatus status)
    {
        if (!IsOpen(status))
        {
            throw new DomainRuleException("Commitment.OpinionsClosed", "text");
        }
    }
}

/// <summary>
/// 备案 (三级双向, seed 001 第五篇 二、审: 逐级审核…报上级党组织备案): an organization files its approved list — its members'
/// items and its own — with the organization above it. A list with nothing approved is not filed, and an organization
/// with no superior has no one to file with.
/// </summary>
public static class CommitmentFilingRules
{
    public static CommitmentFiling File(
        int campaignId, int organizationId, int? superiorId, int approvedCount, string? note, string by, DateTimeOffset at)
    {
        if (approvedCount <= 0)
        {
            throw new DomainRuleException("Commitment.NothingToFile", "organizationId");
        }

        if (superiorId is not { } superior)
        {
            throw new DomainRuleException("Commitment.NoSuperior", "organizationId");
        }

        return new CommitmentFiling
        {
            CampaignId = campaignId,
            OrganizationId = organizationId,
            FiledWithOrganizationId = superior,
            ItemCount = approvedCount,
            Note = TextInput.Optional(note, CommitmentFiling.MaxNoteLength, "note", "Field.Commitment.FilingNote"),
            FiledBy = by,
            FiledAt = at,
        };
    }
}
