using System.Net;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Elections.Voting;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Elections.Voting;

/// <summary>
/// The voting concurrency test: 500 submissions at once over 450 codes, 50 of them sent twice at the same moment.
/// Exactly one submission per code is accepted, nothing acknowledged is lost, and the count of what the box holds
/// is the count of what was acknowledged.
/// </summary>
public abstract class VotingConcurrencyTests(AppFixture app)
{
    private const int Codes = 450;
    private const int Twice = 50;
    private const int Seats = 3;

    [Fact]
    public async Task Vote_500AtOnceOver450Codes_450Accepted50ToldUsedNoneLost()
    {
        var round = await app.RoundAsync(seats: Seats);
        var codes = await app.IssueCodesAsync(round.Id, Codes);
        var random = new Random(20261123);
        var submissions = codes.Select(c => (Code: c, Marks: RandomMarks(random, round.Candidates.Count))).ToList();
        submissions.AddRange(codes.Take(Twice).Select(c => (Code: c, Marks: RandomMarks(random, round.Candidates.Count))));
        var phone = app.Phone();
        var token = await phone.OpenBallotAsync(round.Id);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = submissions.Select(async s =>
        {
            await start.Task;
            var response = await phone.PostAsync($"/vote/{round.Id}", VotingSetup.BallotForm(token, s.Code, s.Marks));
            return (s.Code, s.Marks, response.StatusCode, Receipt: VotingSetup.Receipt(await response.Content.ReadAsStringAsync()));
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(sending);

        var accepted = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.True(accepted.Count == Codes, "answers: " + string.Join(", ", results.GroupBy(r => r.StatusCode).Select(g => $"{g.Key} × {g.Count()}")));
        Assert.Equal(Twice, results.Count(r => r.StatusCode == HttpStatusCode.Conflict)); // "already used"
        Assert.All(accepted, r => Assert.NotNull(r.Receipt));
        Assert.Equal(Codes, accepted.Select(r => r.Code).Distinct().Count());
        Assert.Equal(Codes, accepted.Select(r => r.Receipt).Distinct().Count());

        await app.CloseBoxAsync(round);
        var stored = await app.BallotsAsync(round);
        var view = new VoteRound(round.Id, "", "", ElectionMode.Formal, Seats, round.Candidates, RoundStatus.Open, true);
        var expected = accepted.ToDictionary(r => r.Receipt!, r => BallotForm.Content(view, new BallotChoice(Marks(r.Marks), [])));
        Assert.Equal(Codes, stored.Count);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), stored.Select(b => new KeyValuePair<string, string>(b.Receipt!, b.Content)));

        CountResult Count(IEnumerable<string> contents) => ElectionCount.Count(new CountInput(
            ElectionMode.Formal, Seats, Codes, Codes, Codes, round.Candidates, [.. contents.Select(BallotForm.Parse)]));
        Assert.Equal(CountJson.Write(Count(expected.Values)), CountJson.Write(Count(stored.Select(b => b.Content))));
        Assert.Equal(Codes, Count(stored.Select(b => b.Content)).ValidBallots);
    }

    /// <summary>A valid ballot: at most <see cref="Seats"/> For, the rest Against or Abstain at random.</summary>
    private static string[] RandomMarks(Random random, int candidates)
    {
        var marks = Enumerable.Range(0, candidates).Select(_ => random.Next(3) switch { 0 => "for", 1 => "against", _ => "abstain" }).ToArray();
        for (var i = 0; marks.Count(m => m == "for") > Seats; i++)
        {
            if (marks[i] == "for")
            {
                marks[i] = "abstain";
            }
        }

        return marks;
    }

    private static Mark[] Marks(IEnumerable<string> marks) =>
        [.. marks.Select(m => m switch { "for" => Mark.For, "against" => Mark.Against, _ => Mark.Abstain })];
}

[Collection(SqliteCollection.Name)]
public sealed class VotingConcurrencySqliteTests(SqliteApp app) : VotingConcurrencyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class VotingConcurrencyPostgresTests(PostgresApp app) : VotingConcurrencyTests(app);
