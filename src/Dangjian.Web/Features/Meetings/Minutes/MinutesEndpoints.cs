using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Meetings.Minutes;

/// <summary>/api/v1/meetings/{meetingId}/minutes and the register of numbered minutes (MTG-8).</summary>
public static class MinutesEndpoints
{
    public static IServiceCollection AddMeetingMinutes(this IServiceCollection services) =>
        services.AddScoped<MinutesQueries>().AddScoped<MinutesDraft>().AddScoped<MinutesCommands>().AddScoped<MinutesExport>();

    public static void MapMeetingMinutesEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/meetings").WithTags("Meeting minutes");
        g.MapGet("/minutes", GetMinutesRegister).WithName(nameof(GetMinutesRegister)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/minutes.xlsx", ExportMinutesRegister).WithName(nameof(ExportMinutesRegister)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/{meetingId:int}/minutes", ListMinutes).WithName(nameof(ListMinutes)).RequirePermission(Permission.MeetingsRead);
        g.MapPost("/{meetingId:int}/minutes", SaveMinutesDraft).WithName(nameof(SaveMinutesDraft)).RequirePermission(Permission.MinutesWrite);
        g.MapPost("/{meetingId:int}/minutes/sign", SignMinutes).WithName(nameof(SignMinutes)).RequirePermission(Permission.MinutesSign);
        g.MapPost("/{meetingId:int}/minutes/corrections", CorrectMinutes).WithName(nameof(CorrectMinutes)).RequirePermission(Permission.MinutesSign);
    }

    public static async Task<Ok<MinutesRegister>> GetMinutesRegister(MinutesQueries q, int? organizationId, int? year, CancellationToken ct) =>
        TypedResults.Ok(await q.RegisterAsync(organizationId, year, ct));

    public static async Task<FileContentHttpResult> ExportMinutesRegister(MinutesExport export, int? organizationId, int? year, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(organizationId, year, ct), "minutes", clock);

    /// <summary>Every revision, newest first (superseded ones included).</summary>
    public static async Task<Ok<IReadOnlyList<MinutesView>>> ListMinutes(MinutesQueries q, int meetingId, CancellationToken ct) =>
        TypedResults.Ok(await q.RevisionsAsync(meetingId, ct));

    public static async Task<Ok<IReadOnlyList<MinutesView>>> SaveMinutesDraft(MinutesCommands c, MinutesQueries q, int meetingId, SaveMinutesRequest request, CancellationToken ct)
    {
        await c.SaveDraftAsync(meetingId, request, ct);
        return TypedResults.Ok(await q.RevisionsAsync(meetingId, ct));
    }

    public static async Task<Ok<IReadOnlyList<MinutesView>>> SignMinutes(MinutesCommands c, MinutesQueries q, int meetingId, SignMinutesRequest request, CancellationToken ct)
    {
        await c.SignAsync(meetingId, request, ct);
        return TypedResults.Ok(await q.RevisionsAsync(meetingId, ct));
    }

    public static async Task<Created<IReadOnlyList<MinutesView>>> CorrectMinutes(MinutesCommands c, MinutesQueries q, int meetingId, CorrectMinutesRequest request, CancellationToken ct)
    {
        await c.CorrectAsync(meetingId, request, ct);
        return TypedResults.Created($"/api/v1/meetings/{meetingId}/minutes", await q.RevisionsAsync(meetingId, ct));
    }
}
