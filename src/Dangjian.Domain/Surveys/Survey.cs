using System.Text.Json;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Surveys;

/// <summary>A questionnaire's life: built while a draft, answered while open, read (statistics) once closed.</summary>
public enum SurveyStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>How respondents reach a survey (SRV-1): an open link anyone holding it may answer, or one-time codes.</summary>
public enum SurveyAccess
{
    OpenLink,
    AccessCodes,
}

/// <summary>
/// What a satisfaction vote (满意度测评, SRV-3, 群众满意票反馈制) is about. Stored by name (at most 40 characters), so
/// new kinds are appended and never renamed.
/// </summary>
public enum SurveyTargetKind
{
    Meeting,
    Commitment,
    Activity,
    DemocraticLifeMeeting,
    ElectionProject,
    EvaluationCampaign,

    /// <summary>A cadre's theory lecture, rated by the unit's staff (理论课, seed 004, 三 (一): 年底由单位全体同志对领导干部上课情况进行评议).</summary>
    TheoryLecture,
}

public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    Rating,
    Text,
}

/// <summary>
/// A questionnaire (问卷, SRV-1) of one organization. Its answers are secret ballots in the box
/// <see cref="BoxKeyFor"/> (DESIGN.md "Secrecy"): nothing here says who answered or when. It takes answers while
/// open, until its closing time, until its quota of responses is reached, or until the organizer closes it.
/// </summary>
public sealed class Survey : Dangjian.Domain.Common.IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxQuestions = 100;
    public const int MaxQuota = 100_000;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public SurveyStatus Status { get; set; }

    public SurveyAccess Access { get; set; }

    /// <summary>The most responses taken (null: no limit); reaching it closes the survey.</summary>
    public int? Quota { get; set; }

    /// <summary>When the survey stops taking answers (UTC; shown in Beijing time).</summary>
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>What a satisfaction vote is about (SRV-3); null for an ordinary questionnaire.</summary>
    public SurveyTargetKind? TargetKind { get; set; }

    public int? TargetId { get; set; }

    /// <summary>SHA-256 of the open link's token (OpenLink surveys); the token itself is shown once and never stored.</summary>
    public string? OpenTokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];

    /// <summary>Optimistic concurrency for the settings form: a save from a stale version is refused.</summary>
    public int Version { get; set; }

    public string BoxKey => BoxKeyFor(Id);

    public static string BoxKeyFor(int surveyId) => "Survey/" + surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An open survey whose closing time has come takes nothing more, whether or not it was closed yet.</summary>
    public bool IsPastClosing(DateTimeOffset now) => ClosesAt is { } c && now >= c;

    /// <summary>Whether answers are taken at <paramref name="now"/> given how many were cast.</summary>
    public bool AcceptsAnswers(DateTimeOffset now, int responses) =>
        Status == SurveyStatus.Open && !IsPastClosing(now) && (Quota is not { } q || responses < q);

    /// <summary>Whether an open survey is due to close (closing time passed or quota reached).</summary>
    public bool IsDueToClose(DateTimeOffset now, int responses) =>
        Status == SurveyStatus.Open && (IsPastClosing(now) || (Quota is { } q && responses >= q));

    /// <summary>
    /// Draft → Open (SRV-1): refused without a question or with its closing time already past, both named at once. An
    /// open-link survey gets the hash of its new link's token.
    /// </summary>
    public void Open(DateTimeOffset now, string? openTokenHash)
    {
        if (Status != SurveyStatus.Draft)
        {
            throw new DomainRuleException("Survey.NotDraft", "survey");
        }

        var problems = new List<FieldProblem>();
        if (Questions.Count == 0)
        {
            problems.Add(new("questions", "Survey.NoQuestions"));
        }

        if (IsPastClosing(now))
        {
            problems.Add(new("closesAt", "Survey.ClosingPassed"));
        }

        DomainRuleException.ThrowIfAny(problems);
        if (Access == SurveyAccess.OpenLink)
        {
            OpenTokenHash = openTokenHash;
        }

        Status = SurveyStatus.Open;
        OpenedAt = now;
    }

    /// <summary>Closes the survey (by hand, at its closing time or at its quota); closing a closed survey changes nothing.</summary>
    public bool Close(DateTimeOffset now)
    {
        if (Status == SurveyStatus.Closed)
        {
            return false;
        }

        Status = SurveyStatus.Closed;
        ClosedAt = now;
        return true;
    }

    public QuestionSpec[] Specs() => [.. Questions.OrderBy(q => q.Order).ThenBy(q => q.Id).Select(q => q.Spec())];
}

/// <summary>One question of a survey. Options are stored as a JSON array of their texts, in order.</summary>
public sealed class SurveyQuestion
{
    public const int MaxTextLength = 500;
    public const int MaxOptionLength = 200;
    public const int MaxOptions = 30;
    public const int MaxScale = 10;
    public const int MinScale = 2;

    public int Id { get; set; }

    public int SurveyId { get; set; }

    /// <summary>Position in the survey, from 1.</summary>
    public int Order { get; set; }

    public QuestionKind Kind { get; set; }

    public string Text { get; set; } = string.Empty;

    public bool Required { get; set; }

    /// <summary>Multiple choice: the most options one respondent may pick (null: any number).</summary>
    public int? MaxPicks { get; set; }

    /// <summary>Rating: the top of the 1…N scale (N ≤ 10).</summary>
    public int? Scale { get; set; }

    public string OptionsJson { get; set; } = "[]";

    public IReadOnlyList<string> Options
    {
        get => JsonSerializer.Deserialize<string[]>(OptionsJson) ?? [];
        set => OptionsJson = JsonSerializer.Serialize(value);
    }

    public QuestionSpec Spec() => new(Id, Order, Kind, Text, Required, Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? Options : [], MaxPicks, Scale);
}

/// <summary>A question as the rules see it.</summary>
public sealed record QuestionSpec(int Id, int Order, QuestionKind Kind, string Text, bool Required, IReadOnlyList<string> Options, int? MaxPicks, int? Scale);
