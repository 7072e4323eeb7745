using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Study.Inspections;

/// <summary>
/// /api/v1/study/inspections: the list of who below an organization was not inspected in the quarter or month of a day
/// (Study.Read), the leaders an inspection of an organization finds on, and the inspection recorded by the superior
/// (Study.Write on the superior).
/// </summary>
public static class StudyInspectionEndpoints
{
    public const string Route = "/api/v1/study/inspections";

    public static IServiceCollection AddStudyInspections(this IServiceCollection services) =>
        services.AddScoped<StudyLeaders>().AddScoped<StudyInspectionQueries>().AddScoped<StudyInspectionCommands>().AddScoped<StudyInspectionExport>();

    public static void MapStudyInspectionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Study");
        g.MapGet("/", ListStudyInspections).WithName(nameof(ListStudyInspections)).RequirePermission(Permission.StudyRead);
        g.MapGet("/export", ExportStudyInspections).WithName(nameof(ExportStudyInspections)).RequirePermission(Permission.StudyRead);
        g.MapGet("/people", ListInspectablePeople).WithName(nameof(ListInspectablePeople)).RequirePermission(Permission.StudyRead);
        g.MapPost("/", RecordStudyInspection).WithName(nameof(RecordStudyInspection)).RequirePermission(Permission.StudyWrite);
    }

    /// <summary>The period of <c>day</c> (default today) for <c>kind</c> (default Notes, the quarter).</summary>
    public static async Task<Ok<StudyInspectionsView>> ListStudyInspections(
        StudyInspectionQueries q, int? organizationId, StudyInspectionKind? kind, DateOnly? day, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, kind, day, ct));

    /// <summary>The list as .xlsx (RPT-2), with the same filters.</summary>
    public static async Task<FileContentHttpResult> ExportStudyInspections(
        StudyInspectionExport export, OrgClock clock, int? organizationId, StudyInspectionKind? kind, DateOnly? day, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, kind, day, ct), "study-inspections", clock);

    public static async Task<Ok<InspectablePeopleView>> ListInspectablePeople(StudyInspectionQueries q, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.PeopleAsync(organizationId, ct));

    /// <summary>The whole inspection in one request; a bad row is a 400 on <c>findings[i].…</c> and nothing is saved.</summary>
    public static async Task<Ok<StudyInspectionView>> RecordStudyInspection(StudyInspectionCommands c, RecordStudyInspectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordAsync(request, ct));
}
