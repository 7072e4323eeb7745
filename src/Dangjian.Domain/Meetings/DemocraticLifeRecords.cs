using System.Linq.Expressions;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>
/// An opinion collected before a democratic life meeting (会前征求意见, DLM-1), from cadres, party members or
/// residents. An anonymous one (through the public form) keeps its text, its source kind and the day it came in, and
/// nothing else: no account, no address, no time of day, and a random id, so neither a column nor the key orders
/// or dates it finely enough to point at whoever wrote it. Not in the row audit log for the same reason
/// (DangjianDbContext.IsAudited).
/// </summary>
public sealed class DemocraticLifeOpinion
{
    public const int MaxTextLength = 2000;

    /// <summary>Random (version 4), never generated in order.</summary>
    public Guid Id { get; set; }

    public int MeetingId { get; set; }

    public OpinionSource Source { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>The day only.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Who gave it, for an opinion staff wrote down from a talk or a 座谈会 and the giver agreed to be named; null when anonymous.</summary>
    public string? SubmitterName { get; set; }
}

/// <summary>Where an opinion came from (会前找干部群众座谈).</summary>
public enum OpinionSource
{
    /// <summary>干部.</summary>
    Cadre,

    /// <summary>群众.</summary>
    Resident,

    /// <summary>党员.</summary>
    Member,
}

/// <summary>A problem found for one team member at the meeting (DLM-3): raised by themselves or by another.</summary>
public sealed class DemocraticLifeProblem : IVersioned
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public int MeetingId { get; set; }

    /// <summary>The team member the problem is about.</summary>
    public int PersonId { get; set; }

    public ProblemKind Kind { get; set; }

    /// <summary>For a criticism: who raised it (a team member, the superior leader), when recorded.</summary>
    public string? RaisedBy { get; set; }

    public string Text { get; set; } = string.Empty;

    public List<DemocraticLifeRectification> Rectifications { get; set; } = [];

    public int Version { get; set; }

    /// <summary>Resolved when it has at least one rectification measure and every one of them is done.</summary>
    public bool IsResolved => Rectifications.Count > 0 && Rectifications.All(r => r.Status == RectificationStatus.Done);
}

/// <summary>批评与自我批评.</summary>
public enum ProblemKind
{
    /// <summary>自我批评: the member's own findings.</summary>
    SelfCriticism,

    /// <summary>批评: raised by another.</summary>
    Criticism,
}

/// <summary>整改措施 (GLOSSARY: RectificationMeasure): what will be done about a problem, by whom, by when, and the proof.</summary>
public sealed class DemocraticLifeRectification : IVersioned
{
    public const int MaxMeasureLength = 2000;
    public const int MaxOwnerLength = 100;
    public const int MaxEvidenceLength = 2000;

    public int Id { get; set; }

    public int ProblemId { get; set; }

    public string Measure { get; set; } = string.Empty;

    /// <summary>责任人 (or responsible office).</summary>
    public string Owner { get; set; } = string.Empty;

    /// <summary>整改时限: a calendar date, not working days.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>整改佐证: what shows it was done.</summary>
    public string? Evidence { get; set; }

    public RectificationStatus Status { get; set; }

    public DateOnly? DoneOn { get; set; }

    public int Version { get; set; }

    /// <summary>Open past its deadline: the day after the deadline it is overdue.</summary>
    public bool IsOverdueOn(DateOnly today) => Status == RectificationStatus.Open && today > Deadline;

    /// <summary>
    /// How many days before its deadline an open measure's owner is reminded (整改时限 提醒), the deadline day counted:
    /// a week. DLM-3 gives every measure an owner and a deadline but no reminder period, and the seeds say only 限期整改
    /// (seed 000: 对后进人员集中上课限期整改) and 督促落实整改措施 after the meeting (seed 000), so the week is the one the
    /// system already gives a deadline of the same kind: the 承诺践诺 reminder list looks seven days ahead
    /// (FulfilmentQueries.DefaultReminderDays), against the 5 of a proposal's much shorter handling period.
    /// </summary>
    public const int ReminderDays = 7;

    /// <summary>
    /// Whose owner is reminded on <paramref name="today"/>: open, with the deadline at most <see cref="ReminderDays"/>
    /// days ahead (today + 7 included) or already past (overdue, reminded too). A query expression, so the database
    /// applies it; <see cref="IsToRemindOn"/> is the same rule on one measure.
    /// </summary>
    public static Expression<Func<DemocraticLifeRectification, bool>> ToRemind(DateOnly today)
    {
        var horizon = today.AddDays(ReminderDays);
        return r => r.Status == RectificationStatus.Open && r.Deadline <= horizon;
    }

    /// <summary>Whether the measure's owner is reminded on <paramref name="today"/> (<see cref="ToRemind"/>).</summary>
    public bool IsToRemindOn(DateOnly today) => Status == RectificationStatus.Open && Deadline <= today.AddDays(ReminderDays);

    /// <summary>整改完成 (销号): with the day and the evidence, which is required.</summary>
    public void Complete(DateOnly doneOn, string? evidence, DateOnly today)
    {
        if (Status == RectificationStatus.Done)
        {
            throw new DomainRuleException("DemocraticLife.AlreadyDone", "status");
        }

        if (string.IsNullOrWhiteSpace(evidence))
        {
            throw new DomainRuleException("DemocraticLife.EvidenceRequired", "evidence");
        }

        SaneDates.Demand(doneOn, "doneOn", "Field.DemocraticLife.DoneOn");
        if (doneOn > today)
        {
            throw new DomainRuleException("DemocraticLife.DoneInFuture", "doneOn");
        }

        Evidence = evidence.Trim();
        DoneOn = doneOn;
        Status = RectificationStatus.Done;
    }

    /// <summary>Back to open (the evidence did not hold up on review).</summary>
    public void Reopen()
    {
        if (Status == RectificationStatus.Open)
        {
            throw new DomainRuleException("DemocraticLife.NotDone", "status");
        }

        Status = RectificationStatus.Open;
        DoneOn = null;
    }
}

public enum RectificationStatus
{
    /// <summary>整改中.</summary>
    Open,

    /// <summary>已完成.</summary>
    Done,
}
