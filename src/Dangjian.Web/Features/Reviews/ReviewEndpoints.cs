using Dangjian.Domain.Accounts;
using Dangjian.Domain.Reviews;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Reviews;

/// <summary>/api/v1/reviews: work reviews (复盘, REV-1), searched across the caller's subtree and exported to Excel.</summary>
public static class ReviewEndpoints
{
    public const string Route = "/api/v1/reviews";

    public static IServiceCollection AddReviews(this IServiceCollection services) =>
        services.AddScoped<ReviewSubjects>().AddScoped<ReviewQueries>().AddScoped<ReviewCommands>().AddScoped<ReviewExport>();

    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Reviews");
        g.MapGet("/", ListReviews).WithName(nameof(ListReviews)).RequirePermission(Permission.ReviewsRead);
        g.MapPost("/", CreateReview).WithName(nameof(CreateReview)).RequirePermission(Permission.ReviewsWrite);
        g.MapGet("/export", ExportReviews).WithName(nameof(ExportReviews)).RequirePermission(Permission.ReviewsRead);
        g.MapGet("/{id:int}", GetReview).WithName(nameof(GetReview)).RequirePermission(Permission.ReviewsRead);
        g.MapPut("/{id:int}", UpdateReview).WithName(nameof(UpdateReview)).RequirePermission(Permission.ReviewsWrite);
    }

    /// <summary>Reviews newest first; <c>q</c> is words that must all appear, each anywhere in the review's text.</summary>
    public static async Task<Ok<Paged<ReviewRow>>> ListReviews(
        ReviewQueries queries, int? organizationId, ReviewSubjectKind? subjectKind, int? subjectId, string? q, int? year, DateOnly? from, DateOnly? to,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(new ReviewFilter(organizationId, subjectKind, subjectId, q, year, from, to), page, pageSize, ct));

    public static async Task<Created<ReviewView>> CreateReview(ReviewCommands c, ReviewQueries q, CreateReviewRequest request, CancellationToken ct)
    {
        var id = await c.CreateAsync(request, ct);
        return TypedResults.Created($"{Route}/{id}", await q.GetAsync(id, ct));
    }

    public static async Task<Ok<ReviewView>> GetReview(ReviewQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(id, ct));

    public static async Task<Ok<ReviewView>> UpdateReview(ReviewCommands c, ReviewQueries q, int id, UpdateReviewRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<FileContentHttpResult> ExportReviews(
        ReviewExport export, OrgClock clock, int? organizationId, ReviewSubjectKind? subjectKind, int? subjectId, string? q, int? year, DateOnly? from, DateOnly? to,
        CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(new ReviewFilter(organizationId, subjectKind, subjectId, q, year, from, to), ct), "reviews", clock);
}
