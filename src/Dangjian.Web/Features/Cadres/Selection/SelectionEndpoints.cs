using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>
/// /api/v1/cadres/selection: selection cases (选任写实, CAD-3 … CAD-5), one route per step of the case page; every change
/// carries the case's Version. /api/v1/cadres/qualifications: 考察资格认证. The public publicity page is
/// /public/selection/{id}; the printable dossier /cadres/selection/{id}/dossier. The trace has no delete route.
/// </summary>
public static class SelectionEndpoints
{
    public const string Route = "/api/v1/cadres/selection";

    public const string QualificationsRoute = "/api/v1/cadres/qualifications";

    public static IServiceCollection AddSelectionCases(this IServiceCollection services) =>
        services.AddScoped<SelectionCaseStore>().AddScoped<SelectionQueries>().AddScoped<SelectionCommands>().AddScoped<InspectionCommands>()
            .AddScoped<PublicityCommands>().AddScoped<QualificationCommands>().AddScoped<PublicObjections>().AddScoped<SelectionExport>();

    public static void MapSelectionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Cadres");
        g.MapGet("", ListSelectionCases).WithName(nameof(ListSelectionCases)).RequirePermission(Permission.CadresRead);
        g.MapPost("", OpenSelectionCase).WithName(nameof(OpenSelectionCase)).RequirePermission(Permission.CadresWrite);
        g.MapGet("/export", ExportSelectionCases).WithName(nameof(ExportSelectionCases)).RequirePermission(Permission.CadresRead);
        g.MapGet("/{id:int}", GetSelectionCase).WithName(nameof(GetSelectionCase)).RequirePermission(Permission.CadresRead);
        g.MapPost("/{id:int}/meeting-recommendation", LinkSelectionMeetingRecommendation).WithName(nameof(LinkSelectionMeetingRecommendation)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/talk-recommendations", RecordSelectionTalk).WithName(nameof(RecordSelectionTalk)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/shortlist", ShortlistSelectionCandidates).WithName(nameof(ShortlistSelectionCandidates)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/inspection", StartSelectionInspection).WithName(nameof(StartSelectionInspection)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/inspection/methods", RecordSelectionInspectionMethod).WithName(nameof(RecordSelectionInspectionMethod)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/inspection/circles", RecordSelectionCircleFinding).WithName(nameof(RecordSelectionCircleFinding)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/inspection/findings", RecordSelectionCandidateFinding).WithName(nameof(RecordSelectionCandidateFinding)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/inspection/complete", CompleteSelectionInspection).WithName(nameof(CompleteSelectionInspection)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/decision", RecordSelectionDecision).WithName(nameof(RecordSelectionDecision)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/publicity", StartSelectionPublicity).WithName(nameof(StartSelectionPublicity)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/objections", ReceiveSelectionObjection).WithName(nameof(ReceiveSelectionObjection)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/objections/{number:int}/conclude", ConcludeSelectionObjection).WithName(nameof(ConcludeSelectionObjection)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/appointment", AppointSelectionCandidate).WithName(nameof(AppointSelectionCandidate)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/probation-review", ReviewSelectionProbation).WithName(nameof(ReviewSelectionProbation)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/stop", StopSelectionCase).WithName(nameof(StopSelectionCase)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/corrections", CorrectSelectionEntry).WithName(nameof(CorrectSelectionEntry)).RequirePermission(Permission.CadresWrite);

        var q = app.MapGroup(QualificationsRoute).WithTags("Cadres");
        q.MapGet("", ListInspectionQualifications).WithName(nameof(ListInspectionQualifications)).RequirePermission(Permission.CadresRead);
        q.MapPost("", AddInspectionQualification).WithName(nameof(AddInspectionQualification)).RequirePermission(Permission.CadresWrite);
    }

    public static async Task<Ok<SelectionCaseList>> ListSelectionCases(
        SelectionQueries q, int? organizationId, SelectionPhase? phase, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, phase, search, page, pageSize, ct));

    public static async Task<Ok<SelectionCaseView>> OpenSelectionCase(SelectionCommands c, OpenSelectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.OpenAsync(request, ct));

    public static async Task<FileContentHttpResult> ExportSelectionCases(
        SelectionExport export, OrgClock clock, int? organizationId, SelectionPhase? phase, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.CasesAsync(organizationId, phase, search, ct), "selection-cases", clock);

    public static async Task<Ok<SelectionCaseView>> GetSelectionCase(SelectionQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.CaseAsync(id, ct));

    public static async Task<Ok<SelectionCaseView>> LinkSelectionMeetingRecommendation(SelectionCommands c, int id, MeetingRecommendationRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.LinkMeetingRecommendationAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> RecordSelectionTalk(SelectionCommands c, int id, TalkRecommendationRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordTalkAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> ShortlistSelectionCandidates(SelectionCommands c, int id, ShortlistRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ShortlistAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> StartSelectionInspection(InspectionCommands c, int id, StartInspectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.StartAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> RecordSelectionInspectionMethod(InspectionCommands c, int id, InspectionMethodRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordMethodAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> RecordSelectionCircleFinding(InspectionCommands c, int id, CircleFindingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordCircleAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> RecordSelectionCandidateFinding(InspectionCommands c, int id, CandidateFindingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordFindingAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> CompleteSelectionInspection(InspectionCommands c, int id, VersionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CompleteAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> RecordSelectionDecision(SelectionCommands c, int id, DecisionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordDecisionAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> StartSelectionPublicity(PublicityCommands c, int id, StartPublicityRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.StartAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> ReceiveSelectionObjection(PublicityCommands c, int id, ObjectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ReceiveAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> ConcludeSelectionObjection(PublicityCommands c, int id, int number, ConcludeObjectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ConcludeAsync(id, number, request, ct));

    public static async Task<Ok<SelectionCaseView>> AppointSelectionCandidate(PublicityCommands c, int id, AppointRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AppointAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> ReviewSelectionProbation(PublicityCommands c, int id, ProbationReviewRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ReviewAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> StopSelectionCase(SelectionCommands c, int id, StopRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.StopAsync(id, request, ct));

    public static async Task<Ok<SelectionCaseView>> CorrectSelectionEntry(SelectionCommands c, int id, CorrectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CorrectAsync(id, request, ct));

    public static async Task<Ok<Paged<QualificationView>>> ListInspectionQualifications(QualificationCommands c, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await c.ListAsync(search, null, page, pageSize, ct));

    public static async Task<Ok<QualificationView>> AddInspectionQualification(QualificationCommands c, AddQualificationRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AddAsync(request, ct));
}
