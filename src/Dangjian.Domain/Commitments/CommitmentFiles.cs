using Dangjian.Domain.Common;

namespace Dangjian.Domain.Commitments;

/// <summary>
/// A file kept as evidence of fulfilment (履诺记实 with 佐证材料, CMT-5): uploaded whole or not at all, cited by the
/// progress records of its commitment (<see cref="FulfilmentRecord.EvidenceFileIds"/>). The audit log records its
/// SHA-256, never the bytes.
/// </summary>
public sealed class CommitmentEvidenceFile
{
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 100;

    /// <summary>The largest file accepted: 10 MB, as agenda item material.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }

    public int CommitmentId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = string.Empty;
}

/// <summary>
/// 备案 (三级双向, seed 001 第五篇 二、审): an organization files its approved list with the level above, which then sees
/// it. Each filing records what was filed and when; a later filing (after more items were approved) is a new row.
/// </summary>
public sealed class CommitmentFiling
{
    public const int MaxNoteLength = 1000;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The organization whose approved list is filed.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The superior organization it is filed with.</summary>
    public int FiledWithOrganizationId { get; set; }

    /// <summary>How many approved items the list held when filed.</summary>
    public int ItemCount { get; set; }

    public string? Note { get; set; }

    public string FiledBy { get; set; } = string.Empty;

    public DateTimeOffset FiledAt { get; set; }
}

/// <summary>An objection filed during the grades' publicity (评议结果公示), named or not, and its answer.</summary>
public sealed class CommitmentObjection : IVersioned
{
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 50;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The item objected to, when the objection names one.</summary>
    public int? CommitmentId { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>Who objects, as they chose to sign (objections may be anonymous).</summary>
    public string? FiledBy { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// An objection as staff enter it (意见反馈 during 公示): only while the grades are publicized (from the period's first
    /// day to its last); the text required, the name optional (an objection may be anonymous).
    /// </summary>
    public static CommitmentObjection File(CommitmentCampaign campaign, string? text, string? filedBy, int? commitmentId, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Status != CommitmentCampaignStatus.Evaluating || !campaign.InPublicity(today))
        {
            throw new DomainRuleException("Commitment.NotInPublicity", "status");
        }

        return new CommitmentObjection
        {
            CampaignId = campaign.Id,
            CommitmentId = commitmentId,
            Text = TextInput.Required(text, MaxTextLength, "text", "Field.Commitment.ObjectionText"),
            FiledBy = TextInput.Optional(filedBy, MaxNameLength, "filedBy", "Field.Commitment.ObjectionName"),
            FiledAt = now,
        };
    }

    /// <summary>The answer (答复), required; it may be rewritten until the campaign closes, after which the record stands.</summary>
    public void AnswerWith(CommitmentCampaign campaign, string? answer, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Id != CampaignId)
        {
            throw new ArgumentException("the objection belongs to another campaign", nameof(campaign));
        }

        campaign.RefuseUnless(CommitmentCampaignStatus.Evaluating);
        (Answer, AnsweredBy, AnsweredAt) = (TextInput.Required(answer, MaxTextLength, "answer", "Field.Commitment.ObjectionAnswer"), by, now);
    }
}

/// <summary>
/// 述职 (四、评: 党员本人述职): a member's or an organization's year-end report on their commitments, one per owner per
/// campaign, rewritten until the campaign closes.
/// </summary>
public sealed class CommitmentSelfReport : IVersioned
{
    public const int MaxTextLength = 5000;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The member reporting; null for an organization's report.</summary>
    public int? PersonId { get; set; }

    /// <summary>The organization reporting; null for a member's report.</summary>
    public int? OrganizationId { get; set; }

    public string Text { get; set; } = string.Empty;

    public string SubmittedBy { get; set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; set; }

    public int Version { get; set; }

    /// <summary>An owner's report (a member's or an organization's, exactly one of the two), empty until written.</summary>
    public static CommitmentSelfReport For(CommitmentCampaign campaign, int? personId, int? organizationId)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if ((personId is null) == (organizationId is null))
        {
            throw new DomainRuleException("Commitment.OneOwner", "personId");
        }

        return new CommitmentSelfReport { CampaignId = campaign.Id, PersonId = personId, OrganizationId = organizationId };
    }

    /// <summary>述职 is written at year-end: only during the campaign's 评 step; the text required and bounded.</summary>
    public void Write(CommitmentCampaign campaign, string? text, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Id != CampaignId)
        {
            throw new ArgumentException("the report belongs to another campaign", nameof(campaign));
        }

        campaign.RefuseUnless(CommitmentCampaignStatus.Evaluating);
        (Text, SubmittedBy, SubmittedAt) = (TextInput.Required(text, MaxTextLength, "text", "Field.Commitment.ReportText"), by, now);
    }
}
