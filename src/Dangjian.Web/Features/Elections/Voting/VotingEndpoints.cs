using System.Globalization;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Elections.Voting;

/// <summary>
/// Electronic voting (ELE-11, ELE-13): /api/v1/elections/rounds/{id}/codes for staff, the public ballot at /vote.
/// </summary>
public static class VotingEndpoints
{
    public static IServiceCollection AddVoting(this IServiceCollection services) => services.AddScoped<VotingService>();

    public static void MapVotingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/elections/rounds").WithTags("Elections");
        group.MapGet("/{id:int}/codes", GetCodeProgress).WithName(nameof(GetCodeProgress)).RequirePermission(Permission.ElectionsRead);
        group.MapPost("/{id:int}/codes", IssueCodes).WithName(nameof(IssueCodes)).RequirePermission(Permission.ElectionsRun);
        app.MapBallotPage();
    }

    /// <summary>How many codes were issued and ballots cast in the round's box (counts only).</summary>
    public static async Task<Ok<BoxProgress>> GetCodeProgress(VotingService voting, int id, CancellationToken ct) =>
        TypedResults.Ok(await voting.ProgressAsync(id, ct));

    /// <summary>Issues 1…5000 one-time codes; the answer is the only time they are shown (and is never cached).</summary>
    public static async Task<Results<Ok<IssuedCodes>, ValidationProblem>> IssueCodes(
        VotingService voting, IOptions<PublicFormOptions> options, IStringLocalizer<VotingText> text, HttpContext http, int id, IssueCodesRequest request, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        try
        {
            return TypedResults.Ok(await voting.IssueCodesAsync(id, request.Count, VoteAddress(options.Value, http.Request, id), ct));
        }
        catch (CodesRefusedException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["round"] = [text["Codes.Refused"]] }, title: text["Codes.Refused"]);
        }
    }

    /// <summary>The voting address of a round, as printed on its slips: {base}/vote/{id}.</summary>
    public static string VoteAddress(PublicFormOptions options, HttpRequest request, int roundId) =>
        PublicForm.Address(options, request, PublicForm.Path("/vote", roundId));
}
