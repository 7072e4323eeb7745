using Dangjian.Domain.Cadres.Selection;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>Strings of the selection case pages, the dossier, the public publicity page and the export (SelectionText.resx, SelectionText.en.resx).</summary>
public sealed class SelectionText;

// ---- Requests (every change carries the case's Version; a stale one is a 409)

/// <summary>动议: a vacancy's post, how many, and the qualifications.</summary>
public sealed record OpenSelectionRequest(int? OrganizationId, string? Post, int? Posts, string? Qualifications);

public sealed record MeetingRecommendationRequest(int Version, int? RecommendationRoundId);

public sealed record TalkRecommendationRequest(int Version, string? Recommender, int? PersonId);

public sealed record ShortlistRequest(int Version, IReadOnlyList<int>? PersonIds);

public sealed record StartInspectionRequest(int Version, DateOnly? Day, IReadOnlyList<int>? TeamPersonIds);

public sealed record InspectionMethodRequest(int Version, InspectionMethod? Method, string? Summary);

public sealed record CircleFindingRequest(int Version, int? PersonId, InspectionCircle? Circle, string? Finding);

public sealed record CandidateFindingRequest(int Version, int? PersonId, string? Finding);

public sealed record VersionRequest(int Version);

public sealed record DecisionRequest(int Version, int? AgendaItemId, IReadOnlyList<int>? ChosenPersonIds);

public sealed record StartPublicityRequest(int Version, DateOnly? StartDay);

/// <summary>An objection staff record (a letter, a call); the public page files its own.</summary>
public sealed record ObjectionRequest(int Version, DateOnly? ReceivedOn, string? Text, string? SubmitterName);

public sealed record ConcludeObjectionRequest(int Version, ObjectionOutcome? Outcome, string? Finding, string? Answer);

public sealed record AppointRequest(int Version, DateOnly? AppointedOn);

public sealed record ProbationReviewRequest(int Version, DateOnly? ReviewedOn, ProbationOutcome? Outcome, string? Finding);

public sealed record StopRequest(int Version, string? Reason);

/// <summary>Correct(sequence, text, reason): the only way an entry's wording changes; the original stays.</summary>
public sealed record CorrectionRequest(int Version, int? Sequence, string? Text, string? Reason);

/// <summary>A 考察资格认证 certificate of a person.</summary>
public sealed record AddQualificationRequest(int? PersonId, string? CertificateNumber, DateOnly? ExamDate, DateOnly? ExpiresOn);

// ---- Views

/// <summary>One row of the case list.</summary>
public sealed record SelectionCaseRow(
    int Id, int OrganizationId, string OrganizationName, string Post, int Posts, SelectionPhase Phase, bool Stopped, SelectionStep? NextStep,
    DateOnly? PublicityLastDay, DateOnly? AppointedOn, int OpenObjections, string OpenedBy, string OpenedAt);

/// <summary>One entry of the 写实 trace as shown: its instant on the organization's clock, and the entries that correct it.</summary>
public sealed record SelectionTraceView(
    int Sequence, SelectionStep Step, string By, string At, int? PersonId, string? PersonName, string? GivenBy, int? LinkedId,
    InspectionMethod? Method, InspectionCircle? Circle, string? Text, string? CurrentText, int? Corrects, string? Reason,
    IReadOnlyList<int> CorrectedBy, bool Anonymous);

public sealed record SelectionCandidateView(int PersonId, string Name, int Talks, string? LifeCircleFinding, string? SocialCircleFinding, string? Finding, bool Chosen);

public sealed record TeamMemberView(int PersonId, string Name, string CertificateNumber, DateOnly CertificateExpiresOn);

public sealed record ObjectionView(
    int Number, DateOnly ReceivedOn, string? SubmitterName, string Text, ObjectionOutcome Outcome, string? Finding, string? Answer, string? ConcludedBy, string? ConcludedAt);

/// <summary>The linked recommendation round (elections module): its title, state, and the top names once counted.</summary>
public sealed record RoundLinkView(int RoundId, string Title, Dangjian.Domain.Elections.RoundStatus Status, IReadOnlyList<RoundResultView> Results);

public sealed record RoundResultView(string Name, int Votes);

public sealed record TalkTallyView(int PersonId, string Name, int Talks);

/// <summary>The linked agenda item (meetings module): its meeting, the attendance and the vote it was decided on.</summary>
public sealed record AgendaLinkView(
    int AgendaItemId, int MeetingId, string MeetingTitle, DateOnly MeetingDate, string ItemTitle, Dangjian.Domain.Meetings.ItemOutcome? Outcome,
    int? Entitled, int? Present, int? For, int? Against, int? Abstain);

public sealed record SelectionCaseView(
    int Id, int OrganizationId, string OrganizationName, string Post, int Posts, string Qualifications, SelectionPhase Phase,
    bool Stopped, SelectionStep? NextStep, int InspectMin, int InspectMax, DateOnly? PublicityStart, DateOnly? PublicityLastDay, bool PublicityRuns,
    DateOnly? AppointedOn, int? ProbationMonths, DateOnly? ProbationLastDay, ProbationOutcome? ProbationOutcome,
    IReadOnlyList<SelectionTraceView> Trace, IReadOnlyList<SelectionCandidateView> Candidates, IReadOnlyList<TalkTallyView> TalkTally,
    IReadOnlyList<TeamMemberView> Team, IReadOnlyList<ObjectionView> Objections, RoundLinkView? Round, AgendaLinkView? Decision,
    bool CanWrite, int Version);

public sealed record QualificationView(int Id, int PersonId, string Name, string OrganizationName, string CertificateNumber, DateOnly ExamDate, DateOnly ExpiresOn, bool Valid, int Version);

/// <summary>What the public publicity page shows: no id of anyone, no trace; only the post, the appointees and the period.</summary>
public sealed record PublicSelectionView(string OrganizationName, string Post, IReadOnlyList<string> Appointees, DateOnly Start, DateOnly LastDay, bool Runs, bool Ended);

/// <summary>A search result of the person pickers.</summary>
public sealed record SelectionPersonOption(int Id, string Name, string OrganizationName)
{
    public override string ToString() => Name;
}

/// <summary>The outcome of a public objection.</summary>
public enum PublicObjectionOutcome
{
    Accepted,
    Invalid,
    Closed,
    NotFound,
}

public sealed record PublicObjectionResult(PublicObjectionOutcome Outcome, IReadOnlyList<Dangjian.Web.Infrastructure.FieldError> Errors);

/// <summary>Paged case list with the caller's right to open cases there.</summary>
public sealed record SelectionCaseList(Paged<SelectionCaseRow> Cases, bool CanWrite);
