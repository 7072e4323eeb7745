using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Awards;

/// <summary>
/// /api/v1/awards: 评先评优 (EVA-11). Evaluations.Read sees selections and award records; Evaluations.Run opens a selection,
/// nominates, runs the eligibility check, decides, publicizes, enters and answers objections and awards. The public
/// publicity page with its objection form is /public/awards/{id}.
/// </summary>
public static class AwardEndpoints
{
    public const string Route = "/api/v1/awards";

    public static IServiceCollection AddAwards(this IServiceCollection services) =>
        services.AddScoped<AwardQueries>().AddScoped<AwardCommands>().AddScoped<AwardExport>();

    public static void MapAwardEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Awards");
        g.MapGet("", ListAwardSelections).WithName(nameof(ListAwardSelections)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/export", ExportAwardSelections).WithName(nameof(ExportAwardSelections)).RequirePermission(Permission.EvaluationsRead);
        g.MapPost("", OpenAwardSelection).WithName(nameof(OpenAwardSelection)).RequirePermission(Permission.EvaluationsRun);
        g.MapGet("/{id:int}", GetAwardSelection).WithName(nameof(GetAwardSelection)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/{id:int}/export", ExportAwardSelection).WithName(nameof(ExportAwardSelection)).RequirePermission(Permission.EvaluationsRead);
        g.MapPost("/{id:int}/nominations", NominateForAward).WithName(nameof(NominateForAward)).RequirePermission(Permission.EvaluationsRun);
        g.MapPost("/{id:int}/check", CheckAwardEligibility).WithName(nameof(CheckAwardEligibility)).RequirePermission(Permission.EvaluationsRun);
        g.MapPost("/{id:int}/decide", DecideAwards).WithName(nameof(DecideAwards)).RequirePermission(Permission.EvaluationsRun);
        g.MapPost("/{id:int}/publicize", PublicizeAwards).WithName(nameof(PublicizeAwards)).RequirePermission(Permission.EvaluationsRun);
        g.MapPost("/{id:int}/objections", ObjectToAward).WithName(nameof(ObjectToAward)).RequirePermission(Permission.EvaluationsRun);
        g.MapPost("/{id:int}/objections/{objectionId:int}/answer", AnswerAwardObjection).WithName(nameof(AnswerAwardObjection)).RequirePermission(Permission.EvaluationsRun);
        g.MapPost("/{id:int}/award", MakeAwards).WithName(nameof(MakeAwards)).RequirePermission(Permission.EvaluationsRun);
        g.MapGet("/person/{personId:int}", PersonAwards).WithName(nameof(PersonAwards)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/organization/{organizationId:int}", OrganizationAwards).WithName(nameof(OrganizationAwards)).RequirePermission(Permission.EvaluationsRead);
    }

    public static async Task<FileContentHttpResult> ExportAwardSelections(AwardExport export, OrgClock clock, int? organizationId, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.SelectionsAsync(organizationId, search, ct), "award-selections", clock);

    public static async Task<Ok<Paged<AwardSelectionRow>>> ListAwardSelections(
        AwardQueries q, int? organizationId, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, search, page, pageSize, ct));

    public static async Task<Ok<AwardSelectionView>> OpenAwardSelection(AwardCommands c, OpenSelectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.OpenAsync(request, ct));

    public static async Task<Ok<AwardSelectionView>> GetAwardSelection(AwardQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(id, ct));

    public static async Task<FileContentHttpResult> ExportAwardSelection(AwardExport export, OrgClock clock, int id, CancellationToken ct) =>
        ExcelFile.Result(await export.SelectionAsync(id, ct), "awards", clock);

    public static async Task<Ok<AwardSelectionView>> NominateForAward(AwardCommands c, int id, NominateRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.NominateAsync(id, request, ct));

    /// <summary>资格审查: each nomination Eligible or Refused with its reasons in words.</summary>
    public static async Task<Ok<AwardSelectionView>> CheckAwardEligibility(AwardCommands c, int id, SelectionStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CheckAsync(id, request, ct));

    public static async Task<Ok<AwardSelectionView>> DecideAwards(AwardCommands c, int id, DecideRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.DecideAsync(id, request, ct));

    public static async Task<Ok<AwardSelectionView>> PublicizeAwards(AwardCommands c, int id, PublicizeAwardRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.PublicizeAsync(id, request, ct));

    public static async Task<Ok<AwardSelectionView>> ObjectToAward(AwardCommands c, int id, AwardObjectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ObjectAsync(id, request, ct));

    public static async Task<Ok<AwardSelectionView>> AnswerAwardObjection(AwardCommands c, int id, int objectionId, AnswerAwardObjectionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AnswerAsync(id, objectionId, request, ct));

    public static async Task<Ok<AwardSelectionView>> MakeAwards(AwardCommands c, int id, SelectionStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AwardAsync(id, request, ct));

    public static async Task<Ok<IReadOnlyList<AwardRecordView>>> PersonAwards(AwardQueries q, int personId, CancellationToken ct) =>
        TypedResults.Ok(await q.OfPersonAsync(personId, ct));

    public static async Task<Ok<IReadOnlyList<AwardRecordView>>> OrganizationAwards(AwardQueries q, int organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.OfOrganizationAsync(organizationId, ct));
}
