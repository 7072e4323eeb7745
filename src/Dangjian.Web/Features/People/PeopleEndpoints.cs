using Dangjian.Domain.Accounts;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.People;

/// <summary>/api/v1/people (ORG-3, ORG-6).</summary>
public static class PeopleEndpoints
{
    public static IServiceCollection AddPeople(this IServiceCollection services) =>
        services.AddScoped<PeopleQueries>().AddScoped<PeopleCommands>().AddScoped<PeopleExport>()
            .AddScoped<RosterImport>().AddScoped<RosterTemplate>();

    public static void MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People");
        group.MapGet("/", ListPeople).WithName(nameof(ListPeople)).RequirePermission(Permission.PeopleRead);
        group.MapGet("/export", ExportPeople).WithName(nameof(ExportPeople)).RequirePermission(Permission.PeopleRead);
        group.MapGet("/import/template", GetImportTemplate).WithName(nameof(GetImportTemplate)).RequirePermission(Permission.PeopleImport);
        group.MapGet("/import/server-files", ListServerRosterFiles).WithName(nameof(ListServerRosterFiles)).RequirePermission(Permission.PeopleImport);
        group.MapPost("/import/server-files", ImportServerRosterFile).WithName(nameof(ImportServerRosterFile)).RequirePermission(Permission.PeopleImport);
        group.MapPost("/import", ImportPeople).WithName(nameof(ImportPeople)).RequirePermission(Permission.PeopleImport).AcceptsExcel();
        group.MapGet("/{id:int}", GetPerson).WithName(nameof(GetPerson)).RequirePermission(Permission.PeopleRead, Permission.AccountsOwn);
        group.MapGet("/{id:int}/history", GetPersonHistory).WithName(nameof(GetPersonHistory)).RequirePermission(Permission.PeopleRead, Permission.AccountsOwn);
        group.MapPost("/", CreatePerson).WithName(nameof(CreatePerson)).RequirePermission(Permission.PeopleEdit);
        group.MapPut("/{id:int}", UpdatePerson).WithName(nameof(UpdatePerson)).RequirePermission(Permission.PeopleEdit);
    }

    public static async Task<Ok<Paged<PersonRow>>> ListPeople(
        PeopleQueries queries, int? organizationId, bool? subtree, MemberStatus? status, TeamRole? role, string? name, bool? cadre, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(new RosterFilter(organizationId, subtree ?? true, status, role, name, cadre), page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportPeople(
        PeopleExport export, int? organizationId, bool? subtree, MemberStatus? status, TeamRole? role, string? name, bool? cadre, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(new RosterFilter(organizationId, subtree ?? true, status, role, name, cadre), ct), "roster", clock);

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

    public static async Task<FileContentHttpResult> GetImportTemplate(RosterTemplate template, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await template.BuildAsync(ct), "roster-template", clock);

    /// <summary>
    /// Imports a roster (ORG-6). The request body is the .xlsx file itself, sent with
    /// <c>Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet</c>
    /// (<c>curl --data-binary @roster.xlsx -H "Content-Type: …sheet"</c>). Answers:
    /// <list type="bullet">
    /// <item>200 <c>{"imported": 50}</c>: every row was added, in one transaction.</item>
    /// <item>400 ValidationProblemDetails, nothing imported: <c>title</c> says how many problems; <c>errors</c> is keyed
    /// <c>"row/column"</c> as Excel shows them (<c>"5/身份证号码"</c>), or <c>"file"</c> for the whole file (not an .xlsx,
    /// empty, missing columns); <c>rowErrors</c> lists <c>{row, column, message}</c> in file order (row and column null
    /// for the whole file), the first <see cref="RosterImport.MaxReportedErrors"/>; <c>errorCount</c> counts them all.</item>
    /// <item>413 ProblemDetails: larger than <c>Dangjian:MaxUploadBytes</c>. 415 ProblemDetails: another content type.</item>
    /// </list>
    /// A cross-site page cannot send this content type without a CORS preflight, so the cookie-authenticated
    /// browser path needs no antiforgery token.
    /// </summary>
    public static async Task<Results<Ok<RosterImportSummary>, ValidationProblem, ProblemHttpResult>> ImportPeople(
        HttpContext http, RosterImport import, ExcelUpload upload, IStringLocalizer<RuleText> rules, CancellationToken ct)
    {
        using var body = await upload.ReadAsync(http, ct);
        if (!body.Accepted)
        {
            return body.Refusal;
        }

        var result = await import.ImportAsync(body.File, progress: null, ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new RosterImportSummary(result.Imported));
        }

        return ImportProblem.Of(result.Errors, result.ErrorCount, rules["Import.Rejected", result.ErrorCount]);
    }

    /// <summary>
    /// The rosters waiting in the server's import folder (<c>Dangjian:ImportFolder</c>): <c>{"configured": true, "files":
    /// [{"name", "bytes", "modifiedAt"}]}</c>, or <c>{"configured": false, "files": []}</c> when none is set up.
    /// </summary>
    public static async Task<Ok<ServerRosterFiles>> ListServerRosterFiles(RosterImport import, CancellationToken ct) =>
        TypedResults.Ok(await import.ListServerFilesAsync(ct) is { } files ? new ServerRosterFiles(true, files) : new ServerRosterFiles(false, []));

    /// <summary>
    /// Imports a roster of the server's import folder by name, <c>{"name": "province.xlsx"}</c>: up to
    /// <see cref="RosterImport.MaxFileRows"/> rows, with the same checks and answers as <see cref="ImportPeople"/>
    /// (a name that is not one of the folder's files: 400 keyed <c>"file"</c>).
    /// </summary>
    public static async Task<Results<Ok<RosterImportSummary>, ValidationProblem, ProblemHttpResult>> ImportServerRosterFile(
        ImportServerFileRequest request, RosterImport import, IStringLocalizer<RuleText> rules, CancellationToken ct)
    {
        var result = await import.ImportServerFileAsync(request.Name, progress: null, ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new RosterImportSummary(result.Imported));
        }

        return ImportProblem.Of(result.Errors, result.ErrorCount, rules["Import.Rejected", result.ErrorCount]);
    }
}

/// <summary>The answer to a clean import.</summary>
public sealed record RosterImportSummary(int Imported);

/// <summary>A roster in the server's import folder.</summary>
public sealed record ServerRosterFile(string Name, long Bytes, DateTimeOffset ModifiedAt);

/// <summary>Whether an import folder is set up, and its rosters by name.</summary>
public sealed record ServerRosterFiles(bool Configured, IReadOnlyList<ServerRosterFile> Files);

/// <summary>A roster of the server's import folder, by its name there.</summary>
public sealed record ImportServerFileRequest(string? Name);
