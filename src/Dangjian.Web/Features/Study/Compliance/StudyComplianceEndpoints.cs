using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Exams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Study.Compliance;

/// <summary>
/// /api/v1/study/compliance: an organization subtree's study compliance on a day (STU-2), its export, and one person's;
/// the exams (STU-3) are mapped beside it (<see cref="StudyExamEndpoints"/>). <c>asOf</c> (yyyy-MM-dd) is today when left out.
/// </summary>
public static class StudyComplianceEndpoints
{
    public const string Route = "/api/v1/study/compliance";

    /// <summary>Compliance and exams: the rule data and both features' services.</summary>
    public static IServiceCollection AddStudyCompliance(this IServiceCollection services) =>
        services.AddSingleton(StudyRules.Defaults)
            .AddScoped<StudyComplianceQueries>().AddScoped<StudyComplianceExport>()
            .AddScoped<StudyExamQueries>().AddScoped<StudyExamCommands>().AddScoped<StudyExamExport>();

    public static void MapStudyComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Study compliance");
        g.MapGet("", GetStudyCompliance).WithName(nameof(GetStudyCompliance)).RequirePermission(Permission.StudyRead);
        g.MapGet("/export", ExportStudyCompliance).WithName(nameof(ExportStudyCompliance)).RequirePermission(Permission.StudyRead);
        g.MapGet("/person/{personId:int}", GetPersonStudyCompliance).WithName(nameof(GetPersonStudyCompliance)).RequirePermission(Permission.StudyRead);
        app.MapStudyExamEndpoints();
    }

    public static async Task<Ok<StudyComplianceView>> GetStudyCompliance(
        StudyComplianceQueries q, int? organizationId, DateOnly? asOf, bool? shortfallsOnly, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.OverviewAsync(organizationId, asOf, shortfallsOnly ?? false, page, pageSize, ct));

    /// <summary>Every person the filter keeps, one row per requirement.</summary>
    public static async Task<FileContentHttpResult> ExportStudyCompliance(
        StudyComplianceExport export, OrgClock clock, int? organizationId, DateOnly? asOf, bool? shortfallsOnly, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(organizationId, asOf, shortfallsOnly ?? false, ct), "study-compliance", clock);

    public static async Task<Ok<StudyComplianceRow>> GetPersonStudyCompliance(StudyComplianceQueries q, int personId, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await q.PersonAsync(personId, asOf, ct));
}
