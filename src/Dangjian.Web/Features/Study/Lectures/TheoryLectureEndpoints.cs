using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Study.Lectures;

/// <summary>/api/v1/study/lectures: cadres' annual theory lectures (理论课, STU-7) and the cadres without one this year.</summary>
public static class TheoryLectureEndpoints
{
    public const string Route = "/api/v1/study/lectures";

    public static IServiceCollection AddTheoryLectures(this IServiceCollection services) =>
        services.AddScoped<TheoryLectureQueries>().AddScoped<TheoryLectureCommands>().AddScoped<TheoryLectureExport>();

    public static void MapTheoryLectureEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Study");
        g.MapGet("/", ListTheoryLectures).WithName(nameof(ListTheoryLectures)).RequirePermission(Permission.StudyRead);
        g.MapGet("/export", ExportTheoryLectures).WithName(nameof(ExportTheoryLectures)).RequirePermission(Permission.StudyRead);
        g.MapPost("/", PlanTheoryLecture).WithName(nameof(PlanTheoryLecture)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/given", MarkTheoryLectureGiven).WithName(nameof(MarkTheoryLectureGiven)).RequirePermission(Permission.StudyWrite);
    }

    /// <summary>The subtree's lectures of <c>year</c> (default this year) and its cadres without one.</summary>
    public static async Task<Ok<TheoryLecturesView>> ListTheoryLectures(TheoryLectureQueries q, int? organizationId, int? year, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, year, ct));

    /// <summary>The list as .xlsx (RPT-2), with the same filters.</summary>
    public static async Task<FileContentHttpResult> ExportTheoryLectures(TheoryLectureExport export, OrgClock clock, int? organizationId, int? year, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, year, ct), "theory-lectures", clock);

    public static async Task<Ok<TheoryLectureView>> PlanTheoryLecture(TheoryLectureCommands c, PlanTheoryLectureRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.PlanAsync(request, ct));

    public static async Task<Ok<TheoryLectureView>> MarkTheoryLectureGiven(TheoryLectureCommands c, int id, MarkLectureGivenRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.MarkGivenAsync(id, request, ct));
}
