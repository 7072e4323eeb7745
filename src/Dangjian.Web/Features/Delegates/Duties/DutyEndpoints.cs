using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Delegates.Duties;

/// <summary>
/// /api/v1/delegates/activities (例会、视察、情况通报, DEL-3), /api/v1/delegates/work-reports (述职) and
/// /api/v1/delegates/motions (质询、罢免, DEL-4). Reading asks for Delegates.Read on the term's organization, recording for
/// Delegates.Manage, an inquiry's answer for Delegates.Answer; a delegate's own part is under /api/v1/delegates/mine (Mine.Use).
/// </summary>
public static class DutyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var a = app.MapGroup(DelegatesEndpoints.Route + "/activities").WithTags("Delegates");
        a.MapGet("", ListDelegateActivities).WithName(nameof(ListDelegateActivities)).RequirePermission(Permission.DelegatesRead);
        a.MapPost("", RecordDelegateActivity).WithName(nameof(RecordDelegateActivity)).RequirePermission(Permission.DelegatesManage);
        a.MapGet("/export", ExportDelegateActivities).WithName(nameof(ExportDelegateActivities)).RequirePermission(Permission.DelegatesRead);
        a.MapGet("/{activityId:int}", GetDelegateActivity).WithName(nameof(GetDelegateActivity)).RequirePermission(Permission.DelegatesRead);
        a.MapPost("/{activityId:int}/attendance", MarkDelegateAttendance).WithName(nameof(MarkDelegateAttendance)).RequirePermission(Permission.DelegatesManage);
        a.MapPost("/{activityId:int}/publish", PublishDelegateActivity).WithName(nameof(PublishDelegateActivity)).RequirePermission(Permission.DelegatesManage);
        app.MapGet(DelegatesEndpoints.Route + "/terms/{termId:int}/attendance", GetDelegateAttendanceRates).WithName(nameof(GetDelegateAttendanceRates))
            .WithTags("Delegates").RequirePermission(Permission.DelegatesRead);
        app.MapGet(DelegatesEndpoints.Route + "/terms/{termId:int}/work-reports", ListWorkReports).WithName(nameof(ListWorkReports))
            .WithTags("Delegates").RequirePermission(Permission.DelegatesRead);

        var w = app.MapGroup(DelegatesEndpoints.Route + "/work-reports").WithTags("Delegates");
        w.MapPost("", RecordWorkReport).WithName(nameof(RecordWorkReport)).RequirePermission(Permission.DelegatesManage);
        w.MapPost("/{reportId:int}/evaluation", LinkWorkReportEvaluation).WithName(nameof(LinkWorkReportEvaluation)).RequirePermission(Permission.DelegatesManage);

        var m = app.MapGroup(DelegatesEndpoints.Route + "/motions").WithTags("Delegates");
        m.MapGet("", ListDelegateMotions).WithName(nameof(ListDelegateMotions)).RequirePermission(Permission.DelegatesRead);
        m.MapPost("", FileDelegateMotion).WithName(nameof(FileDelegateMotion)).RequirePermission(Permission.DelegatesManage);
        m.MapGet("/choices", GetDelegateMotionChoices).WithName(nameof(GetDelegateMotionChoices)).RequirePermission(Permission.DelegatesManage);
        m.MapGet("/export", ExportDelegateMotions).WithName(nameof(ExportDelegateMotions)).RequirePermission(Permission.DelegatesRead);
        m.MapGet("/{motionId:int}", GetDelegateMotion).WithName(nameof(GetDelegateMotion)).RequirePermission(Permission.DelegatesRead, Permission.MineUse);
        m.MapPost("/{motionId:int}/review", ReviewDelegateMotion).WithName(nameof(ReviewDelegateMotion)).RequirePermission(Permission.DelegatesManage);
        m.MapPost("/{motionId:int}/answer", AnswerDelegateMotion).WithName(nameof(AnswerDelegateMotion)).RequirePermission(Permission.DelegatesAnswer);
        m.MapPost("/{motionId:int}/vote", RecordDelegateMotionVote).WithName(nameof(RecordDelegateMotionVote)).RequirePermission(Permission.DelegatesManage);
        m.MapPost("/{motionId:int}/close", CloseDelegateMotion).WithName(nameof(CloseDelegateMotion)).RequirePermission(Permission.DelegatesManage);

        var me = app.MapGroup(DelegatesEndpoints.Route + "/mine").WithTags("Mine").RequirePermission(Permission.MineUse);
        me.MapGet("/activities", GetMyDelegateActivities).WithName(nameof(GetMyDelegateActivities));
        me.MapGet("/motions", GetMyDelegateMotions).WithName(nameof(GetMyDelegateMotions));
        me.MapPost("/motions", FileMyDelegateMotion).WithName(nameof(FileMyDelegateMotion));
        me.MapPost("/motions/{motionId:int}/cosign", CoSignDelegateMotion).WithName(nameof(CoSignDelegateMotion));
    }

    public static async Task<Ok<ActivityListView>> ListDelegateActivities(
        ActivityQueries q, int? termId, DelegateActivityKind? kind, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(termId, kind, search, page, pageSize, ct));

    public static async Task<Ok<ActivityView>> RecordDelegateActivity(ActivityCommands c, RecordActivityRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordAsync(request, ct));

    public static async Task<FileContentHttpResult> ExportDelegateActivities(DutyExport export, OrgClock clock, int? termId, CancellationToken ct) =>
        ExcelFile.Result(await export.ActivitiesAsync(termId, ct), "delegate-activities", clock);

    public static async Task<Ok<ActivityView>> GetDelegateActivity(ActivityQueries q, int activityId, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(activityId, ct));

    /// <summary>One delegate's attendance; absent without a reason is a 400 on <c>absenceReason</c>.</summary>
    public static async Task<Ok<ActivityView>> MarkDelegateAttendance(ActivityCommands c, int activityId, MarkAttendanceRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.MarkAttendanceAsync(activityId, request, ct));

    public static async Task<Ok<ActivityView>> PublishDelegateActivity(ActivityCommands c, int activityId, ActivityStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.PublishAsync(activityId, request, ct));

    /// <summary>Each delegate's attendance over the term's activities: present of recorded, the lowest first.</summary>
    public static async Task<Ok<IReadOnlyList<AttendanceRateView>>> GetDelegateAttendanceRates(ActivityQueries q, int termId, CancellationToken ct) =>
        TypedResults.Ok(await q.RatesAsync(termId, ct));

    public static async Task<Ok<IReadOnlyList<WorkReportView>>> ListWorkReports(ActivityQueries q, int termId, CancellationToken ct) =>
        TypedResults.Ok(await q.WorkReportsAsync(termId, ct));

    public static async Task<Ok<WorkReportView>> RecordWorkReport(ActivityCommands c, RecordWorkReportRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordWorkReportAsync(request, ct));

    public static async Task<Ok<WorkReportView>> LinkWorkReportEvaluation(ActivityCommands c, int reportId, LinkEvaluationRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.LinkEvaluationAsync(reportId, request, ct));

    public static async Task<Ok<MotionListView>> ListDelegateMotions(
        MotionQueries q, int? termId, MotionKind? kind, MotionStatus? status, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(termId, kind, status, search, page, pageSize, ct));

    public static async Task<Ok<MotionView>> FileDelegateMotion(MotionCommands c, FileMotionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.FileAsync(request, ct));

    /// <summary>Whom a motion recorded by staff may name: the term's serving delegates and its organization's committee members seated today.</summary>
    public static async Task<Ok<MotionFilingChoices>> GetDelegateMotionChoices(MotionQueries q, OrgClock clock, int termId, CancellationToken ct) =>
        TypedResults.Ok(await q.FilingChoicesAsync(termId, clock.Today, ct));

    public static async Task<FileContentHttpResult> ExportDelegateMotions(DutyExport export, OrgClock clock, int? termId, CancellationToken ct) =>
        ExcelFile.Result(await export.MotionsAsync(termId, ct), "delegate-motions", clock);

    public static async Task<Ok<MotionView>> GetDelegateMotion(MotionQueries q, int motionId, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(motionId, ct));

    /// <summary>审查: accepted at the threshold, refused below it (the counts in the answer).</summary>
    public static async Task<Ok<MotionView>> ReviewDelegateMotion(MotionCommands c, int motionId, MotionStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ReviewAsync(motionId, request, ct));

    public static async Task<Ok<MotionView>> AnswerDelegateMotion(MotionCommands c, int motionId, AnswerMotionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AnswerAsync(motionId, request, ct));

    public static async Task<Ok<MotionView>> RecordDelegateMotionVote(MotionCommands c, int motionId, RecordMotionVoteRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordVoteAsync(motionId, request, ct));

    public static async Task<Ok<MotionView>> CloseDelegateMotion(MotionCommands c, int motionId, MotionStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CloseAsync(motionId, request, ct));

    public static async Task<Ok<IReadOnlyList<MyActivityView>>> GetMyDelegateActivities(ActivityQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(ct));

    public static async Task<Ok<IReadOnlyList<MotionView>>> GetMyDelegateMotions(MotionQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(ct));

    public static async Task<Ok<MotionView>> FileMyDelegateMotion(MotionCommands c, FileMyMotionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.FileMineAsync(request, ct));

    /// <summary>联名 by the signed-in delegate; someone without a seat in the term is a 403.</summary>
    public static async Task<Ok<MotionView>> CoSignDelegateMotion(MotionCommands c, int motionId, MotionStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CoSignAsync(motionId, request, ct));
}
