using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Study.Menu;

/// <summary>
/// /api/v1/study/menus: an organization's course menu of a year (菜单式培训, STU-6) with its courses, picks and attendance,
/// and the training statistics of its subtree in the seed's form, on screen and as .xlsx.
/// </summary>
public static class CourseMenuEndpoints
{
    public const string Route = "/api/v1/study/menus";

    public static IServiceCollection AddCourseMenus(this IServiceCollection services) =>
        services.AddSingleton(CourseMenuRules.Defaults).AddScoped<CourseMenuQueries>().AddScoped<CourseMenuCommands>().AddScoped<CourseMenuExport>();

    public static void MapCourseMenuEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Study");
        g.MapGet("/", GetCourseMenu).WithName(nameof(GetCourseMenu)).RequirePermission(Permission.StudyRead);
        g.MapGet("/statistics", GetTrainingStatistics).WithName(nameof(GetTrainingStatistics)).RequirePermission(Permission.StudyRead);
        g.MapGet("/statistics/export", ExportTrainingStatistics).WithName(nameof(ExportTrainingStatistics)).RequirePermission(Permission.StudyRead);
        g.MapPost("/", CreateCourseMenu).WithName(nameof(CreateCourseMenu)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/courses", AddMenuCourse).WithName(nameof(AddMenuCourse)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/open", OpenCourseMenu).WithName(nameof(OpenCourseMenu)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/close", CloseCourseMenu).WithName(nameof(CloseCourseMenu)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/picks", PickMenuCourses).WithName(nameof(PickMenuCourses)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/attendance", RecordCourseAttendance).WithName(nameof(RecordCourseAttendance)).RequirePermission(Permission.StudyWrite);
    }

    /// <summary>The organization's menu of <c>year</c> (default this year); <c>menu</c> is null before one is made.</summary>
    public static async Task<Ok<CourseMenusView>> GetCourseMenu(CourseMenuQueries q, int? organizationId, int? year, CancellationToken ct) =>
        TypedResults.Ok(await q.ForYearAsync(organizationId, year, ct));

    public static async Task<Ok<TrainingStatisticsView>> GetTrainingStatistics(CourseMenuQueries q, int? organizationId, int? year, CancellationToken ct) =>
        TypedResults.Ok(await q.StatisticsAsync(organizationId, year, ct));

    public static async Task<FileContentHttpResult> ExportTrainingStatistics(CourseMenuExport export, OrgClock clock, int? organizationId, int? year, CancellationToken ct) =>
        ExcelFile.Result(await export.StatisticsAsync(organizationId, year, ct), "training-statistics", clock);

    public static async Task<Ok<CourseMenuView>> CreateCourseMenu(CourseMenuCommands c, CreateCourseMenuRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CreateAsync(request, ct));

    public static async Task<Ok<CourseMenuView>> AddMenuCourse(CourseMenuCommands c, int id, AddMenuCourseRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AddCourseAsync(id, request, ct));

    public static async Task<Ok<CourseMenuView>> OpenCourseMenu(CourseMenuCommands c, int id, CourseMenuVersionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.OpenAsync(id, request, ct));

    public static async Task<Ok<CourseMenuView>> CloseCourseMenu(CourseMenuCommands c, int id, CourseMenuVersionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CloseAsync(id, request, ct));

    public static async Task<Ok<CourseMenuView>> PickMenuCourses(CourseMenuCommands c, int id, PickCoursesRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.PickAsync(id, request, ct));

    /// <summary>Many rows in one save; a bad row is a 400 on <c>rows[i].…</c> and nothing is saved.</summary>
    public static async Task<Ok<CourseMenuView>> RecordCourseAttendance(CourseMenuCommands c, int id, RecordCourseAttendanceRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordAttendanceAsync(id, request, ct));
}
