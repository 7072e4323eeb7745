using Dangjian.Domain.Common;

namespace Dangjian.Web.Features.Reviews;

/// <summary>
/// 复盘四步法 as the template lays it out (seed 001 第二篇 工作复盘模板): each step with its rows, by the field names the
/// API uses. The form, the read view and the print page all walk this one list, so they keep the template's order.
/// </summary>
public static class ReviewTemplate
{
    public sealed record ReviewStep(string Name, IReadOnlyList<string> Fields);

    /// <summary>一、回顾目标 二、评估结果 三、分析原因 四、总结经验.</summary>
    public static readonly IReadOnlyList<ReviewStep> Steps =
    [
        new("Goals", ["purpose", "specificGoals"]),
        new("Results", ["variance", "highlightsAndShortfalls"]),
        new("Causes", ["successFactors", "failureFactors"]),
        new("Lessons", ["lessons", "improvements", "application"]),
    ];

    /// <summary>The resource key of a field's label (RuleText), which is also the name the server's messages use.</summary>
    public static string Label(string field) => "Field.Review." + char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>A step field's text in a review.</summary>
    public static string? Value(ReviewView r, string field) => field switch
    {
        "purpose" => r.Purpose,
        "specificGoals" => r.SpecificGoals,
        "variance" => r.Variance,
        "highlightsAndShortfalls" => r.HighlightsAndShortfalls,
        "successFactors" => r.SuccessFactors,
        "failureFactors" => r.FailureFactors,
        "lessons" => r.Lessons,
        "improvements" => r.Improvements,
        "application" => r.Application,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}

/// <summary>The review form's state: the event's fields, and the step fields by name (the day as the date input's text).</summary>
public sealed class ReviewForm
{
    private readonly Dictionary<string, string?> _steps = new(StringComparer.Ordinal);

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Participants { get; set; }

    public string? HeldOn { get; set; }

    public string? Place { get; set; }

    public string? this[string field]
    {
        get => _steps.GetValueOrDefault(field);
        set => _steps[field] = value;
    }

    public static ReviewForm Of(ReviewFields f)
    {
        var form = new ReviewForm
        {
            Title = f.Title, Summary = f.Summary, Participants = f.Participants, Place = f.Place,
            HeldOn = f.HeldOn is { } d ? DateText.Format(d) : null,
        };
        (form["purpose"], form["specificGoals"], form["variance"], form["highlightsAndShortfalls"]) = (f.Purpose, f.SpecificGoals, f.Variance, f.HighlightsAndShortfalls);
        (form["successFactors"], form["failureFactors"], form["lessons"], form["improvements"], form["application"]) =
            (f.SuccessFactors, f.FailureFactors, f.Lessons, f.Improvements, f.Application);
        return form;
    }

    public ReviewFields ToFields(DateOnly? heldOn) => new(
        Title, Summary, Participants, heldOn, Place, this["purpose"], this["specificGoals"], this["variance"], this["highlightsAndShortfalls"],
        this["successFactors"], this["failureFactors"], this["lessons"], this["improvements"], this["application"]);
}
