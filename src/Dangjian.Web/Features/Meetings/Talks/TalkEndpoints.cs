using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Meetings.Talks;

/// <summary>
/// /api/v1/meetings/talks: the standing register of 谈心谈话 (MTG-11), outside elections. Reading needs Talks.Read (talk
/// content is personal, so members have none), recording and correcting Talks.Write; each also checks the organization
/// scope of the talk. A year is a calendar year: a talk on 31 December counts for that year only.
/// </summary>
public static class TalkEndpoints
{
    public const string Route = "/api/v1/meetings/talks";

    public static IServiceCollection AddTalks(this IServiceCollection services) =>
        services.AddScoped<TalkPeople>().AddScoped<TalkQueries>().AddScoped<TalkCommands>().AddScoped<TalkExport>();

    public static void MapTalkEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Meetings");
        g.MapGet("", ListRegisterTalks).WithName(nameof(ListRegisterTalks)).RequirePermission(Permission.TalksRead);
        g.MapPost("", RecordRegisterTalk).WithName(nameof(RecordRegisterTalk)).RequirePermission(Permission.TalksWrite);
        g.MapGet("/export", ExportRegisterTalks).WithName(nameof(ExportRegisterTalks)).RequirePermission(Permission.TalksRead);
        g.MapGet("/people", ListRegisterTalkPeople).WithName(nameof(ListRegisterTalkPeople)).RequirePermission(Permission.TalksRead);
        g.MapGet("/coverage", GetRegisterTalkCoverage).WithName(nameof(GetRegisterTalkCoverage)).RequirePermission(Permission.TalksRead);
        g.MapGet("/coverage/export", ExportRegisterTalkCoverage).WithName(nameof(ExportRegisterTalkCoverage)).RequirePermission(Permission.TalksRead);
        g.MapGet("/{id:int}", GetRegisterTalk).WithName(nameof(GetRegisterTalk)).RequirePermission(Permission.TalksRead);
        g.MapPut("/{id:int}", EditRegisterTalk).WithName(nameof(EditRegisterTalk)).RequirePermission(Permission.TalksWrite);
        g.MapPost("/{id:int}/follow-up", RecordRegisterTalkFollowUp).WithName(nameof(RecordRegisterTalkFollowUp)).RequirePermission(Permission.TalksWrite);
    }

    /// <summary>A page of the register, newest first, by organization (its subtree), person (either side), year and text (names, topics).</summary>
    public static async Task<Ok<TalkRegisterView>> ListRegisterTalks(
        TalkQueries q, int? organizationId, int? personId, int? year, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, personId, year, search, page, pageSize, ct));

    /// <summary>Records a talk; a day after today, the same person twice or a person not of the organization is a 400 naming the field.</summary>
    public static async Task<Ok<TalkView>> RecordRegisterTalk(TalkCommands c, RecordTalkRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordAsync(request, ct));

    public static async Task<Ok<TalkView>> GetRegisterTalk(TalkQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(id, ct));

    /// <summary>Corrects a talk at the version read (409 when someone changed it since).</summary>
    public static async Task<Ok<TalkView>> EditRegisterTalk(TalkCommands c, int id, EditTalkRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.EditAsync(id, request, ct));

    /// <summary>Records a talk's follow-up and, once done, its day.</summary>
    public static async Task<Ok<TalkView>> RecordRegisterTalkFollowUp(TalkCommands c, int id, TalkFollowUpRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.FollowUpAsync(id, request, ct));

    /// <summary>The people a talk of the organization may name: its team in office, then its roll.</summary>
    public static async Task<Ok<IReadOnlyList<TalkPersonOption>>> ListRegisterTalkPeople(TalkQueries q, int? organizationId, string? search, CancellationToken ct) =>
        TypedResults.Ok(await q.PeopleAsync(organizationId, search, ct));

    /// <summary>The organization's pairs that must talk in the year (by default this one) and those still owed a talk.</summary>
    public static async Task<Ok<TalkCoverageView>> GetRegisterTalkCoverage(TalkQueries q, int? organizationId, int? year, CancellationToken ct) =>
        TypedResults.Ok(await q.CoverageAsync(organizationId, year, ct));

    public static async Task<FileContentHttpResult> ExportRegisterTalks(
        TalkExport export, OrgClock clock, int? organizationId, int? personId, int? year, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.RegisterAsync(organizationId, personId, year, search, ct), "talks", clock);

    public static async Task<FileContentHttpResult> ExportRegisterTalkCoverage(TalkExport export, OrgClock clock, int? organizationId, int? year, CancellationToken ct) =>
        ExcelFile.Result(await export.CoverageAsync(organizationId, year, ct), "talk-coverage", clock);
}
