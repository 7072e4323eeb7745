using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Supervision.Notices;

/// <summary>
/// /api/v1/supervision/notices: 预警 / 整改通知 (SUP-2). <c>overdue=true</c> lists the notices overdue on <c>on</c> (today
/// when not given): still waiting for a response after the deadline day.
/// </summary>
public static class NoticeEndpoints
{
    public const string Route = "/api/v1/supervision/notices";

    public static IServiceCollection AddRectificationNotices(this IServiceCollection services) =>
        services.AddScoped<NoticeQueries>().AddScoped<NoticeCommands>().AddScoped<NoticeExport>();

    public static void MapRectificationNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Supervision");
        g.MapGet("", ListNotices).WithName(nameof(ListNotices)).RequirePermission(Permission.SupervisionRead);
        g.MapPost("", IssueNotice).WithName(nameof(IssueNotice)).RequirePermission(Permission.SupervisionNotify);
        g.MapGet("/export", ExportNotices).WithName(nameof(ExportNotices)).RequirePermission(Permission.SupervisionRead);
        g.MapGet("/person/{personId:int}", PersonNotices).WithName(nameof(PersonNotices)).RequirePermission(Permission.SupervisionRead);
        g.MapGet("/{id:int}", GetNotice).WithName(nameof(GetNotice)).RequirePermission(Permission.SupervisionRead);
        g.MapPost("/{id:int}/respond", RespondNotice).WithName(nameof(RespondNotice)).RequirePermission(Permission.SupervisionWrite);
        g.MapPost("/{id:int}/verify", VerifyNotice).WithName(nameof(VerifyNotice)).RequirePermission(Permission.SupervisionNotify);
        g.MapPost("/{id:int}/close", CloseNotice).WithName(nameof(CloseNotice)).RequirePermission(Permission.SupervisionNotify);
    }

    public static async Task<Ok<NoticeListView>> ListNotices(
        NoticeQueries q, int? organizationId, RectificationNoticeStatus? status, bool? overdue, DateOnly? on, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(new NoticeFilter(organizationId, status, overdue ?? false, on, search), page, pageSize, ct));

    /// <summary>Issues a notice and returns it with its (empty but for the issue) history.</summary>
    public static async Task<Ok<NoticeDetail>> IssueNotice(NoticeCommands c, NoticeQueries q, IssueNoticeRequest request, CancellationToken ct) =>
        TypedResults.Ok(await q.OneAsync(await c.IssueAsync(request, ct), ct));

    public static async Task<FileContentHttpResult> ExportNotices(
        NoticeExport export, OrgClock clock, int? organizationId, RectificationNoticeStatus? status, bool? overdue, DateOnly? on, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.ListAsync(new NoticeFilter(organizationId, status, overdue ?? false, on, search), ct), "notices", clock);

    /// <summary>The notices addressed to a cadre, in the organizations where the caller reads supervision.</summary>
    public static async Task<Ok<IReadOnlyList<NoticeView>>> PersonNotices(NoticeQueries q, int personId, CancellationToken ct) =>
        TypedResults.Ok(await q.OfPersonAsync(personId, ct));

    public static async Task<Ok<NoticeDetail>> GetNotice(NoticeQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.OneAsync(id, ct));

    public static async Task<Ok<NoticeDetail>> RespondNotice(NoticeCommands c, NoticeQueries q, int id, RespondNoticeRequest request, CancellationToken ct)
    {
        await c.RespondAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<NoticeDetail>> VerifyNotice(NoticeCommands c, NoticeQueries q, int id, VerifyNoticeRequest request, CancellationToken ct)
    {
        await c.VerifyAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }

    public static async Task<Ok<NoticeDetail>> CloseNotice(NoticeCommands c, NoticeQueries q, int id, CloseNoticeRequest request, CancellationToken ct)
    {
        await c.CloseAsync(id, request, ct);
        return TypedResults.Ok(await q.OneAsync(id, ct));
    }
}
