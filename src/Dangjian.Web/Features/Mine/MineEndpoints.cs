using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Mine;

/// <summary>
/// /api/v1/me/…: the signed-in person's own things, one resource per part of their page /me, and acting on what is
/// theirs (/api/v1/me itself is the account, <see cref="Accounts.AccountEndpoints"/>). Every operation asks for Mine.Use
/// (every role holds it); what it reads or changes is found from the person the account is linked to, never
/// from the id of a person the caller sends, and a measure is acted on by its owner alone. An account linked to no person
/// gets empty answers. A later module adds its part here (their commitments, study hours, dues).
/// </summary>
public static class MineEndpoints
{
    public const string Route = "/api/v1/me";

    public static IServiceCollection AddMine(this IServiceCollection services) => services.AddScoped<MineQueries>();

    public static void MapMineEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Mine").RequirePermission(Permission.MineUse);
        g.MapGet("/record", GetMyRecord).WithName(nameof(GetMyRecord));
        g.MapGet("/meetings", ListMyMeetings).WithName(nameof(ListMyMeetings));
        g.MapGet("/rectifications", ListMyRectifications).WithName(nameof(ListMyRectifications));
        g.MapPost("/rectifications/{rectificationId:int}/complete", CompleteMyRectification).WithName(nameof(CompleteMyRectification));
        g.MapPost("/rectifications/complete", CompleteMyRectifications).WithName(nameof(CompleteMyRectifications));
        g.MapGet("/follow-ups", ListMyFollowUps).WithName(nameof(ListMyFollowUps));
    }

    public static async Task<Ok<MyRecord>> GetMyRecord(MineQueries q, CancellationToken ct) => TypedResults.Ok(await q.RecordAsync(ct));

    /// <summary>The meetings they are invited to: upcoming first, soonest first; then the latest earlier ones.</summary>
    public static async Task<Ok<IReadOnlyList<MyMeetingView>>> ListMyMeetings(MineQueries q, CancellationToken ct) => TypedResults.Ok(await q.MeetingsAsync(ct));

    /// <summary>The rectification measures they own: open first, by deadline; then the done ones.</summary>
    public static async Task<Ok<IReadOnlyList<OwnRectificationView>>> ListMyRectifications(MineQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.RectificationsAsync(ct));

    /// <summary>整改完成 of a measure the caller owns (403 for any other, and nothing changes); answers with their measures.</summary>
    public static async Task<Ok<IReadOnlyList<OwnRectificationView>>> CompleteMyRectification(
        DemocraticLifeCommands c, MineQueries q, int rectificationId, CompleteRectificationRequest request, CancellationToken ct)
    {
        await c.CompleteOwnRectificationAsync(rectificationId, request, ct);
        return TypedResults.Ok(await q.RectificationsAsync(ct));
    }

    /// <summary>整改完成 of the ticked measures in one save, all or nothing; one that is not theirs refuses all (403).</summary>
    public static async Task<Ok<IReadOnlyList<OwnRectificationView>>> CompleteMyRectifications(
        DemocraticLifeCommands c, MineQueries q, CompleteRectificationsRequest request, CancellationToken ct)
    {
        await c.CompleteOwnRectificationsAsync(request, ct);
        return TypedResults.Ok(await q.RectificationsAsync(ct));
    }

    /// <summary>Follow-ups of their own grades, once the results are public.</summary>
    public static async Task<Ok<IReadOnlyList<MyFollowUpView>>> ListMyFollowUps(MineQueries q, CancellationToken ct) => TypedResults.Ok(await q.FollowUpsAsync(ct));
}
