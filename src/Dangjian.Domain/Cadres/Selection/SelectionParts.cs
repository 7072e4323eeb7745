namespace Dangjian.Domain.Cadres.Selection;

/// <summary>
/// How far a selection case has got: the milestones of 选拔任用 in the order the 条例 sets them (动议, 民主推荐, 确定考察对象,
/// 考察, 讨论决定, 任职前公示, 任职, 试用期满考核). Each step is recorded only from the phase before it.
/// </summary>
public enum SelectionPhase
{
    /// <summary>The call is out (post, number of posts, qualifications).</summary>
    Called,

    /// <summary>The meeting recommendation is linked; talk recommendations may still come in.</summary>
    Recommended,

    /// <summary>The candidates to inspect are fixed.</summary>
    Shortlisted,

    /// <summary>The inspection team is at work.</summary>
    Inspecting,

    Inspected,

    /// <summary>Decided at a meeting (an agenda item of the meetings module).</summary>
    Decided,

    /// <summary>The publicity period has started; objections are received.</summary>
    InPublicity,

    /// <summary>Appointed: on probation.</summary>
    Appointed,

    /// <summary>The probation's end review is done: the case is over.</summary>
    Reviewed,
}

/// <summary>What one trace entry records. The resource key of each is <c>Selection.Step.{name}</c>.</summary>
public enum SelectionStep
{
    Call,
    MeetingRecommendation,
    TalkRecommendation,
    Shortlist,
    InspectionStarted,
    InspectionMethod,
    CircleFinding,
    CandidateFinding,
    InspectionCompleted,
    Decision,
    PublicityStarted,
    ObjectionReceived,
    ObjectionConcluded,
    Appointment,
    ProbationReview,

    /// <summary>A correction of an earlier entry, with its reason (nothing is edited or deleted).</summary>
    Correction,

    /// <summary>The case was stopped (e.g. an upheld objection); nothing but corrections follows.</summary>
    Stopped,
}

/// <summary>The inspection methods recorded besides the 两圈 visits (which are recorded per candidate and circle).</summary>
public enum InspectionMethod
{
    /// <summary>个别谈话.</summary>
    IndividualTalks,

    /// <summary>民主测评.</summary>
    DemocraticEvaluation,
}

/// <summary>两圈考察 (seed 004, 三 (三)): 生活圈 and 社交圈.</summary>
public enum InspectionCircle
{
    Life,
    Social,
}

public enum ObjectionOutcome
{
    /// <summary>Received, not yet investigated and answered.</summary>
    Open,

    /// <summary>查实: stops the case.</summary>
    Upheld,

    /// <summary>查无实据 / 不影响任职.</summary>
    NotUpheld,
}

public enum ProbationOutcome
{
    /// <summary>胜任现职: 正式任职.</summary>
    Confirmed,

    /// <summary>不胜任: 免去试任职务.</summary>
    NotConfirmed,
}

/// <summary>
/// One entry of the 写实 trace: what was done, who did it (the account's name) and when, with the fields that step
/// carries. Never changed or removed; a correction is a later entry pointing at this one by <see cref="Sequence"/>.
/// </summary>
public sealed class SelectionTraceEntry
{
    public const int MaxTextLength = 4000;
    public const int MaxNameLength = 50;
    public const int MaxReasonLength = 500;

    public int Id { get; set; }

    public int CaseId { get; set; }

    /// <summary>1, 2, 3… in the order recorded.</summary>
    public int Sequence { get; set; }

    public SelectionStep Step { get; set; }

    public string By { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The person the entry is about: recommended, shortlisted, inspected, appointed.</summary>
    public int? PersonId { get; set; }

    public string? PersonName { get; set; }

    /// <summary>Who gave what is recorded: the recommender in a talk, a named objector (null when anonymous).</summary>
    public string? GivenBy { get; set; }

    /// <summary>
    /// The record elsewhere the entry links: the recommendation round (elections module) for a meeting recommendation,
    /// the agenda item (meetings module) for the decision, the objection's number for an objection.
    /// </summary>
    public int? LinkedId { get; set; }

    public InspectionMethod? Method { get; set; }

    public InspectionCircle? Circle { get; set; }

    /// <summary>The words of the entry: call, summary, finding, decision, objection, answer, or the corrected wording.</summary>
    public string? Text { get; set; }

    /// <summary>For a correction: the sequence of the entry it corrects.</summary>
    public int? Corrects { get; set; }

    /// <summary>Why an entry was corrected, or the case stopped.</summary>
    public string? Reason { get; set; }
}

/// <summary>A candidate on the shortlist (考察对象) with what the inspection found about them.</summary>
public sealed class SelectionCandidate
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public int PersonId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>生活圈 finding.</summary>
    public string? LifeCircleFinding { get; set; }

    /// <summary>社交圈 finding.</summary>
    public string? SocialCircleFinding { get; set; }

    /// <summary>The written inspection finding (考察材料).</summary>
    public string? Finding { get; set; }

    /// <summary>Chosen at the decision meeting as the one to appoint (拟任人选).</summary>
    public bool Chosen { get; set; }

    public string? CircleFinding(InspectionCircle circle) => circle == InspectionCircle.Life ? LifeCircleFinding : SocialCircleFinding;
}

/// <summary>A member of the inspection team, with the certificate that qualified them when the team was formed.</summary>
public sealed class InspectionTeamMember
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public int PersonId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string CertificateNumber { get; set; } = string.Empty;

    public DateOnly CertificateExpiresOn { get; set; }
}

/// <summary>
/// An objection to a publicized appointment (公示期间的反映): anonymous or named, then investigated and answered. Open
/// until concluded; an upheld one stops the case.
/// </summary>
public sealed class PublicityObjection
{
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    public int CaseId { get; set; }

    /// <summary>1, 2, 3… within the case.</summary>
    public int Number { get; set; }

    /// <summary>The day only.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The objector's name when they gave one; null when anonymous.</summary>
    public string? SubmitterName { get; set; }

    public string Text { get; set; } = string.Empty;

    public ObjectionOutcome Outcome { get; set; }

    /// <summary>What the investigation found (调查核实).</summary>
    public string? Finding { get; set; }

    /// <summary>The answer given (反馈).</summary>
    public string? Answer { get; set; }

    public string? ConcludedBy { get; set; }

    public DateTimeOffset? ConcludedAt { get; set; }

    public bool IsAnonymous => SubmitterName is null;

    public bool IsOpen => Outcome == ObjectionOutcome.Open;
}

/// <summary>Resource keys of the names the refusals carry as arguments.</summary>
public static class SelectionKeys
{
    public static string Step(SelectionStep step) => "Selection.Step." + step;

    public static string Circle(InspectionCircle circle) => "Selection.Circle." + circle;

    public static string Method(InspectionMethod method) => "Selection.Method." + method;
}
