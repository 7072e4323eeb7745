using System.Globalization;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Commitments;

/// <summary>
/// Where a commitment campaign stands: the four steps of seed 001 第五篇 (一定、二审、三履、四评), then closed. Each step
/// follows the one before; none is skipped or gone back to.
/// </summary>
public enum CommitmentCampaignStatus
{
    /// <summary>定: opinions collected (座谈会、意见箱、调研走访), commitments written and submitted.</summary>
    Defining,

    /// <summary>审: 支委会 then 党委会 approve, return or reject; returned items are edited and submitted again.</summary>
    Approving,

    /// <summary>履: approved commitments are publicized and fulfilled, with progress records and supervisors' comments.</summary>
    Fulfilling,

    /// <summary>评: year-end grades and satisfaction votes; 销号 or 整改.</summary>
    Evaluating,

    /// <summary>Done; items still in rectification go on being evaluated until they close (直至群众满意).</summary>
    Closed,
}

/// <summary>
/// 公开承诺 of one year over an organization's subtree (CMT-1 … CMT-6): its title, its step, and its rule data
/// (<see cref="CommitmentRules"/>). The commitments themselves are their own aggregates (<see cref="Commitment"/>); the
/// campaign decides what its step allows and checks a member's set of commitments against the per-member bound.
/// </summary>
public sealed class CommitmentCampaign : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>
    /// The shortest grades' publicity (评议结果公示) in working days. The seed names no length; the evaluations module's
    /// default publicity is 5 working days (干部任用条例: 公示期不少于五个工作日), and the grades follow it.
    /// </summary>
    public const int MinPublicityWorkingDays = 5;

    public int Id { get; set; }

    /// <summary>The root of the subtree the campaign covers.</summary>
    public int OrganizationId { get; set; }

    public int Year { get; set; }

    public string Title { get; set; } = string.Empty;

    public CommitmentCampaignStatus Status { get; set; }

    public CommitmentRules Rules { get; set; } = CommitmentRules.Default;

    /// <summary>评: the democratic evaluation (民主评议) created from this campaign in the evaluations module, once created.</summary>
    public int? EvaluationCampaignId { get; set; }

    /// <summary>The grades' publicity period (评议结果公示), Beijing dates inclusive; objections are answered before closing.</summary>
    public DateOnly? PublicityFrom { get; set; }

    public DateOnly? PublicityTo { get; set; }

    public int Version { get; set; }

    /// <summary>Commitments are written, edited and submitted during 定 and 审 (a returned item is edited during 审).</summary>
    public bool AcceptsSubmissions => Status is CommitmentCampaignStatus.Defining or CommitmentCampaignStatus.Approving;

    /// <summary>Title and year, checked; only during 定.</summary>
    public void Describe(int year, string title)
    {
        RefuseUnless(CommitmentCampaignStatus.Defining);
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainRuleException("Input.OutOfRange", "year", "Field.Commitment.Year", MinYear, MaxYear);
        }

        Title = TextInput.Required(title, MaxTitleLength, "title", "Field.Commitment.Title");
        Year = year;
    }

    /// <summary>Sets the rule data, every bad value named (<see cref="CommitmentRules.Validate"/>); only during 定, before anything is approved.</summary>
    public void SetRules(CommitmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RefuseUnless(CommitmentCampaignStatus.Defining);
        DomainRuleException.ThrowIfAny(rules.Validate());
        Rules = rules;
    }

    /// <summary>定 → 审: something has been submitted to approve.</summary>
    public void StartApproval(IEnumerable<CommitmentStatus> itemStatuses)
    {
        ArgumentNullException.ThrowIfNull(itemStatuses);
        RefuseUnless(CommitmentCampaignStatus.Defining);
        if (!itemStatuses.Any(s => s == CommitmentStatus.AwaitingApproval))
        {
            throw new DomainRuleException("Commitment.NothingSubmitted", "status");
        }

        Status = CommitmentCampaignStatus.Approving;
    }

    /// <summary>
    /// 审 → 履: every item has been decided (审核确认 逐人、逐项): none is still a draft, awaiting a level or returned for
    /// editing; the count of those left is named. Rejected items stay behind.
    /// </summary>
    public void StartFulfilment(IEnumerable<CommitmentStatus> itemStatuses)
    {
        ArgumentNullException.ThrowIfNull(itemStatuses);
        RefuseUnless(CommitmentCampaignStatus.Approving);
        var undecided = itemStatuses.Count(s => s is CommitmentStatus.Draft or CommitmentStatus.AwaitingApproval or CommitmentStatus.Returned);
        if (undecided > 0)
        {
            throw new DomainRuleException("Commitment.ApprovalUnfinished", "status", undecided);
        }

        Status = CommitmentCampaignStatus.Fulfilling;
    }

    /// <summary>履 → 评 (年底): the year-end evaluation begins.</summary>
    public void StartEvaluation() => Advance(CommitmentCampaignStatus.Fulfilling, CommitmentCampaignStatus.Evaluating);

    /// <summary>
    /// 评议结果公示: during 评, once every approved item has been graded (the count still ungraded is named), the grades
    /// are publicized for the Beijing dates <paramref name="from"/> … <paramref name="to"/>, at least
    /// <paramref name="minimumWorkingDays"/> working days of the holiday calendar (as evaluations' 公示, EVA-8). A new
    /// period replaces an earlier one (grades changed after an objection are publicized again).
    /// </summary>
    public void Publicize(
        DateOnly from, DateOnly to, HolidayCalendar calendar, IEnumerable<CommitmentStatus> itemStatuses, int minimumWorkingDays = MinPublicityWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(itemStatuses);
        RefuseUnless(CommitmentCampaignStatus.Evaluating);
        DemandGraded(itemStatuses);
        SaneDates.Demand(from, "from", "Field.Commitment.PublicityFrom");
        SaneDates.Demand(to, "to", "Field.Commitment.PublicityTo");
        if (to < from)
        {
            throw new DomainRuleException("Commitment.PeriodBackwards", "to");
        }

        if (PublicityPeriod.WorkingDays(calendar, from, to) < minimumWorkingDays)
        {
            throw new DomainRuleException("Commitment.PeriodTooShort", "to", minimumWorkingDays);
        }

        (PublicityFrom, PublicityTo) = (from, to);
    }

    /// <summary>
    /// 评: links the democratic evaluation (民主评议) created for this campaign in the evaluations module; once only, and
    /// only from 履 on (the members are evaluated on a year's fulfilment) until the campaign closes.
    /// </summary>
    public void LinkEvaluation(int evaluationCampaignId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(evaluationCampaignId);
        DemandMayLinkEvaluation();
        EvaluationCampaignId = evaluationCampaignId;
    }

    /// <summary>Whether a democratic evaluation may be linked now (checked before one is created).</summary>
    public void DemandMayLinkEvaluation()
    {
        RefuseUnless(CommitmentCampaignStatus.Fulfilling, CommitmentCampaignStatus.Evaluating);
        if (EvaluationCampaignId is not null)
        {
            throw new DomainRuleException("Commitment.EvaluationExists", "evaluationCampaignId");
        }
    }

    /// <summary>The grades are public on <paramref name="today"/>: during 评 or after, within the publicity period.</summary>
    public bool InPublicity(DateOnly today) => PublicityFrom is { } from && PublicityTo is { } to && today >= from && today <= to;

    /// <summary>
    /// 评 → closed: every approved item has been graded at least once (the count still ungraded is named), the grades
    /// were publicized and the period is over (the day after its last day), and every objection is answered; each
    /// reason is named when several hold.
    /// </summary>
    public void Close(IEnumerable<CommitmentStatus> itemStatuses, DateOnly today, int unansweredObjections)
    {
        ArgumentNullException.ThrowIfNull(itemStatuses);
        RefuseUnless(CommitmentCampaignStatus.Evaluating);
        DemandGraded(itemStatuses);
        var problems = new List<FieldProblem>();
        if (PublicityTo is not { } to)
        {
            problems.Add(new("publicityTo", "Commitment.NotPublicized"));
        }
        else if (today <= to)
        {
            problems.Add(new("publicityTo", "Commitment.PublicityNotOver", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (unansweredObjections > 0)
        {
            problems.Add(new("objections", "Commitment.UnansweredObjections", unansweredObjections));
        }

        DomainRuleException.ThrowIfAny(problems);
        Status = CommitmentCampaignStatus.Closed;
    }

    /// <summary>
    /// Submits an owner's commitments for approval: <paramref name="ownersItems"/> are ALL the owner's items in this
    /// campaign (the bound counts the live ones); each draft or returned one enters approval. A member's live items
    /// (all but rejected) must number within the per-member bound (seed 001 第五篇: 为群众办好2—5件实事好事); an
    /// organization's are not bounded by it.
    /// </summary>
    public void Submit(IReadOnlyList<Commitment> ownersItems, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ownersItems);
        DemandAcceptsSubmissions();
        if (ownersItems.Count == 0 || !ownersItems.Any(i => i.IsEditable))
        {
            throw new DomainRuleException("Commitment.NothingToSubmit", "commitments");
        }

        var first = ownersItems[0];
        if (ownersItems.Any(i => i.CampaignId != Id || !i.SameOwnerAs(first)))
        {
            throw new ArgumentException("the items must be one owner's, of this campaign", nameof(ownersItems));
        }

        if (first.OwnerPersonId is not null)
        {
            Rules.CheckCount(ownersItems.Count(i => i.Status != CommitmentStatus.Rejected));
        }

        var path = Rules.PathFor(first.OwnerLevel);
        foreach (var item in ownersItems.Where(i => i.IsEditable))
        {
            item.EnterApproval(path, by, now);
        }
    }

    private static void DemandGraded(IEnumerable<CommitmentStatus> itemStatuses)
    {
        var ungraded = itemStatuses.Count(s => s == CommitmentStatus.Approved);
        if (ungraded > 0)
        {
            throw new DomainRuleException("Commitment.Ungraded", "status", ungraded);
        }
    }

    internal void DemandAcceptsSubmissions()
    {
        if (!AcceptsSubmissions)
        {
            throw new DomainRuleException("Commitment.CampaignStage", "status");
        }
    }

    internal void DemandOwns(Commitment item)
    {
        if (item.CampaignId != Id)
        {
            throw new ArgumentException("the commitment belongs to another campaign", nameof(item));
        }
    }

    internal void RefuseUnless(params CommitmentCampaignStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleException("Commitment.CampaignStage", "status");
        }
    }

    private void Advance(CommitmentCampaignStatus from, CommitmentCampaignStatus to)
    {
        RefuseUnless(from);
        Status = to;
    }
}
