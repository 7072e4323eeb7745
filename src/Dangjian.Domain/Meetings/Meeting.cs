using System.Linq.Expressions;
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

    /// <summary>Closed and cancelled meetings are over: their attendance and agenda no longer change.</summary>
    public bool IsOver => Status is MeetingStatus.Closed or MeetingStatus.Cancelled;

    /// <summary>
    /// An upcoming meeting to attend — the one rule behind the upcoming part of a person's list on /me and the meeting
    /// reminders: on <paramref name="today"/> or later (up to <paramref name="lastDay"/> when one is given, both days
    /// included), and neither closed (held) nor called off. A query expression, so the database applies it.
    /// </summary>
    public static Expression<Func<Meeting, bool>> ToAttend(DateOnly today, DateOnly? lastDay = null) =>
        lastDay is { } last
            ? m => m.Date >= today && m.Date <= last && m.Status != MeetingStatus.Closed && m.Status != MeetingStatus.Cancelled
            : m => m.Date >= today && m.Status != MeetingStatus.Closed && m.Status != MeetingStatus.Cancelled;

    /// <summary>The meetings <see cref="ToAttend"/> leaves out on <paramref name="today"/> (no last day): held, called off, or of a past day.</summary>
    public static Expression<Func<Meeting, bool>> NotToAttend(DateOnly today)
    {
        var upcoming = ToAttend(today);
        return Expression.Lambda<Func<Meeting, bool>>(Expression.Not(upcoming.Body), upcoming.Parameters);
    }

    /// <summary>
    /// Calls a meeting (MTG-1, MTG-2): it is called with its written notice, so it starts notified; the notice's day and
    /// period are checked when the date is set (<see cref="NoticeRule"/>).
    /// </summary>
    public static Meeting Call(int organizationId, MeetingType type, string title, DateTimeOffset createdAt) => new()
    {
        OrganizationId = organizationId,
        Type = type,
        Title = title,
        CreatedAt = createdAt,
        Status = MeetingStatus.Notified,
    };

    /// <summary>Refuses a change to a meeting that is over, naming <paramref name="field"/>.</summary>
    public static void DemandOpen(MeetingStatus status, string field = "id")
    {
        if (status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            throw new DomainRuleException(status == MeetingStatus.Closed ? "Meeting.Closed" : "Meeting.Cancelled", field);
        }
    }

    /// <summary>Cancels a meeting that has decided nothing and has no secret vote open (the items must be loaded).</summary>
    public void Cancel()
    {
        DemandOpen(Status);
        if (Items.Any(i => i.Outcome is not null || i.Status == ItemStatus.Voting))
        {
            throw new DomainRuleException("Meeting.HasDecisions", "id");
        }

        Status = MeetingStatus.Cancelled;
    }

    /// <summary>
    /// Ends the meeting: attendance and the agenda are fixed; undecided items stay undecided; refused while a secret vote
    /// is open (the items must be loaded).
    /// </summary>
    public void Close()
    {
        DemandOpen(Status);
        if (Items.Any(i => i.Status == ItemStatus.Voting))
        {
            throw new DomainRuleException("Meeting.VoteStillOpen", "id");
        }

        Status = MeetingStatus.Closed;
    }

    /// <summary>
    /// Attendance of one invitee (MTG-3): present, possibly arriving at a later item (from 1) or leaving after an earlier
    /// one (up to the last item), or absent with a reason (请假事由). The first attendance recorded starts the meeting.
    /// Items already decided keep the attendance they were decided on. Every reason to refuse is named at once.
    /// </summary>
    public void RecordAttendance(MeetingParticipant participant, Attendance attendance, string? reason, int? arrivedAtItem, int? leftAfterItem)
    {
        ArgumentNullException.ThrowIfNull(participant);
        DemandOpen(Status);
        DomainRuleException.ThrowIfAny(AttendanceProblems(attendance, reason, arrivedAtItem, leftAfterItem));
        participant.Attendance = attendance;
        participant.Reason = string.IsNullOrWhiteSpace(reason) ? null : reason;
        participant.ArrivedAtItem = arrivedAtItem;
        participant.LeftAfterItem = leftAfterItem;
        if (Status is MeetingStatus.Planned or MeetingStatus.Notified)
        {
            Status = MeetingStatus.InProgress;
        }
    }

    /// <summary>
    /// Why one invitee's attendance cannot be recorded as given (MTG-3), every reason at once; empty when it can. A sheet
    /// of many invitees is checked row by row with this before any row is recorded, so it is saved whole or not at all.
    /// </summary>
    public IReadOnlyList<FieldProblem> AttendanceProblems(Attendance attendance, string? reason, int? arrivedAtItem, int? leftAfterItem)
    {
        var problems = new List<FieldProblem>();
        if (!Enum.IsDefined(attendance))
        {
            problems.Add(new("attendance", "Input.Required", "Field.Meeting.Attendance"));
        }

        if (attendance == Attendance.Absent && string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("reason", "Input.Required", "Field.Meeting.Reason"));
        }

        var last = Items.Count == 0 ? 1 : Items.Max(i => i.Order);
        if (attendance != Attendance.Present && (arrivedAtItem is not null || leftAfterItem is not null))
        {
            problems.Add(new(arrivedAtItem is not null ? "arrivedAtItem" : "leftAfterItem", "Meeting.PartialOnlyWhenPresent"));
        }

        if (arrivedAtItem is { } a && (a < 1 || a > last))
        {
            problems.Add(new("arrivedAtItem", "Input.OutOfRange", "Field.Meeting.ArrivedAtItem", 1, last));
        }

        if (leftAfterItem is { } l && (l < 1 || l > last))
        {
            problems.Add(new("leftAfterItem", "Input.OutOfRange", "Field.Meeting.LeftAfterItem", 1, last));
        }

        if (arrivedAtItem is { } from && leftAfterItem is { } to && to < from)
        {
            problems.Add(new("leftAfterItem", "Meeting.LeftBeforeArriving"));
        }

        return problems;
    }

    /// <summary>The attendance an item is decided on (MTG-3: per item, against live attendance).</summary>
    public ItemAttendance AttendanceAt(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(
            Participants.Count(p => p.Entitled),
            Participants.Count(p => p.Entitled && p.IsPresentAt(item.Order)),
            item.InChargePersonId is { } ic ? Participants.Any(p => p.PersonId == ic && p.IsPresentAt(item.Order)) : null);
    }

    /// <summary>The entitled members present for an item, who speak before the secretary (MTG-5) and vote (MTG-6).</summary>
    public IEnumerable<int> PresentMembersAt(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Participants.Where(p => p.Entitled && p.IsPresentAt(item.Order)).Select(p => p.PersonId);
    }

    /// <summary>
    /// An open vote on a pending item (MTG-6): each entitled member present for the item votes by name, once; the item is
    /// decided at once. The secretary's own vote stands for their view when none was stated in the discussion (MTG-7).
    /// Every bad vote is named at once.
    /// </summary>
    public void RecordOpenVotes(AgendaItem item, IReadOnlyList<(int PersonId, VoteChoice Choice)> votes, DecisionRules rules, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(votes);
        item.DemandPending();
        item.DemandVoteMode(VoteMode.Open);
        var problems = new List<FieldProblem>();
        var entitledPresent = PresentMembersAt(item).ToHashSet();
        for (var i = 0; i < votes.Count; i++)
        {
            var (personId, choice) = votes[i];
            if (!Enum.IsDefined(choice))
            {
                problems.Add(new($"votes[{i}].choice", "Input.Required", "Field.Item.Choice"));
            }

            if (!entitledPresent.Contains(personId))
            {
                problems.Add(new($"votes[{i}].personId", "Meeting.NotEntitledPresent"));
            }

            if (votes.Take(i).Any(x => x.PersonId == personId))
            {
                problems.Add(new($"votes[{i}].personId", "Meeting.VotedTwice"));
            }
        }

        if (votes.Count == 0)
        {
            problems.Add(new("votes", "Input.Required", "Field.Item.Votes"));
        }

        DomainRuleException.ThrowIfAny(problems);
        item.Votes.AddRange(votes.Select(v => new ItemVote { PersonId = v.PersonId, Choice = v.Choice }));
        var counts = new VoteCounts(votes.Count(v => v.Choice == VoteChoice.For), votes.Count(v => v.Choice == VoteChoice.Against), votes.Count(v => v.Choice == VoteChoice.Abstain));
        if (item.SecretaryView is null && votes.Where(v => v.PersonId == SecretaryPersonId && v.Choice != VoteChoice.Abstain).ToList() is [var own, ..])
        {
            item.SecretaryView = own.Choice;
        }

        item.Decide(AttendanceAt(item), counts, rules, at);
    }

    /// <summary>
    /// Starts a secret vote on a pending item (无记名, MTG-6): the attendance is taken now, for one code per entitled
    /// member present; refused when nobody entitled is present.
    /// </summary>
    public ItemAttendance StartSecretVote(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.DemandPending();
        item.DemandVoteMode(VoteMode.Secret);
        var attendance = AttendanceAt(item);
        if (attendance.Present == 0)
        {
            throw new DomainRuleException("Meeting.NobodyPresent", "id");
        }

        item.StartVoting(attendance);
        return attendance;
    }

    /// <summary>
    /// 行政首长最后决定 (MTG-6): a pending item the administrative head decides after discussion, recorded as such; with the
    /// quorum unmet nothing is decided. Never escalated: there was no vote for the secretary to dissent from.
    /// </summary>
    public void RecordHeadDecision(AgendaItem item, ItemOutcome? outcome, DecisionRules rules, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.DemandPending();
        item.DemandVoteMode(VoteMode.AdministrativeHead);
        if (outcome is not (ItemOutcome.Passed or ItemOutcome.Rejected))
        {
            throw new DomainRuleException("Input.Required", "outcome", "Field.Item.Outcome");
        }

        item.RecordHeadDecision(AttendanceAt(item), outcome.Value, rules, at);
    }
}

/// <summary>
/// The attendance an item is decided on: the members entitled to attend (应到会成员), how many were present for the item,
/// and whether the member in charge (分管) was (null: none named).
/// </summary>
public sealed record ItemAttendance(int Entitled, int Present, bool? InChargePresent);

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
