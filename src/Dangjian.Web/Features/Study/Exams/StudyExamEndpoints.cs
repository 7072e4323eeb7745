using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Study.Exams;

/// <summary>/api/v1/study/exams: the exam list of an organization subtree by state, one person's history, and recording an exam (STU-3).</summary>
public static class StudyExamEndpoints
{
    public const string Route = "/api/v1/study/exams";

    public static void MapStudyExamEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Study exams");
        g.MapGet("", ListStudyExams).WithName(nameof(ListStudyExams)).RequirePermission(Permission.StudyRead);
        g.MapGet("/export", ExportStudyExams).WithName(nameof(ExportStudyExams)).RequirePermission(Permission.StudyRead);
        g.MapGet("/person/{personId:int}", GetStudyExamHistory).WithName(nameof(GetStudyExamHistory)).RequirePermission(Permission.StudyRead);
        g.MapPost("", RecordStudyExam).WithName(nameof(RecordStudyExam)).RequirePermission(Permission.StudyWrite);
    }

    /// <summary><c>state</c> (Ok, MakeUpDue, Suspended) keeps only the people in it.</summary>
    public static async Task<Ok<StudyExamListView>> ListStudyExams(StudyExamQueries q, int? organizationId, ExamState? state, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, state, page, pageSize, ct));

    /// <summary>The list as .xlsx (RPT-2), with the same filters.</summary>
    public static async Task<FileContentHttpResult> ExportStudyExams(StudyExamExport export, OrgClock clock, int? organizationId, ExamState? state, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, state, ct), "study-exams", clock);

    public static async Task<Ok<StudyExamHistoryView>> GetStudyExamHistory(StudyExamQueries q, int personId, CancellationToken ct) =>
        TypedResults.Ok(await q.HistoryAsync(personId, ct));

    /// <summary>Records an exam; a make-up when none is due, a day out of order or in the future, or a score out of range is a 400 naming the field.</summary>
    public static async Task<Ok<StudyExamHistoryView>> RecordStudyExam(StudyExamCommands c, RecordStudyExamRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordAsync(request, ct));
}
