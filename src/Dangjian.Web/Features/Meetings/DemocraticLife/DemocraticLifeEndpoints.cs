using System.Globalization;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>/api/v1/meetings/democratic-life: democratic life meetings (DLM-1 … DLM-4); the public opinion form is /public/dlm/{token}.</summary>
public static class DemocraticLifeEndpoints
{
    public const string Route = "/api/v1/meetings/democratic-life";

    /// <summary>The anonymous opinion form's path.</summary>
    public const string PublicPath = "/public/dlm";

    /// <summary>The rate limit policy of the anonymous opinion form, per client address.</summary>
    public const string OpinionPolicy = "dlm-opinion";

    public static IServiceCollection AddDemocraticLifeMeetings(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, OpinionRateLimitPolicy>(OpinionPolicy));
        return services.AddScoped<DemocraticLifeQueries>().AddScoped<DemocraticLifeCommands>().AddScoped<PublicOpinions>().AddScoped<DemocraticLifeExport>()
            .AddScoped<RectificationOwners>();
    }

    public static void MapDemocraticLifeEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Meetings");
        g.MapGet("/", ListDemocraticLifeMeetings).WithName(nameof(ListDemocraticLifeMeetings)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/export", ExportDemocraticLifeMeetings).WithName(nameof(ExportDemocraticLifeMeetings)).RequirePermission(Permission.MeetingsRead);
        g.MapPost("/", CreateDemocraticLifeMeeting).WithName(nameof(CreateDemocraticLifeMeeting)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapGet("/quality", GetDemocraticLifeQuality).WithName(nameof(GetDemocraticLifeQuality)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/{id:int}", GetDemocraticLifeMeeting).WithName(nameof(GetDemocraticLifeMeeting)).RequirePermission(Permission.MeetingsRead);
        g.MapPut("/{id:int}", UpdateDemocraticLifeMeeting).WithName(nameof(UpdateDemocraticLifeMeeting)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPut("/{id:int}/checklist/{item}", ConfirmDemocraticLifeChecklist).WithName(nameof(ConfirmDemocraticLifeChecklist)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPost("/{id:int}/postpone", PostponeDemocraticLifeMeeting).WithName(nameof(PostponeDemocraticLifeMeeting)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPost("/{id:int}/held", MarkDemocraticLifeMeetingHeld).WithName(nameof(MarkDemocraticLifeMeetingHeld)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPut("/{id:int}/superior-leader", SetDemocraticLifeSuperiorLeader).WithName(nameof(SetDemocraticLifeSuperiorLeader)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapGet("/{id:int}/opinions", ListDemocraticLifeOpinions).WithName(nameof(ListDemocraticLifeOpinions)).RequirePermission(Permission.MeetingsRead);
        g.MapPost("/{id:int}/opinions", AddDemocraticLifeOpinion).WithName(nameof(AddDemocraticLifeOpinion)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPost("/{id:int}/opinion-link", IssueDemocraticLifeOpinionLink).WithName(nameof(IssueDemocraticLifeOpinionLink)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPost("/{id:int}/problems", AddDemocraticLifeProblem).WithName(nameof(AddDemocraticLifeProblem)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPut("/{id:int}/problems/{problemId:int}", UpdateDemocraticLifeProblem).WithName(nameof(UpdateDemocraticLifeProblem)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPost("/{id:int}/problems/{problemId:int}/rectifications", AddDemocraticLifeRectification).WithName(nameof(AddDemocraticLifeRectification)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPut("/{id:int}/rectifications/{rectificationId:int}", UpdateDemocraticLifeRectification).WithName(nameof(UpdateDemocraticLifeRectification)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPost("/{id:int}/rectifications/{rectificationId:int}/complete", CompleteDemocraticLifeRectification).WithName(nameof(CompleteDemocraticLifeRectification)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPost("/{id:int}/rectifications/complete", CompleteDemocraticLifeRectifications).WithName(nameof(CompleteDemocraticLifeRectifications)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapPost("/{id:int}/rectifications/{rectificationId:int}/reopen", ReopenDemocraticLifeRectification).WithName(nameof(ReopenDemocraticLifeRectification)).RequirePermission(Permission.DemocraticLifeRun);
        g.MapGet("/{id:int}/rectifications/export", ExportDemocraticLifeRectifications).WithName(nameof(ExportDemocraticLifeRectifications)).RequirePermission(Permission.MeetingsRead);
    }

    public static async Task<Ok<Paged<DemocraticLifeRow>>> ListDemocraticLifeMeetings(
        DemocraticLifeQueries q, int? organizationId, int? year, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, year, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportDemocraticLifeMeetings(
        DemocraticLifeExport export, OrgClock clock, int? organizationId, int? year, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, year, ct), "democratic-life", clock);

    public static async Task<Created<CreatedDemocraticLife>> CreateDemocraticLifeMeeting(
        DemocraticLifeCommands c, DemocraticLifeQueries q, IOptions<PublicFormOptions> options, HttpContext http, CreateDemocraticLifeRequest request, CancellationToken ct)
    {
        var (id, token) = await c.CreateAsync(request, ct);
        PublicForm.NoStore(http);
        return TypedResults.Created($"{Route}/{id}", new CreatedDemocraticLife(await q.GetAsync(id, ct), OpinionUrl(options.Value, http.Request, token)));
    }

    public static async Task<Ok<OrganizationQuality>> GetDemocraticLifeQuality(DemocraticLifeQueries q, int organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.QualityHistoryAsync(organizationId, ct));

    public static async Task<Ok<DemocraticLifeView>> GetDemocraticLifeMeeting(DemocraticLifeQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(id, ct));

    public static async Task<Ok<DemocraticLifeView>> UpdateDemocraticLifeMeeting(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, UpdateDemocraticLifeRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<DemocraticLifeView>> ConfirmDemocraticLifeChecklist(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, PreparationItem item, ChecklistRequest request, CancellationToken ct)
    {
        await c.ConfirmAsync(id, item, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<DemocraticLifeView>> PostponeDemocraticLifeMeeting(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, PostponeRequest request, CancellationToken ct)
    {
        await c.PostponeAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<DemocraticLifeView>> MarkDemocraticLifeMeetingHeld(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, HeldRequest request, CancellationToken ct)
    {
        await c.MarkHeldAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<DemocraticLifeView>> SetDemocraticLifeSuperiorLeader(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, SuperiorLeaderRequest request, CancellationToken ct)
    {
        await c.SetSuperiorLeaderAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<OpinionView>>> ListDemocraticLifeOpinions(DemocraticLifeQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.OpinionsAsync(id, ct));

    public static async Task<Created<IReadOnlyList<OpinionView>>> AddDemocraticLifeOpinion(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, OpinionRequest request, CancellationToken ct)
    {
        await c.AddOpinionAsync(id, request, ct);
        return TypedResults.Created($"{Route}/{id}/opinions", await q.OpinionsAsync(id, ct));
    }

    /// <summary>A new anonymous opinion link; the answer is the only time it is shown, and the old link stops working.</summary>
    public static async Task<Ok<OpinionLinkView>> IssueDemocraticLifeOpinionLink(
        DemocraticLifeCommands c, IOptions<PublicFormOptions> options, HttpContext http, int id, CancellationToken ct)
    {
        var token = await c.NewOpinionLinkAsync(id, ct);
        PublicForm.NoStore(http);
        return TypedResults.Ok(new OpinionLinkView(OpinionUrl(options.Value, http.Request, token)));
    }

    public static async Task<Created<DemocraticLifeView>> AddDemocraticLifeProblem(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, ProblemRequest request, CancellationToken ct)
    {
        await c.AddProblemAsync(id, request, ct);
        return TypedResults.Created($"{Route}/{id}", await q.GetAsync(id, ct));
    }

    public static async Task<Ok<DemocraticLifeView>> UpdateDemocraticLifeProblem(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, int problemId, ProblemRequest request, CancellationToken ct)
    {
        await c.UpdateProblemAsync(id, problemId, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Created<DemocraticLifeView>> AddDemocraticLifeRectification(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, int problemId, RectificationRequest request, CancellationToken ct)
    {
        await c.AddRectificationAsync(id, problemId, request, ct);
        return TypedResults.Created($"{Route}/{id}", await q.GetAsync(id, ct));
    }

    public static async Task<Ok<DemocraticLifeView>> UpdateDemocraticLifeRectification(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, int rectificationId, RectificationRequest request, CancellationToken ct)
    {
        await c.UpdateRectificationAsync(id, rectificationId, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<DemocraticLifeView>> CompleteDemocraticLifeRectification(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, int rectificationId, CompleteRectificationRequest request, CancellationToken ct)
    {
        await c.CompleteRectificationAsync(id, rectificationId, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    /// <summary>整改完成 of the ticked measures in one save, all or nothing.</summary>
    public static async Task<Ok<DemocraticLifeView>> CompleteDemocraticLifeRectifications(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, CompleteRectificationsRequest request, CancellationToken ct)
    {
        await c.CompleteRectificationsAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<DemocraticLifeView>> ReopenDemocraticLifeRectification(
        DemocraticLifeCommands c, DemocraticLifeQueries q, int id, int rectificationId, DemocraticLifeVersionRequest request, CancellationToken ct)
    {
        await c.ReopenRectificationAsync(id, rectificationId, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<FileContentHttpResult> ExportDemocraticLifeRectifications(DemocraticLifeExport export, int id, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(id, ct), $"rectifications-{id.ToString(CultureInfo.InvariantCulture)}", clock);

    /// <summary>The anonymous form's address for a token: {base}/public/dlm/{token}.</summary>
    public static string OpinionUrl(PublicFormOptions options, HttpRequest request, string token) =>
        PublicForm.Address(options, request, $"{PublicPath}/{token}");

    /// <summary>The same from a page (its own base address is NavigationManager.BaseUri).</summary>
    public static string OpinionUrl(PublicFormOptions options, string baseUri, string token) => PublicForm.Address(options, baseUri, $"{PublicPath}/{token}");
}

/// <summary>
/// Anonymous opinions per client address per minute ("Dangjian:OpinionSubmissionsPerMinute"); reading the form is not
/// limited. A refusal is a 429 page in the sender's language.
/// </summary>
public sealed class OpinionRateLimitPolicy(IOptions<DangjianOptions> options) : PostRateLimitPolicy
{
    protected override string Prefix => "dlm-opinion";

    protected override int PermitsPerMinute => options.Value.OpinionSubmissionsPerMinute;

    protected override string RefusalText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<DemocraticLifeText>>()["Public.TooMany"];
}
