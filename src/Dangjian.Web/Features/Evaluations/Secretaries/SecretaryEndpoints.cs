using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Evaluations.Secretaries;

/// <summary>
/// /api/v1/evaluations/secretaries/{personId}: a branch secretary's assessment results across the years and the exit flag
/// (EVA-9), Evaluations.Read on the secretary's organization. The printable report is the page /evaluations/secretaries/{personId}.
/// </summary>
public static class SecretaryEndpoints
{
    public const string Route = "/api/v1/evaluations/secretaries";

    public static IServiceCollection AddSecretaryAssessment(this IServiceCollection services) => services.AddScoped<SecretaryQueries>();

    public static void MapSecretaryEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Evaluations");
        g.MapGet("/{personId:int}", SecretaryResults).WithName(nameof(SecretaryResults)).RequirePermission(Permission.EvaluationsRead);
    }

    public static async Task<Ok<SecretaryReport>> SecretaryResults(SecretaryQueries q, int personId, CancellationToken ct) =>
        TypedResults.Ok(await q.ReportAsync(personId, ct));
}
