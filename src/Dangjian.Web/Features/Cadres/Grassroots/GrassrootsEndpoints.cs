using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Cadres.Grassroots;

/// <summary>
/// /api/v1/cadres/grassroots: grassroots time (CAD-6) — stays, nights, spot checks, contact points, the shortfalls on a
/// day (<c>asOf</c>) and a township's petition rota (<c>/rota</c>, by <c>year</c> and <c>month</c>).
/// </summary>
public static class GrassrootsEndpoints
{
    public const string Route = "/api/v1/cadres/grassroots";

    public static IServiceCollection AddGrassroots(this IServiceCollection services) =>
        services.AddScoped<GrassrootsLeaders>().AddScoped<GrassrootsQueries>().AddScoped<GrassrootsCommands>().AddScoped<GrassrootsExport>();

    public static void MapGrassrootsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Cadres");
        g.MapGet("", GrassrootsYear).WithName(nameof(GrassrootsYear)).RequirePermission(Permission.CadresRead);
        g.MapGet("/shortfalls", GrassrootsShortfalls).WithName(nameof(GrassrootsShortfalls)).RequirePermission(Permission.CadresRead);
        g.MapGet("/shortfalls/export", ExportGrassrootsShortfalls).WithName(nameof(ExportGrassrootsShortfalls)).RequirePermission(Permission.CadresRead);
        g.MapGet("/units", GrassrootsUnits).WithName(nameof(GrassrootsUnits)).RequirePermission(Permission.CadresRead);
        g.MapPost("/stays", RecordGrassrootsStay).WithName(nameof(RecordGrassrootsStay)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/nights", RecordNightStay).WithName(nameof(RecordNightStay)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/spot-checks", RecordNightSpotCheck).WithName(nameof(RecordNightSpotCheck)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/contact-points", AssignContactPoint).WithName(nameof(AssignContactPoint)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/contact-points/{id:int}/end", EndContactPoint).WithName(nameof(EndContactPoint)).RequirePermission(Permission.CadresWrite);
        g.MapGet("/rota", PetitionRotaMonth).WithName(nameof(PetitionRotaMonth)).RequirePermission(Permission.CadresRead);
        g.MapPost("/rota", SchedulePetitionRota).WithName(nameof(SchedulePetitionRota)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/rota/{id:int}/reassign", ReassignPetitionRota).WithName(nameof(ReassignPetitionRota)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/rota/{id:int}/cases", AddPetitionCase).WithName(nameof(AddPetitionCase)).RequirePermission(Permission.CadresWrite);
    }

    /// <summary>Each leader's year in the subtree, and the year's records.</summary>
    public static async Task<Ok<GrassrootsYearView>> GrassrootsYear(GrassrootsQueries q, int? organizationId, int? year, CancellationToken ct) =>
        TypedResults.Ok(await q.YearAsync(organizationId, year, ct));

    public static async Task<Ok<ShortfallView>> GrassrootsShortfalls(GrassrootsQueries q, int? organizationId, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await q.ShortfallAsync(organizationId, asOf, ct));

    public static async Task<FileContentHttpResult> ExportGrassrootsShortfalls(GrassrootsExport export, OrgClock clock, int? organizationId, DateOnly? asOf, CancellationToken ct) =>
        ExcelFile.Result(await export.ShortfallsAsync(organizationId, asOf, ct), "grassroots-shortfalls", clock);

    /// <summary>Enterprises and villages a contact point may be.</summary>
    public static async Task<Ok<IReadOnlyList<UnitOption>>> GrassrootsUnits(GrassrootsQueries q, int? organizationId, string? search, CancellationToken ct) =>
        TypedResults.Ok(await q.UnitsAsync(organizationId, search, ct));

    public static async Task<Ok<int>> RecordGrassrootsStay(GrassrootsCommands c, RecordStayRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordStayAsync(request, ct));

    public static async Task<Ok<int>> RecordNightStay(GrassrootsCommands c, RecordNightRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordNightAsync(request, ct));

    public static async Task<Ok<int>> RecordNightSpotCheck(GrassrootsCommands c, RecordSpotCheckRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordSpotCheckAsync(request, ct));

    public static async Task<Ok<int>> AssignContactPoint(GrassrootsCommands c, AssignContactRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AssignContactAsync(request, ct));

    public static async Task<NoContent> EndContactPoint(GrassrootsCommands c, int id, EndContactRequest request, CancellationToken ct)
    {
        await c.EndContactAsync(id, request, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<RotaMonthView>> PetitionRotaMonth(GrassrootsQueries q, int? organizationId, int? year, int? month, CancellationToken ct) =>
        TypedResults.Ok(await q.RotaAsync(organizationId, year, month, ct));

    public static async Task<Ok<RotaDayView>> SchedulePetitionRota(GrassrootsCommands c, ScheduleRotaRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ScheduleAsync(request, ct));

    public static async Task<Ok<RotaDayView>> ReassignPetitionRota(GrassrootsCommands c, int id, ReassignRotaRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ReassignAsync(id, request, ct));

    public static async Task<Ok<RotaDayView>> AddPetitionCase(GrassrootsCommands c, int id, AddCaseRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AddCaseAsync(id, request, ct));
}
