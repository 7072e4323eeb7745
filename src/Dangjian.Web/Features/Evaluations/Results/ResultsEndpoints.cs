using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Evaluations.Results;

public sealed record VersionRequest(int Version);

public sealed record ImportSummary(int Changed);

/// <summary>
/// Evaluation results (EVA-6 … EVA-10) under /api/v1/evaluations: scores and vetoes, import, compute, results and
/// exports, publicity, objections, follow-ups. Every call checks the campaign's scope (CampaignAccess).
/// </summary>
public static class ResultsEndpoints
{
    /// <summary>The rate limit policy of objections filed on the public page, per client address.</summary>
    public const string ObjectionPolicy = "evaluation-objection";

    public static IServiceCollection AddEvaluationResults(this IServiceCollection services)
    {
        services.AddOptions<ResultsOptions>().BindConfiguration(ResultsOptions.Section)
            .Validate(o => o.ResidentCriticismShare is > 0 and <= 1 && o.PublicityWorkingDays > 0 && o.ObjectionsPerMinute > 0, "Evaluations settings are out of range.")
            .ValidateOnStart();
        services.AddScoped<SubjectScores>().AddScoped<ComputeResults>().AddScoped<ResultsQueries>()
            .AddScoped<PublicityCommands>().AddScoped<PublicResults>().AddScoped<ResultsExport>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, ObjectionRateLimitPolicy>(ObjectionPolicy));
        return services;
    }

    public static void MapEvaluationResultEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/evaluations").WithTags("Evaluations");
        g.MapGet("/{id:int}/scores", ListSubjectScores).WithName(nameof(ListSubjectScores)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPut("/subjects/{subjectId:int}/scores", SetSubjectScores).WithName(nameof(SetSubjectScores)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}/scores/template", GetScoreTemplate).WithName(nameof(GetScoreTemplate)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/scores/import", ImportScores).WithName(nameof(ImportScores)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview).AcceptsExcel();
        g.MapPost("/{id:int}/results/compute", ComputeCampaignResults).WithName(nameof(ComputeCampaignResults)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}/results", GetCampaignResults).WithName(nameof(GetCampaignResults)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/{id:int}/results/export", ExportCampaignScores).WithName(nameof(ExportCampaignScores)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}/results/dimensions/export", ExportDimensionMeans).WithName(nameof(ExportDimensionMeans)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/publicity", PublicizeResults).WithName(nameof(PublicizeResults)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/publicity/link", ReissuePublicLink).WithName(nameof(ReissuePublicLink)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/finalize", FinalizeCampaign).WithName(nameof(FinalizeCampaign)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}/objections", ListObjections).WithName(nameof(ListObjections)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}/objections/export", ExportObjections).WithName(nameof(ExportObjections)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPut("/objections/{objectionId:int}/answer", AnswerObjection).WithName(nameof(AnswerObjection)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}/follow-ups", ListFollowUps).WithName(nameof(ListFollowUps)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}/follow-ups/export", ExportFollowUps).WithName(nameof(ExportFollowUps)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPut("/follow-ups/{followUpId:int}", UpdateFollowUp).WithName(nameof(UpdateFollowUp)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/follow-ups/complete", CompleteFollowUps).WithName(nameof(CompleteFollowUps)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
    }

    public static async Task<Ok<IReadOnlyList<SubjectScoresView>>> ListSubjectScores(SubjectScores scores, int id, CancellationToken ct) =>
        TypedResults.Ok(await scores.ListAsync(id, ct));

    public static async Task<Ok<SubjectScoresView>> SetSubjectScores(SubjectScores scores, int subjectId, SubjectScoresRequest request, CancellationToken ct) =>
        TypedResults.Ok(await scores.SetAsync(subjectId, request, ct));

    public static async Task<FileContentHttpResult> GetScoreTemplate(ResultsExport export, int id, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.TemplateAsync(id, ct), $"evaluation-{id}-scores-template", clock);

    /// <summary>
    /// Imports 实绩/组织考察 from an .xlsx body (Content-Type the .xlsx type), whole or nothing: 400 names every bad
    /// row as rows[N].name / rows[N].achievement / rows[N].inspection.
    /// </summary>
    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportScores(
        HttpContext http, SubjectScores scores, CampaignAccess access, ExcelUpload upload, int id, CancellationToken ct)
    {
        // The campaign first: a file for a campaign outside the caller's scope is refused unread.
        await access.DemandCampaignAsync(id, Permission.EvaluationsRun, ct);
        using var body = await upload.ReadAsync(http, ct);
        if (!body.Accepted)
        {
            return body.Refusal;
        }

        var rows = ResultsExport.Read(body.File) ?? throw new InputValidationException(new FieldErrors().Add("file", "Import.NotXlsx"));
        return TypedResults.Ok(new ImportSummary(await scores.ImportAsync(id, rows, ct)));
    }

    public static async Task<Ok<CampaignResultsView>> ComputeCampaignResults(ComputeResults compute, ResultsQueries queries, int id, CancellationToken ct)
    {
        await compute.ComputeAsync(id, ct);
        return TypedResults.Ok(await queries.ResultsAsync(id, ct));
    }

    public static async Task<Ok<CampaignResultsView>> GetCampaignResults(ResultsQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.ResultsAsync(id, ct));

    public static async Task<FileContentHttpResult> ExportCampaignScores(ResultsExport export, int id, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ScoresAsync(id, ct), $"evaluation-{id}-scores", clock);

    public static async Task<FileContentHttpResult> ExportDimensionMeans(ResultsExport export, int id, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.DimensionsAsync(id, ct), $"evaluation-{id}-dimensions", clock);

    /// <summary>Publicizes the results; the answer holds the public link's token, shown this once (never cached).</summary>
    public static async Task<Ok<PublicityLink>> PublicizeResults(PublicityCommands commands, HttpContext http, int id, PublicizeRequest request, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        return TypedResults.Ok(await commands.PublicizeAsync(id, request, ct));
    }

    public static async Task<Ok<PublicityLink>> ReissuePublicLink(PublicityCommands commands, HttpContext http, int id, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        return TypedResults.Ok(await commands.ReissueLinkAsync(id, ct));
    }

    public static async Task<NoContent> FinalizeCampaign(PublicityCommands commands, int id, VersionRequest request, CancellationToken ct)
    {
        await commands.FinalizeAsync(id, request.Version, ct);
        return TypedResults.NoContent();
    }

    public static async Task<FileContentHttpResult> ExportObjections(ResultsExport export, OrgClock clock, int id, bool? unanswered, CancellationToken ct) =>
        ExcelFile.Result(await export.ObjectionsAsync(id, unanswered == true, ct), $"evaluation-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-objections", clock);

    public static async Task<FileContentHttpResult> ExportFollowUps(ResultsExport export, OrgClock clock, int id, CancellationToken ct) =>
        ExcelFile.Result(await export.FollowUpsAsync(id, ct), $"evaluation-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-follow-ups", clock);

    public static async Task<Ok<IReadOnlyList<ObjectionView>>> ListObjections(ResultsQueries queries, int id, bool? unanswered, CancellationToken ct) =>
        TypedResults.Ok(await queries.ObjectionsAsync(id, unanswered == true, ct));

    public static async Task<Ok<ObjectionView>> AnswerObjection(PublicityCommands commands, int objectionId, AnswerObjectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await commands.AnswerObjectionAsync(objectionId, request, ct));

    public static async Task<Ok<IReadOnlyList<FollowUpView>>> ListFollowUps(ResultsQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.FollowUpsAsync(id, ct));

    /// <summary>办结 of the ticked follow-ups in one save, all or nothing; answers with the campaign's follow-ups.</summary>
    public static async Task<Ok<IReadOnlyList<FollowUpView>>> CompleteFollowUps(
        PublicityCommands commands, ResultsQueries queries, int id, CompleteFollowUpsRequest request, CancellationToken ct)
    {
        await commands.CompleteFollowUpsAsync(id, request, ct);
        return TypedResults.Ok(await queries.FollowUpsAsync(id, ct));
    }

    public static async Task<Ok<FollowUpView>> UpdateFollowUp(PublicityCommands commands, int followUpId, FollowUpRequest request, CancellationToken ct) =>
        TypedResults.Ok(await commands.UpdateFollowUpAsync(followUpId, request, ct));
}

/// <summary>Objections per client address per minute ("Evaluations:ObjectionsPerMinute"); reading the page is not limited.</summary>
public sealed class ObjectionRateLimitPolicy(IOptions<ResultsOptions> options) : PostRateLimitPolicy
{
    protected override string Prefix => "evaluation-objection";

    protected override int PermitsPerMinute => options.Value.ObjectionsPerMinute;

    protected override string RefusalText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<ResultsText>>()["Public.TooManyRequests"];
}
