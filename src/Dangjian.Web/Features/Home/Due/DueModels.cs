using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;

namespace Dangjian.Web.Features.Home.Due;

/// <summary>
/// What is due across the modules (RPT-1) for one organization subtree, or for the caller's whole scope when no
/// organization is named. A module's figures are null when the caller does not read that module there; every figure is
/// counted by the module's own query, so it matches the list it drills down to. Field names are stable (README "Dashboards").
/// </summary>
public sealed record DueSummaryView(
    int? OrganizationId,
    string? OrganizationName,
    OrganizationKind? OrganizationKind,
    DateOnly AsOf,
    TermsDue? Terms,
    IReadOnlyList<StageCount>? Elections,
    int? MeetingsOverdue,
    DemocraticLifeDue? DemocraticLife,
    int? EvaluationFollowUpsOpen,
    CommitmentsDue? Commitments,
    StudyDue? Study,
    DuesDue? Dues,
    SupervisionDue? Supervision,
    int? SelectionsInPublicity,
    int? ServiceRequestsOverdue);

/// <summary>Leadership terms (换届): the latest term ends within six months, or has ended without a new one.</summary>
public sealed record TermsDue(int EndingSoon, int Overdue);

/// <summary>Election projects not closed, per stage.</summary>
public sealed record StageCount(ElectionStage Stage, int Count);

/// <summary>民主生活会: meetings not held yet, and their rectification measures still open (and of those, past the deadline).</summary>
public sealed record DemocraticLifeDue(int NotHeld, int OpenRectifications, int OverdueRectifications);

/// <summary>承诺践诺: commitments past their deadline, and commitments being rectified (整改中).</summary>
public sealed record CommitmentsDue(int Overdue, int Rectifying);

/// <summary>
/// 学习: people behind a study requirement (their shortfall), out of the people the requirements apply to; and the exam
/// states that ask something of them: a make-up exam due (补考), suspended for study (停职学习).
/// </summary>
public sealed record StudyDue(int Shortfalls, int People, int ExamMakeUpDue, int ExamSuspended);

/// <summary>党费: members with months unpaid in the default range of the ledger, the amount, and those flagged (six months in a row).</summary>
public sealed record DuesDue(int MembersInArrears, decimal Arrears, int Flagged);

/// <summary>监督: rectification notices not closed (and of those, overdue), and report-box cases not concluded.</summary>
public sealed record SupervisionDue(int OpenNotices, int OverdueNotices, int OpenReports);

/// <summary>One line of the dashboard, the wall and a secretary's to-do list: a figure, what it counts and the list behind it.</summary>
/// <remarks><see cref="Stage"/> names the election stage of an election line (the label shows it).</remarks>
public sealed record DueItem(string Key, int Count, string Href, bool Warn, ElectionStage? Stage = null);
