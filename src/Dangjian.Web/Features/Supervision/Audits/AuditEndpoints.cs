using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Supervision.Audits;

/// <summary>/api/v1/supervision/audits: 经济责任审计 (SUP-3): planned, started, findings, report, rectification.</summary>
public static class AuditEndpoints
{
    public const string Route = "/api/v1/supervision/audits";

    public static IServiceCollection AddEconomicAudits(this IServiceCollection services) =>
        services.AddScoped<AuditQueries>().AddScoped<AuditCommands>().AddScoped<AuditExport>();

    public static void MapEconomicAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Supervision");
        g.MapGet("", ListAudits).WithName(nameof(ListAudits)).RequirePermission(Permission.SupervisionRead);
        g.MapPost("", PlanAudit).WithName(nameof(PlanAudit)).RequirePermission(Permission.SupervisionNotify);
        g.MapGet("/departures", ListDeparturesWithoutAudit).WithName(nameof(ListDeparturesWithoutAudit)).RequirePermission(Permission.SupervisionRead);
        g.MapGet("/export", ExportAudits).WithName(nameof(ExportAudits)).RequirePermission(Permission.SupervisionRead);
        g.MapGet("/{id:int}", GetAudit).WithName(nameof(GetAudit)).RequirePermission(Permission.SupervisionRead);
        g.MapPost("/{id:int}/start", StartAudit).WithName(nameof(StartAudit)).RequirePermission(Permission.SupervisionNotify);
        g.MapPost("/{id:int}/findings", AddAuditFinding).WithName(nameof(AddAuditFinding)).RequirePermission(Permission.SupervisionNotify);
        g.MapPost("/{id:int}/complete", CompleteAudit).WithName(nameof(CompleteAudit)).RequirePermission(Permission.SupervisionNotify);
        g.MapPost("/{id:int}/findings/{findingId:int}/rectify", RectifyAuditFinding).WithName(nameof(RectifyAuditFinding)).RequirePermission(Permission.SupervisionNotify);
    }

    public static async Task<Ok<AuditListView>> ListAudits(
        AuditQueries q, int? organizationId, EconomicAuditStatus? status, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, status, search, page, pageSize, ct));

    public static async Task<Ok<DeparturesView>> ListDeparturesWithoutAudit(
        AuditQueries q, int? organizationId, DateOnly? since, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await q.DeparturesAsync(organizationId, since, asOf, ct));

    public static async Task<Ok<AuditDetail>> PlanAudit(AuditCommands c, AuditQueries q, PlanAuditRequest request, CancellationToken ct) =>
        TypedResults.Ok(await q.OneAsync(await c.PlanAsync(request, ct), ct));

    public static async Task<FileContentHttpResult> ExportAudits(
        AuditExport export, OrgClock clock, int? organizationId, EconomicAuditStatus? status, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, status, search, ct), "audits", clock);

    public static async Task<Ok<AuditDetail>> GetAudit(AuditQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.OneAsync(id, ct));

    public static async Task<Ok<AuditDetail>> StartAudit(AuditCommands c, AuditQueries q, int id, AuditDayRequest request, CancellationToken ct)
    {
        await c.StartAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<AuditDetail>> AddAuditFinding(AuditCommands c, AuditQueries q, int id, AddFindingRequest request, CancellationToken ct)
    {
        await c.AddFindingAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<AuditDetail>> CompleteAudit(AuditCommands c, AuditQueries q, int id, CompleteAuditRequest request, CancellationToken ct)
    {
        await c.CompleteAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<AuditDetail>> RectifyAuditFinding(AuditCommands c, AuditQueries q, int id, int findingId, RectifyFindingRequest request, CancellationToken ct)
    {
        await c.RectifyAsync(id, findingId, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }
}
