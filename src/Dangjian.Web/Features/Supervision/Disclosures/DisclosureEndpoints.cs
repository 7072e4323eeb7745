using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Supervision.Disclosures;

/// <summary>
/// /api/v1/supervision/disclosures: 三务公开 (SUP-4). A quarter is <c>year</c> and <c>quarter</c> (1–4; by default the
/// current one); an item counts for the quarter of the day it was published. The public board is the page
/// /public/disclosures/{organizationId}.
/// </summary>
public static class DisclosureEndpoints
{
    public const string Route = "/api/v1/supervision/disclosures";

    public static IServiceCollection AddDisclosures(this IServiceCollection services) =>
        services.AddScoped<DisclosureQueries>().AddScoped<DisclosureCommands>().AddScoped<DisclosureExport>();

    public static void MapDisclosureEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Supervision");
        g.MapGet("", ListDisclosures).WithName(nameof(ListDisclosures)).RequirePermission(Permission.SupervisionRead);
        g.MapPost("", PublishDisclosure).WithName(nameof(PublishDisclosure)).RequirePermission(Permission.SupervisionWrite);
        g.MapGet("/export", ExportDisclosures).WithName(nameof(ExportDisclosures)).RequirePermission(Permission.SupervisionRead);
    }

    /// <summary>The subtree's quarter: a page of items, each organization's count and those that published nothing.</summary>
    public static async Task<Ok<DisclosureQuarterView>> ListDisclosures(
        DisclosureQueries q, int? organizationId, int? year, int? quarter, DisclosureCategory? category, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.QuarterAsync(organizationId, year, quarter, category, page, pageSize, ct));

    /// <summary>Enters an item the organization published; a day after today is a 400 on <c>publishedOn</c>.</summary>
    public static async Task<Ok<DisclosureView>> PublishDisclosure(DisclosureCommands c, PublishDisclosureRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.PublishAsync(request, ct));

    public static async Task<FileContentHttpResult> ExportDisclosures(
        DisclosureExport export, OrgClock clock, int? organizationId, int? year, int? quarter, DisclosureCategory? category, CancellationToken ct) =>
        ExcelFile.Result(await export.QuarterAsync(organizationId, year, quarter, category, ct), "disclosures", clock);
}
