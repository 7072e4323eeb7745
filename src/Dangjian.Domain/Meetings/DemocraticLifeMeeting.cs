using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>
/// 民主生活会 of one organization's leadership team (DLM-1 … DLM-4). Its own aggregate: the preparation checklist
/// (人员、时间、意见三到位), the superior leader who attends (上级领导介入), the opinions collected beforehand, and per member
/// the problems found (批评与自我批评) with their rectification measures (整改措施).
/// Seed 000: 会前做到"人员、时间、意见"三到位 … 如准备工作不扎实，则要责成推迟召开民主生活会; a meeting is therefore only
/// marked held once all three are confirmed, and may be postponed with a reason and a new date.
/// </summary>
public sealed class DemocraticLifeMeeting : IVersioned
{
    public const int MaxThemeLength = 200;
    public const int MaxNameLength = 50;
    public const int MaxLeaderTitleLength = 100;
    public const int MaxReasonLength = 500;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public int Id { get; set; }

    /// <summary>The organization whose leadership team holds the meeting.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The year the meeting is for (年度民主生活会).</summary>
    public int Year { get; set; }

    public string Theme { get; set; } = string.Empty;

    public DateOnly PlannedDate { get; set; }

    public DateOnly? HeldDate { get; set; }

    public DemocraticLifeStatus Status { get; set; }

    /// <summary>DLM-2: the superior leader who attends and guides (上级领导), with their post.</summary>
    public string? SuperiorLeaderName { get; set; }

    public string? SuperiorLeaderTitle { get; set; }

    /// <summary>人员到位: who confirmed it (account name) and when.</summary>
    public string? PeopleReadyBy { get; set; }

    public DateTimeOffset? PeopleReadyAt { get; set; }

    /// <summary>时间到位.</summary>
    public string? TimeReadyBy { get; set; }

    public DateTimeOffset? TimeReadyAt { get; set; }

    /// <summary>意见到位.</summary>
    public string? OpinionsReadyBy { get; set; }

    public DateTimeOffset? OpinionsReadyAt { get; set; }

    /// <summary>Why the meeting was last postponed, and the date it had been planned for before.</summary>
    public string? PostponeReason { get; set; }

    public DateOnly? PostponedFrom { get; set; }

    /// <summary>
    /// SHA-256 of the anonymous opinion link's token (<see cref="OpinionLink"/>); the token itself is shown once to
    /// staff and never stored, so a copy of the database does not open the form.
    /// </summary>
    public string? OpinionTokenHash { get; set; }

    /// <summary>The general meeting record (Meetings) this one is linked to, once that exists; no foreign key yet.</summary>
    public int? MeetingId { get; set; }

    public List<DemocraticLifeProblem> Problems { get; set; } = [];

    public int Version { get; set; }

    public bool IsHeld => Status == DemocraticLifeStatus.Held;

    /// <summary>The anonymous form takes opinions until the meeting is held.</summary>
    public bool AcceptsOpinions => !IsHeld && OpinionTokenHash is not null;

    /// <summary>The date the meeting stands on: held, else planned.</summary>
    public DateOnly Date => HeldDate ?? PlannedDate;

    public bool IsConfirmed(PreparationItem item) => ConfirmedAt(item) is not null;

    public DateTimeOffset? ConfirmedAt(PreparationItem item) => item switch
    {
        PreparationItem.People => PeopleReadyAt,
        PreparationItem.Time => TimeReadyAt,
        PreparationItem.Opinions => OpinionsReadyAt,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public string? ConfirmedBy(PreparationItem item) => item switch
    {
        PreparationItem.People => PeopleReadyBy,
        PreparationItem.Time => TimeReadyBy,
        PreparationItem.Opinions => OpinionsReadyBy,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    /// <summary>The checklist items not yet confirmed, in checklist order.</summary>
    public IReadOnlyList<PreparationItem> MissingPreparation() =>
        [.. Enum.GetValues<PreparationItem>().Where(i => !IsConfirmed(i))];

    /// <summary>Confirms (or withdraws) one of the three 到位 items; only before the meeting is held.</summary>
    public void Confirm(PreparationItem item, bool confirmed, string by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(item))
        {
            throw new DomainRuleException("Input.Invalid", "item", "Field.DemocraticLife.Item");
        }

        RefuseIfHeld();
        var who = confirmed ? by : null;
        DateTimeOffset? when = confirmed ? at : null;
        switch (item)
        {
            case PreparationItem.People:
                (PeopleReadyBy, PeopleReadyAt) = (who, when);
                break;
            case PreparationItem.Time:
                (TimeReadyBy, TimeReadyAt) = (who, when);
                break;
            default:
                (OpinionsReadyBy, OpinionsReadyAt) = (who, when);
                break;
        }
    }

    /// <summary>
    /// Marks the meeting held on <paramref name="heldOn"/>. Refused until 人员、时间、意见 are all confirmed, for a
    /// date after <paramref name="today"/>, and for a meeting already held.
    /// </summary>
    public void MarkHeld(DateOnly heldOn, DateOnly today)
    {
        RefuseIfHeld();
        var missing = MissingPreparation();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("DemocraticLife.NotReady", "checklist", missing.Count);
        }

        SaneDates.Demand(heldOn, "heldDate", "Field.DemocraticLife.HeldDate");
        if (heldOn > today)
        {
            throw new DomainRuleException("DemocraticLife.HeldInFuture", "heldDate");
        }

        if (heldOn.Year < MinYear)
        {
            throw new DomainRuleException("Input.OutOfRange", "heldDate", "Field.DemocraticLife.HeldDate", MinYear, MaxYear);
        }

        HeldDate = heldOn;
        Status = DemocraticLifeStatus.Held;
    }

    /// <summary>
    /// 推迟召开: the preparation is not solid enough. The new date must come after the planned one, and today; a reason
    /// is required. The time arrangement changed, so 时间到位 has to be confirmed again.
    /// </summary>
    public void Postpone(DateOnly newDate, string reason, DateOnly today)
    {
        RefuseIfHeld();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Input.Required", "reason", "Field.DemocraticLife.PostponeReason");
        }

        SaneDates.Demand(newDate, "newDate", "Field.DemocraticLife.NewDate");
        if (newDate <= PlannedDate || newDate < today)
        {
            throw new DomainRuleException("DemocraticLife.PostponeDate", "newDate");
        }

        PostponedFrom = PlannedDate;
        PlannedDate = newDate;
        PostponeReason = reason.Trim();
        Status = DemocraticLifeStatus.Postponed;
        (TimeReadyBy, TimeReadyAt) = (null, null);
    }

    /// <summary>Theme, year and planned date may change until the meeting is held.</summary>
    public void Reschedule(int year, string theme, DateOnly plannedDate)
    {
        RefuseIfHeld();
        SaneDates.Demand(plannedDate, "plannedDate", "Field.DemocraticLife.PlannedDate");
        if (plannedDate != PlannedDate)
        {
            (TimeReadyBy, TimeReadyAt) = (null, null);
        }

        Year = year;
        Theme = theme;
        PlannedDate = plannedDate;
    }

    private void RefuseIfHeld()
    {
        if (IsHeld)
        {
            throw new DomainRuleException("DemocraticLife.AlreadyHeld", "status");
        }
    }
}

public enum DemocraticLifeStatus
{
    /// <summary>筹备中.</summary>
    Preparing,

    /// <summary>已召开.</summary>
    Held,

    /// <summary>已推迟 (to <see cref="DemocraticLifeMeeting.PlannedDate"/>).</summary>
    Postponed,
}

/// <summary>三到位: the preparation checklist (DLM-1).</summary>
public enum PreparationItem
{
    /// <summary>人员到位: every team member and the superior leader can attend.</summary>
    People,

    /// <summary>时间到位: the date is fixed and kept free.</summary>
    Time,

    /// <summary>意见到位: opinions have been collected from cadres and residents and sorted.</summary>
    Opinions,
}
