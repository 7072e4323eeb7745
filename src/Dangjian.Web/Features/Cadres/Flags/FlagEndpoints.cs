using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Cadres.Flags;

/// <summary>/api/v1/cadres/flags: who the annual results flag (CAD-7) as of <c>throughYear</c> (last year by default).</summary>
public static class FlagEndpoints
{
    public const string Route = "/api/v1/cadres/flags";

    public static IServiceCollection AddCadreFlags(this IServiceCollection services) => services.AddScoped<FlagQueries>().AddScoped<FlagExport>();

    public static void MapCadreFlagEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Cadres");
        g.MapGet("", ListCadreFlags).WithName(nameof(ListCadreFlags)).RequirePermission(Permission.CadresRead);
        g.MapGet("/export", ExportCadreFlags).WithName(nameof(ExportCadreFlags)).RequirePermission(Permission.CadresRead);
    }

    public static async Task<Ok<FlagsView>> ListCadreFlags(FlagQueries q, int? organizationId, int? throughYear, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, throughYear, ct));

    /// <summary>The list as .xlsx (RPT-2), with the same filters.</summary>
    public static async Task<FileContentHttpResult> ExportCadreFlags(FlagExport export, OrgClock clock, int? organizationId, int? throughYear, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, throughYear, ct), "cadre-flags", clock);
}
