using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>The kinds of meeting (MTG-1).</summary>
public enum MeetingType
{
    /// <summary>党委会 / 支委会: the leadership team's meeting, where matters are decided item by item.</summary>
    CommitteeMeeting,

    /// <summary>党员大会 (支部党员大会).</summary>
    MembersAssembly,

    /// <summary>党小组会.</summary>
    GroupMeeting,

    /// <summary>党课.</summary>
    PartyLecture,

    /// <summary>民主生活会 (DLM-*).</summary>
    DemocraticLifeMeeting,

    /// <summary>组织生活会.</summary>
    OrganizationalLifeMeeting,

    /// <summary>中心组学习.</summary>
    CentralGroupStudy,
}

public enum MeetingStatus
{
    /// <summary>Called, notice not yet sent.</summary>
    Planned,

    /// <summary>The written notice went out.</summary>
    Notified,

    /// <summary>Being held: attendance and items are recorded.</summary>
    InProgress,

    /// <summary>Over: items decided (or left undecided), minutes may be signed.</summary>
    Closed,

    Cancelled,
}

/// <summary>
/// A meeting of an organization (MTG-1, MTG-2): its type, day, the written notice (MTG-2: at least the organization's
/// notice period in working days before, else marked emergency with a reason), who is invited, and its agenda.
/// </summary>
public sealed class Meeting : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public MeetingType Type { get; set; }

    public required string Title { get; set; }

    public string? Location { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    /// <summary>The day the written notice reached the invitees (null until it is sent).</summary>
    public DateOnly? NoticeDate { get; set; }

    public string? NoticeText { get; set; }

    /// <summary>Called at shorter notice than the organization's period (MTG-2); needs <see cref="EmergencyReason"/>.</summary>
    public bool Emergency { get; set; }

    public string? EmergencyReason { get; set; }

    /// <summary>The secretary (一把手) presiding, whose view is stated last (MTG-5) and whose dissent escalates (MTG-7).</summary>
    public int? SecretaryPersonId { get; set; }

    public MeetingStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];

    public List<AgendaItem> Items { get; set; } = [];

    public int Version { get; set; }
}

public enum Attendance
{
    /// <summary>Not yet recorded.</summary>
    Unrecorded,
    Present,
    Absent,
}

/// <summary>
/// One invitee of a meeting: a member entitled to attend (应到会成员: counted for quorum and for the vote) or someone
/// attending without a vote (列席). Attendance is recorded per person with late arrival and early leave by agenda item,
/// so presence is known item by item (MTG-3).
/// </summary>
public sealed class MeetingParticipant
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int PersonId { get; set; }

    /// <summary>应到会成员: a member of the body that decides (the team for 党委会/支委会, the members for 党员大会).</summary>
    public bool Entitled { get; set; }

    public Attendance Attendance { get; set; }

    /// <summary>Why absent (请假事由), or why late / leaving early.</summary>
    public string? Reason { get; set; }

    /// <summary>Arrived late: present from this agenda item on (its <see cref="AgendaItem.Order"/>).</summary>
    public int? ArrivedAtItem { get; set; }

    /// <summary>Left early: present up to and including this agenda item.</summary>
    public int? LeftAfterItem { get; set; }

    /// <summary>Whether this person was present for the item of the given order.</summary>
    public bool IsPresentAt(int itemOrder) =>
        Attendance == Attendance.Present
        && (ArrivedAtItem ?? int.MinValue) <= itemOrder
        && itemOrder <= (LeftAfterItem ?? int.MaxValue);
}

/// <summary>An organization's meeting settings (MTG-2's notice period is per organization, default 2 working days).</summary>
public sealed class MeetingSettings : IVersioned
{
    public int OrganizationId { get; set; }

    public int NoticeWorkingDays { get; set; } = NoticeRule.DefaultWorkingDays;

    public int Version { get; set; }
}
