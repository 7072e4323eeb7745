using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Commitments.Opinions;

/// <summary>/api/v1/commitments/{id}/opinions (定's opinions) and the anonymous suggestion form /public/commitments/{campaignId}/suggest.</summary>
public static class OpinionEndpoints
{
    /// <summary>The rate limit policy of the suggestion form, per client address.</summary>
    public const string SuggestPolicy = "cmt-suggest";

    public static IServiceCollection AddCommitmentOpinions(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, SuggestionRateLimitPolicy>(SuggestPolicy));
        return services.AddScoped<CampaignOpinions>().AddScoped<PublicSuggestions>();
    }

    public static void MapCommitmentOpinions(this RouteGroupBuilder g)
    {
        g.MapGet("/{id:int}/opinions", ListCommitmentOpinions).WithName(nameof(ListCommitmentOpinions)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/{id:int}/opinions", AddCommitmentOpinion).WithName(nameof(AddCommitmentOpinion)).RequirePermission(Permission.CommitmentsRun);
    }

    /// <summary>Every opinion of the campaign, all channels, for the list and for citing pickers.</summary>
    public static async Task<Ok<CommitmentOpinionList>> ListCommitmentOpinions(CampaignOpinions o, int id, CancellationToken ct) =>
        TypedResults.Ok(await o.ListAsync(id, ct));

    public static async Task<Created<CommitmentOpinionList>> AddCommitmentOpinion(CampaignOpinions o, int id, CommitmentOpinionRequest request, CancellationToken ct)
    {
        await o.AddAsync(id, request, ct);
        return TypedResults.Created($"{CommitmentEndpoints.Route}/{id}/opinions", await o.ListAsync(id, ct));
    }

    /// <summary>The suggestion form's path for a campaign.</summary>
    public static string SuggestPath(int campaignId) => PublicForm.Path("/public/commitments", campaignId) + "/suggest";

    /// <summary>The form's public address from a page (its own base address is NavigationManager.BaseUri).</summary>
    public static string SuggestUrl(PublicFormOptions options, string baseUri, int campaignId) => PublicForm.Address(options, baseUri, SuggestPath(campaignId));
}

/// <summary>
/// Suggestions per client address per minute, the same setting as the other anonymous opinion form
/// ("Dangjian:OpinionSubmissionsPerMinute") with counters of its own; reading the form is not limited.
/// </summary>
public sealed class SuggestionRateLimitPolicy(IOptions<DangjianOptions> options) : PostRateLimitPolicy
{
    protected override string Prefix => OpinionEndpoints.SuggestPolicy;

    protected override int PermitsPerMinute => options.Value.OpinionSubmissionsPerMinute;

    protected override string RefusalText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<OpinionText>>()["Public.TooMany"];
}
