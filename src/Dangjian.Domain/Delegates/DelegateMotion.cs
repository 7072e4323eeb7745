using Dangjian.Domain.Common;

namespace Dangjian.Domain.Delegates;

/// <summary>What a motion asks.</summary>
public enum MotionKind
{
    /// <summary>质询: a body of the term's organization answers the delegates.</summary>
    Inquiry,

    /// <summary>罢免: a delegate or a committee member is recalled by the delegates' vote.</summary>
    Recall,
}

/// <summary>Whom a motion is about.</summary>
public enum MotionTarget
{
    /// <summary>同级党的委员会 (an inquiry).</summary>
    Committee,

    /// <summary>同级纪律检查委员会 (an inquiry).</summary>
    DisciplineCommission,

    /// <summary>A delegate of the term (a recall).</summary>
    Delegate,

    /// <summary>A member of the committee or the discipline commission (a recall).</summary>
    CommitteeMember,
}

public enum MotionStatus
{
    /// <summary>已提出: delegates may still co-sign it until it is reviewed.</summary>
    Filed,

    /// <summary>已受理: the signers met the threshold.</summary>
    Accepted,

    /// <summary>不予受理: fewer signers than the threshold, with the count: the end of the motion.</summary>
    Refused,

    /// <summary>已答复 (an inquiry).</summary>
    Answered,

    /// <summary>已表决 (a recall), with the counts and the outcome.</summary>
    Voted,

    /// <summary>办结.</summary>
    Closed,
}

/// <summary>The outcome of a recall's vote.</summary>
public enum MotionOutcome
{
    /// <summary>罢免.</summary>
    Recalled,

    /// <summary>未罢免.</summary>
    NotRecalled,
}

/// <summary>
/// 质询 or 罢免 (DEL-4): filed by a serving delegate of the term with co-signing serving delegates of the same term (more may
/// co-sign while it is filed), reviewed against the threshold of <see cref="DelegateMotionRules"/> — accepted, or refused
/// with the count of signers and the count needed — then answered (an inquiry) or voted (a recall: for, against, abstain, with
/// the election project and round that recorded the vote when it was held through the elections module), and closed.
/// </summary>
public sealed class DelegateMotion : IVersioned
{
    public const int MaxSubjectLength = 200;
    public const int MaxGroundsLength = 8000;
    public const int MaxAnswerLength = 8000;
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public int TermId { get; set; }

    /// <summary>The term's organization, kept for scope checks.</summary>
    public int OrganizationId { get; set; }

    public MotionKind Kind { get; set; }

    public MotionTarget Target { get; set; }

    /// <summary>The person recalled (a recall); none for an inquiry.</summary>
    public int? TargetPersonId { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string Grounds { get; set; } = string.Empty;

    public DateOnly FiledOn { get; set; }

    public string FiledBy { get; set; } = string.Empty;

    public MotionStatus Status { get; set; }

    public DateOnly? ReviewedOn { get; set; }

    /// <summary>The serving signers counted at review.</summary>
    public int? SignersCounted { get; set; }

    /// <summary>The threshold at review.</summary>
    public int? SignersRequired { get; set; }

    /// <summary>The term's serving delegates at review (the base of a recall's threshold) and at the vote.</summary>
    public int? ServingDelegates { get; set; }

    public string? AnswerText { get; set; }

    public string? AnsweredBy { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public int? VotesFor { get; set; }

    public int? VotesAgainst { get; set; }

    public int? VotesAbstain { get; set; }

    public DateOnly? VotedOn { get; set; }

    /// <summary>The elections module's project whose round recorded the vote, when it was held there.</summary>
    public int? ElectionProjectId { get; set; }

    public int? ElectionRoundId { get; set; }

    public MotionOutcome? Outcome { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public int Version { get; set; }

    public List<MotionSigner> Signers { get; set; } = [];

    /// <summary>
    /// Files a motion led by <paramref name="leadPersonId"/> with <paramref name="coSignerPersonIds"/>, all serving delegates
    /// of <paramref name="term"/> (<paramref name="seats"/>: its seats), while the term runs. An inquiry is about the committee or
    /// the discipline commission; a recall names the person: a serving delegate of the term, or a committee member. The
    /// threshold is not checked here but at review, so that others may co-sign first. Every problem is named at once.
    /// </summary>
    public static DelegateMotion File(
        CongressTerm term, IReadOnlyCollection<DelegateSeat> seats, int leadPersonId, IReadOnlyList<int> coSignerPersonIds,
        MotionKind kind, MotionTarget target, int? targetPersonId, string subject, string grounds, string filedBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(coSignerPersonIds);
        var problems = new List<FieldProblem>();
        var serving = seats.Where(d => d.TermId == term.Id && d.IsServing).ToDictionary(d => d.PersonId);
        if (!term.RunsOn(today))
        {
            problems.Add(new("termId", "Motion.TermNotRunning", [term.Number]));
        }

        if (!Enum.IsDefined(kind))
        {
            problems.Add(new("kind", "Input.Invalid", ["Field.Motion.Kind"]));
        }

        if (!serving.ContainsKey(leadPersonId))
        {
            problems.Add(new("leadPersonId", "Motion.NotServingDelegate", []));
        }

        var coSigners = coSignerPersonIds.Distinct().Where(p => p != leadPersonId).ToList();
        if (coSigners.Any(p => !serving.ContainsKey(p)))
        {
            problems.Add(new("coSignerPersonIds", "Motion.CoSignerNotServing", []));
        }

        var inquiry = kind == MotionKind.Inquiry;
        if (inquiry ? target is not (MotionTarget.Committee or MotionTarget.DisciplineCommission) : target is not (MotionTarget.Delegate or MotionTarget.CommitteeMember))
        {
            problems.Add(new("target", "Motion.TargetOfAnotherKind", []));
        }
        else if (!inquiry && targetPersonId is not > 0)
        {
            problems.Add(new("targetPersonId", "Input.Required", ["Field.Motion.TargetPerson"]));
        }
        else if (target == MotionTarget.Delegate && !serving.ContainsKey(targetPersonId!.Value))
        {
            problems.Add(new("targetPersonId", "Motion.TargetNotServing", []));
        }
        else if (!inquiry && (targetPersonId == leadPersonId || coSigners.Contains(targetPersonId!.Value)))
        {
            problems.Add(new("targetPersonId", "Motion.TargetSigns", []));
        }

        string? checkedSubject = null;
        string? checkedGrounds = null;
        string? by = null;
        Collect(problems, () => checkedSubject = TextInput.Required(subject, MaxSubjectLength, "subject", "Field.Motion.Subject"));
        Collect(problems, () => checkedGrounds = TextInput.Required(grounds, MaxGroundsLength, "grounds", "Field.Motion.Grounds"));
        Collect(problems, () => by = TextInput.Required(filedBy, MaxNameLength, "filedBy", "Field.Motion.FiledBy"));
        DomainRuleException.ThrowIfAny(problems);

        var motion = new DelegateMotion
        {
            TermId = term.Id,
            OrganizationId = term.OrganizationId,
            Kind = kind,
            Target = target,
            TargetPersonId = inquiry ? null : targetPersonId,
            Subject = checkedSubject!,
            Grounds = checkedGrounds!,
            FiledBy = by!,
            FiledOn = today,
        };
        var lead = serving[leadPersonId];
        motion.Signers.Add(new MotionSigner { DelegateId = lead.Id, PersonId = lead.PersonId, IsLead = true, SignedOn = today });
        motion.Signers.AddRange(coSigners.Select(p => new MotionSigner { DelegateId = serving[p].Id, PersonId = p, SignedOn = today }));
        return motion;
    }

    /// <summary>A serving delegate of the term joins a filed motion (联名); once only, and never the person it would recall.</summary>
    public MotionSigner CoSign(DelegateSeat seat, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(seat);
        RefuseUnless(MotionStatus.Filed);
        if (seat.TermId != TermId || !seat.IsServing)
        {
            throw new DomainRuleException("Motion.NotServingDelegate", "personId");
        }

        if (Signers.Any(s => s.PersonId == seat.PersonId))
        {
            throw new DomainRuleException("Motion.AlreadySigned", "personId");
        }

        if (Kind == MotionKind.Recall && TargetPersonId == seat.PersonId)
        {
            throw new DomainRuleException("Motion.TargetSigns", "personId");
        }

        var signer = new MotionSigner { DelegateId = seat.Id, PersonId = seat.PersonId, SignedOn = today };
        Signers.Add(signer);
        return signer;
    }

    /// <summary>
    /// 审查: counts the signers whose seats still serve (<paramref name="seats"/>: the term's seats now) against the threshold
    /// of <paramref name="rules"/>: accepted when they reach it, refused below it, the counts kept either way.
    /// </summary>
    public void Review(IReadOnlyCollection<DelegateSeat> seats, DelegateMotionRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(rules);
        RefuseUnless(MotionStatus.Filed);
        var serving = seats.Where(s => s.TermId == TermId && s.IsServing).Select(s => s.PersonId).ToHashSet();
        var counted = Signers.Count(s => serving.Contains(s.PersonId));
        var required = rules.RequiredSigners(Kind, serving.Count);
        (SignersCounted, SignersRequired, ServingDelegates, ReviewedOn) = (counted, required, serving.Count, today);
        Status = counted >= required ? MotionStatus.Accepted : MotionStatus.Refused;
    }

    /// <summary>答复 of an accepted inquiry by the body it is about.</summary>
    public void Answer(string text, string by, DateOnly today)
    {
        RefuseUnless(MotionStatus.Accepted, MotionKind.Inquiry);
        AnswerText = TextInput.Required(text, MaxAnswerLength, "text", "Field.Motion.Answer");
        AnsweredBy = TextInput.Required(by, MaxNameLength, "by", "Field.Motion.AnsweredBy");
        (AnsweredOn, Status) = (today, MotionStatus.Answered);
    }

    /// <summary>
    /// 表决 of an accepted recall: the counts, no more ballots than the term's <paramref name="servingDelegates"/>, optionally
    /// the election project and round that recorded it. The outcome follows <see cref="DelegateMotionRules.Recalls"/>.
    /// </summary>
    public void RecordVote(int votesFor, int votesAgainst, int votesAbstain, int servingDelegates, int? electionProjectId, int? electionRoundId, DelegateMotionRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RefuseUnless(MotionStatus.Accepted, MotionKind.Recall);
        if (votesFor < 0 || votesAgainst < 0 || votesAbstain < 0)
        {
            throw new DomainRuleException("Motion.NegativeVotes", "votesFor");
        }

        if ((long)votesFor + votesAgainst + votesAbstain > servingDelegates)
        {
            throw new DomainRuleException("Motion.TooManyVotes", "votesFor", servingDelegates);
        }

        if (electionRoundId is > 0 && electionProjectId is not > 0)
        {
            throw new DomainRuleException("Input.Required", "electionProjectId", "Field.Motion.ElectionProject");
        }

        (VotesFor, VotesAgainst, VotesAbstain, ServingDelegates, VotedOn) = (votesFor, votesAgainst, votesAbstain, servingDelegates, today);
        (ElectionProjectId, ElectionRoundId) = (electionProjectId is > 0 ? electionProjectId : null, electionRoundId is > 0 ? electionRoundId : null);
        Outcome = rules.Recalls(votesFor, servingDelegates) ? MotionOutcome.Recalled : MotionOutcome.NotRecalled;
        Status = MotionStatus.Voted;
    }

    /// <summary>办结 of an answered inquiry or a voted recall.</summary>
    public void Close(DateOnly today)
    {
        if (Status is not (MotionStatus.Answered or MotionStatus.Voted))
        {
            throw new DomainRuleException("Motion.OutOfOrder", "status");
        }

        (ClosedOn, Status) = (today, MotionStatus.Closed);
    }

    private void RefuseUnless(MotionStatus expected, MotionKind? kind = null)
    {
        if (Status != expected || (kind is { } k && Kind != k))
        {
            throw new DomainRuleException("Motion.OutOfOrder", "status");
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

/// <summary>A delegate who signed a motion: the lead (领衔) or a co-signer (联名).</summary>
public sealed class MotionSigner
{
    public int Id { get; set; }

    public int MotionId { get; set; }

    public int DelegateId { get; set; }

    public int PersonId { get; set; }

    public bool IsLead { get; set; }

    public DateOnly SignedOn { get; set; }
}
