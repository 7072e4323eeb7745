using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Delegates.Duties;

// ---- Requests

/// <summary>例会、视察、情况通报 of a term.</summary>
public sealed record RecordActivityRequest(int? TermId, DelegateActivityKind? Kind, DateOnly? HeldOn, string? Place, string? Subject, string? Summary);

/// <summary>One delegate's attendance of an activity: present, or absent with a reason.</summary>
public sealed record MarkAttendanceRequest(int? DelegateId, bool? Present, string? AbsenceReason, int Version);

public sealed record ActivityStepRequest(int Version);

/// <summary>质询 or 罢免 filed by staff on behalf of its lead delegate.</summary>
public sealed record FileMotionRequest(
    int? TermId, int? LeadPersonId, IReadOnlyList<int>? CoSignerPersonIds, MotionKind? Kind, MotionTarget? Target, int? TargetPersonId, string? Subject, string? Grounds);

/// <summary>质询 or 罢免 the signed-in delegate files and leads.</summary>
public sealed record FileMyMotionRequest(int? TermId, IReadOnlyList<int>? CoSignerPersonIds, MotionKind? Kind, MotionTarget? Target, int? TargetPersonId, string? Subject, string? Grounds);

public sealed record MotionStepRequest(int Version);

/// <summary>
/// Whom staff may name on a motion they record on a delegate's behalf (a paper 质询案 or 罢免案 brought in): the term's
/// serving delegates (lead, co-signers, a delegate to recall) and the members seated today on the team of the term's
/// organization (a committee member to recall).
/// </summary>
public sealed record MotionFilingChoices(IReadOnlyList<MotionPersonChoice> Delegates, IReadOnlyList<MotionPersonChoice> CommitteeMembers);

public sealed record MotionPersonChoice(int PersonId, string Name);

public sealed record AnswerMotionRequest(string? Text, int Version);

/// <summary>A recall's vote: the counts, and the election project and round that recorded it, when held there.</summary>
public sealed record RecordMotionVoteRequest(int? VotesFor, int? VotesAgainst, int? VotesAbstain, int? ElectionProjectId, int? ElectionRoundId, int Version);

/// <summary>述职 of a term, at one of its activities.</summary>
public sealed record RecordWorkReportRequest(int? TermId, int? ActivityId, int? PersonId, string? ReporterName, string? Post, string? Subject, DateOnly? ReportedOn);

public sealed record LinkEvaluationRequest(int? EvaluationCampaignId, int Version);

// ---- Views

public sealed record ActivityRow(int Id, int TermId, DelegateActivityKind Kind, DateOnly HeldOn, string Place, string Subject, bool Published, int Present, int Absent);

public sealed record ActivityListView(Paged<ActivityRow> Items, bool CanManage);

/// <summary>A delegate of the term on an activity's attendance sheet; Present is none while not recorded.</summary>
public sealed record AttendanceLine(int DelegateId, int PersonId, string Name, string DelegationName, bool? Present, string? AbsenceReason);

public sealed record WorkReportView(
    int Id, int TermId, int? ActivityId, string? ActivitySubject, int? PersonId, string ReporterName, string Post, string Subject, DateOnly ReportedOn,
    int? EvaluationCampaignId, string? EvaluationCampaignTitle, int Version);

public sealed record ActivityView(
    int Id, int TermId, int TermNumber, string TermOrganizationName, DelegateActivityKind Kind, DateOnly HeldOn, string Place, string Subject, string? Summary,
    bool Published, DateOnly? PublishedOn, int Version, IReadOnlyList<AttendanceLine> Attendance, IReadOnlyList<WorkReportView> WorkReports, bool CanManage);

/// <summary>A delegate's attendance over the term (Rate 0–1, none when nothing was recorded).</summary>
public sealed record AttendanceRateView(int DelegateId, int PersonId, string Name, string DelegationName, int Recorded, int Present, decimal? Rate);

/// <summary>A published activity of the signed-in delegate's term, with their own attendance.</summary>
public sealed record MyActivityView(int Id, int TermId, DelegateActivityKind Kind, DateOnly HeldOn, string Place, string Subject, string? Summary, bool? Present);

public sealed record MotionSignerView(int PersonId, string Name, bool IsLead, DateOnly SignedOn);

/// <summary>What the caller may do on the motion now.</summary>
public sealed record MotionRights(bool Manage, bool Answer, bool CoSign);

public sealed record MotionRow(
    int Id, int TermId, MotionKind Kind, MotionTarget Target, string? TargetName, string Subject, DateOnly FiledOn, int Signers, MotionStatus Status, MotionOutcome? Outcome);

public sealed record MotionListView(Paged<MotionRow> Items, bool CanManage, int ServingDelegates, int InquirySigners, int RecallSigners);

public sealed record MotionView(
    int Id, int TermId, int TermNumber, string TermOrganizationName, MotionKind Kind, MotionTarget Target, int? TargetPersonId, string? TargetName,
    string Subject, string Grounds, DateOnly FiledOn, string FiledBy, MotionStatus Status, DateOnly? ReviewedOn, int? SignersCounted, int? SignersRequired,
    int? ServingDelegates, string? AnswerText, string? AnsweredBy, DateOnly? AnsweredOn, int? VotesFor, int? VotesAgainst, int? VotesAbstain, DateOnly? VotedOn,
    int? ElectionProjectId, int? ElectionRoundId, MotionOutcome? Outcome, DateOnly? ClosedOn, IReadOnlyList<MotionSignerView> Signers, int Version, MotionRights Rights);

/// <summary>A record a form may link to, by its id and the name a user picks it by.</summary>
public sealed record LinkChoice(int Id, string Name);

/// <summary>An election of the term's organization or below, with its voting rounds, for the recall vote's pickers.</summary>
public sealed record ElectionChoice(int Id, string Title, IReadOnlyList<LinkChoice> Rounds);
