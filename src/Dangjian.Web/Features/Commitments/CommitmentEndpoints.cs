using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Commitments.Filing;
using Dangjian.Web.Features.Commitments.Fulfilment;
using Dangjian.Web.Features.Commitments.Grading;
using Dangjian.Web.Features.Commitments.Opinions;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Commitments;

/// <summary>
/// /api/v1/commitments: public commitment campaigns (公开承诺 定、审, CMT-1 … CMT-4) and their ledger; the member's own items
/// are /api/v1/me/commitments (Mine.Use), found from the person the account is linked to.
/// </summary>
public static class CommitmentEndpoints
{
    public const string Route = "/api/v1/commitments";

    public const string MineRoute = "/api/v1/me/commitments";

    public static IServiceCollection AddCommitments(this IServiceCollection services) =>
        services.AddScoped<CommitmentQueries>().AddScoped<CampaignCommands>().AddScoped<CommitmentCommands>().AddScoped<MyCommitmentCommands>()
            .AddScoped<CommitmentInputs>().AddScoped<CommitmentExport>().AddScoped<PublicBoard>()
            .AddCommitmentGrading()
            .AddFulfilment()
            .AddCommitmentOpinions().AddCommitmentFilings();

    public static void MapCommitmentEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Commitments");
        g.MapGet("/", ListCommitmentCampaigns).WithName(nameof(ListCommitmentCampaigns)).RequirePermission(Permission.CommitmentsRead);
        g.MapGet("/export", ExportCommitmentCampaigns).WithName(nameof(ExportCommitmentCampaigns)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/", CreateCommitmentCampaign).WithName(nameof(CreateCommitmentCampaign)).RequirePermission(Permission.CommitmentsRun);
        g.MapGet("/{id:int}", GetCommitmentCampaign).WithName(nameof(GetCommitmentCampaign)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/{id:int}/advance", AdvanceCommitmentCampaign).WithName(nameof(AdvanceCommitmentCampaign)).RequirePermission(Permission.CommitmentsRun);
        g.MapGet("/{id:int}/items", ListCommitmentLedger).WithName(nameof(ListCommitmentLedger)).RequirePermission(Permission.CommitmentsRead);
        g.MapGet("/{id:int}/items/export", ExportCommitmentLedger).WithName(nameof(ExportCommitmentLedger)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/{id:int}/items", CreateCommitment).WithName(nameof(CreateCommitment)).RequirePermission(Permission.CommitmentsRun);
        g.MapPut("/{id:int}/items/{commitmentId:int}", UpdateCommitment).WithName(nameof(UpdateCommitment)).RequirePermission(Permission.CommitmentsRun);
        g.MapPost("/{id:int}/submit", SubmitCommitments).WithName(nameof(SubmitCommitments)).RequirePermission(Permission.CommitmentsRun);
        g.MapPost("/{id:int}/items/{commitmentId:int}/decision", DecideCommitment).WithName(nameof(DecideCommitment)).RequirePermission(Permission.CommitmentsReview);
        g.MapCommitmentOpinions();
        g.MapCommitmentFilings();

        var me = app.MapGroup(MineRoute).WithTags("Mine").RequirePermission(Permission.MineUse);
        me.MapGet("/", ListMyCommitments).WithName(nameof(ListMyCommitments));
        me.MapPost("/{campaignId:int}/items", CreateMyCommitment).WithName(nameof(CreateMyCommitment));
        me.MapPut("/{campaignId:int}/items/{commitmentId:int}", UpdateMyCommitment).WithName(nameof(UpdateMyCommitment));
        me.MapPost("/{campaignId:int}/submit", SubmitMyCommitments).WithName(nameof(SubmitMyCommitments));
        app.MapCommitmentGrading();

        app.MapFulfilmentEndpoints();
    }

    public static async Task<FileContentHttpResult> ExportCommitmentCampaigns(CommitmentExport export, OrgClock clock, int? organizationId, int? year, CancellationToken ct) =>
        ExcelFile.Result(await export.CampaignsAsync(organizationId, year, ct), "commitment-campaigns", clock);

    public static async Task<Ok<Paged<CommitmentCampaignRow>>> ListCommitmentCampaigns(
        CommitmentQueries q, int? organizationId, int? year, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListCampaignsAsync(organizationId, year, page, pageSize, ct));

    public static async Task<Created<CommitmentCampaignView>> CreateCommitmentCampaign(
        CampaignCommands c, CommitmentQueries q, CreateCommitmentCampaignRequest request, CancellationToken ct)
    {
        var id = await c.CreateAsync(request, ct);
        return TypedResults.Created($"{Route}/{id}", await q.GetCampaignAsync(id, ct));
    }

    public static async Task<Ok<CommitmentCampaignView>> GetCommitmentCampaign(CommitmentQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.GetCampaignAsync(id, ct));

    /// <summary>The campaign's next step (定 → 审 → 履 → 评 → closed).</summary>
    public static async Task<Ok<CommitmentCampaignView>> AdvanceCommitmentCampaign(
        CampaignCommands c, CommitmentQueries q, int id, AdvanceCommitmentCampaignRequest request, CancellationToken ct)
    {
        await c.AdvanceAsync(id, request, ct);
        return TypedResults.Ok(await q.GetCampaignAsync(id, ct));
    }

    /// <summary>台账: the campaign's items in the caller's scope, filtered and paged.</summary>
    public static async Task<Ok<Paged<CommitmentView>>> ListCommitmentLedger(
        CommitmentQueries q, int id, CommitmentStatus? status, int? ownerPersonId, int? organizationId, CommitmentDirection? direction,
        DateOnly? deadlineFrom, DateOnly? deadlineTo, bool? overdue, int? dueWithinDays, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.LedgerAsync(id, new LedgerFilter(status, ownerPersonId, organizationId, direction, deadlineFrom, deadlineTo, overdue, dueWithinDays), page, pageSize, ct));

    /// <summary>The ledger as .xlsx, one row per item, under the same filters.</summary>
    public static async Task<FileContentHttpResult> ExportCommitmentLedger(
        CommitmentExport export, OrgClock clock, int id, CommitmentStatus? status, int? ownerPersonId, int? organizationId, CommitmentDirection? direction,
        DateOnly? deadlineFrom, DateOnly? deadlineTo, bool? overdue, int? dueWithinDays, CancellationToken ct) =>
        ExcelFile.Result(
            await export.ExportAsync(id, new LedgerFilter(status, ownerPersonId, organizationId, direction, deadlineFrom, deadlineTo, overdue, dueWithinDays), ct),
            $"commitments-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", clock);

    public static async Task<Created<CommitmentView>> CreateCommitment(
        CommitmentCommands c, CommitmentQueries q, int id, NewCommitmentRequest request, CancellationToken ct)
    {
        var itemId = await c.CreateAsync(id, request, ct);
        return TypedResults.Created($"{Route}/{id}/items/{itemId}", await q.ItemAsync(itemId, ct));
    }

    public static async Task<Ok<CommitmentView>> UpdateCommitment(
        CommitmentCommands c, CommitmentQueries q, int id, int commitmentId, UpdateCommitmentRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(id, commitmentId, request, ct);
        return TypedResults.Ok(await q.ItemAsync(commitmentId, ct));
    }

    /// <summary>Submits one owner's items; answers with the campaign (its counts by status).</summary>
    public static async Task<Ok<CommitmentCampaignView>> SubmitCommitments(
        CommitmentCommands c, CommitmentQueries q, int id, SubmitCommitmentsRequest request, CancellationToken ct)
    {
        await c.SubmitAsync(id, request, ct);
        return TypedResults.Ok(await q.GetCampaignAsync(id, ct));
    }

    public static async Task<Ok<CommitmentView>> DecideCommitment(
        CommitmentCommands c, CommitmentQueries q, int id, int commitmentId, DecideCommitmentRequest request, CancellationToken ct)
    {
        await c.DecideAsync(id, commitmentId, request, ct);
        return TypedResults.Ok(await q.ItemAsync(commitmentId, ct));
    }

    /// <summary>The campaigns that cover the caller, with their own items.</summary>
    public static async Task<Ok<IReadOnlyList<MyCommitmentCampaignView>>> ListMyCommitments(CommitmentQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.MineAsync(ct));

    public static async Task<Created<IReadOnlyList<MyCommitmentCampaignView>>> CreateMyCommitment(
        MyCommitmentCommands c, CommitmentQueries q, int campaignId, CommitmentRequest request, CancellationToken ct)
    {
        await c.CreateAsync(campaignId, request, ct);
        return TypedResults.Created(MineRoute, await q.MineAsync(ct));
    }

    public static async Task<Ok<IReadOnlyList<MyCommitmentCampaignView>>> UpdateMyCommitment(
        MyCommitmentCommands c, CommitmentQueries q, int campaignId, int commitmentId, UpdateCommitmentRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(campaignId, commitmentId, request, ct);
        return TypedResults.Ok(await q.MineAsync(ct));
    }

    public static async Task<Ok<IReadOnlyList<MyCommitmentCampaignView>>> SubmitMyCommitments(
        MyCommitmentCommands c, CommitmentQueries q, int campaignId, CancellationToken ct)
    {
        await c.SubmitAsync(campaignId, ct);
        return TypedResults.Ok(await q.MineAsync(ct));
    }
}
