using Dangjian.Domain.Reviews;

namespace Dangjian.Web.Features.Reviews;

/// <summary>Strings of the work review pages (ReviewText.resx, ReviewText.en.resx).</summary>
public sealed class ReviewText;

// ---- Requests

/// <summary>
/// A work review's content in the template's order (seed 001 第二篇 工作复盘模板): the event, then the four steps. The
/// day is nullable so a missing one is named rather than read as 0001-01-01.
/// </summary>
public sealed record ReviewFields(
    string? Title, string? Summary, string? Participants, DateOnly? HeldOn, string? Place,
    string? Purpose, string? SpecificGoals, string? Variance, string? HighlightsAndShortfalls,
    string? SuccessFactors, string? FailureFactors, string? Lessons, string? Improvements, string? Application);

public sealed record CreateReviewRequest(int? OrganizationId, ReviewSubjectKind? SubjectKind, int? SubjectId, ReviewFields? Review);

public sealed record UpdateReviewRequest(ReviewFields? Review, int Version);

/// <summary>
/// The list's filter: an organization's subtree (default: all the caller may read), the record the reviews are attached
/// to, words that must all appear, and a year or a range of days.
/// </summary>
public sealed record ReviewFilter(
    int? OrganizationId = null, ReviewSubjectKind? SubjectKind = null, int? SubjectId = null, string? Q = null,
    int? Year = null, DateOnly? From = null, DateOnly? To = null);

// ---- Views

/// <summary>The record a review is attached to, with its title and the page that shows it.</summary>
public sealed record ReviewSubjectView(ReviewSubjectKind Kind, int Id, string Title, string Href);

public sealed record ReviewRow(
    int Id, int OrganizationId, string OrganizationName, string Title, DateOnly HeldOn, string? Place, ReviewSubjectView? Subject, string Summary);

public sealed record ReviewView(
    int Id, int OrganizationId, string OrganizationName, ReviewSubjectView? Subject,
    string Title, string Summary, string? Participants, DateOnly HeldOn, string? Place,
    string Purpose, string? SpecificGoals, string? Variance, string? HighlightsAndShortfalls,
    string? SuccessFactors, string? FailureFactors, string? Lessons, string? Improvements, string? Application,
    string CreatedBy, DateTimeOffset CreatedAt, string? UpdatedBy, DateTimeOffset? UpdatedAt, bool MayWrite, int Version)
{
    /// <summary>The content as the form edits it.</summary>
    public ReviewFields Fields => new(
        Title, Summary, Participants, HeldOn, Place, Purpose, SpecificGoals, Variance, HighlightsAndShortfalls,
        SuccessFactors, FailureFactors, Lessons, Improvements, Application);
}

