using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Cadres.Exits;

/// <summary>/api/v1/cadres/exits: 引咎辞职 / 责令辞职 / 免职 cases (CAD-7) with grounds and decision.</summary>
public static class ExitEndpoints
{
    public const string Route = "/api/v1/cadres/exits";

    public static IServiceCollection AddExitCases(this IServiceCollection services) =>
        services.AddScoped<ExitQueries>().AddScoped<ExitCommands>().AddScoped<ExitExport>();

    public static void MapExitCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Cadres");
        g.MapGet("", ListExitCases).WithName(nameof(ListExitCases)).RequirePermission(Permission.CadresRead);
        g.MapPost("", OpenExitCase).WithName(nameof(OpenExitCase)).RequirePermission(Permission.CadresWrite);
        g.MapGet("/export", ExportExitCases).WithName(nameof(ExportExitCases)).RequirePermission(Permission.CadresRead);
        g.MapGet("/{id:int}", GetExitCase).WithName(nameof(GetExitCase)).RequirePermission(Permission.CadresRead);
        g.MapPost("/{id:int}/decide", DecideExitCase).WithName(nameof(DecideExitCase)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/withdraw", WithdrawExitCase).WithName(nameof(WithdrawExitCase)).RequirePermission(Permission.CadresWrite);
    }

    public static async Task<Ok<ExitListView>> ListExitCases(
        ExitQueries q, int? organizationId, ExitStatus? status, ExitKind? kind, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, status, kind, search, page, pageSize, ct));

    public static async Task<Ok<ExitDetail>> OpenExitCase(ExitCommands c, ExitQueries q, OpenExitRequest request, CancellationToken ct) =>
        TypedResults.Ok(await q.OneAsync(await c.OpenAsync(request, ct), ct));

    public static async Task<FileContentHttpResult> ExportExitCases(
        ExitExport export, OrgClock clock, int? organizationId, ExitStatus? status, ExitKind? kind, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, status, kind, search, ct), "exits", clock);

    public static async Task<Ok<ExitDetail>> GetExitCase(ExitQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.OneAsync(id, ct));

    public static async Task<Ok<ExitDetail>> DecideExitCase(ExitCommands c, ExitQueries q, int id, DecideExitRequest request, CancellationToken ct)
    {
        await c.DecideAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<ExitDetail>> WithdrawExitCase(ExitCommands c, ExitQueries q, int id, WithdrawExitRequest request, CancellationToken ct)
    {
        await c.WithdrawAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }
}
