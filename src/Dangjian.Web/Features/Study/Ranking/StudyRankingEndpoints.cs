using Dangjian.Domain.Accounts;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dangjian.Web.Features.Study.Ranking;

/// <summary>/api/v1/study/rankings: the half-yearly 自学标兵 / 后进 rounds (STU-5) of an organization: proposed, decided, confirmed.</summary>
public static class StudyRankingEndpoints
{
    public const string Route = "/api/v1/study/rankings";

    public static IServiceCollection AddStudyRankings(this IServiceCollection services)
    {
        services.TryAddSingleton(StudyCredits.Defaults);
        return services.AddScoped<StudyRankingQueries>().AddScoped<StudyRankingCommands>().AddScoped<StudyRankingExport>();
    }

    public static void MapStudyRankingEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Study");
        g.MapGet("/", ListStudyRankings).WithName(nameof(ListStudyRankings)).RequirePermission(Permission.StudyRead);
        g.MapGet("/export", ExportStudyRankings).WithName(nameof(ExportStudyRankings)).RequirePermission(Permission.StudyRead);
        g.MapPost("/", ProposeStudyRanking).WithName(nameof(ProposeStudyRanking)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/decisions", DecideStudyRanking).WithName(nameof(DecideStudyRanking)).RequirePermission(Permission.StudyWrite);
        g.MapPost("/{id:int}/confirm", ConfirmStudyRanking).WithName(nameof(ConfirmStudyRanking)).RequirePermission(Permission.StudyWrite);
    }

    public static async Task<Ok<StudyRankingsView>> ListStudyRankings(StudyRankingQueries q, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, ct));

    /// <summary>The organization's rounds as .xlsx, one row per person ranked (RPT-2).</summary>
    public static async Task<FileContentHttpResult> ExportStudyRankings(StudyRankingExport export, OrgClock clock, int? organizationId, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(organizationId, ct), "study-rankings", clock);

    /// <summary>Ranks the half-year; an unconfirmed proposal of it is replaced, a confirmed one refused.</summary>
    public static async Task<Ok<StudyRankingRoundView>> ProposeStudyRanking(StudyRankingCommands c, ProposeStudyRankingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ProposeAsync(request, ct));

    public static async Task<Ok<StudyRankingRoundView>> DecideStudyRanking(StudyRankingCommands c, int id, DecideStudyRankingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.DecideAsync(id, request, ct));

    public static async Task<Ok<StudyRankingRoundView>> ConfirmStudyRanking(StudyRankingCommands c, int id, ConfirmStudyRankingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ConfirmAsync(id, request, ct));
}
