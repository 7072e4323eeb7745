using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.People;

/// <summary>/api/v1/people (ORG-3, ORG-6).</summary>
public static class PeopleEndpoints
{
    public static IServiceCollection AddPeople(this IServiceCollection services) =>
        services.AddScoped<PeopleQueries>().AddScoped<PeopleCommands>().AddScoped<PeopleExport>();

    public static void MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People");
        group.MapGet("/", ListPeople).WithName(nameof(ListPeople));
        group.MapGet("/export", ExportPeople).WithName(nameof(ExportPeople));
        group.MapGet("/{id:int}", GetPerson).WithName(nameof(GetPerson));
        group.MapGet("/{id:int}/history", GetPersonHistory).WithName(nameof(GetPersonHistory));
        group.MapPost("/", CreatePerson).WithName(nameof(CreatePerson));
        group.MapPut("/{id:int}", UpdatePerson).WithName(nameof(UpdatePerson));
    }

    public static async Task<Ok<Paged<PersonRow>>> ListPeople(
        PeopleQueries queries, int? organizationId, bool? subtree, MemberStatus? status, TeamRole? role, string? name, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(new RosterFilter(organizationId, subtree ?? true, status, role, name), page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportPeople(
        PeopleExport export, int? organizationId, bool? subtree, MemberStatus? status, TeamRole? role, string? name, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(new RosterFilter(organizationId, subtree ?? true, status, role, name), ct), "roster");

    public static async Task<Ok<PersonDetail>> GetPerson(PeopleQueries queries, int id, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(id, ct));

    public static async Task<Ok<IReadOnlyList<HistoryEntry>>> GetPersonHistory(PeopleQueries queries, AuditHistory history, int id, CancellationToken ct)
    {
        await queries.GetAsync(id, ct);
        return TypedResults.Ok(await history.ForAsync("Person", id, ct));
    }

    public static async Task<Created<PersonDetail>> CreatePerson(PeopleCommands commands, PeopleQueries queries, PersonRequest request, CancellationToken ct)
    {
        var id = await commands.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/people/{id}", await queries.GetAsync(id, ct));
    }

    public static async Task<Ok<PersonDetail>> UpdatePerson(PeopleCommands commands, PeopleQueries queries, int id, PersonRequest request, CancellationToken ct)
    {
        await commands.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await queries.GetAsync(id, ct));
    }
}
