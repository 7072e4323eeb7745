using Dangjian.Web.Features.PublicForms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Elections.Voting;

/// <summary>What the ballot page shows: the round, and after a POST what was sent back and how it went.</summary>
public sealed record BallotView(int RoundId, VoteRound? Round)
{
    public string Code { get; init; } = string.Empty;

    public IReadOnlyList<Mark> Marks { get; init; } = [];

    public IReadOnlyList<string> WriteIns { get; init; } = [];

    public string? Receipt { get; init; }

    public bool Refused { get; init; }

    public bool Used { get; init; }

    public IReadOnlyList<BallotError> Errors { get; init; } = [];

    /// <summary>The mark sent for the candidate at <paramref name="index"/>; 弃权 when none was sent or it was not one of the three.</summary>
    public Mark MarkOf(int index) => index < Marks.Count && Enum.IsDefined(Marks[index]) ? Marks[index] : Mark.Abstain;

    public string WriteInOf(int index) => index < WriteIns.Count ? WriteIns[index] : string.Empty;
}

/// <summary>
/// The public ballot at /vote/{id} (ELE-11 electronic): GET shows it, POST casts it. Minimal endpoints that render
/// <see cref="BallotPage"/> as a whole document (<see cref="RazorComponentResult{TComponent}"/>), without the app's
/// shell and router: this is the page every voter of a meeting loads at once, so it does only what a ballot needs.
/// The POST binds the form, so the platform checks its antiforgery token first (a missing or wrong one is a 400 and
/// uses no code).
/// </summary>
public static class BallotPageEndpoints
{
    public static void MapBallotPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/vote/{roundId:int}", Show).AsFormPage();
        app.MapPost("/vote/{roundId:int}", Cast).AsFormPage();
    }

    /// <summary>The ballot; a code from the slip's QR link (?code=) is filled in, normalized, and never checked here.</summary>
    /// <remarks>The page is kept rendered per round version, state and language (<see cref="FormPages"/>).</remarks>
    public static async Task<FormPageResult> Show(int roundId, string? code, VotingService voting, HttpContext http, CancellationToken ct)
    {
        // A filled-in ballot or a receipt must not stay in a shared cache or the browser's back-forward cache.
        PublicForm.NoStore(http);
        var round = await voting.RoundAsync(roundId, ct);
        var status = round is null ? StatusCodes.Status404NotFound : round.AcceptsBallots ? StatusCodes.Status200OK : StatusCodes.Status409Conflict;
        var key = round is null ? null : FormPageKey.For("ElectionRound", roundId, round.Version, $"{round.Status}|{round.BoxOpen}");
        return FormPages.Page(key, status, PublicForm.CodeFromLink(code), c => Page(new BallotView(roundId, round) { Code = c }, status));
    }

    public static async Task<IResult> Cast(int roundId, PostedForm form, VotingService voting, HttpContext http, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        if (await voting.RoundAsync(roundId, ct) is not { } round)
        {
            return Page(new BallotView(roundId, null), StatusCodes.Status404NotFound);
        }

        var marks = new Mark[round.Candidates.Count];
        for (var i = 0; i < marks.Length; i++)
        {
            marks[i] = form[$"m{i}"].ToString() switch
            {
                "for" => Mark.For,
                "against" => Mark.Against,
                "abstain" or "" => Mark.Abstain,
                _ => (Mark)(-1),
            };
        }

        var writeIns = new string[BallotForm.WriteInFields(round.Seats)];
        for (var i = 0; i < writeIns.Length; i++)
        {
            writeIns[i] = form[$"w{i}"].ToString();
        }

        var sent = new BallotView(roundId, round) { Code = form["code"].ToString(), Marks = marks, WriteIns = writeIns };
        var result = await voting.CastAsync(round, sent.Code, new BallotChoice(marks, writeIns), ct);
        return result.Outcome switch
        {
            // The receipt page shows the round's title and the receipt only: kept rendered, the receipt in its hole.
            VoteOutcome.Accepted => FormPages.Page(
                FormPageKey.For("ElectionRound", roundId, round.Version, "receipt"), StatusCodes.Status200OK, result.Receipt!,
                r => Page(new BallotView(roundId, round) { Receipt = r }, StatusCodes.Status200OK)),
            VoteOutcome.Invalid => Page(sent with { Errors = result.Errors }, StatusCodes.Status422UnprocessableEntity),
            VoteOutcome.NotOpen => Page(sent with { Round = round with { BoxOpen = false } }, StatusCodes.Status409Conflict),

            // The code was issued and has been used: say so, so a voter whose reply was lost knows it counted.
            // Nothing stored links the code to its ballot.
            VoteOutcome.AlreadyUsed => Page(sent with { Used = true, Code = string.Empty }, StatusCodes.Status409Conflict),

            // One answer for a wrong and a mistyped code: same status, same words, and the code field emptied either
            // way, so the page tells nothing about whether such a code exists.
            _ => Page(sent with { Refused = true, Code = string.Empty }, StatusCodes.Status403Forbidden),
        };
    }

    private static RazorComponentResult<BallotPage> Page(BallotView view, int status) =>
        new(new Dictionary<string, object?> { [nameof(BallotPage.View)] = view }) { StatusCode = status };
}
