using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Cadres.Reserve;

/// <summary>
/// /api/v1/cadres/reserve: the reserve cadre pool (CAD-1) of an organization's subtree. The list reads the pool on a day
/// (<c>asOf</c>, today by default): <c>status</c> In (default), Out or All, <c>postType</c>, <c>postLevel</c>, <c>field</c> (专业领域), <c>search</c>.
/// </summary>
public static class ReserveEndpoints
{
    public const string Route = "/api/v1/cadres/reserve";

    public static IServiceCollection AddReserveCadres(this IServiceCollection services) =>
        services.AddScoped<CadrePeople>().AddScoped<ReserveQueries>().AddScoped<ReserveCommands>().AddScoped<ReserveExport>();

    public static void MapReserveCadreEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Cadres");
        g.MapGet("", ListReserveCadres).WithName(nameof(ListReserveCadres)).RequirePermission(Permission.CadresRead);
        g.MapPost("", EnterReserveCadre).WithName(nameof(EnterReserveCadre)).RequirePermission(Permission.CadresWrite);
        g.MapGet("/views", ReservePoolViewsOn).WithName(nameof(ReservePoolViewsOn)).RequirePermission(Permission.CadresRead);
        g.MapGet("/export", ExportReserveCadres).WithName(nameof(ExportReserveCadres)).RequirePermission(Permission.CadresRead);
        g.MapGet("/people", SearchCadrePeople).WithName(nameof(SearchCadrePeople)).RequirePermission(Permission.CadresRead);
        g.MapGet("/{id:int}", GetReserveCadre).WithName(nameof(GetReserveCadre)).RequirePermission(Permission.CadresRead);
        g.MapPost("/{id:int}/postings", AddReservePosting).WithName(nameof(AddReservePosting)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/postings/{postingId:int}/end", EndReservePosting).WithName(nameof(EndReservePosting)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/assessments/pull", PullReserveAssessments).WithName(nameof(PullReserveAssessments)).RequirePermission(Permission.CadresWrite);
        g.MapPost("/{id:int}/leave", LeaveReservePool).WithName(nameof(LeaveReservePool)).RequirePermission(Permission.CadresWrite);
    }

    public static async Task<Ok<ReserveListView>> ListReserveCadres(
        ReserveQueries q, int? organizationId, DateOnly? asOf, PoolStatusFilter? status, string? postType, string? postLevel, string? search, int? page, int? pageSize,
        string? field, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(new(organizationId, asOf, status, postType, postLevel, search, page, pageSize, field), ct));

    public static async Task<Ok<ReserveCadreView>> EnterReserveCadre(ReserveCommands c, EnterReserveRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.EnterAsync(request, ct));

    /// <summary>The pool on a day by post type, age band, education and field of work.</summary>
    public static async Task<Ok<ReservePoolView>> ReservePoolViewsOn(ReserveQueries q, int? organizationId, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await q.ViewsAsync(organizationId, asOf, ct));

    public static async Task<FileContentHttpResult> ExportReserveCadres(
        ReserveExport export, OrgClock clock, int? organizationId, DateOnly? asOf, PoolStatusFilter? status, string? postType, string? postLevel, string? search,
        string? field, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(new(organizationId, asOf, status, postType, postLevel, search, Field: field), ct), "reserve-cadres", clock);

    /// <summary>The person picker: people on the roster of the organization's subtree.</summary>
    public static async Task<Ok<IReadOnlyList<CadrePersonOption>>> SearchCadrePeople(CadrePeople p, int? organizationId, string? search, CancellationToken ct) =>
        TypedResults.Ok(await p.SearchAsync(Infrastructure.FieldErrors.RequireOrganization(organizationId), search, ct));

    /// <summary>One entry; <c>studyYear</c> picks the year of the study module's records (this year by default).</summary>
    public static async Task<Ok<ReserveCadreView>> GetReserveCadre(ReserveQueries q, int id, int? studyYear, CancellationToken ct) =>
        TypedResults.Ok(await q.OneAsync(id, studyYear, ct));

    public static async Task<Ok<ReserveCadreView>> AddReservePosting(ReserveCommands c, int id, AddPostingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AddPostingAsync(id, request, ct));

    public static async Task<Ok<ReserveCadreView>> EndReservePosting(ReserveCommands c, int id, int postingId, EndPostingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.EndPostingAsync(id, postingId, request, ct));

    /// <summary>Notes the person's annual results from the evaluations module (finalized 年度考核 campaigns).</summary>
    public static async Task<Ok<ReserveCadreView>> PullReserveAssessments(ReserveCommands c, int id, VersionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.PullAssessmentsAsync(id, request, ct));

    /// <summary>Takes the person out of the pool on a day (not after today, not before entry) for a reason.</summary>
    public static async Task<Ok<ReserveCadreView>> LeaveReservePool(ReserveCommands c, int id, LeavePoolRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.LeaveAsync(id, request, ct));
}
