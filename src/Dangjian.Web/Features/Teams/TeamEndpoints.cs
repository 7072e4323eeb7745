using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Teams;

/// <summary>/api/v1/teams (ORG-2).</summary>
public static class TeamEndpoints
{
    public static IServiceCollection AddTeams(this IServiceCollection services) =>
        services.AddScoped<TeamQueries>().AddScoped<TeamCommands>().AddScoped<TeamExport>();

    public static void MapTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Teams");
        group.MapGet("/", ListTeams).WithName(nameof(ListTeams)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/expiring", ListExpiringTerms).WithName(nameof(ListExpiringTerms)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/export", ExportTeams).WithName(nameof(ExportTeams)).RequirePermission(Permission.OrganizationsRead);
        group.MapGet("/{id:int}", GetTeam).WithName(nameof(GetTeam)).RequirePermission(Permission.OrganizationsRead);
        group.MapPost("/", CreateTeam).WithName(nameof(CreateTeam)).RequirePermission(Permission.TeamsEdit);
        group.MapPut("/{id:int}", UpdateTeam).WithName(nameof(UpdateTeam)).RequirePermission(Permission.TeamsEdit);
        group.MapPost("/{id:int}/seats/{seatId:int}/replace", ReplaceSeat).WithName(nameof(ReplaceSeat)).RequirePermission(Permission.TeamsEdit);
    }

    /// <summary>Teams of one organization when organizationId is given, else the current team of every organization in scope.</summary>
    public static async Task<Ok<IReadOnlyList<TeamView>>> ListTeams(TeamQueries queries, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(organizationId is { } id ? await queries.ForOrganizationAsync(id, ct) : await queries.CurrentInScopeAsync(ct));

    public static async Task<Ok<IReadOnlyList<ExpiringTerm>>> ListExpiringTerms(TeamQueries queries, int? months, CancellationToken ct) =>
        TypedResults.Ok(await queries.ExpiringAsync(months, ct));

    public static async Task<FileContentHttpResult> ExportTeams(TeamExport export, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(ct), "teams", clock);

    public static async Task<Ok<TeamView>> GetTeam(TeamQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(id, ct));

    public static async Task<Created<TeamView>> CreateTeam(TeamCommands commands, TeamQueries queries, TeamRequest request, CancellationToken ct)
    {
        var id = await commands.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/teams/{id}", await queries.GetAsync(id, ct));
    }

    /// <summary>A change of member during the term (ORG-2): the seat ends the day before <c>on</c>, the successor's starts on it; both stay on record.</summary>
    public static async Task<Ok<TeamView>> ReplaceSeat(TeamCommands commands, TeamQueries queries, int id, int seatId, ReplaceSeatRequest request, CancellationToken ct)
    {
        await commands.ReplaceAsync(id, seatId, request, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<TeamView>> UpdateTeam(TeamCommands commands, TeamQueries queries, int id, TeamRequest request, CancellationToken ct)
    {
        await commands.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }
}
