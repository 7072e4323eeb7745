namespace Dangjian.Domain.Elections;

/// <summary>
/// What follows a counted round (ELE-12): a run-off (重新投票) among those tied across the last seat, or, when fewer
/// reached the threshold than there were seats, 另行选举 for the seats left unfilled, among the candidates on the ballot
/// who were not elected (中国共产党基层组织选举工作条例 第二十七条: 对不足的名额可以另行选举). A count never asks for both:
/// seats left over mean nobody above the threshold was left out.
/// </summary>
public static class SupplementaryElection
{
    /// <summary>
    /// The names and seats of the round that follows <paramref name="result"/>; refused (Round.NoRunoff) for a void count,
    /// a count that filled every seat, and when nobody on the ballot is left to stand again.
    /// </summary>
    public static (IReadOnlyList<string> Names, int Seats) Next(CountResult? result, IReadOnlyList<string> ballotNames)
    {
        ArgumentNullException.ThrowIfNull(ballotNames);
        if (result is not { Status: CountStatus.Counted })
        {
            throw new Common.DomainRuleException("Round.NoRunoff", "runoffOfRoundId");
        }

        if (result.Runoff is { } runoff)
        {
            return (runoff.Names, runoff.Seats);
        }

        var elected = result.Elected.ToHashSet(StringComparer.Ordinal);
        var rest = ballotNames.Where(n => !elected.Contains(n)).ToList();
        if (result.UnfilledSeats <= 0 || rest.Count == 0)
        {
            throw new Common.DomainRuleException("Round.NoRunoff", "runoffOfRoundId");
        }

        return (rest, result.UnfilledSeats);
    }

    /// <summary>
    /// The seats a body's formal election still owes: for each counted formal round that no later round follows, its
    /// unfilled seats and the seats it sent to a run-off. A round that still waits for its count owes nothing yet.
    /// </summary>
    public static IReadOnlyList<SeatsOwed> Owed(IEnumerable<FormalRound> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var list = rounds.ToList();
        var followed = list.Where(r => r.FollowsRoundId is not null).Select(r => r.FollowsRoundId!.Value).ToHashSet();
        return list.Where(r => !followed.Contains(r.Id) && r.Result is { Status: CountStatus.Counted })
            .Select(r => new SeatsOwed(r.Id, r.BodyId, r.Result!.UnfilledSeats, r.Result.Runoff?.Seats ?? 0))
            .Where(o => o.Unfilled + o.Runoff > 0)
            .ToList();
    }
}

/// <summary>A formal round as <see cref="SupplementaryElection.Owed"/> reads it: which body, which round it follows, its count.</summary>
public sealed record FormalRound(int Id, int BodyId, int? FollowsRoundId, CountResult? Result);

/// <summary>Seats a round left to another round: unfilled (另行选举) or tied (run-off).</summary>
public sealed record SeatsOwed(int RoundId, int BodyId, int Unfilled, int Runoff);
