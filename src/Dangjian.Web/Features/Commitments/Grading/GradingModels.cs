using Dangjian.Domain.Commitments;

namespace Dangjian.Web.Features.Commitments.Grading;

/// <summary>The grading part's own strings (GradingText.resx, GradingText.en.resx).</summary>
public sealed class GradingText;

/// <summary>Where a grade's tally came from: the item's latest closed satisfaction vote, or paper votes entered with it.</summary>
public enum TallySource
{
    Vote,
    Paper,
}

/// <summary>
/// The committee's grade of one item (评). Counts left out: the tally is the item's latest closed satisfaction vote; any
/// count given: all three are the paper vote's. A rectification deadline and measures when the outcome needs them.
/// </summary>
public sealed record GradeCommitmentRequest(
    CommitmentGrade? Grade, int? Satisfied, int? BasicallySatisfied, int? Dissatisfied, DateOnly? RectificationDeadline, string? RectificationMeasures, int Version);

/// <summary>One evaluation round of an item, as the history shows it.</summary>
public sealed record CommitmentEvaluationView(
    int Round, CommitmentGrade Grade, int Satisfied, int BasicallySatisfied, int Dissatisfied, CommitmentOutcome Outcome,
    DateOnly? RectificationDeadline, string? RectificationMeasures, string By, DateTimeOffset At)
{
    public static CommitmentEvaluationView Of(CommitmentEvaluation e) =>
        new(e.Round, e.Grade, e.Satisfied, e.BasicallySatisfied, e.Dissatisfied, e.Outcome, e.RectificationDeadline, e.RectificationMeasures, e.By, e.At);

    public static IReadOnlyList<CommitmentEvaluationView> All(IEnumerable<CommitmentEvaluation> rounds) => [.. rounds.OrderBy(e => e.Round).Select(Of)];
}

/// <summary>The answer to a grade: the outcome, the tally used and where it came from, every round so far.</summary>
public sealed record GradedCommitmentView(
    int CommitmentId, CommitmentStatus Status, CommitmentOutcome Outcome, TallySource TallySource, SatisfactionTally Tally,
    IReadOnlyList<CommitmentEvaluationView> Evaluations, int Version);

/// <summary>
/// An item the committee may grade (approved, graded open, in rectification) or has closed: its latest satisfaction vote's
/// tally once closed (<c>voteRunning</c> while it runs), and its rounds.
/// </summary>
public sealed record GradableItemView(
    int Id, string OwnerName, string OrganizationName, string Content, CommitmentStatus Status, SatisfactionTally? VoteTally, bool VoteRunning,
    IReadOnlyList<CommitmentEvaluationView> Evaluations, int Version);

/// <summary>The member's own 述职 (their campaign is in 评).</summary>
public sealed record MySelfReportRequest(string? Text, int Version);

/// <summary>The clerk's entry of a 述职: for a member (<c>personId</c>) or an organization (<c>organizationId</c>).</summary>
public sealed record SelfReportRequest(int? PersonId, int? OrganizationId, string? Text, int Version);

public sealed record SelfReportView(
    int Id, int CampaignId, int? PersonId, int? OrganizationId, string OwnerName, string Text, string SubmittedBy, DateTimeOffset SubmittedAt, int Version);

/// <summary>The grades' publicity period (公示), Beijing dates inclusive; <c>to</c> left out: the shortest period from <c>from</c>.</summary>
public sealed record PublicizeGradesRequest(DateOnly? From, DateOnly? To, int Version);

/// <summary>An objection as staff enter it during publicity: the text, the objector's name if they gave it, the item if named.</summary>
public sealed record CommitmentObjectionRequest(string? Text, string? Name, int? CommitmentId);

public sealed record AnswerCommitmentObjectionRequest(string? Answer, int Version);

public sealed record CommitmentObjectionView(
    int Id, int CampaignId, int? CommitmentId, string Text, string? FiledBy, DateTimeOffset FiledAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, int Version);

/// <summary>The democratic evaluation (民主评议党员) to create for the campaign: when it opens and closes; both default.</summary>
public sealed record CreateCommitmentEvaluationRequest(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int Version);

/// <summary>The 评 step of a campaign at a glance: publicity, the linked democratic evaluation, counts of reports and objections.</summary>
public sealed record CampaignGradingView(
    int CampaignId, CommitmentCampaignStatus Status, DateOnly? PublicityFrom, DateOnly? PublicityTo, bool InPublicity, int? EvaluationCampaignId,
    IReadOnlyList<GradableItemView> Items, IReadOnlyList<CommitmentObjectionView> Objections, int Version);

/// <summary>One of the member's graded items across campaigns, for their page (results feed the person's record).</summary>
public sealed record MyCommitmentResultView(
    int CommitmentId, int CampaignId, int Year, string CampaignTitle, string Content, CommitmentStatus Status, IReadOnlyList<CommitmentEvaluationView> Evaluations);

/// <summary>One graded item on the public board during publicity: whose, what, the latest grade and outcome.</summary>
public sealed record PublicGradeRow(string OwnerName, string Content, CommitmentGrade Grade, CommitmentOutcome Outcome);

/// <summary>The grades publicized on an organization's public board, with the period.</summary>
public sealed record PublicGradesView(DateOnly From, DateOnly To, IReadOnlyList<PublicGradeRow> Rows);
