using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Cadres.Accountability;

/// <summary>/api/v1/cadres/accountability: 用人失察失误责任追究 (CAD-7), each case linked to the selection case (<c>selectionCaseId</c>) it examines.</summary>
public static class AccountabilityEndpoints
{
    public const string Route = "/api/v1/cadres/accountability";

    public static IServiceCollection AddAccountabilityCases(this IServiceCollection services) =>
        services.AddScoped<AccountabilityQueries>().AddScoped<AccountabilityCommands>().AddScoped<AccountabilityExport>();

    public static void MapAccountabilityEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Cadres");
        g.MapGet("", ListAccountabilityCases).WithName(nameof(ListAccountabilityCases)).RequirePermission(Permission.CadresRead);
        g.MapPost("", OpenAccountabilityCase).WithName(nameof(OpenAccountabilityCase)).RequirePermission(Permission.CadresWrite);
        g.MapGet("/export", ExportAccountabilityCases).WithName(nameof(ExportAccountabilityCases)).RequirePermission(Permission.CadresRead);
        g.MapGet("/{id:int}", GetAccountabilityCase).WithName(nameof(GetAccountabilityCase)).RequirePermission(Permission.CadresRead);
        g.MapPost("/{id:int}/conclude", ConcludeAccountabilityCase).WithName(nameof(ConcludeAccountabilityCase)).RequirePermission(Permission.CadresWrite);
    }

    public static async Task<Ok<AccountabilityListView>> ListAccountabilityCases(
        AccountabilityQueries q, int? organizationId, AccountabilityStatus? status, int? selectionCaseId, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, status, selectionCaseId, page, pageSize, ct));

    public static async Task<Ok<AccountabilityDetail>> OpenAccountabilityCase(AccountabilityCommands c, AccountabilityQueries q, OpenAccountabilityRequest request, CancellationToken ct) =>
        TypedResults.Ok(await q.OneAsync(await c.OpenAsync(request, ct), ct));

    public static async Task<FileContentHttpResult> ExportAccountabilityCases(
        AccountabilityExport export, OrgClock clock, int? organizationId, AccountabilityStatus? status, int? selectionCaseId, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, status, selectionCaseId, ct), "accountability", clock);

    public static async Task<Ok<AccountabilityDetail>> GetAccountabilityCase(AccountabilityQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.OneAsync(id, ct));

    public static async Task<Ok<AccountabilityDetail>> ConcludeAccountabilityCase(AccountabilityCommands c, AccountabilityQueries q, int id, ConcludeAccountabilityRequest request, CancellationToken ct)
    {
        await c.ConcludeAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }
}
