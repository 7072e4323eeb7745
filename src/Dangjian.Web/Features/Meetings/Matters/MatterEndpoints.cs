using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Meetings.Matters;

/// <summary>
/// /api/v1/meetings/matters: 提议上会事项 (MTG-4). Team members raise and co-sign for themselves under <c>/mine</c> and
/// <c>/{matterId}/co-sign</c> (Mine.Use); whoever runs the organization's meetings lists, schedules and declines them.
/// </summary>
public static class MatterEndpoints
{
    public const string Route = "/api/v1/meetings/matters";

    public static IServiceCollection AddRaisedMatters(this IServiceCollection services) =>
        services.AddScoped<MatterQueries>().AddScoped<MatterCommands>().AddScoped<MatterExport>();

    public static void MapRaisedMatterEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Meetings");
        g.MapGet("", ListRaisedMatters).WithName(nameof(ListRaisedMatters)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/export", ExportRaisedMatters).WithName(nameof(ExportRaisedMatters)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/mine", ListMyRaisedMatters).WithName(nameof(ListMyRaisedMatters)).RequirePermission(Permission.MineUse);
        g.MapPost("/mine", RaiseMatter).WithName(nameof(RaiseMatter)).RequirePermission(Permission.MineUse);
        g.MapGet("/{matterId:int}", GetRaisedMatter).WithName(nameof(GetRaisedMatter)).RequirePermission(Permission.MeetingsRead, Permission.MineUse);
        g.MapPost("/{matterId:int}/co-sign", CoSignMatter).WithName(nameof(CoSignMatter)).RequirePermission(Permission.MineUse);
        g.MapPost("/{matterId:int}/withdraw-signature", WithdrawMatterSignature).WithName(nameof(WithdrawMatterSignature)).RequirePermission(Permission.MineUse);
        g.MapPost("/{matterId:int}/schedule", ScheduleMatter).WithName(nameof(ScheduleMatter)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/{matterId:int}/decline", DeclineMatter).WithName(nameof(DeclineMatter)).RequirePermission(Permission.MeetingsRun);
    }

    public static async Task<Ok<Paged<MatterView>>> ListRaisedMatters(
        MatterQueries q, int? organizationId, RaisedMatterStatus? status, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, status, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportRaisedMatters(
        MatterExport export, OrgClock clock, int? organizationId, RaisedMatterStatus? status, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(organizationId, status, search, ct), "raised-matters", clock);

    /// <summary>The signed-in person's current teams and their matters.</summary>
    public static async Task<Ok<MyMattersView>> ListMyRaisedMatters(MatterQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(ct));

    /// <summary>Raises a matter; someone not on the organization's current team gets a 400 on <c>organizationId</c>.</summary>
    public static async Task<Ok<MatterView>> RaiseMatter(MatterCommands c, RaiseMatterRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RaiseAsync(request, ct));

    public static async Task<Ok<MatterView>> GetRaisedMatter(MatterQueries q, int matterId, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(matterId, ct));

    public static async Task<Ok<MatterView>> CoSignMatter(MatterCommands c, int matterId, MatterSignatureRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CoSignAsync(matterId, request, ct));

    public static async Task<Ok<MatterView>> WithdrawMatterSignature(MatterCommands c, int matterId, MatterSignatureRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.WithdrawSignatureAsync(matterId, request, ct));

    /// <summary>Puts the matter on an open meeting of its organization as an agenda item (proposers and mandatory mark carried over).</summary>
    public static async Task<Ok<MatterView>> ScheduleMatter(MatterCommands c, int matterId, ScheduleMatterRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ScheduleAsync(matterId, request, ct));

    /// <summary>Declines a matter with a reason; a mandatory one is a 400 (MTG-4).</summary>
    public static async Task<Ok<MatterView>> DeclineMatter(MatterCommands c, int matterId, DeclineMatterRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.DeclineAsync(matterId, request, ct));
}
