using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Evaluations.Secretaries;

/// <summary>
/// /api/v1/evaluations/secretaries: the branch secretaries assessed in the caller's organizations with their grades by year
/// and the exit flag (<c>?year=&amp;flaggedOnly=&amp;search=&amp;page=&amp;pageSize=</c>, and <c>/export</c>); /{personId}: one
/// secretary's results across the years and the flag (EVA-9), Evaluations.Read on the secretary's organization. The pages are
/// /evaluations/secretaries and the printable report /evaluations/secretaries/{personId}.
/// </summary>
public static class SecretaryEndpoints
{
    public const string Route = "/api/v1/evaluations/secretaries";

    public static IServiceCollection AddSecretaryAssessment(this IServiceCollection services) => services.AddScoped<SecretaryQueries>();

    public static void MapSecretaryEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Evaluations");
        g.MapGet("", ListSecretaries).WithName(nameof(ListSecretaries)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/export", ExportSecretaries).WithName(nameof(ExportSecretaries)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/{personId:int}", SecretaryResults).WithName(nameof(SecretaryResults)).RequirePermission(Permission.EvaluationsRead);
    }

    public static async Task<Ok<SecretaryReport>> SecretaryResults(SecretaryQueries q, int personId, CancellationToken ct) =>
        TypedResults.Ok(await q.ReportAsync(personId, ct));

    /// <summary>A page of the assessed secretaries, the flagged first; a year outside 2000–2100 or a bad page is a 400 naming it.</summary>
    public static async Task<Ok<SecretaryListView>> ListSecretaries(
        SecretaryQueries q, int? year, bool? flaggedOnly, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(year, flaggedOnly, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportSecretaries(
        SecretaryQueries q, OrgClock clock, int? year, bool? flaggedOnly, string? search, CancellationToken ct) =>
        ExcelFile.Result(await q.ExportAsync(year, flaggedOnly, search, ct), "secretaries", clock);
}
