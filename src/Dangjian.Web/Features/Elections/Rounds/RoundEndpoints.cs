using System.Text;
using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Elections.Rounds;

/// <summary>
/// /api/v1/elections/{projectId}/rounds and /api/v1/elections/rounds/{id} (ELE-6, ELE-8, ELE-10 … ELE-13), and the
/// public ballot list download /public/elections/rounds/{id}/ballots.json (no sign-in; published rounds only).
/// </summary>
public static class RoundEndpoints
{
    public static IServiceCollection AddElectionRounds(this IServiceCollection services) =>
        services.AddScoped<RoundQueries>().AddScoped<RoundLifecycle>().AddScoped<PaperEntryCommands>().AddScoped<RoundCounting>().AddScoped<RoundExport>();

    public static void MapElectionRoundEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/api/v1/elections/{projectId:int}").WithTags("Election rounds");
        project.MapGet("/rounds", ListRounds).WithName(nameof(ListRounds)).RequirePermission(Permission.ElectionsRead);
        project.MapPost("/rounds", CreateRound).WithName(nameof(CreateRound)).RequirePermission(Permission.ElectionsRun);
        project.MapGet("/recommendations", ListRecommendations).WithName(nameof(ListRecommendations)).RequirePermission(Permission.ElectionsRead);

        var group = app.MapGroup("/api/v1/elections/rounds").WithTags("Election rounds");
        group.MapGet("/{id:int}", GetRound).WithName(nameof(GetRound)).RequirePermission(Permission.ElectionsRead);
        group.MapPut("/{id:int}/roll", UpdateRoll).WithName(nameof(UpdateRoll)).RequirePermission(Permission.ElectionsRun);
        group.MapPost("/{id:int}/open", OpenRound).WithName(nameof(OpenRound)).RequirePermission(Permission.ElectionsRun);
        group.MapPost("/{id:int}/close", CloseRound).WithName(nameof(CloseRound)).RequirePermission(Permission.ElectionsRun);
        group.MapGet("/{id:int}/paper", ListPaperEntries).WithName(nameof(ListPaperEntries)).RequirePermission(Permission.ElectionsRead);
        group.MapPost("/{id:int}/paper", AddPaperEntry).WithName(nameof(AddPaperEntry)).RequirePermission(Permission.ElectionsRun);
        group.MapPut("/{id:int}/paper/{entryId:int}", UpdatePaperEntry).WithName(nameof(UpdatePaperEntry)).RequirePermission(Permission.ElectionsRun);
        group.MapDelete("/{id:int}/paper/{entryId:int}", DeletePaperEntry).WithName(nameof(DeletePaperEntry)).RequirePermission(Permission.ElectionsRun);
        group.MapGet("/{id:int}/paper/reconciliation", GetReconciliation).WithName(nameof(GetReconciliation)).RequirePermission(Permission.ElectionsRead);
        group.MapPost("/{id:int}/count", CountRound).WithName(nameof(CountRound)).RequirePermission(Permission.ElectionsRun);
        group.MapGet("/{id:int}/result", GetRoundResult).WithName(nameof(GetRoundResult)).RequirePermission(Permission.ElectionsRead);
        group.MapGet("/{id:int}/result/export", ExportRoundResult).WithName(nameof(ExportRoundResult)).RequirePermission(Permission.ElectionsRead);
        group.MapPost("/{id:int}/apply-preliminary", ApplyPreliminary).WithName(nameof(ApplyPreliminary)).RequirePermission(Permission.ElectionsRun);
        group.MapPost("/{id:int}/publish", PublishRound).WithName(nameof(PublishRound)).RequirePermission(Permission.ElectionsRun);

        app.MapGet("/public/elections/rounds/{id:int}/ballots.json", DownloadBallotList)
            .AllowAnonymous().WithTags("Public").WithName(nameof(DownloadBallotList));
    }

    public static async Task<Ok<IReadOnlyList<RoundSummary>>> ListRounds(RoundQueries queries, int projectId, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(projectId, ct));

    public static async Task<Created<RoundView>> CreateRound(RoundLifecycle commands, RoundQueries queries, int projectId, RoundCreateRequest request, CancellationToken ct)
    {
        var id = await commands.CreateAsync(projectId, request, ct);
        return TypedResults.Created($"/api/v1/elections/rounds/{id}", await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<RecommendationBody>>> ListRecommendations(RoundQueries queries, int projectId, CancellationToken ct) =>
        TypedResults.Ok(await queries.RecommendationsAsync(projectId, ct));

    public static async Task<Ok<RoundView>> GetRound(RoundQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(id, ct));

    public static async Task<Ok<RoundView>> UpdateRoll(RoundLifecycle commands, RoundQueries queries, int id, RollRequest request, CancellationToken ct)
    {
        await commands.UpdateRollAsync(id, request, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<RoundView>> OpenRound(RoundLifecycle commands, RoundQueries queries, int id, RoundVersionRequest? request, CancellationToken ct)
    {
        await commands.OpenAsync(id, request?.Version, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<RoundView>> CloseRound(RoundLifecycle commands, RoundQueries queries, int id, RoundVersionRequest? request, CancellationToken ct)
    {
        await commands.CloseAsync(id, request?.Version, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<PaperEntryView>>> ListPaperEntries(RoundQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.PaperEntriesAsync(id, ct));

    public static async Task<Created<PaperEntryView>> AddPaperEntry(PaperEntryCommands commands, RoundQueries queries, int id, PaperEntryRequest request, CancellationToken ct)
    {
        var entryId = await commands.AddAsync(id, request, ct);
        var entry = (await queries.PaperEntriesAsync(id, ct)).First(e => e.Id == entryId);
        return TypedResults.Created($"/api/v1/elections/rounds/{id}/paper/{entryId}", entry);
    }

    public static async Task<Ok<PaperEntryView>> UpdatePaperEntry(PaperEntryCommands commands, RoundQueries queries, int id, int entryId, PaperEntryRequest request, CancellationToken ct)
    {
        await commands.UpdateAsync(id, entryId, request, ct);
        return TypedResults.Ok((await queries.PaperEntriesAsync(id, ct)).First(e => e.Id == entryId));
    }

    /// <summary>Withdraws an entry; <paramref name="version"/> is the version the teller saw.</summary>
    public static async Task<NoContent> DeletePaperEntry(PaperEntryCommands commands, int id, int entryId, int version, CancellationToken ct)
    {
        await commands.DeleteAsync(id, entryId, version, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Reconciliation>> GetReconciliation(RoundQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.ReconciliationAsync(id, ct));

    public static async Task<Ok<RoundResult>> CountRound(RoundCounting commands, RoundQueries queries, int id, RoundVersionRequest? request, CancellationToken ct)
    {
        await commands.CountAsync(id, request?.Version, ct);
        return TypedResults.Ok(await queries.ResultAsync(id, ct));
    }

    public static async Task<FileContentHttpResult> ExportRoundResult(RoundExport export, OrgClock clock, int id, CancellationToken ct) =>
        ExcelFile.Result(await export.ResultAsync(id, ct), $"round-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-result", clock);

    public static async Task<Ok<RoundResult>> GetRoundResult(RoundQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.ResultAsync(id, ct));

    public static async Task<Ok<RoundView>> ApplyPreliminary(RoundCounting commands, RoundQueries queries, int id, CancellationToken ct)
    {
        await commands.ApplyPreliminaryAsync(id, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<RoundView>> PublishRound(RoundCounting commands, RoundQueries queries, int id, RoundVersionRequest? request, CancellationToken ct)
    {
        await commands.PublishAsync(id, request?.Version, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    /// <summary>The published ballot list, byte for byte as stored and hashed (ELE-13); 404 until published.</summary>
    public static async Task<FileContentHttpResult> DownloadBallotList(RoundQueries queries, int id, CancellationToken ct) =>
        TypedResults.File(Encoding.UTF8.GetBytes(await queries.PublishedListAsync(id, ct)), "application/json", $"election-round-{id}-ballots.json");
}
