using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Delegates.Proposals;

/// <summary>
/// /api/v1/delegates/proposals: 提案 (DEL-2). A list takes a <c>termId</c> (Delegates.Read on the term's organization) or a
/// <c>handlingOrganizationId</c> (Delegates.Answer on it). /api/v1/delegates/mine is the signed-in delegate's own part
/// (Mine.Use). The public list is the page /public/proposals/{termId}.
/// </summary>
public static class ProposalEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(DelegatesEndpoints.Route + "/proposals").WithTags("Delegates");
        g.MapGet("", ListProposals).WithName(nameof(ListProposals)).RequirePermission(Permission.DelegatesRead, Permission.DelegatesAnswer);
        g.MapPost("", FileProposal).WithName(nameof(FileProposal)).RequirePermission(Permission.DelegatesManage);
        g.MapGet("/supervision", ListProposalsToSupervise).WithName(nameof(ListProposalsToSupervise)).RequirePermission(Permission.DelegatesRead, Permission.DelegatesAnswer);
        g.MapGet("/export", ExportProposals).WithName(nameof(ExportProposals)).RequirePermission(Permission.DelegatesRead, Permission.DelegatesAnswer);
        g.MapGet("/{proposalId:int}", GetProposal).WithName(nameof(GetProposal)).RequirePermission(Permission.DelegatesRead, Permission.DelegatesAnswer, Permission.MineUse);
        g.MapPost("/{proposalId:int}/register", RegisterProposal).WithName(nameof(RegisterProposal)).RequirePermission(Permission.DelegatesManage);
        g.MapPost("/{proposalId:int}/decline", DeclineProposal).WithName(nameof(DeclineProposal)).RequirePermission(Permission.DelegatesManage);
        g.MapPost("/{proposalId:int}/assign", AssignProposal).WithName(nameof(AssignProposal)).RequirePermission(Permission.DelegatesManage);
        g.MapPost("/{proposalId:int}/answer", AnswerProposal).WithName(nameof(AnswerProposal)).RequirePermission(Permission.DelegatesAnswer);
        g.MapPost("/{proposalId:int}/close", CloseProposal).WithName(nameof(CloseProposal)).RequirePermission(Permission.DelegatesManage);

        var me = app.MapGroup(DelegatesEndpoints.Route + "/mine").WithTags("Mine").RequirePermission(Permission.MineUse);
        me.MapGet("", GetMyProposals).WithName(nameof(GetMyProposals));
        me.MapPost("/proposals", FileMyProposal).WithName(nameof(FileMyProposal));
        me.MapPost("/proposals/{proposalId:int}/rate", RateProposal).WithName(nameof(RateProposal));
    }

    public static async Task<Ok<ProposalListView>> ListProposals(
        ProposalQueries q, int? termId, int? handlingOrganizationId, ProposalStatus? status, string? search, bool? overdue, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(termId, handlingOrganizationId, status, search, overdue, page, pageSize, ct));

    /// <summary>Staff file on a delegate's behalf; fewer co-signers than the rule asks is a 400 on <c>coSignerPersonIds</c>.</summary>
    public static async Task<Ok<ProposalView>> FileProposal(ProposalCommands c, FileProposalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.FileAsync(request, ct));

    /// <summary>督办: in handling and overdue, or due within the reminder days; the earliest deadline first.</summary>
    public static async Task<Ok<IReadOnlyList<ProposalRow>>> ListProposalsToSupervise(ProposalQueries q, int? termId, int? handlingOrganizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.SupervisionAsync(termId, handlingOrganizationId, ct));

    public static async Task<FileContentHttpResult> ExportProposals(ProposalExport export, OrgClock clock, int? termId, int? handlingOrganizationId, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(termId, handlingOrganizationId, ct), "proposals", clock);

    public static async Task<Ok<ProposalView>> GetProposal(ProposalQueries q, int proposalId, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(proposalId, ct));

    public static async Task<Ok<ProposalView>> RegisterProposal(ProposalCommands c, int proposalId, ProposalStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RegisterAsync(proposalId, request, ct));

    public static async Task<Ok<ProposalView>> DeclineProposal(ProposalCommands c, int proposalId, DeclineProposalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.DeclineAsync(proposalId, request, ct));

    public static async Task<Ok<ProposalView>> AssignProposal(ProposalCommands c, int proposalId, AssignProposalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AssignAsync(proposalId, request, ct));

    public static async Task<Ok<ProposalView>> AnswerProposal(ProposalCommands c, int proposalId, AnswerProposalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AnswerAsync(proposalId, request, ct));

    public static async Task<Ok<ProposalView>> CloseProposal(ProposalCommands c, int proposalId, ProposalStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CloseAsync(proposalId, request, ct));

    public static async Task<Ok<MyProposalsView>> GetMyProposals(ProposalQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(ct));

    /// <summary>The signed-in delegate files a proposal they lead; someone who is not a serving delegate of the term is a 400 on <c>leadPersonId</c>.</summary>
    public static async Task<Ok<ProposalView>> FileMyProposal(ProposalCommands c, FileMyProposalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.FileMineAsync(request, ct));

    /// <summary>A proposer rates the current answer; anyone else is a 403.</summary>
    public static async Task<Ok<ProposalView>> RateProposal(ProposalCommands c, int proposalId, RateProposalRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RateAsync(proposalId, request, ct));
}
