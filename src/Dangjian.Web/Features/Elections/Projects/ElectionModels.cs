using Dangjian.Domain.Elections;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>Election settings (appsettings "Elections"): the differential share per body, overriding <see cref="DifferentialRule.Defaults"/>.</summary>
public sealed record ElectionOptions
{
    public const string Section = "Elections";

    /// <summary>"Elections:DifferentialPercent:Committee" = 20 and so on; a body not named keeps the default.</summary>
    public Dictionary<BodyKind, int> DifferentialPercent { get; init; } = [];

    public int PercentFor(BodyKind kind) =>
        DifferentialPercent.TryGetValue(kind, out var p) ? p : DifferentialRule.Defaults.GetValueOrDefault(kind);
}

// ---- Projects (ELE-1)

public sealed record BodyRequest(BodyKind? Kind, int? Seats);

public sealed record OpenProjectRequest(
    int? OrganizationId, string? Title, int? TermNumber, DateOnly? PlannedElectionOn, string? Responsibilities, IReadOnlyList<BodyRequest>? Bodies);

public sealed record UpdateProjectRequest(
    string? Title, int? TermNumber, DateOnly? PlannedElectionOn, string? Responsibilities, IReadOnlyList<BodyRequest>? Bodies, int Version);

public sealed record VersionRequest(int Version);

/// <summary>A body to elect; <see cref="Owed"/> names the round whose unfilled or tied seats wait for 另行选举 or a run-off (ELE-12).</summary>
public sealed record BodyView(
    int Id, BodyKind Kind, int Seats, int MinExtraPercent, int MinimumCandidates, DateTimeOffset? ListFixedAt, int Nominees, int OnList, bool HasRound, int Version,
    SeatsOwed? Owed = null);

public sealed record ProjectView(
    int Id,
    int OrganizationId,
    string OrganizationName,
    string Title,
    int TermNumber,
    DateOnly? CurrentTermEndsOn,
    DateOnly? PlannedElectionOn,
    string? Responsibilities,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    ElectionStage Stage,
    bool CanWrite,
    int Version,
    IReadOnlyList<BodyView> Bodies);

public sealed record ProjectRow(
    int Id, int OrganizationId, string OrganizationName, string Title, int TermNumber, DateOnly? CurrentTermEndsOn, DateOnly? PlannedElectionOn,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, ElectionStage Stage);

/// <summary>The defaults a new project form starts from (ELE-1): next term number and the current term's end.</summary>
public sealed record ProjectDefaults(int OrganizationId, string OrganizationName, int TermNumber, DateOnly? CurrentTermEndsOn, IReadOnlyDictionary<BodyKind, int> DifferentialPercent);

// ---- Research and talks (ELE-2)

public sealed record ResearchRequest(ResearchKind? Kind, DateOnly? HeldOn, int? Participants, string? Reference, string? Summary);

public sealed record ResearchView(int Id, ResearchKind Kind, DateOnly HeldOn, int Participants, string? Reference, string? Summary);

public sealed record TalkRequest(TalkStatus? Status, DateOnly? TalkedOn, string? Note, int Version);

/// <summary>One row of <see cref="TalksRequest"/>: the talk target's id and what to record, with its version as read.</summary>
public sealed record TalkRowRequest(int? Id, TalkStatus? Status, DateOnly? TalkedOn, string? Note, int Version);

/// <summary>Many talk rows (ELE-2) in one save.</summary>
public sealed record TalksRequest(IReadOnlyList<TalkRowRequest>? Rows);

public sealed record TalkView(int Id, int PersonId, string PersonName, TalkStatus Status, DateOnly? TalkedOn, string? Note, int Version);

public sealed record TalkOverview(TalkCoverage Coverage, IReadOnlyList<TalkView> Targets);

// ---- Checklists (ELE-3)

public sealed record GenerateChecklistsRequest(IReadOnlyList<int>? StaffPersonIds);

public sealed record ChecklistDoneRequest(DateOnly? DoneOn);

/// <summary>Many checklist items (ELE-3) done on one day, or undone (null), in one save.</summary>
public sealed record ChecklistsDoneRequest(IReadOnlyList<int>? ItemIds, DateOnly? DoneOn);

public sealed record ChecklistItemView(int Id, int PersonId, string PersonName, ChecklistKind Kind, ChecklistReason Reason, DateOnly? DoneOn);

public sealed record ChecklistKindProgress(ChecklistKind Kind, int Total, int Done, double Percent);

public sealed record ChecklistOverview(IReadOnlyList<ChecklistKindProgress> PerKind, IReadOnlyList<ChecklistItemView> Items, IReadOnlyList<ChecklistItemView> Missing);

// ---- Nominations, vetting, candidate lists (ELE-4, ELE-5, ELE-7)

public sealed record NominateRequest(
    int? BodyId, int? PersonId, NominationSource? Source, string? JointNominators, string? Profile, string? ReviewSummary, string? Statement);

public sealed record UpdateNomineeRequest(string? JointNominators, string? Profile, string? ReviewSummary, string? Statement, int Version);

public sealed record VettingRequest(VettingResult? Result, string? CheckedBy, DateOnly? CheckedOn, string? Note, int Version);

/// <summary>One check of a nominee in <see cref="VettingAllRequest"/>, with the version of that check as read.</summary>
public sealed record VettingCheckRequest(VettingKind? Kind, VettingResult? Result, string? CheckedBy, DateOnly? CheckedOn, string? Note, int Version);

/// <summary>The four checks of one nominee (ELE-5) in one save.</summary>
public sealed record VettingAllRequest(IReadOnlyList<VettingCheckRequest>? Checks);

/// <summary>One nominee's row of <see cref="VettingManyRequest"/>, with the version of its check of that kind as read.</summary>
public sealed record VettingRowRequest(int? NomineeId, VettingResult? Result, string? CheckedBy, DateOnly? CheckedOn, string? Note, int Version);

/// <summary>One check kind for many nominees (ELE-5) in one save.</summary>
public sealed record VettingManyRequest(IReadOnlyList<VettingRowRequest>? Rows);

public sealed record VettingView(int Id, VettingKind Kind, VettingResult Result, string? CheckedBy, DateOnly? CheckedOn, string? Note, int Version);

public sealed record NomineeView(
    int Id,
    int BodyId,
    BodyKind BodyKind,
    int PersonId,
    string PersonName,
    NominationSource Source,
    string? JointNominators,
    string? Profile,
    string? ReviewSummary,
    string? Statement,
    bool OnList,
    int? DisqualifiedByReportId,
    IReadOnlyList<string> Blockers,
    IReadOnlyList<string> BlockerTexts,
    IReadOnlyList<VettingView> Checks,
    int Version);

public sealed record FixListRequest(IReadOnlyList<int>? NomineeIds, int Version);

// ---- Misconduct reports (ELE-14)

public sealed record ReportRequest(DateOnly? ReceivedOn, string? Summary, int? NomineeId);

public sealed record ReportStageRequest(ReportStage? Stage, string? Findings, DateOnly? ConcludedOn, int Version);

public sealed record ReportView(
    int Id, DateOnly ReceivedOn, string Summary, int? NomineeId, string? NomineeName, ReportStage Stage, string? Findings, DateOnly? ConcludedOn,
    IReadOnlyList<ReportStage> NextStages, bool OnListWithRound, int Version);

// ---- 公推公选 / 公推直选 (ELE-15)

public sealed record SelectionRequest(PublicSelectionKind? Kind, string? Post);

public sealed record StageRecordRequest(SelectionStage? Stage, DateOnly? RecordedOn, string? Summary, string? Passed, int Version);

public sealed record StageRecordView(SelectionStage Stage, DateOnly RecordedOn, string Summary, string? Passed);

public sealed record SelectionView(int Id, PublicSelectionKind Kind, string Post, SelectionStage? Next, IReadOnlyList<StageRecordView> Records, int Version);

// ---- Public candidate introduction (ELE-9)

public sealed record PublicCandidate(int NomineeId, int ProjectId, string ProjectTitle, string OrganizationName, BodyKind BodyKind, string Name, string? Profile, string? ReviewSummary, string? Statement);

/// <summary>Strings of the election project pages (ElectionText.resx, ElectionText.en.resx).</summary>
public sealed class ElectionText;

// ---- 候选人问答 (ELE-9)

/// <summary>A voter's question to a candidate as the election's staff see it: never who asked, only the day.</summary>
public sealed record CandidateQuestionView(
    int Id, int NomineeId, string CandidateName, string Question, DateOnly AskedOn, string? Answer, DateOnly? AnsweredOn,
    CandidateQuestionStatus Status, string? ModeratedBy, DateOnly? ModeratedOn, int Version);

/// <summary>The candidate's answer, recorded by the election's staff while the question waits for moderation.</summary>
public sealed record AnswerCandidateQuestionRequest(string? Answer, int? Version);

/// <summary>The version the caller saw, for 公开 or 不予公开.</summary>
public sealed record CandidateQuestionVersion(int? Version);

/// <summary>A published question and its answer, as the public candidate page shows them.</summary>
public sealed record PublicCandidateAnswer(string Question, DateOnly AskedOn, string Answer, DateOnly AnsweredOn);
