using Dangjian.Domain.Commitments;
using Dangjian.Domain.Surveys;

namespace Dangjian.Web.Features.Surveys;

/// <summary>Resource marker for SurveyText.resx (zh-CN) and SurveyText.en.resx.</summary>
public sealed class SurveyText;

/// <summary>
/// POST /api/v1/surveys and PUT /api/v1/surveys/{id} (drafts only). On PUT, <see cref="Version"/> is the version the
/// editor started from (from <see cref="SurveyView.Version"/>): a stale one is refused with 409.
/// </summary>
public sealed record SurveyRequest(int? OrganizationId, string? Title, string? Description, SurveyAccess? Access, int? Quota, DateTimeOffset? ClosesAt, int? Version = null);

/// <summary>A question as sent: options for choice questions, max picks for multiple choice, the scale for a rating.</summary>
public sealed record QuestionRequest(QuestionKind? Kind, string? Text, bool Required, IReadOnlyList<string>? Options, int? MaxPicks, int? Scale);

/// <summary>POST /api/v1/surveys/{id}/questions/{questionId}/move: up (-1) or down (+1).</summary>
public sealed record MoveQuestionRequest(int Direction);

/// <summary>POST /api/v1/surveys/{id}/codes.</summary>
public sealed record SurveyCodesRequest(int Count);

/// <summary>POST /api/v1/surveys/satisfaction: a one-click 满意度测评 for a target (SRV-3).</summary>
public sealed record SatisfactionRequest(SurveyTargetKind? TargetKind, int? TargetId, SurveyAccess? Access);

public sealed record SurveyRow(int Id, int OrganizationId, string OrganizationName, string Title, SurveyStatus Status, SurveyAccess Access, int Questions, int Responses, int? Quota, DateTimeOffset? ClosesAt, SurveyTargetKind? TargetKind, int? TargetId);

public sealed record QuestionView(int Id, int Order, QuestionKind Kind, string Text, bool Required, IReadOnlyList<string> Options, int? MaxPicks, int? Scale);

/// <summary>
/// A survey as its organizer sees it: the questions and, while it runs, only counts (codes issued, responses), never
/// who or when. <see cref="AcceptsAnswers"/> is false past the closing time even before the survey was closed.
/// </summary>
public sealed record SurveyView(
    int Id, int OrganizationId, string OrganizationName, string Title, string? Description, SurveyStatus Status, SurveyAccess Access,
    int? Quota, DateTimeOffset? ClosesAt, SurveyTargetKind? TargetKind, int? TargetId, IReadOnlyList<QuestionView> Questions,
    int CodesIssued, int Responses, bool AcceptsAnswers, int Version);

/// <summary>The answer to opening a survey: for an open-link survey the link, shown this once (only its hash is kept).</summary>
public sealed record OpenedSurvey(SurveyView Survey, string? OpenLink);

/// <summary>A batch of codes, in clear, returned once: only their hashes are stored.</summary>
public sealed record IssuedSurveyCodes(int SurveyId, string Title, string AnswerAddress, IReadOnlyList<string> Codes, int CodesIssued);

/// <summary>A satisfaction survey created for a target, with its open link when it has one (shown once).</summary>
public sealed record CreatedSatisfaction(SurveyView Survey, string? OpenLink);

/// <summary>A target's satisfaction survey for the card on its page: counts while open, the result once closed.</summary>
public sealed record SatisfactionSummary(SurveyView Survey, SurveyStatisticsResult? Result)
{
    /// <summary>
    /// The closed vote's 满意 / 基本满意 / 不满意 counts (its one question's options, in the order the vote asks them), as the
    /// commitments' 销号/整改 rule reads a tally (CMT-6); null while the vote runs, when no count is final.
    /// </summary>
    public SatisfactionTally? Tally() =>
        Result?.Questions is [{ Options: [var satisfied, var basically, var dissatisfied] }] ? new(satisfied.Count, basically.Count, dissatisfied.Count) : null;
}

/// <summary>The public form of a survey (no sign-in): only what a respondent needs.</summary>
public sealed record SurveyForm(int Id, string Title, string? Description, string OrganizationName, SurveyAccess Access, IReadOnlyList<QuestionSpec> Questions, bool AcceptsAnswers);

public enum AnswerOutcome
{
    Accepted,

    /// <summary>The code is not a code of this survey: never issued or mistyped. One answer for both.</summary>
    Refused,

    /// <summary>The code was issued for this survey and has already been used.</summary>
    AlreadyUsed,

    /// <summary>The survey takes no answers now (not open, closed, past its closing time or its quota reached).</summary>
    Closed,

    /// <summary>The answers have errors; the code was not used.</summary>
    Invalid,

    NotFound,
}

public sealed record AnswerResult(AnswerOutcome Outcome, IReadOnlyList<AnswerError> Errors)
{
    public static readonly AnswerResult Accepted = new(AnswerOutcome.Accepted, []);
    public static readonly AnswerResult Refused = new(AnswerOutcome.Refused, []);
    public static readonly AnswerResult Closed = new(AnswerOutcome.Closed, []);
    public static readonly AnswerResult NotFound = new(AnswerOutcome.NotFound, []);
}

