using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Cadres.Talent;

/// <summary>
/// /api/v1/cadres/talent: the party-affairs talent pool (CAD-2). The list takes <c>skills</c> (every one named, separated
/// by commas or 、), <c>category</c>, <c>availability</c>, <c>status</c> (In by default, Out, All) on <c>asOf</c>, <c>search</c>.
/// </summary>
public static class TalentEndpoints
{
    public const string Route = "/api/v1/cadres/talent";

    public static IServiceCollection AddTalentPool(this IServiceCollection services) =>
        services.AddScoped<TalentQueries>().AddScoped<TalentCommands>().AddScoped<TalentExport>();

    public static void MapTalentPoolEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Cadres");
        g.MapGet("", ListTalents).WithName(nameof(ListTalents)).RequirePermission(Permission.CadresRead);
        g.MapPost("", EnterTalent).WithName(nameof(EnterTalent)).RequirePermission(Permission.CadresWrite);
        g.MapGet("/export", ExportTalents).WithName(nameof(ExportTalents)).RequirePermission(Permission.CadresRead);
        g.MapGet("/{id:int}", GetTalent).WithName(nameof(GetTalent)).RequirePermission(Permission.CadresRead);
        g.MapPut("/{id:int}", UpdateTalent).WithName(nameof(UpdateTalent)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/leave", LeaveTalentPool).WithName(nameof(LeaveTalentPool)).RequirePermission(Permission.CadresWrite);
    }

    public static async Task<Ok<TalentListView>> ListTalents(
        TalentQueries q, int? organizationId, string? skills, TalentCategory? category, TalentAvailability? availability, PoolStatusFilter? status, DateOnly? asOf,
        string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(new(organizationId, skills, category, availability, status, asOf, search, page, pageSize), ct));

    public static async Task<Ok<TalentRow>> EnterTalent(TalentCommands c, EnterTalentRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.EnterAsync(request, ct));

    public static async Task<FileContentHttpResult> ExportTalents(
        TalentExport export, OrgClock clock, int? organizationId, string? skills, TalentCategory? category, TalentAvailability? availability, PoolStatusFilter? status,
        DateOnly? asOf, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(new(organizationId, skills, category, availability, status, asOf, search), ct), "talent-pool", clock);

    public static async Task<Ok<TalentRow>> GetTalent(TalentQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.OneAsync(id, ct));

    public static async Task<Ok<TalentRow>> UpdateTalent(TalentCommands c, int id, UpdateTalentRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.UpdateAsync(id, request, ct));

    public static async Task<Ok<TalentRow>> LeaveTalentPool(TalentCommands c, int id, LeavePoolRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.LeaveAsync(id, request, ct));
}
