using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres;

/// <summary>
/// The ways a leader leaves a post for cause. Seed 004, 三 (三) 健全领导干部退出机制: 《关于调整不称职领导干部的试行办法》,
/// 《领导干部辞职制》 and 《领导干部引咎辞职、责令辞职实施细则》 "使领导干部引咎辞职、责令辞职的各种情形具体化".
/// </summary>
public enum ExitKind
{
    /// <summary>引咎辞职: the leader resigns taking the blame.</summary>
    ResignationForFault,

    /// <summary>责令辞职: the party organization orders the leader to resign.</summary>
    OrderedResignation,

    /// <summary>免职.</summary>
    Dismissal,
}

public enum ExitStatus
{
    /// <summary>提出: grounds recorded, waiting for the decision.</summary>
    Proposed,

    /// <summary>已决定.</summary>
    Decided,

    /// <summary>撤回: dropped before a decision.</summary>
    Withdrawn,
}

/// <summary>What the deciding body decided.</summary>
public enum ExitOutcome
{
    /// <summary>同意 / 决定: the leader leaves the post.</summary>
    Approved,

    /// <summary>不同意: the leader stays.</summary>
    Rejected,
}

/// <summary>
/// An exit case (CAD-7): 引咎辞职, 责令辞职 or 免职 of a leader, with its grounds and the decision. A small state machine:
/// proposed, then decided (by a named body, on a day not before the case was opened) or withdrawn with a reason; a case
/// decided or withdrawn is closed for good (a new case is opened instead), so the record of the decision cannot move.
/// </summary>
public sealed class ExitCase : IVersioned
{
    public const int MaxGroundsLength = 2000;
    public const int MaxBodyLength = 100;
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The organization whose department handles the case, for scope.</summary>
    public int OrganizationId { get; set; }

    public ExitKind Kind { get; set; }

    public string Grounds { get; set; } = string.Empty;

    public DateOnly OpenedOn { get; set; }

    public ExitStatus Status { get; set; }

    public ExitOutcome? Outcome { get; set; }

    /// <summary>The body that decided (区委常委会 …).</summary>
    public string? DecidedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>The decision's text, or why the case was withdrawn.</summary>
    public string? DecisionText { get; set; }

    public int Version { get; set; }

    /// <summary>Opens a case on a day not after today, with its grounds.</summary>
    public static ExitCase Open(int personId, int organizationId, ExitKind kind, string? grounds, DateOnly openedOn, DateOnly today)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.Cadre.ExitKind");
        }

        var why = TextInput.Required(grounds, MaxGroundsLength, "grounds", "Field.Cadre.ExitGrounds");
        CadreDays.Done(openedOn, "openedOn", "Field.Cadre.OpenedOn", today);
        return new() { PersonId = personId, OrganizationId = organizationId, Kind = kind, Grounds = why, OpenedOn = openedOn };
    }

    /// <summary>Records the decision of a proposed case: the outcome, the deciding body, its text, and its day (from the opening to today).</summary>
    public void Decide(ExitOutcome outcome, string? body, string? text, DateOnly decidedOn, DateOnly today)
    {
        RefuseUnlessProposed();
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("Input.Invalid", "outcome", "Field.Cadre.ExitOutcome");
        }

        var by = TextInput.Required(body, MaxBodyLength, "decidedBy", "Field.Cadre.DecidedBy");
        var what = TextInput.Required(text, MaxTextLength, "decisionText", "Field.Cadre.DecisionText");
        var on = CadreDays.Closing(decidedOn, OpenedOn, today);
        (Status, Outcome, DecidedBy, DecisionText, DecidedOn) = (ExitStatus.Decided, outcome, by, what, on);
    }

    /// <summary>Drops a proposed case, saying why, on a day from the opening to today.</summary>
    public void Withdraw(string? reason, DateOnly on, DateOnly today)
    {
        RefuseUnlessProposed();
        var why = TextInput.Required(reason, MaxTextLength, "decisionText", "Field.Cadre.WithdrawReason");
        var day = CadreDays.Closing(on, OpenedOn, today);
        (Status, DecisionText, DecidedOn) = (ExitStatus.Withdrawn, why, day);
    }

    private void RefuseUnlessProposed()
    {
        if (Status != ExitStatus.Proposed)
        {
            throw new DomainRuleException("Cadre.CaseClosed", "status");
        }
    }
}
