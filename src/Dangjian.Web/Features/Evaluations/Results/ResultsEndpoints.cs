using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

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
        g.MapGet("/{id:int}/scores", ListSubjectScores).WithName(nameof(ListSubjectScores));
        g.MapPut("/subjects/{subjectId:int}/scores", SetSubjectScores).WithName(nameof(SetSubjectScores));
        g.MapGet("/{id:int}/scores/template", GetScoreTemplate).WithName(nameof(GetScoreTemplate));
        g.MapPost("/{id:int}/scores/import", ImportScores).WithName(nameof(ImportScores));
        g.MapPost("/{id:int}/results/compute", ComputeCampaignResults).WithName(nameof(ComputeCampaignResults));
        g.MapGet("/{id:int}/results", GetCampaignResults).WithName(nameof(GetCampaignResults));
        g.MapGet("/{id:int}/results/export", ExportCampaignScores).WithName(nameof(ExportCampaignScores));
        g.MapGet("/{id:int}/results/dimensions/export", ExportDimensionMeans).WithName(nameof(ExportDimensionMeans));
        g.MapPost("/{id:int}/publicity", PublicizeResults).WithName(nameof(PublicizeResults));
        g.MapPost("/{id:int}/publicity/link", ReissuePublicLink).WithName(nameof(ReissuePublicLink));
        g.MapPost("/{id:int}/finalize", FinalizeCampaign).WithName(nameof(FinalizeCampaign));
        g.MapGet("/{id:int}/objections", ListObjections).WithName(nameof(ListObjections));
        g.MapPut("/objections/{objectionId:int}/answer", AnswerObjection).WithName(nameof(AnswerObjection));
        g.MapGet("/{id:int}/follow-ups", ListFollowUps).WithName(nameof(ListFollowUps));
        g.MapPut("/follow-ups/{followUpId:int}", UpdateFollowUp).WithName(nameof(UpdateFollowUp));
    }

    public static async Task<Ok<IReadOnlyList<SubjectScoresView>>> ListSubjectScores(SubjectScores scores, int id, CancellationToken ct) =>
        TypedResults.Ok(await scores.ListAsync(id, ct));

    public static async Task<Ok<SubjectScoresView>> SetSubjectScores(SubjectScores scores, int subjectId, SubjectScoresRequest request, CancellationToken ct) =>
        TypedResults.Ok(await scores.SetAsync(subjectId, request, ct));

    public static async Task<FileContentHttpResult> GetScoreTemplate(ResultsExport export, int id, CancellationToken ct) =>
        ExcelFile.Result(await export.TemplateAsync(id, ct), $"evaluation-{id}-scores-template");

    /// <summary>
    /// Imports 实绩/组织考察 from an .xlsx body (Content-Type the .xlsx type), whole or nothing: 400 names every bad
    /// row as rows[N].name / rows[N].achievement / rows[N].inspection.
    /// </summary>
    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportScores(
        HttpContext http, SubjectScores scores, IOptions<DangjianOptions> options, IStringLocalizer<RuleText> rules, int id, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, ExcelFile.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: rules["Import.WrongContentType"]);
        }

        var max = options.Value.MaxUploadBytes;
        var tooLarge = TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: rules["Import.TooLarge", max / (1024 * 1024)]);
        if (http.Request.ContentLength > max)
        {
            return tooLarge;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1;
        }

        using var body = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + n > max)
            {
                return tooLarge;
            }

            body.Write(chunk, 0, n);
        }

        body.Position = 0;
        var rows = ResultsExport.Read(body) ?? throw new InputValidationException(new FieldErrors().Add("file", "Import.NotXlsx"));
        return TypedResults.Ok(new ImportSummary(await scores.ImportAsync(id, rows, ct)));
    }

    public static async Task<Ok<CampaignResultsView>> ComputeCampaignResults(ComputeResults compute, ResultsQueries queries, int id, CancellationToken ct)
    {
        await compute.ComputeAsync(id, ct);
        return TypedResults.Ok(await queries.ResultsAsync(id, ct));
    }

    public static async Task<Ok<CampaignResultsView>> GetCampaignResults(ResultsQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.ResultsAsync(id, ct));

    public static async Task<FileContentHttpResult> ExportCampaignScores(ResultsExport export, int id, CancellationToken ct) =>
        ExcelFile.Result(await export.ScoresAsync(id, ct), $"evaluation-{id}-scores");

    public static async Task<FileContentHttpResult> ExportDimensionMeans(ResultsExport export, int id, CancellationToken ct) =>
        ExcelFile.Result(await export.DimensionsAsync(id, ct), $"evaluation-{id}-dimensions");

    /// <summary>Publicizes the results; the answer holds the public link's token, shown this once (never cached).</summary>
    public static async Task<Ok<PublicityLink>> PublicizeResults(PublicityCommands commands, HttpContext http, int id, PublicizeRequest request, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await commands.PublicizeAsync(id, request, ct));
    }

    public static async Task<Ok<PublicityLink>> ReissuePublicLink(PublicityCommands commands, HttpContext http, int id, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await commands.ReissueLinkAsync(id, ct));
    }

    public static async Task<NoContent> FinalizeCampaign(PublicityCommands commands, int id, VersionRequest request, CancellationToken ct)
    {
        await commands.FinalizeAsync(id, request.Version, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<ObjectionView>>> ListObjections(ResultsQueries queries, int id, bool? unanswered, CancellationToken ct) =>
        TypedResults.Ok(await queries.ObjectionsAsync(id, unanswered == true, ct));

    public static async Task<Ok<ObjectionView>> AnswerObjection(PublicityCommands commands, int objectionId, AnswerObjectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await commands.AnswerObjectionAsync(objectionId, request, ct));

    public static async Task<Ok<IReadOnlyList<FollowUpView>>> ListFollowUps(ResultsQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.FollowUpsAsync(id, ct));

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
