using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Cadres.Supervisors;

/// <summary>
/// /api/v1/cadres/supervisors: 干部工作监督员 (CAD-7), the units they follow and their periodic reports. <c>overdue=true</c>
/// keeps those owing a report on <c>on</c> (today when not given): a period's report is due its grace days after the period ends.
/// </summary>
public static class SupervisorEndpoints
{
    public const string Route = "/api/v1/cadres/supervisors";

    public static IServiceCollection AddWorkSupervisors(this IServiceCollection services) =>
        services.AddScoped<SupervisorQueries>().AddScoped<SupervisorCommands>().AddScoped<SupervisorExport>();

    public static void MapWorkSupervisorEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Cadres");
        g.MapGet("", ListWorkSupervisors).WithName(nameof(ListWorkSupervisors)).RequirePermission(Permission.CadresRead);
        g.MapPost("", AppointWorkSupervisor).WithName(nameof(AppointWorkSupervisor)).RequirePermission(Permission.CadresWrite);
        g.MapGet("/export", ExportWorkSupervisors).WithName(nameof(ExportWorkSupervisors)).RequirePermission(Permission.CadresRead);
        g.MapGet("/{id:int}", GetWorkSupervisor).WithName(nameof(GetWorkSupervisor)).RequirePermission(Permission.CadresRead);
        g.MapPost("/{id:int}/units", AttachSupervisorUnit).WithName(nameof(AttachSupervisorUnit)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/units/{unitId:int}/detach", DetachSupervisorUnit).WithName(nameof(DetachSupervisorUnit)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/reports", FileSupervisorReport).WithName(nameof(FileSupervisorReport)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/end", EndWorkSupervisor).WithName(nameof(EndWorkSupervisor)).RequirePermission(Permission.CadresWrite);
    }

    public static async Task<Ok<SupervisorListView>> ListWorkSupervisors(
        SupervisorQueries q, int? organizationId, bool? overdue, DateOnly? on, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, overdue ?? false, on, search, page, pageSize, ct));

    public static async Task<Ok<SupervisorDetail>> AppointWorkSupervisor(SupervisorCommands c, SupervisorQueries q, AppointSupervisorRequest request, CancellationToken ct) =>
        TypedResults.Ok(await q.OneAsync(await c.AppointAsync(request, ct), ct));

    public static async Task<FileContentHttpResult> ExportWorkSupervisors(
        SupervisorExport export, OrgClock clock, int? organizationId, bool? overdue, DateOnly? on, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, overdue ?? false, on, search, ct), "supervisors", clock);

    public static async Task<Ok<SupervisorDetail>> GetWorkSupervisor(SupervisorQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.OneAsync(id, ct));

    public static async Task<Ok<SupervisorDetail>> AttachSupervisorUnit(SupervisorCommands c, SupervisorQueries q, int id, SupervisorUnitRequest request, CancellationToken ct)
    {
        await c.AttachUnitAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<SupervisorDetail>> DetachSupervisorUnit(SupervisorCommands c, SupervisorQueries q, int id, int unitId, SupervisorVersionRequest request, CancellationToken ct)
    {
        await c.DetachUnitAsync(id, unitId, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<SupervisorDetail>> FileSupervisorReport(SupervisorCommands c, SupervisorQueries q, int id, SupervisorReportRequest request, CancellationToken ct)
    {
        await c.AddReportAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<SupervisorDetail>> EndWorkSupervisor(SupervisorCommands c, SupervisorQueries q, int id, EndSupervisorRequest request, CancellationToken ct)
    {
        await c.EndAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }
}
