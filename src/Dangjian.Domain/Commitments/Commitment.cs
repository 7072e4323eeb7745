using Dangjian.Domain.Common;

namespace Dangjian.Domain.Commitments;

/// <summary>
/// One commitment item (承诺事项, CMT-1 … CMT-6) of a member or an organization: what, how, by when, who answers for it,
/// the opinions it answers; its approval trail (审), its fulfilment records and supervisors' comments (履), and its
/// evaluation rounds (评). Every transition is a method here, refused with <see cref="DomainRuleException"/> naming the
/// field, changing nothing; the trail, the records and the rounds are only ever appended to.
/// </summary>
public sealed class Commitment : IVersioned
{
    public const int MaxContentLength = 1000;
    public const int MaxMeasuresLength = 2000;
    public const int MaxNameLength = 50;
    public const int MaxCommentLength = 1000;
    public const int MaxCitedOpinions = 20;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The member who commits; null for an organization's commitment.</summary>
    public int? OwnerPersonId { get; set; }

    /// <summary>The organization that commits; null for a member's commitment.</summary>
    public int? OwnerOrganizationId { get; set; }

    /// <summary>The level the owning organization itself holds (its 支委会 or 党委会); null for a member.</summary>
    public ApprovalLevel? OwnerLevel { get; set; }

    public CommitmentDirection Direction { get; set; }

    /// <summary>承诺事项.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>落实措施.</summary>
    public string Measures { get; set; } = string.Empty;

    /// <summary>完成时限: a calendar day within the campaign's year.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>责任人, as written; <see cref="ResponsiblePersonId"/> when they are on the roster.</summary>
    public string ResponsibleName { get; set; } = string.Empty;

    public int? ResponsiblePersonId { get; set; }

    /// <summary>The collected opinions (<see cref="CommitmentOpinion"/>) the item answers (把群众的意愿和需求作为承诺的重要内容和依据).</summary>
    public List<Guid> CitedOpinionIds { get; set; } = [];

    public CommitmentStatus Status { get; set; }

    /// <summary>The level the item awaits, or the level that returned it; null before submission and once decided.</summary>
    public ApprovalLevel? CurrentLevel { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>When the last level approved it: publicized from then on.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<CommitmentDecision> Decisions { get; set; } = [];

    public List<FulfilmentRecord> Progress { get; set; } = [];

    public List<SupervisorComment> SupervisorComments { get; set; } = [];

    public List<CommitmentEvaluation> Evaluations { get; set; } = [];

    public int Version { get; set; }

    /// <summary>Content, measures, deadline and the rest may change only while a draft or returned.</summary>
    public bool IsEditable => Status is CommitmentStatus.Draft or CommitmentStatus.Returned;

    /// <summary>Approved and not closed: progress is recorded and supervisors comment.</summary>
    public bool InFulfilment => Status is CommitmentStatus.Approved or CommitmentStatus.Evaluated or CommitmentStatus.Rectifying;

    public CommitmentEvaluation? LastEvaluation => Evaluations.Count == 0 ? null : Evaluations[^1];

    /// <summary>
    /// The day the item is now due: its deadline until first graded, the rectification deadline while in rectification;
    /// none for an item not being fulfilled or graded open (it was evaluated; nothing is due).
    /// </summary>
    public DateOnly? DueDate => Status switch
    {
        CommitmentStatus.Approved => Deadline,
        CommitmentStatus.Rectifying => LastEvaluation?.RectificationDeadline,
        _ => null,
    };

    /// <summary>
    /// 跟踪督查: a supervisor flagged the item as lagging and no progress has been recorded since (a record entered after
    /// the latest flag clears it; another comment without the flag does not). Only while being fulfilled.
    /// </summary>
    public bool IsLagging
    {
        get
        {
            var flagged = SupervisorComments.Where(c => c.Lagging).Select(c => (DateTimeOffset?)c.At).Max();
            var progress = Progress.Select(p => (DateTimeOffset?)p.RecordedAt).Max();
            return InFulfilment && flagged is not null && (progress is null || progress <= flagged);
        }
    }

    /// <summary>A member's commitment, to their branch (Upward), as a draft.</summary>
    public static Commitment ForMember(CommitmentCampaign campaign, int personId, CommitmentContent content, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var item = new Commitment { CampaignId = campaign.Id, OwnerPersonId = personId, Direction = CommitmentDirection.Upward };
        item.Edit(campaign, content, today);
        return item;
    }

    /// <summary>An organization's own commitment, upward or to those below (三级双向), as a draft.</summary>
    public static Commitment ForOrganization(
        CommitmentCampaign campaign, int organizationId, ApprovalLevel ownerLevel, CommitmentDirection direction, CommitmentContent content, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (ownerLevel is not (ApprovalLevel.Branch or ApprovalLevel.Committee))
        {
            throw new DomainRuleException("Commitment.OwnerKind", "ownerOrganizationId");
        }

        if (!Enum.IsDefined(direction))
        {
            throw new DomainRuleException("Input.Invalid", "direction", "Field.Commitment.Direction");
        }

        var item = new Commitment { CampaignId = campaign.Id, OwnerOrganizationId = organizationId, OwnerLevel = ownerLevel, Direction = direction };
        item.Edit(campaign, content, today);
        return item;
    }

    /// <summary>
    /// Writes what the item commits to. Only a draft or a returned item, while the campaign takes submissions; the deadline
    /// neither before today nor after the campaign's year (评 comes at year-end: 年底…考核评价).
    /// </summary>
    public void Edit(CommitmentCampaign campaign, CommitmentContent content, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(content);
        campaign.DemandOwns(this);
        campaign.DemandAcceptsSubmissions();
        if (!IsEditable)
        {
            throw new DomainRuleException("Commitment.NotEditable", "status");
        }

        var text = TextInput.Required(content.Content, MaxContentLength, "content", "Field.Commitment.Content");
        var measures = TextInput.Required(content.Measures, MaxMeasuresLength, "measures", "Field.Commitment.Measures");
        SaneDates.Demand(content.Deadline, "deadline", "Field.Commitment.Deadline");
        if (content.Deadline < today)
        {
            throw new DomainRuleException("Commitment.DeadlinePast", "deadline");
        }

        if (content.Deadline.Year > campaign.Year)
        {
            throw new DomainRuleException("Commitment.DeadlineAfterYear", "deadline", campaign.Year);
        }

        var responsible = TextInput.Required(content.ResponsibleName, MaxNameLength, "responsibleName", "Field.Commitment.ResponsibleName");
        if (content.ResponsiblePersonId is <= 0)
        {
            throw new DomainRuleException("Input.Invalid", "responsiblePersonId", "Field.Commitment.ResponsibleName");
        }

        var cited = (content.CitedOpinionIds ?? []).Distinct().ToList();
        if (cited.Count > MaxCitedOpinions)
        {
            throw new DomainRuleException("Input.OutOfRange", "citedOpinionIds", "Field.Commitment.CitedOpinions", 0, MaxCitedOpinions);
        }

        (Content, Measures, Deadline, ResponsibleName, ResponsiblePersonId) = (text, measures, content.Deadline, responsible, content.ResponsiblePersonId);
        CitedOpinionIds = cited;
    }

    public void Approve(CommitmentCampaign campaign, ApprovalLevel level, string by, DateTimeOffset now, string? comment = null) =>
        Decide(campaign, level, ApprovalDecision.Approve, comment, by, now);

    /// <summary>退回修改: the comment says what to change; the item, edited and submitted again, re-enters at this level.</summary>
    public void Return(CommitmentCampaign campaign, ApprovalLevel level, string comment, string by, DateTimeOffset now) =>
        Decide(campaign, level, ApprovalDecision.Return, comment, by, now);

    /// <summary>不予通过: final; the comment says why. A member whose live items fall below the bound writes another.</summary>
    public void Reject(CommitmentCampaign campaign, ApprovalLevel level, string comment, string by, DateTimeOffset now) =>
        Decide(campaign, level, ApprovalDecision.Reject, comment, by, now);

    /// <summary>
    /// One level's decision (审核, seed 001 第五篇: 先后召开支委会、党委会，逐人、逐项…审核确认), during the campaign's 审 step. Only
    /// the level the item awaits may decide: a later level cannot act before the earlier approved, and an earlier one
    /// cannot act again. A return or a rejection needs a comment. Approved at the last level of its path, the item is
    /// approved (publicized); otherwise it moves to the next level. Each decision is appended to <see cref="Decisions"/>.
    /// </summary>
    public void Decide(CommitmentCampaign campaign, ApprovalLevel level, ApprovalDecision decision, string? comment, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        campaign.DemandOwns(this);
        campaign.RefuseUnless(CommitmentCampaignStatus.Approving);
        if (!Enum.IsDefined(decision))
        {
            throw new DomainRuleException("Input.Invalid", "decision", "Field.Commitment.Decision");
        }

        if (Status != CommitmentStatus.AwaitingApproval)
        {
            throw new DomainRuleException("Commitment.NotAwaitingApproval", "status");
        }

        if (level != CurrentLevel)
        {
            throw new DomainRuleException("Commitment.NotAtLevel", "level", CurrentLevel!.Value.ToString());
        }

        var note = decision == ApprovalDecision.Approve
            ? TextInput.Optional(comment, MaxCommentLength, "comment", "Field.Commitment.Comment")
            : TextInput.Required(comment, MaxCommentLength, "comment", "Field.Commitment.Comment");
        Decisions.Add(new CommitmentDecision { CommitmentId = Id, Level = level, Decision = decision, Comment = note, By = by, At = now });
        switch (decision)
        {
            case ApprovalDecision.Approve:
                // The path rises, so the next level is the first above this one.
                var next = campaign.Rules.PathFor(OwnerLevel).Where(l => l > level).Select(l => (ApprovalLevel?)l).FirstOrDefault();
                CurrentLevel = next;
                if (next is null)
                {
                    Status = CommitmentStatus.Approved;
                    ApprovedAt = now;
                }

                break;
            case ApprovalDecision.Return:
                Status = CommitmentStatus.Returned;
                break;
            default:
                Status = CommitmentStatus.Rejected;
                CurrentLevel = null;
                break;
        }
    }

    /// <summary>履诺记实 (seed 001 第五篇 三、履: 对履诺具体步骤、推进措施、责任单位和责任人、工作成效及时记录): appended while being fulfilled.</summary>
    public void RecordProgress(FulfilmentRecord record, string by, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        RefuseUnlessInFulfilment();
        SaneDates.Demand(record.Date, "date", "Field.Commitment.ProgressDate");
        if (record.Date > today)
        {
            throw new DomainRuleException("Commitment.ProgressInFuture", "date");
        }

        var steps = TextInput.Required(record.Steps, FulfilmentRecord.MaxTextLength, "steps", "Field.Commitment.Steps");
        var unit = TextInput.Optional(record.ResponsibleUnit, FulfilmentRecord.MaxUnitLength, "responsibleUnit", "Field.Commitment.ResponsibleUnit");
        var person = TextInput.Required(record.ResponsiblePerson, MaxNameLength, "responsiblePerson", "Field.Commitment.ResponsiblePerson");
        var result = TextInput.Optional(record.Result, FulfilmentRecord.MaxTextLength, "result", "Field.Commitment.Result");
        var files = record.EvidenceFileIds.Distinct().ToList();
        if (files.Count > FulfilmentRecord.MaxEvidenceFiles || files.Any(f => f <= 0))
        {
            throw new DomainRuleException("Input.OutOfRange", "evidenceFileIds", "Field.Commitment.Evidence", 0, FulfilmentRecord.MaxEvidenceFiles);
        }

        (record.Steps, record.ResponsibleUnit, record.ResponsiblePerson, record.Result, record.EvidenceFileIds) = (steps, unit, person, result, files);
        (record.CommitmentId, record.RecordedBy, record.RecordedAt) = (Id, by, now);
        Progress.Add(record);
    }

    /// <summary>A 履诺监督员's comment, optionally flagging the item as lagging (<see cref="IsLagging"/>); while being fulfilled.</summary>
    public void AddSupervisorComment(SupervisorComment comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(comment);
        RefuseUnlessInFulfilment();
        var name = TextInput.Required(comment.SupervisorName, MaxNameLength, "supervisorName", "Field.Commitment.Supervisor");
        var text = TextInput.Required(comment.Text, MaxCommentLength, "text", "Field.Commitment.SupervisorComment");
        (comment.SupervisorName, comment.Text, comment.CommitmentId, comment.At) = (name, text, Id, now);
        SupervisorComments.Add(comment);
    }

    /// <summary>
    /// 评: the committee's grade and the satisfaction vote's tally decide (<see cref="CommitmentClosure.Decide"/>); the round
    /// is appended to <see cref="Evaluations"/>. A first grade during the campaign's 评 step; an item in rectification is
    /// evaluated again during 评 or after the campaign closed, and stays in rectification until it qualifies for 销号
    /// (责令限期整改，直至群众满意): a round short of closure sets a new deadline and measures. Rectification needs both.
    /// </summary>
    public CommitmentOutcome Grade(
        CommitmentCampaign campaign, CommitmentGrade grade, SatisfactionTally tally, RectificationPlan? rectification, string by, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        campaign.DemandOwns(this);
        if (Status is CommitmentStatus.Approved or CommitmentStatus.Evaluated)
        {
            campaign.RefuseUnless(CommitmentCampaignStatus.Evaluating);
        }
        else if (Status == CommitmentStatus.Rectifying)
        {
            campaign.RefuseUnless(CommitmentCampaignStatus.Evaluating, CommitmentCampaignStatus.Closed);
        }
        else
        {
            throw new DomainRuleException("Commitment.NotGradable", "status");
        }

        var outcome = CommitmentClosure.DecideFor(Status, grade, tally, campaign.Rules);

        DateOnly? deadline = null;
        string? measures = null;
        if (outcome == CommitmentOutcome.Rectification)
        {
            if (rectification is null)
            {
                throw new DomainRuleException("Input.Required", "rectificationDeadline", "Field.Commitment.RectificationDeadline");
            }

            SaneDates.Demand(rectification.Deadline, "rectificationDeadline", "Field.Commitment.RectificationDeadline");
            if (rectification.Deadline < today)
            {
                throw new DomainRuleException("Commitment.DeadlinePast", "rectificationDeadline");
            }

            deadline = rectification.Deadline;
            measures = TextInput.Required(rectification.Measures, MaxMeasuresLength, "rectificationMeasures", "Field.Commitment.RectificationMeasures");
        }

        Evaluations.Add(new CommitmentEvaluation
        {
            CommitmentId = Id,
            Round = Evaluations.Count + 1,
            Grade = grade,
            Satisfied = tally.Satisfied,
            BasicallySatisfied = tally.BasicallySatisfied,
            Dissatisfied = tally.Dissatisfied,
            Outcome = outcome,
            RectificationDeadline = deadline,
            RectificationMeasures = measures,
            By = by,
            At = now,
        });
        Status = outcome switch
        {
            CommitmentOutcome.Closed => CommitmentStatus.Closed,
            CommitmentOutcome.Rectification => CommitmentStatus.Rectifying,
            _ => CommitmentStatus.Evaluated,
        };
        ClosedAt = outcome == CommitmentOutcome.Closed ? now : null;
        return outcome;
    }

    /// <summary>
    /// A satisfaction vote may decide a round only if it was opened after the previous round was recorded: each round of
    /// rectification is judged by the masses again (整改后再次测评，直至群众满意), never by the vote that sent the item there.
    /// </summary>
    public void DemandNewVote(DateTimeOffset voteOpenedAt)
    {
        if (LastEvaluation is { } last && voteOpenedAt <= last.At)
        {
            throw new DomainRuleException("Commitment.VoteNotNew", "satisfied");
        }
    }

    /// <summary>Past its due day: the day after <see cref="DueDate"/> (the due day itself is not overdue).</summary>
    public bool IsOverdue(DateOnly today) => DueDate is { } due && today > due;

    /// <summary>Due from today to <paramref name="days"/> days ahead, both included (提醒); not yet overdue.</summary>
    public bool IsDueWithin(DateOnly today, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return DueDate is { } due && due >= today && due.DayNumber - today.DayNumber <= days;
    }

    internal bool SameOwnerAs(Commitment other) =>
        OwnerPersonId == other.OwnerPersonId && OwnerOrganizationId == other.OwnerOrganizationId && OwnerLevel == other.OwnerLevel;

    /// <summary>Submitted: a draft enters at the first level of its path, a returned item at the level that returned it.</summary>
    internal void EnterApproval(IReadOnlyList<ApprovalLevel> path, string by, DateTimeOffset now)
    {
        if (path.Count == 0)
        {
            throw new DomainRuleException("Commitment.OwnerKind", "ownerOrganizationId");
        }

        CurrentLevel = Status == CommitmentStatus.Returned && CurrentLevel is { } returnedAt && path.Contains(returnedAt) ? returnedAt : path[0];
        Status = CommitmentStatus.AwaitingApproval;
        (SubmittedBy, SubmittedAt) = (by, now);
    }

    private void RefuseUnlessInFulfilment()
    {
        if (!InFulfilment)
        {
            throw new DomainRuleException("Commitment.NotInFulfilment", "status");
        }
    }
}
