using Dangjian.Domain.Common;

namespace Dangjian.Domain.Reviews;

/// <summary>The records a work review (复盘) can be attached to (REV-1).</summary>
public enum ReviewSubjectKind
{
    Meeting,
    ElectionProject,
    EvaluationCampaign,
    CommitmentCampaign,
    DemocraticLifeMeeting,
}

/// <summary>
/// What a work review says, in the order of the template (seed 001 第二篇 工作复盘模板 / 复盘四步法): the event
/// (复盘事件概述, 参与人员, 时间, 地点), then 一、回顾目标 (目的或期望, 具体目标), 二、评估结果 (实际与期望差异,
/// 亮点与不足), 三、分析原因 (成功的因素, 失败的因素), 四、总结经验 (总结经验规律, 有待改进之处, 转化应用).
/// </summary>
public sealed record WorkReviewContent(
    string? Title,
    string? Summary,
    string? Participants,
    DateOnly HeldOn,
    string? Place,
    string? Purpose,
    string? SpecificGoals,
    string? Variance,
    string? HighlightsAndShortfalls,
    string? SuccessFactors,
    string? FailureFactors,
    string? Lessons,
    string? Improvements,
    string? Application);

/// <summary>
/// 复盘 (REV-1): a work review of an organization, on its own or attached to one of its records
/// (<see cref="ReviewSubjectKind"/>). The event and the first step's purpose are required (a review without the goal it
/// looks back on has nothing to measure against, 回顾目标 comes first); the other steps may be filled in later.
/// </summary>
public sealed class WorkReview : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxShortLength = 500;
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public ReviewSubjectKind? SubjectKind { get; set; }

    public int? SubjectId { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>复盘事件概述.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>参与人员, as written.</summary>
    public string? Participants { get; set; }

    /// <summary>时间.</summary>
    public DateOnly HeldOn { get; set; }

    /// <summary>地点.</summary>
    public string? Place { get; set; }

    /// <summary>一、回顾目标: 目的或期望.</summary>
    public string Purpose { get; set; } = string.Empty;

    /// <summary>一、回顾目标: 具体目标.</summary>
    public string? SpecificGoals { get; set; }

    /// <summary>二、评估结果: 实际与期望差异.</summary>
    public string? Variance { get; set; }

    /// <summary>二、评估结果: 亮点与不足.</summary>
    public string? HighlightsAndShortfalls { get; set; }

    /// <summary>三、分析原因: 成功的因素.</summary>
    public string? SuccessFactors { get; set; }

    /// <summary>三、分析原因: 失败的因素.</summary>
    public string? FailureFactors { get; set; }

    /// <summary>四、总结经验: 总结经验规律.</summary>
    public string? Lessons { get; set; }

    /// <summary>四、总结经验: 有待改进之处.</summary>
    public string? Improvements { get; set; }

    /// <summary>四、总结经验: 转化应用.</summary>
    public string? Application { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public int Version { get; set; }

    /// <summary>A new review of <paramref name="organizationId"/>, attached to a subject of that organization or to none.</summary>
    public static WorkReview Create(
        int organizationId, ReviewSubjectKind? subjectKind, int? subjectId, WorkReviewContent content, DateOnly today, string by, DateTimeOffset now)
    {
        if ((subjectKind is null) != (subjectId is null) || subjectKind is { } kind && !Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Input.Invalid", "subjectKind", "Field.Review.Subject");
        }

        var review = new WorkReview { OrganizationId = organizationId, SubjectKind = subjectKind, SubjectId = subjectId, CreatedBy = by, CreatedAt = now };
        review.Apply(content, today);
        return review;
    }

    /// <summary>Rewrites the review; its organization and subject stay.</summary>
    public void Edit(WorkReviewContent content, DateOnly today, string by, DateTimeOffset now)
    {
        Apply(content, today);
        (UpdatedBy, UpdatedAt) = (by, now);
    }

    /// <summary>Every field checked before any is set; all the problems named at once. A review looks back: not dated after today.</summary>
    private void Apply(WorkReviewContent c, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var problems = new List<FieldProblem>();
        string? Text(string? value, int max, string field, bool required)
        {
            var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (trimmed is null && required)
            {
                problems.Add(new(field, "Input.Required", "Field.Review." + char.ToUpperInvariant(field[0]) + field[1..]));
            }
            else if (trimmed?.Length > max)
            {
                problems.Add(new(field, "Input.TooLong", "Field.Review." + char.ToUpperInvariant(field[0]) + field[1..], max));
            }

            return trimmed;
        }

        var title = Text(c.Title, MaxTitleLength, "title", true);
        var summary = Text(c.Summary, MaxTextLength, "summary", true);
        var participants = Text(c.Participants, MaxShortLength, "participants", false);
        var place = Text(c.Place, MaxShortLength, "place", false);
        var purpose = Text(c.Purpose, MaxTextLength, "purpose", true);
        var goals = Text(c.SpecificGoals, MaxTextLength, "specificGoals", false);
        var variance = Text(c.Variance, MaxTextLength, "variance", false);
        var highlights = Text(c.HighlightsAndShortfalls, MaxTextLength, "highlightsAndShortfalls", false);
        var success = Text(c.SuccessFactors, MaxTextLength, "successFactors", false);
        var failure = Text(c.FailureFactors, MaxTextLength, "failureFactors", false);
        var lessons = Text(c.Lessons, MaxTextLength, "lessons", false);
        var improvements = Text(c.Improvements, MaxTextLength, "improvements", false);
        var application = Text(c.Application, MaxTextLength, "application", false);
        if (!SaneDates.Contains(c.HeldOn))
        {
            problems.Add(new("heldOn", SaneDates.OutOfRange, "Field.Review.HeldOn", SaneDates.MinText, SaneDates.MaxText));
        }
        else if (c.HeldOn > today)
        {
            problems.Add(new("heldOn", "Review.HeldInFuture"));
        }

        DomainRuleException.ThrowIfAny(problems);
        (Title, Summary, Participants, HeldOn, Place) = (title!, summary!, participants, c.HeldOn, place);
        (Purpose, SpecificGoals, Variance, HighlightsAndShortfalls) = (purpose!, goals, variance, highlights);
        (SuccessFactors, FailureFactors, Lessons, Improvements, Application) = (success, failure, lessons, improvements, application);
    }
}
