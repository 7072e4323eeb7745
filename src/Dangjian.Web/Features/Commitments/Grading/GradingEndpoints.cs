using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Commitments.Grading;

/// <summary>
/// 评 of public commitments (CMT-6) under /api/v1/commitments: grading an item (销号 or rectification), 述职, the grades'
/// publicity with objections, and the democratic evaluation; the member's own 述职 under /api/v1/me/commitments.
/// </summary>
public static class GradingEndpoints
{
    public static IServiceCollection AddCommitmentGrading(this IServiceCollection services) =>
        services.AddScoped<GradingQueries>().AddScoped<GradingCommands>().AddScoped<SelfReportCommands>();

    public static void MapCommitmentGrading(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(CommitmentEndpoints.Route).WithTags("Commitments");
        g.MapPost("/items/{commitmentId:int}/grade", GradeCommitment).WithName(nameof(GradeCommitment)).RequirePermission(Permission.CommitmentsReview);
        g.MapGet("/{id:int}/grading", GetCommitmentGrading).WithName(nameof(GetCommitmentGrading)).RequirePermission(Permission.CommitmentsRead);
        g.MapGet("/{id:int}/reports", ListCommitmentReports).WithName(nameof(ListCommitmentReports)).RequirePermission(Permission.CommitmentsRead);
        g.MapPut("/{id:int}/reports", WriteCommitmentReport).WithName(nameof(WriteCommitmentReport)).RequirePermission(Permission.CommitmentsRun);
        g.MapPost("/{id:int}/publicity", PublicizeCommitmentGrades).WithName(nameof(PublicizeCommitmentGrades)).RequirePermission(Permission.CommitmentsRun);
        g.MapGet("/{id:int}/objections", ListCommitmentObjections).WithName(nameof(ListCommitmentObjections)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/{id:int}/objections", FileCommitmentObjection).WithName(nameof(FileCommitmentObjection)).RequirePermission(Permission.CommitmentsRun);
        g.MapPost("/{id:int}/objections/{objectionId:int}/answer", AnswerCommitmentObjection).WithName(nameof(AnswerCommitmentObjection)).RequirePermission(Permission.CommitmentsRun);
        g.MapPost("/{id:int}/evaluation", CreateCommitmentEvaluation).WithName(nameof(CreateCommitmentEvaluation)).RequirePermission(Permission.CommitmentsRun);

        var me = app.MapGroup(CommitmentEndpoints.MineRoute).WithTags("Mine").RequirePermission(Permission.MineUse);
        me.MapPut("/{campaignId:int}/report", WriteMyCommitmentReport).WithName(nameof(WriteMyCommitmentReport));
        me.MapGet("/results", ListMyCommitmentResults).WithName(nameof(ListMyCommitmentResults));
    }

    /// <summary>The committee's grade (好/较好/一般/差) with the tally: 销号, rectification or open; every round returned.</summary>
    public static async Task<Ok<GradedCommitmentView>> GradeCommitment(GradingCommands c, int commitmentId, GradeCommitmentRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.GradeAsync(commitmentId, request, ct));

    /// <summary>The campaign's 评 at a glance: gradable items with their votes and rounds, the publicity, the objections.</summary>
    public static async Task<Ok<CampaignGradingView>> GetCommitmentGrading(GradingQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.CampaignAsync(id, ct));

    public static async Task<Ok<IReadOnlyList<SelfReportView>>> ListCommitmentReports(GradingQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.ReportsAsync(id, ct));

    /// <summary>The clerk's entry of a member's or an organization's 述职; answers with the campaign's reports.</summary>
    public static async Task<Ok<IReadOnlyList<SelfReportView>>> WriteCommitmentReport(
        SelfReportCommands c, GradingQueries q, int id, SelfReportRequest request, CancellationToken ct)
    {
        await c.WriteAsync(id, request, ct);
        return TypedResults.Ok(await q.ReportsAsync(id, ct));
    }

    public static async Task<Ok<CampaignGradingView>> PublicizeCommitmentGrades(
        GradingCommands c, GradingQueries q, int id, PublicizeGradesRequest request, CancellationToken ct)
    {
        await c.PublicizeAsync(id, request, ct);
        return TypedResults.Ok(await q.CampaignAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<CommitmentObjectionView>>> ListCommitmentObjections(GradingQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.ObjectionsAsync(id, ct));

    public static async Task<Created<IReadOnlyList<CommitmentObjectionView>>> FileCommitmentObjection(
        GradingCommands c, GradingQueries q, int id, CommitmentObjectionRequest request, CancellationToken ct)
    {
        await c.FileObjectionAsync(id, request, ct);
        return TypedResults.Created($"{CommitmentEndpoints.Route}/{id}/objections", await q.ObjectionsAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<CommitmentObjectionView>>> AnswerCommitmentObjection(
        GradingCommands c, GradingQueries q, int id, int objectionId, AnswerCommitmentObjectionRequest request, CancellationToken ct)
    {
        await c.AnswerObjectionAsync(id, objectionId, request, ct);
        return TypedResults.Ok(await q.ObjectionsAsync(id, ct));
    }

    /// <summary>Creates the campaign's democratic evaluation (民主评议党员) in the evaluations module and links it.</summary>
    public static async Task<Created<CampaignGradingView>> CreateCommitmentEvaluation(
        GradingCommands c, GradingQueries q, int id, CreateCommitmentEvaluationRequest request, CancellationToken ct)
    {
        var evaluationId = await c.CreateEvaluationAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/evaluations/{evaluationId}", await q.CampaignAsync(id, ct));
    }

    /// <summary>The signed-in member's own 述职 for a campaign that covers them, during 评.</summary>
    public static async Task<Ok<SelfReportView>> WriteMyCommitmentReport(SelfReportCommands c, int campaignId, MySelfReportRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.WriteMineAsync(campaignId, request, ct));

    /// <summary>The member's graded items across campaigns.</summary>
    public static async Task<Ok<IReadOnlyList<MyCommitmentResultView>>> ListMyCommitmentResults(GradingQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.MineAsync(ct));
}
