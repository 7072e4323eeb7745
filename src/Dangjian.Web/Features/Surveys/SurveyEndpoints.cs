using System.Globalization;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.PublicForms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Surveys;

/// <summary>
/// /api/v1/surveys: questionnaires (SRV-1), their statistics and exports (SRV-2), satisfaction votes (SRV-3). The
/// answers themselves go through the public page /public/surveys/… (no account, rate-limited like the election ballot).
/// </summary>
public static class SurveyEndpoints
{
    public static IServiceCollection AddSurveys(this IServiceCollection services) =>
        services.AddScoped<SurveyClosing>().AddScoped<SatisfactionTargets>().AddScoped<SurveyQueries>().AddScoped<SurveyCommands>().AddScoped<PublicSurveys>().AddScoped<SurveyExport>();

    public static void MapSurveyEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/surveys").WithTags("Surveys");
        g.MapGet("/", ListSurveys).WithName(nameof(ListSurveys)).RequirePermission(Permission.SurveysRead);
        g.MapGet("/export", ExportSurveys).WithName(nameof(ExportSurveys)).RequirePermission(Permission.SurveysRead);
        g.MapPost("/", CreateSurvey).WithName(nameof(CreateSurvey)).RequirePermission(Permission.SurveysRun);
        g.MapPost("/satisfaction", CreateSatisfaction).WithName(nameof(CreateSatisfaction)).RequirePermission(Permission.SurveysRun);
        g.MapGet("/satisfaction", GetSatisfaction).WithName(nameof(GetSatisfaction)).RequirePermission(Permission.SurveysRead);
        g.MapGet("/{id:int}", GetSurvey).WithName(nameof(GetSurvey)).RequirePermission(Permission.SurveysRead);
        g.MapPut("/{id:int}", UpdateSurvey).WithName(nameof(UpdateSurvey)).RequirePermission(Permission.SurveysRun);
        g.MapDelete("/{id:int}", DeleteSurvey).WithName(nameof(DeleteSurvey)).RequirePermission(Permission.SurveysRun);
        g.MapPost("/{id:int}/questions", AddQuestion).WithName(nameof(AddQuestion)).RequirePermission(Permission.SurveysRun);
        g.MapPut("/{id:int}/questions/{questionId:int}", UpdateQuestion).WithName(nameof(UpdateQuestion)).RequirePermission(Permission.SurveysRun);
        g.MapDelete("/{id:int}/questions/{questionId:int}", RemoveQuestion).WithName(nameof(RemoveQuestion)).RequirePermission(Permission.SurveysRun);
        g.MapPost("/{id:int}/questions/{questionId:int}/move", MoveQuestion).WithName(nameof(MoveQuestion)).RequirePermission(Permission.SurveysRun);
        g.MapPost("/{id:int}/open", OpenSurvey).WithName(nameof(OpenSurvey)).RequirePermission(Permission.SurveysRun);
        g.MapPost("/{id:int}/close", CloseSurvey).WithName(nameof(CloseSurvey)).RequirePermission(Permission.SurveysRun);
        g.MapPost("/{id:int}/link", RenewSurveyLink).WithName(nameof(RenewSurveyLink)).RequirePermission(Permission.SurveysRun);
        g.MapPost("/{id:int}/codes", IssueSurveyCodes).WithName(nameof(IssueSurveyCodes)).RequirePermission(Permission.SurveysRun);
        g.MapGet("/{id:int}/statistics", GetSurveyStatistics).WithName(nameof(GetSurveyStatistics)).RequirePermission(Permission.SurveysRead);
        g.MapGet("/{id:int}/crosstab", GetSurveyCrossTab).WithName(nameof(GetSurveyCrossTab)).RequirePermission(Permission.SurveysRead);
        g.MapGet("/{id:int}/export/answers", ExportSurveyAnswers).WithName(nameof(ExportSurveyAnswers)).RequirePermission(Permission.SurveysRead);
        g.MapGet("/{id:int}/export/statistics", ExportSurveyStatistics).WithName(nameof(ExportSurveyStatistics)).RequirePermission(Permission.SurveysRead);
    }

    public static async Task<Ok<Paged<SurveyRow>>> ListSurveys(
        SurveyQueries q, int? organizationId, SurveyStatus? status, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, status, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportSurveys(
        SurveyExport export, OrgClock clock, int? organizationId, SurveyStatus? status, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, status, search, ct), "surveys", clock);

    public static async Task<Created<SurveyView>> CreateSurvey(SurveyCommands c, SurveyQueries q, SurveyRequest request, CancellationToken ct)
    {
        var id = await c.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/surveys/{id}", await q.GetAsync(id, ct));
    }

    public static async Task<Ok<SurveyView>> GetSurvey(SurveyQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(id, ct));

    public static async Task<Ok<SurveyView>> UpdateSurvey(SurveyCommands c, SurveyQueries q, int id, SurveyRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<NoContent> DeleteSurvey(SurveyCommands c, int id, CancellationToken ct)
    {
        await c.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SurveyView>> AddQuestion(SurveyCommands c, SurveyQueries q, int id, QuestionRequest request, CancellationToken ct)
    {
        await c.AddQuestionAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<SurveyView>> UpdateQuestion(SurveyCommands c, SurveyQueries q, int id, int questionId, QuestionRequest request, CancellationToken ct)
    {
        await c.UpdateQuestionAsync(id, questionId, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<SurveyView>> RemoveQuestion(SurveyCommands c, SurveyQueries q, int id, int questionId, CancellationToken ct)
    {
        await c.RemoveQuestionAsync(id, questionId, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<SurveyView>> MoveQuestion(SurveyCommands c, SurveyQueries q, int id, int questionId, MoveQuestionRequest request, CancellationToken ct)
    {
        await c.MoveQuestionAsync(id, questionId, request.Direction, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    /// <summary>Opens the survey; an open-link survey's link is in this answer only (never cached).</summary>
    public static async Task<Ok<OpenedSurvey>> OpenSurvey(SurveyCommands c, SurveyQueries q, IOptions<PublicFormOptions> options, HttpContext http, int id, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        var token = await c.OpenAsync(id, ct);
        return TypedResults.Ok(new OpenedSurvey(await q.GetAsync(id, ct), token is null ? null : OpenLink(options.Value, http.Request, token)));
    }

    /// <summary>重新生成链接: a new open link for an open open-link survey (the old one stops working); in this answer only.</summary>
    public static async Task<Ok<OpenedSurvey>> RenewSurveyLink(SurveyCommands c, SurveyQueries q, IOptions<PublicFormOptions> options, HttpContext http, int id, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        var token = await c.RenewLinkAsync(id, ct);
        return TypedResults.Ok(new OpenedSurvey(await q.GetAsync(id, ct), OpenLink(options.Value, http.Request, token)));
    }

    public static async Task<Ok<SurveyView>> CloseSurvey(SurveyCommands c, SurveyQueries q, int id, CancellationToken ct)
    {
        await c.CloseAsync(id, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    /// <summary>Issues 1…5000 one-time codes; the answer is the only time they are shown (and is never cached).</summary>
    public static async Task<Results<Ok<IssuedSurveyCodes>, ValidationProblem>> IssueSurveyCodes(
        SurveyCommands c, SurveyQueries q, IOptions<PublicFormOptions> options, IStringLocalizer<SurveyText> text, HttpContext http, int id, SurveyCodesRequest request, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        try
        {
            var codes = await c.IssueCodesAsync(id, request.Count, ct);
            var view = await q.GetAsync(id, ct);
            return TypedResults.Ok(new IssuedSurveyCodes(id, view.Title, AnswerAddress(options.Value, http.Request, id), codes, view.CodesIssued));
        }
        catch (SurveyCodesRefusedException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["survey"] = [text["Codes.Refused"]] }, title: text["Codes.Refused"]);
        }
    }

    public static async Task<Ok<SurveyStatisticsResult>> GetSurveyStatistics(SurveyQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.StatisticsAsync(id, ct));

    public static async Task<Ok<CrossTab>> GetSurveyCrossTab(SurveyQueries q, int id, int? rowQuestionId, int? columnQuestionId, CancellationToken ct) =>
        TypedResults.Ok(await q.CrossTabAsync(id, rowQuestionId, columnQuestionId, ct));

    public static async Task<FileContentHttpResult> ExportSurveyAnswers(SurveyExport e, int id, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await e.RawAsync(id, ct), $"survey-{id.ToString(CultureInfo.InvariantCulture)}-answers", clock);

    public static async Task<FileContentHttpResult> ExportSurveyStatistics(SurveyExport e, int id, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await e.StatisticsAsync(id, ct), $"survey-{id.ToString(CultureInfo.InvariantCulture)}-statistics", clock);

    /// <summary>Creates and opens a 满意度测评 for a target; an open-link one's link is in this answer only.</summary>
    public static async Task<Ok<CreatedSatisfaction>> CreateSatisfaction(SurveyCommands c, SurveyQueries q, IOptions<PublicFormOptions> options, HttpContext http, SatisfactionRequest request, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        var (id, token) = await c.CreateSatisfactionAsync(request, ct);
        return TypedResults.Ok(new CreatedSatisfaction(await q.GetAsync(id, ct), token is null ? null : OpenLink(options.Value, http.Request, token)));
    }

    public static async Task<Results<Ok<SatisfactionSummary>, NoContent>> GetSatisfaction(SurveyQueries q, SurveyTargetKind targetKind, int targetId, CancellationToken ct) =>
        await q.SatisfactionAsync(targetKind, targetId, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NoContent();

    /// <summary>The answering address of a code survey, as printed on its slips: {base}/public/surveys/{id}.</summary>
    public static string AnswerAddress(PublicFormOptions options, HttpRequest request, int id) =>
        PublicForm.Address(options, request, PublicForm.Path("/public/surveys", id));

    /// <summary>The address of an open-link survey: {base}/public/surveys/open/{token}.</summary>
    public static string OpenLink(PublicFormOptions options, HttpRequest request, string token) =>
        PublicForm.Address(options, request, OpenPath(token));

    /// <summary>The same, from a page (its own base address is NavigationManager.BaseUri).</summary>
    public static string OpenLink(PublicFormOptions options, string baseUri, string token) => PublicForm.Address(options, baseUri, OpenPath(token));

    private static string OpenPath(string token) => $"/public/surveys/open/{token}";
}
