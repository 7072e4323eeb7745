using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Organizations;

/// <summary>/api/v1/organizations (ORG-1). Scope and rules live in the services; these only translate HTTP.</summary>
public static class OrganizationEndpoints
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services) =>
        services.AddScoped<OrganizationQueries>().AddScoped<OrganizationCommands>().AddScoped<OrganizationMerger>().AddScoped<OrganizationExport>();

    public static void MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").WithTags("Organizations");
        group.MapGet("/", ListOrganizations).WithName(nameof(ListOrganizations)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/tree", GetOrganizationTree).WithName(nameof(GetOrganizationTree)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/export", ExportOrganizations).WithName(nameof(ExportOrganizations)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/{id:int}", GetOrganization).WithName(nameof(GetOrganization)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/{id:int}/history", GetOrganizationHistory).WithName(nameof(GetOrganizationHistory)).RequirePermission(Permission.OrganizationsRead);
        group.MapPost("/", CreateOrganization).WithName(nameof(CreateOrganization)).RequirePermission(Permission.OrganizationsRestructure);
        group.MapPut("/{id:int}", UpdateOrganization).WithName(nameof(UpdateOrganization)).RequirePermission(Permission.OrganizationsRestructure);
        group.MapPost("/{id:int}/move", MoveOrganization).WithName(nameof(MoveOrganization)).RequirePermission(Permission.OrganizationsRestructure);
        group.MapPost("/{id:int}/dissolve", DissolveOrganization).WithName(nameof(DissolveOrganization)).RequirePermission(Permission.OrganizationsRestructure);
        group.MapGet("/{id:int}/merge-preview", PreviewOrganizationMerge).WithName(nameof(PreviewOrganizationMerge)).RequirePermission(Permission.OrganizationsRestructure);
        group.MapPost("/{id:int}/merge", MergeOrganization).WithName(nameof(MergeOrganization)).RequirePermission(Permission.OrganizationsRestructure);
    }

    public static async Task<Ok<Paged<OrganizationNode>>> ListOrganizations(
        OrganizationQueries queries, string? search, int? parentId, bool? includeDissolved, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(search, parentId, includeDissolved ?? false, page, pageSize, ct));

    public static async Task<Ok<IReadOnlyList<OrganizationNode>>> GetOrganizationTree(OrganizationQueries queries, bool? includeDissolved, CancellationToken ct) =>
        TypedResults.Ok(await queries.TreeAsync(includeDissolved ?? false, ct));

    public static async Task<FileContentHttpResult> ExportOrganizations(OrganizationExport export, bool? includeDissolved, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(includeDissolved ?? false, ct), "organizations", clock);

    public static async Task<Ok<OrganizationDetail>> GetOrganization(OrganizationQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(id, ct));

    public static async Task<Ok<IReadOnlyList<HistoryEntry>>> GetOrganizationHistory(OrganizationQueries queries, AuditHistory history, int id, CancellationToken ct)
    {
        await queries.GetAsync(id, ct);
        return TypedResults.Ok(await history.ForAsync("Organization", id, ct));
    }

    public static async Task<Created<OrganizationDetail>> CreateOrganization(
        OrganizationCommands commands, OrganizationQueries queries, CreateOrganizationRequest request, CancellationToken ct)
    {
        var id = await commands.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/organizations/{id}", await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<OrganizationDetail>> UpdateOrganization(
        OrganizationCommands commands, OrganizationQueries queries, int id, UpdateOrganizationRequest request, CancellationToken ct)
    {
        await commands.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<OrganizationDetail>> MoveOrganization(
        OrganizationCommands commands, OrganizationQueries queries, int id, MoveOrganizationRequest request, CancellationToken ct)
    {
        await commands.MoveAsync(id, request, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<OrganizationDetail>> DissolveOrganization(
        OrganizationCommands commands, OrganizationQueries queries, int id, DissolveOrganizationRequest request, CancellationToken ct)
    {
        await commands.DissolveAsync(id, request, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<MergePreview>> PreviewOrganizationMerge(OrganizationMerger merger, int id, int? intoId, CancellationToken ct) =>
        TypedResults.Ok(await merger.PreviewAsync(id, intoId, ct));

    /// <summary>Merges organization {id} into the request's intoId (ORG-1); answers with the merged, now dissolved, organization.</summary>
    public static async Task<Ok<OrganizationDetail>> MergeOrganization(
        OrganizationMerger merger, OrganizationQueries queries, int id, MergeOrganizationRequest request, CancellationToken ct)
    {
        await merger.MergeAsync(id, request, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }
}
