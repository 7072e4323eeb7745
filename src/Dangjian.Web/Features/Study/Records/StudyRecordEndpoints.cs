using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Study.Records;

/// <summary>
/// /api/v1/study/records: study records (STU-1) of an organization subtree, entered and imported by the clerk, and the
/// approval queue; /api/v1/me/study: the signed-in person's own study (Mine.Use), found from the person the account is
/// linked to, where they enter their records and enter a returned one again.
/// </summary>
public static class StudyRecordEndpoints
{
    public const string Route = "/api/v1/study/records";

    public const string MineRoute = "/api/v1/me/study";

    public static IServiceCollection AddStudyRecords(this IServiceCollection services)
    {
        // The credit rule data (理论学习学分制): the project's starting figures until an organization sets its own.
        services.TryAddSingleton(StudyCredits.Defaults);
        return services.AddScoped<StudyRecordQueries>().AddScoped<StudyRecordCommands>().AddScoped<StudyRecordImport>().AddScoped<StudyRecordExport>();
    }

    public static void MapStudyRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Study");
        g.MapGet("/", ListStudyRecords).WithName(nameof(ListStudyRecords)).RequirePermission(Permission.StudyRead);
        g.MapGet("/export", ExportStudyRecords).WithName(nameof(ExportStudyRecords)).RequirePermission(Permission.StudyRead);
        g.MapPost("/", EnterStudyRecord).WithName(nameof(EnterStudyRecord)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/import", ImportStudyRecords).WithName(nameof(ImportStudyRecords)).RequirePermission(Permission.StudyWrite).AcceptsExcel();
        g.MapPost("/{id:int}/approve", ApproveStudyRecord).WithName(nameof(ApproveStudyRecord)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/return", ReturnStudyRecord).WithName(nameof(ReturnStudyRecord)).RequirePermission(Permission.StudyWrite);
        var me = app.MapGroup(MineRoute).WithTags("Mine");
        me.MapGet("/", GetMyStudy).WithName(nameof(GetMyStudy)).RequirePermission(Permission.MineUse);
        me.MapPost("/", EnterMyStudyRecord).WithName(nameof(EnterMyStudyRecord)).RequirePermission(Permission.MineUse);
        me.MapPut("/{id:int}", EditMyStudyRecord).WithName(nameof(EditMyStudyRecord)).RequirePermission(Permission.MineUse);
    }

    /// <summary>The records of the organization and below: <c>status</c>, <c>kind</c>, <c>year</c> and <c>name</c> filter; <c>page</c>, <c>pageSize</c> page.</summary>
    public static async Task<Ok<StudyRecordsView>> ListStudyRecords(
        StudyRecordQueries q, int? organizationId, StudyRecordStatus? status, StudyKind? kind, int? year, string? name, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(new StudyRecordFilter(organizationId, status, kind, year, name, page, pageSize), ct));

    public static async Task<FileContentHttpResult> ExportStudyRecords(StudyRecordExport export, OrgClock clock, int? organizationId, int? year, CancellationToken ct) =>
        ExcelFile.Result(await export.RecordsAsync(organizationId, year, ct), "study-records", clock);

    /// <summary>The clerk enters a person's record: approved by that entry.</summary>
    public static async Task<Ok<StudyRecordView>> EnterStudyRecord(StudyRecordCommands c, EnterStudyRecordRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.EnterAsync(request, ct));

    /// <summary>
    /// Imports records into the organization's subtree; the body is the .xlsx itself. 200 <c>{"imported": n}</c>, or 400
    /// with nothing imported: <c>errors</c> keyed <c>"row/column"</c> (<c>"3/学时"</c>) or <c>"file"</c>, and
    /// <c>rowErrors</c> listing <c>{row, column, message}</c>.
    /// </summary>
    public static async Task<Results<Ok<StudyImportSummary>, ValidationProblem, ProblemHttpResult>> ImportStudyRecords(
        HttpContext http, StudyRecordImport import, ExcelUpload upload, IStringLocalizer<RuleText> rules, int? organizationId, CancellationToken ct)
    {
        using var body = await upload.ReadAsync(http, ct);
        if (!body.Accepted)
        {
            return body.Refusal;
        }

        var result = await import.ImportAsync(organizationId, body.File, ct);
        return result.Succeeded
            ? TypedResults.Ok(new StudyImportSummary(result.Imported))
            : ImportProblem.Of(result.Errors, result.Errors.Count, rules["Study.ImportRejected", result.Errors.Count]);
    }

    public static async Task<Ok<StudyRecordView>> ApproveStudyRecord(StudyRecordCommands c, int id, ApproveStudyRecordRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ApproveAsync(id, request, ct));

    public static async Task<Ok<StudyRecordView>> ReturnStudyRecord(StudyRecordCommands c, int id, ReturnStudyRecordRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ReturnAsync(id, request, ct));

    /// <summary>The signed-in person's study this year.</summary>
    public static async Task<Ok<MyStudyView>> GetMyStudy(StudyRecordQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(ct));

    public static async Task<Ok<StudyRecordView>> EnterMyStudyRecord(StudyRecordCommands c, StudyRecordInput request, CancellationToken ct) =>
        TypedResults.Ok(await c.EnterMineAsync(request, ct));

    /// <summary>Enters one of the person's own waiting or returned records again, changed.</summary>
    public static async Task<Ok<StudyRecordView>> EditMyStudyRecord(StudyRecordCommands c, int id, StudyRecordInput request, CancellationToken ct) =>
        TypedResults.Ok(await c.EditMineAsync(id, request, ct));
}
