using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>听问访谈 (ELE-2): a hearing session, a questionnaire, or a visit, with how many took part.</summary>
public sealed class ResearchRecord
{
    public const int MaxReferenceLength = 500;

    public int Id { get; set; }

    public int ProjectId { get; set; }

    public ResearchKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    public int Participants { get; set; }

    /// <summary>A questionnaire's link or survey reference (the survey module may hold it later).</summary>
    public string? Reference { get; set; }

    public string? Summary { get; set; }
}

public enum ResearchKind
{
    /// <summary>座谈/听取意见.</summary>
    Hearing,

    /// <summary>问卷.</summary>
    Questionnaire,

    /// <summary>走访.</summary>
    Visit,
}

/// <summary>One person on the one-to-one talk list (谈心谈话, 全覆盖) and how far their talk has got.</summary>
public sealed class TalkTarget : Common.IVersioned
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public int PersonId { get; set; }

    public TalkStatus Status { get; set; }

    public DateOnly? TalkedOn { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// Records how far the talk went (ELE-2: 谈话调研): a talk held, by phone or made up, has its day; one not yet held
    /// has none.
    /// </summary>
    public void Record(TalkStatus? status, DateOnly? talkedOn, string? note)
    {
        if (status is not { } s || !Enum.IsDefined(s))
        {
            throw new DomainRuleException("Input.Required", "status", "Field.TalkStatus");
        }

        if (s != TalkStatus.NotYet && talkedOn is null)
        {
            throw new DomainRuleException("Input.Required", "talkedOn", "Field.TalkedOn");
        }

        Status = s;
        TalkedOn = s == TalkStatus.NotYet ? null : talkedOn;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
    }
}

public enum TalkStatus
{
    /// <summary>未谈.</summary>
    NotYet,

    /// <summary>已面谈.</summary>
    Talked,

    /// <summary>电话谈.</summary>
    Phoned,

    /// <summary>补谈: a make-up talk for one who was absent.</summary>
    MakeUp,
}

/// <summary>四必看/四必谈/四必训 (ELE-3): one person's item on one list, generated from the organization's people and roles.</summary>
public sealed class ChecklistItem
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public int PersonId { get; set; }

    public ChecklistKind Kind { get; set; }

    /// <summary>Why this person is on the list (the role that put them there).</summary>
    public ChecklistReason Reason { get; set; }

    public DateOnly? DoneOn { get; set; }
}

public enum ChecklistKind
{
    /// <summary>必看: the warning materials (一片一书).</summary>
    MustRead,

    /// <summary>必谈.</summary>
    MustTalk,

    /// <summary>必训.</summary>
    MustTrain,
}

public enum ChecklistReason
{
    /// <summary>班子成员.</summary>
    TeamMember,

    /// <summary>党员 of the organization.</summary>
    Member,

    /// <summary>换届工作人员 / 考察组.</summary>
    ElectionStaff,
}
