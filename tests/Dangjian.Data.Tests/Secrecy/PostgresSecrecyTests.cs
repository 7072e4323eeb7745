using Dangjian.Data.Secrecy;
using Npgsql;

namespace Dangjian.Data.Tests.Secrecy;

/// <summary>
/// The secrecy suite on PostgreSQL, as far as the server lets a test see: pageinspect reads the heap pages of
/// the secret tables as they are on disk, with each tuple's inserting (xmin) and deleting (xmax) transaction and its
/// place (block, line pointer). A deleted code stays there as a dead tuple whose xmax is the transaction that stored
/// the ballot, until the table is rewritten: the pairing an attacker with the data directory would use. (The WAL holds
/// the same records in the same transactions; README's "Secrecy" section reasons about it with pg_waldump.) The
/// control runs one cast per commit and must find every pairing.
/// </summary>
public sealed class PostgresSecrecyTests
{
    private sealed record Tuple(int Block, int Line, int Flags, string Xmin, string Xmax, byte[] Data);

    private static async Task<List<Tuple>> TuplesAsync(NpgsqlConnection c, string table)
    {
        var tuples = new List<Tuple>();
        await using (var ext = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pageinspect", c))
        {
            await ext.ExecuteNonQueryAsync();
        }

        foreach (var block in Enumerable.Range(0, await BlocksAsync(c, table)))
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT lp, lp_flags, coalesce(t_xmin::text, ''), coalesce(t_xmax::text, ''), coalesce(t_data, ''::bytea) FROM heap_page_items(get_raw_page(@t, @b))", c);
            cmd.Parameters.AddWithValue("t", '"' + table + '"');
            cmd.Parameters.AddWithValue("b", block);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                tuples.Add(new Tuple(block, r.GetInt16(0), r.GetInt16(1), r.GetString(2), r.GetString(3), (byte[])r.GetValue(4)));
            }
        }

        return tuples;
    }

    private static async Task<List<byte[]>> RawPagesAsync(NpgsqlConnection c, string table)
    {
        var pages = new List<byte[]>();
        foreach (var block in Enumerable.Range(0, await BlocksAsync(c, table)))
        {
            await using var cmd = new NpgsqlCommand("SELECT get_raw_page(@t, @b)", c);
            cmd.Parameters.AddWithValue("t", '"' + table + '"');
            cmd.Parameters.AddWithValue("b", block);
            pages.Add((byte[])(await cmd.ExecuteScalarAsync())!);
        }

        return pages;
    }

    private static async Task<int> BlocksAsync(NpgsqlConnection c, string table)
    {
        await using var cmd = new NpgsqlCommand("SELECT (pg_relation_size(@t::regclass) / current_setting('block_size')::int)::int", c);
        cmd.Parameters.AddWithValue("t", '"' + table + '"');
        return (int)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Voter i of each tuple that holds voter i's text, by place on disk.</summary>
    private static List<int> PhysicalOrder(IEnumerable<Tuple> tuples, Func<int, string> text) =>
        [.. tuples.OrderBy(t => t.Block).ThenBy(t => t.Line)
            .Select(t => Enumerable.Range(0, WavesOfVoters.Voters).FirstOrDefault(i => SqliteFileReader.Contains(t.Data, text(i)), -1))
            .Where(i => i >= 0).Distinct()];

    private static bool Live(Tuple t) => t.Flags == 1 && t.Xmax == "0";

    private static async Task<(Voted Voted, List<Tuple> Ballots, List<Tuple> Unused)> VoteAsync(PostgresSecrecyDatabase database, SecrecyOptions options)
    {
        var voted = await WavesOfVoters.VoteAsync(database.Open, options);
        await using var c = database.Connect();
        await c.OpenAsync();
        return (voted, await TuplesAsync(c, "SecretBallots"), await TuplesAsync(c, "UnusedAccessCodes"));
    }

    /// <summary>For each transaction that stored ballots: the voters whose ballots it stored and whose codes it deleted.</summary>
    private static List<(HashSet<int> Ballots, HashSet<int> Codes)> TransactionsOf(Voted voted, List<Tuple> ballots, List<Tuple> unused) =>
        [.. ballots.Where(Live).GroupBy(t => t.Xmin).Select(g => (
            g.Select(t => Enumerable.Range(0, WavesOfVoters.Voters).First(i => SqliteFileReader.Contains(t.Data, WavesOfVoters.Marker(i)))).ToHashSet(),
            unused.Where(u => u.Xmax == g.Key)
                .Select(u => Enumerable.Range(0, WavesOfVoters.Voters).FirstOrDefault(i => SqliteFileReader.Contains(u.Data, voted.CodeHashes[i]), -1))
                .Where(i => i >= 0).ToHashSet()))];

    [Fact]
    public async Task Voting_TenAtATime_EachTransactionStoresAWholeWaveAndDeletesAsManyCodes()
    {
        await using var database = (PostgresSecrecyDatabase)await PostgresSecrecyDatabase.CreateAsync();
        var (voted, ballots, unused) = await VoteAsync(database, WavesOfVoters.Production);

        var transactions = TransactionsOf(voted, ballots, unused);

        Assert.Equal(WavesOfVoters.Voters, transactions.Sum(t => t.Ballots.Count));
        Assert.Equal(WavesOfVoters.Voters, transactions.Sum(t => t.Codes.Count)); // every used code is found, dead, by its deleter
        Assert.All(transactions, t =>
        {
            Assert.True(t.Ballots.Count >= WavesOfVoters.WaveSize, $"a transaction stored {t.Ballots.Count} ballot(s)");
            Assert.Equal(t.Ballots.Count, t.Codes.Count);
        });
        // Inside a transaction rows are inserted in a random order, so their places on disk keep no order of casting.
        Assert.InRange(OrderLeak.NeighbourPairs(PhysicalOrder(ballots.Where(Live), WavesOfVoters.Marker)), 0, 17);
    }

    [Fact]
    public async Task Voting_OneCastPerCommit_TheSameAnalysisFindsEveryPairingAndTheOrder()
    {
        await using var database = (PostgresSecrecyDatabase)await PostgresSecrecyDatabase.CreateAsync();
        var (voted, ballots, unused) = await VoteAsync(database, WavesOfVoters.OneCastPerCommit);

        var transactions = TransactionsOf(voted, ballots, unused);

        Assert.Equal(WavesOfVoters.Voters, transactions.Count(t => t.Ballots.Count == 1 && t.Codes.Count == 1 && t.Ballots.Single() == t.Codes.Single()));
        // At least 20 of 39 neighbouring pairs (random keeps about 7, sd 2.4): voters of a wave press 15 ms apart, and on a
        // loaded machine some overtake each other, which is their real order of casting (as in the SQLite control).
        Assert.InRange(OrderLeak.NeighbourPairs(PhysicalOrder(ballots.Where(Live), WavesOfVoters.Marker)), 20, 39);
    }

    [Fact]
    public Task Close_WithAnOldSnapshotHeld_WaitsThenRewritesTheTablesLeavingNoDeadTupleNoOrder() =>
        CloseBesideAnOldSnapshotAsync(unseen: false);

    /// <summary>
    /// A prepared transaction holds the horizon back where the wait before the rewrite cannot see it (it is in no
    /// session), as a backend still starting up once did: the wait passes at once and the rewrite has to keep the dead
    /// rows. The count after the rewrite finds them (the rows it kept outnumber the visible ones), so the close rewrites
    /// again until they can go. Without that check this close returned at once and left the used codes and the
    /// unshuffled ballots on disk.
    /// </summary>
    [Fact]
    public Task Close_WithAHorizonHolderNoSessionShows_FindsTheDeadRowsItKeptAndRewritesAgain() =>
        CloseBesideAnOldSnapshotAsync(unseen: true);

    private static async Task CloseBesideAnOldSnapshotAsync(bool unseen)
    {
        await using var database = (PostgresSecrecyDatabase)await PostgresSecrecyDatabase.CreateAsync();
        var voted = await WavesOfVoters.VoteAsync(database.Open, WavesOfVoters.Production);

        // A repeatable-read snapshot taken before the close could still see the deleted codes and the ballots before
        // the shuffle, so VACUUM FULL would have to keep them: the close must wait for it. The snapshot has read no secret
        // table, so no lock makes the rewrite wait: only the close's own check of the horizon does.
        var reader = unseen ? await database.HoldPreparedTransactionAsync() : await database.HoldSnapshotAsync();
        Task close;
        try
        {
            close = Task.Run(async () =>
            {
                await using var db = database.Open();
                await new BallotBoxService(db).CloseAsync(voted.Key);
            });
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.False(close.IsCompleted, "the close reported success while an old snapshot could still see the deleted rows");
        }
        finally
        {
            // Released on failure too: a prepared transaction left behind would hold every database's horizon.
            await reader.DisposeAsync();
        }

        await close;

        await using var c = database.Connect();
        await c.OpenAsync();
        var ballots = await TuplesAsync(c, "SecretBallots");
        var unused = await TuplesAsync(c, "UnusedAccessCodes");
        var spent = await TuplesAsync(c, "SpentAccessCodes");
        Assert.All(ballots.Concat(unused).Concat(spent), t => Assert.True(Live(t), $"dead or deleted tuple at ({t.Block},{t.Line})"));
        Assert.Equal(WavesOfVoters.Voters, ballots.Count);
        Assert.Single(ballots.Select(t => t.Xmin).Distinct()); // one transaction wrote them all: the shuffle's
        Assert.Single(spent.Select(t => t.Xmin).Distinct());
        var unusedPages = (await RawPagesAsync(c, "UnusedAccessCodes")).SelectMany(p => p).ToArray();
        var spentPages = (await RawPagesAsync(c, "SpentAccessCodes")).SelectMany(p => p).ToArray();
        Assert.All(voted.CodeHashes, h =>
        {
            Assert.False(SqliteFileReader.Contains(unusedPages, h));
            Assert.Single(SqliteFileReader.Find(spentPages, h));
        });
        Assert.All(voted.UnusedHashes, h => Assert.Single(SqliteFileReader.Find(unusedPages, h)));
        Assert.InRange(OrderLeak.NeighbourPairs(PhysicalOrder(ballots, WavesOfVoters.Marker)), 0, 12);
        Assert.InRange(OrderLeak.NeighbourPairs(PhysicalOrder(spent, i => voted.CodeHashes[i])), 0, 12);
    }
}
