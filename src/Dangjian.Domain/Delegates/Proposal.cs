using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Delegates;

public enum ProposalStatus
{
    /// <summary>已提交: waiting to be registered.</summary>
    Filed,

    /// <summary>已立案.</summary>
    Registered,

    /// <summary>不予立案, with the reason: the end of the proposal.</summary>
    NotRegistered,

    /// <summary>交办: a handling unit works on it, by a deadline (again, after an answer rated 不满意).</summary>
    Assigned,

    /// <summary>已答复: the proposers rate the answer.</summary>
    Answered,

    /// <summary>已测评: every proposer rated the answer 满意 or 基本满意.</summary>
    Rated,

    /// <summary>办结.</summary>
    Closed,
}

/// <summary>满意度测评 of an answer by a proposer.</summary>
public enum ProposalRating
{
    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意: the proposal goes back for handling again.</summary>
    Unsatisfied,
}

/// <summary>
/// 提案 (DEL-2): filed by a serving delegate of the term, with co-signers (联名) of the same term (<see cref="ProposalRules"/>),
/// registered (立案) or not, assigned to a handling unit with a deadline in working days (交办, 督办制 of seed 001), answered,
/// and rated by each proposer. When every proposer has rated an answer and any of them is 不满意 the proposal goes back to
/// the handling unit for another round with a new deadline — one dissatisfied proposer is enough, since each signed it —
/// keeping every answer and rating; otherwise it is rated and can be closed (办结).
/// </summary>
public sealed class Proposal : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxContentLength = 8000;
    public const int MaxReasonLength = 1000;
    public const int MaxAnswerLength = 8000;
    public const int MaxStaffNameLength = 100;

    public int Id { get; set; }

    public int TermId { get; set; }

    /// <summary>The term's organization, kept here so that scope checks and lists need not join the term.</summary>
    public int OrganizationId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Content { get; set; } = string.Empty;

    public DateOnly FiledOn { get; set; }

    /// <summary>Who entered it: the lead delegate's account, or staff filing on a delegate's behalf.</summary>
    public string FiledBy { get; set; } = string.Empty;

    public ProposalStatus Status { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public string? NotRegisteredReason { get; set; }

    /// <summary>承办单位.</summary>
    public int? HandlingOrganizationId { get; set; }

    public DateOnly? AssignedOn { get; set; }

    /// <summary>The last day of the current handling round; overdue from the day after.</summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>1 for the first handling, one more for each return after a 不满意 rating.</summary>
    public int HandlingRound { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public int Version { get; set; }

    public List<ProposalProposer> Proposers { get; set; } = [];

    public List<ProposalAnswer> Answers { get; set; } = [];

    public List<ProposalRatingEntry> Ratings { get; set; } = [];

    /// <summary>Overdue on <paramref name="day"/>: in handling after its deadline (the deadline day itself is not).</summary>
    public bool IsOverdueOn(DateOnly day) => Status == ProposalStatus.Assigned && Deadline is { } d && day > d;

    /// <summary>Whether the public list shows it: registered, whatever happened after.</summary>
    public bool IsPublic => Status is not (ProposalStatus.Filed or ProposalStatus.NotRegistered);

    /// <summary>
    /// Files a proposal led by <paramref name="leadPersonId"/> and joined by <paramref name="coSignerPersonIds"/>, all serving
    /// delegates of <paramref name="term"/> (<paramref name="delegatesOfTerm"/>: its seats), at least
    /// <see cref="ProposalRules.MinimumCoSigners"/> co-signers besides the lead, while the term runs. Every reason it is refused
    /// is named at once.
    /// </summary>
    public static Proposal File(
        CongressTerm term, IReadOnlyCollection<DelegateSeat> delegatesOfTerm, int leadPersonId, IReadOnlyList<int> coSignerPersonIds,
        string title, string content, string filedBy, DateOnly today, ProposalRules rules)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(delegatesOfTerm);
        ArgumentNullException.ThrowIfNull(coSignerPersonIds);
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<FieldProblem>();
        var serving = delegatesOfTerm.Where(d => d.TermId == term.Id && d.IsServing).ToDictionary(d => d.PersonId);
        if (!term.RunsOn(today))
        {
            problems.Add(new("termId", "Proposal.TermNotRunning", [term.Number]));
        }

        if (!serving.TryGetValue(leadPersonId, out var lead))
        {
            problems.Add(new("leadPersonId", "Proposal.NotServingDelegate", []));
        }

        var coSigners = coSignerPersonIds.Distinct().Where(p => p != leadPersonId).ToList();
        if (coSigners.Any(p => !serving.ContainsKey(p)))
        {
            problems.Add(new("coSignerPersonIds", "Proposal.CoSignerNotServing", []));
        }
        else if (coSigners.Count < rules.MinimumCoSigners)
        {
            problems.Add(new("coSignerPersonIds", "Proposal.TooFewCoSigners", [rules.MinimumCoSigners]));
        }

        string? checkedTitle = null;
        string? checkedContent = null;
        string? by = null;
        Collect(problems, () => checkedTitle = TextInput.Required(title, MaxTitleLength, "title", "Field.Proposal.Title"));
        Collect(problems, () => checkedContent = TextInput.Required(content, MaxContentLength, "content", "Field.Proposal.Content"));
        Collect(problems, () => by = TextInput.Required(filedBy, MaxStaffNameLength, "filedBy", "Field.Proposal.FiledBy"));
        DomainRuleException.ThrowIfAny(problems);

        var proposal = new Proposal
        {
            TermId = term.Id,
            OrganizationId = term.OrganizationId,
            Title = checkedTitle!,
            Content = checkedContent!,
            FiledBy = by!,
            FiledOn = today,
        };
        proposal.Proposers.Add(new ProposalProposer { DelegateId = lead!.Id, PersonId = lead.PersonId, IsLead = true });
        proposal.Proposers.AddRange(coSigners.Select(p => new ProposalProposer { DelegateId = serving[p].Id, PersonId = p }));
        return proposal;
    }

    /// <summary>立案.</summary>
    public void Register(DateOnly today)
    {
        RefuseUnless(ProposalStatus.Filed);
        (RegisteredOn, Status) = (today, ProposalStatus.Registered);
    }

    /// <summary>不予立案, for a stated reason (the proposers read it).</summary>
    public void DeclineRegistration(string reason, DateOnly today)
    {
        RefuseUnless(ProposalStatus.Filed);
        var why = TextInput.Required(reason, MaxReasonLength, "reason", "Field.Proposal.Reason");
        (NotRegisteredReason, RegisteredOn, Status) = (why, today, ProposalStatus.NotRegistered);
    }

    /// <summary>交办 to <paramref name="handlingOrganizationId"/>, to be answered by <paramref name="deadline"/> (from <see cref="ProposalRules.Deadline"/>).</summary>
    public void Assign(int handlingOrganizationId, DateOnly deadline, DateOnly today)
    {
        RefuseUnless(ProposalStatus.Registered);
        if (handlingOrganizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "handlingOrganizationId", "Field.Proposal.HandlingOrganization");
        }

        if (deadline <= today)
        {
            throw new DomainRuleException("Proposal.DeadlineNotAhead", "workingDays");
        }

        (HandlingOrganizationId, AssignedOn, Deadline, HandlingRound, Status) = (handlingOrganizationId, today, deadline, 1, ProposalStatus.Assigned);
    }

    /// <summary>答复 by the handling unit for the current round; an answer after the deadline is accepted, and stays late.</summary>
    public ProposalAnswer Answer(string text, string by, DateOnly today)
    {
        RefuseUnless(ProposalStatus.Assigned);
        var answer = new ProposalAnswer
        {
            Round = HandlingRound,
            OrganizationId = HandlingOrganizationId!.Value,
            Text = TextInput.Required(text, MaxAnswerLength, "text", "Field.Proposal.Answer"),
            AnsweredBy = TextInput.Required(by, MaxStaffNameLength, "by", "Field.Proposal.AnsweredBy"),
            AnsweredOn = today,
            Deadline = Deadline!.Value,
        };
        Answers.Add(answer);
        Status = ProposalStatus.Answered;
        return answer;
    }

    /// <summary>The proposers who have not rated the current answer yet.</summary>
    public IReadOnlyList<int> AwaitingRating() =>
        Status != ProposalStatus.Answered ? [] : [.. Proposers.Select(p => p.PersonId).Where(p => !Ratings.Any(r => r.Round == HandlingRound && r.PersonId == p))];

    /// <summary>
    /// A proposer's rating of the current answer. When the last proposer has rated: any 不满意 sends the proposal back to the
    /// handling unit for another round, due <see cref="ProposalRules.RehandlingWorkingDays"/> working days later; otherwise
    /// it is rated.
    /// </summary>
    public void Rate(int personId, ProposalRating rating, DateOnly today, HolidayCalendar calendar, ProposalRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RefuseUnless(ProposalStatus.Answered);
        if (!Enum.IsDefined(rating))
        {
            throw new DomainRuleException("Input.Invalid", "rating", "Field.Proposal.Rating");
        }

        if (Proposers.All(p => p.PersonId != personId))
        {
            throw new DomainRuleException("Proposal.NotAProposer", "rating");
        }

        if (Ratings.Any(r => r.Round == HandlingRound && r.PersonId == personId))
        {
            throw new DomainRuleException("Proposal.AlreadyRated", "rating");
        }

        Ratings.Add(new ProposalRatingEntry { Round = HandlingRound, PersonId = personId, Rating = rating, RatedOn = today });
        if (AwaitingRating().Count > 0)
        {
            return;
        }

        if (Ratings.Any(r => r.Round == HandlingRound && r.Rating == ProposalRating.Unsatisfied))
        {
            (HandlingRound, AssignedOn, Deadline, Status) = (HandlingRound + 1, today, ProposalRules.Deadline(calendar, today, rules.RehandlingWorkingDays), ProposalStatus.Assigned);
        }
        else
        {
            Status = ProposalStatus.Rated;
        }
    }

    /// <summary>办结 of a rated proposal.</summary>
    public void Close(DateOnly today)
    {
        RefuseUnless(ProposalStatus.Rated);
        (ClosedOn, Status) = (today, ProposalStatus.Closed);
    }

    private void RefuseUnless(ProposalStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainRuleException("Proposal.OutOfOrder", "status");
        }
    }

    private static void Collect(List<FieldProblem> problems, Action check)
    {
        try
        {
            check();
        }
        catch (DomainRuleException e)
        {
            problems.AddRange(e.Problems);
        }
    }
}

/// <summary>A proposer: the lead delegate (领衔) or a co-signer (联名).</summary>
public sealed class ProposalProposer
{
    public int Id { get; set; }

    public int ProposalId { get; set; }

    public int DelegateId { get; set; }

    public int PersonId { get; set; }

    public bool IsLead { get; set; }
}

/// <summary>One round's answer by the handling unit, kept when the proposal goes back for handling again.</summary>
public sealed class ProposalAnswer
{
    public int Id { get; set; }

    public int ProposalId { get; set; }

    public int Round { get; set; }

    public int OrganizationId { get; set; }

    public string Text { get; set; } = string.Empty;

    public string AnsweredBy { get; set; } = string.Empty;

    public DateOnly AnsweredOn { get; set; }

    /// <summary>The round's deadline, so a late answer stays visible as late.</summary>
    public DateOnly Deadline { get; set; }
}

/// <summary>One proposer's rating of one round's answer.</summary>
public sealed class ProposalRatingEntry
{
    public int Id { get; set; }

    public int ProposalId { get; set; }

    public int Round { get; set; }

    public int PersonId { get; set; }

    public ProposalRating Rating { get; set; }

    public DateOnly RatedOn { get; set; }
}

/// <summary>The lists of DEL-2.</summary>
public static class Proposals
{
    /// <summary>
    /// 督办: the proposals in handling that are overdue on <paramref name="today"/> or due within
    /// <see cref="ProposalRules.ReminderDays"/> days of it, the earliest deadline first (then by id).
    /// </summary>
    public static IReadOnlyList<Proposal> ToSupervise(IEnumerable<Proposal> proposals, DateOnly today, ProposalRules rules)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(rules);
        var horizon = today.AddDays(rules.ReminderDays);
        return [.. proposals.Where(p => p.Status == ProposalStatus.Assigned && p.Deadline is { } d && d <= horizon).OrderBy(p => p.Deadline).ThenBy(p => p.Id)];
    }
}
