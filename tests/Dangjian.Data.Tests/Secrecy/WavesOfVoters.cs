using Dangjian.Data.Secrecy;
using Dangjian.Domain.Secrecy;

namespace Dangjian.Data.Tests.Secrecy;

/// <summary>What a test knows of a vote and an attacker should not learn from the files: which code cast which ballot, in what order.</summary>
internal sealed record Voted(string Key, IReadOnlyList<string> CodeHashes, IReadOnlyList<string> Receipts, IReadOnlyList<string> UnusedHashes);

/// <summary>
/// Voters in waves of ten, as in a meeting room: ten press "submit" one after another within moments, and the next ten
/// come after the first have their receipts. Voter i's ballot carries a marker that can be searched for in the files,
/// and the test keeps which code and receipt were voter i's.
/// </summary>
internal static class WavesOfVoters
{
    public const int Waves = 4;
    public const int WaveSize = 10;
    public const int Voters = Waves * WaveSize;

    public static string Marker(int i) => $"BALLOT-{i:D3}-END";

    /// <summary>Opens a box with codes for every voter and <paramref name="spare"/> more; <paramref name="beforeVoting"/> runs once it is open.</summary>
    public static async Task<Voted> VoteAsync(Func<DangjianDbContext> open, SecrecyOptions options, Func<DangjianDbContext, Task>? beforeVoting = null, int spare = 5)
    {
        var key = "Test/" + Guid.NewGuid().ToString("N")[..12];
        IReadOnlyList<string> codes;
        await using (var db = open())
        {
            var boxes = new BallotBoxService(db, options);
            boxes.Create(key);
            await db.SaveChangesAsync();
            codes = await boxes.IssueCodesAsync(key, Voters + spare);
            await boxes.OpenAsync(key);
            if (beforeVoting is not null)
            {
                await beforeVoting(db);
            }
        }

        var receipts = new string[Voters];
        for (var wave = 0; wave < Waves; wave++)
        {
            var first = wave * WaveSize;
            await Task.WhenAll(Enumerable.Range(first, WaveSize).Select(i => Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(15 * (i - first))); // they press in this order
                await using var db = open();
                var cast = await new BallotBoxService(db, options).CastAsync(key, codes[i], $$"""{"m":"{{Marker(i)}}"}""");
                Assert.Equal(CastOutcome.Accepted, cast.Outcome);
                receipts[i] = cast.Receipt!;
            })));
        }

        var hashes = codes.Select(c => AccessCode.Hash(key, c)).ToList();
        return new Voted(key, hashes[..Voters], receipts, hashes[Voters..]);
    }

    /// <summary>The production settings, except where a test says otherwise.</summary>
    public static readonly SecrecyOptions Production = new();

    /// <summary>One cast per commit, as the app once did: the control the analyses must catch.</summary>
    public static readonly SecrecyOptions OneCastPerCommit = new() { BatchSize = 1, MaxBatchSize = 1, MixingWindow = TimeSpan.Zero };
}
