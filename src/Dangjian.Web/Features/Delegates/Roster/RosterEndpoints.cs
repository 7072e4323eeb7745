using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Delegates.Roster;

/// <summary>
/// /api/v1/delegates/terms…: congress terms, their delegations and delegates (DEL-1). Reading asks for Delegates.Read,
/// changing for Delegates.Manage, each on the term's organization.
/// </summary>
public static class RosterEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(DelegatesEndpoints.Route).WithTags("Delegates");
        g.MapGet("/terms", ListCongressTerms).WithName(nameof(ListCongressTerms)).RequirePermission(Permission.DelegatesRead);
        g.MapPost("/terms", OpenCongressTerm).WithName(nameof(OpenCongressTerm)).RequirePermission(Permission.DelegatesManage);
        g.MapGet("/terms/{termId:int}", GetDelegateRoster).WithName(nameof(GetDelegateRoster)).RequirePermission(Permission.DelegatesRead);
        g.MapGet("/terms/{termId:int}/export", ExportDelegateRoster).WithName(nameof(ExportDelegateRoster)).RequirePermission(Permission.DelegatesRead);
        g.MapPost("/terms/{termId:int}/delegations", FormDelegation).WithName(nameof(FormDelegation)).RequirePermission(Permission.DelegatesManage);
        g.MapPost("/terms/{termId:int}/seats", SeatDelegate).WithName(nameof(SeatDelegate)).RequirePermission(Permission.DelegatesManage);
        g.MapPost("/seats/{seatId:int}/end", EndDelegateSeat).WithName(nameof(EndDelegateSeat)).RequirePermission(Permission.DelegatesManage);
    }

    /// <summary>The congress terms of the organization's subtree, newest first.</summary>
    public static async Task<Ok<TermListView>> ListCongressTerms(RosterQueries q, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.TermsAsync(organizationId, ct));

    public static async Task<Ok<CongressTermView>> OpenCongressTerm(RosterCommands c, OpenTermRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.OpenTermAsync(request, ct));

    /// <summary>The term's delegations and a page of its delegates, by delegation and name.</summary>
    public static async Task<Ok<RosterView>> GetDelegateRoster(
        RosterQueries q, int termId, int? delegationId, DelegateStatus? status, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.RosterAsync(termId, delegationId, status, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportDelegateRoster(RosterExport export, OrgClock clock, int termId, CancellationToken ct) =>
        ExcelFile.Result(await export.RosterAsync(termId, ct), "delegates", clock);

    public static async Task<Ok<DelegationView>> FormDelegation(RosterCommands c, int termId, FormDelegationRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.FormDelegationAsync(termId, request, ct));

    /// <summary>Seats a person; a person already seated in the term is a 400 on <c>personId</c>.</summary>
    public static async Task<Ok<DelegateSeatView>> SeatDelegate(RosterCommands c, int termId, SeatDelegateRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.SeatAsync(termId, request, ct));

    public static async Task<Ok<DelegateSeatView>> EndDelegateSeat(RosterCommands c, int seatId, EndSeatRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.EndSeatAsync(seatId, request, ct));
}
