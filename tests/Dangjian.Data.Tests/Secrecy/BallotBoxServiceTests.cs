using Dangjian.Data.Secrecy;
using Dangjian.Domain.Secrecy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Secrecy;

/// <summary>One migrated database per provider, shared by a test class; each test uses a box of its own.</summary>
public abstract class SecrecyDatabaseFixture : IAsyncLifetime
{
    private ISecrecyDatabase? _database;

    public ISecrecyDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    protected abstract Task<ISecrecyDatabase> CreateAsync();

    public async Task InitializeAsync() => _database = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteSecrecyFixture : SecrecyDatabaseFixture
{
    protected override Task<ISecrecyDatabase> CreateAsync() => SqliteSecrecyDatabase.CreateAsync();
}

public sealed class PostgresSecrecyFixture : SecrecyDatabaseFixture
{
    protected override Task<ISecrecyDatabase> CreateAsync() => PostgresSecrecyDatabase.CreateAsync();
}

/// <summary>The shared secret-ballot mechanism on a real database (DESIGN.md "Secrecy", ELE-13).</summary>
public abstract class BallotBoxServiceTests(SecrecyDatabaseFixture fixture)
{
    private const string Ballot = """{"for":["张伟"],"against":[],"writeIns":[],"void":false}""";

    /// <summary>These tests cast one at a time and are not about mixing: a short window keeps them quick.</summary>
    private static readonly SecrecyOptions Quick = new() { MixingWindow = TimeSpan.FromMilliseconds(10), EraseTimeout = TimeSpan.FromSeconds(20) };

    private ISecrecyDatabase Database => fixture.Database;

    private static string NewKey() => "Test/" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A box with codes issued and, unless told otherwise, opened.</summary>
    private async Task<(string Key, IReadOnlyList<string> Codes)> BoxAsync(int codes, bool open = true)
    {
        var key = NewKey();
        await using var db = Database.Open();
        var boxes = new BallotBoxService(db, Quick);
        boxes.Create(key);
        await db.SaveChangesAsync();
        var issued = await boxes.IssueCodesAsync(key, codes);
        if (open)
        {
            await boxes.OpenAsync(key);
        }

        return (key, issued);
    }

    private async Task<CastResult> CastAsync(string key, string code, string content = Ballot)
    {
        await using var db = Database.Open();
        return await new BallotBoxService(db, Quick).CastAsync(key, code, content);
    }

    private async Task CloseAsync(string key)
    {
        await using var db = Database.Open();
        await new BallotBoxService(db, Quick).CloseAsync(key);
    }

    private async Task<IReadOnlyList<SecretBallot>> BallotsAsync(string key)
    {
        await using var db = Database.Open();
        return await new BallotBoxService(db, Quick).BallotsAsync(key);
    }

    private async Task<BallotBox> BoxRowAsync(string key)
    {
        await using var db = Database.Open();
        return await db.BallotBoxes.AsNoTracking().SingleAsync(b => b.Key == key);
    }

    [Fact]
    public async Task IssueCodes_Batch_CodesDistinctWellFormedAndStoredOnlyAsHashes()
    {
        var (key, codes) = await BoxAsync(200, open: false);

        Assert.Equal(200, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Equal(c, AccessCode.Normalize(AccessCode.Display(c).ToLowerInvariant())));
        await using var db = Database.Open();
        var hashes = await db.UnusedAccessCodes.AsNoTracking().Where(u => u.BoxKey == key).Select(u => u.CodeHash).ToListAsync();
        Assert.Equal(codes.Select(c => AccessCode.Hash(key, c)).Order(StringComparer.Ordinal), hashes.Order(StringComparer.Ordinal));
        Assert.Equal(200, (await BoxRowAsync(key)).CodesIssued);
    }

    [Fact]
    public async Task Cast_IssuedCode_AcceptedWithReceiptAndStored()
    {
        var (key, codes) = await BoxAsync(3);

        var result = await CastAsync(key, codes[0]);

        Assert.Equal(CastOutcome.Accepted, result.Outcome);
        Assert.NotNull(result.Receipt);
        Assert.Equal(AccessCode.ReceiptLength, result.Receipt.Length);
        Assert.All(result.Receipt, c => Assert.Contains(c, AccessCode.Alphabet));
        Assert.Equal(1, (await BoxRowAsync(key)).BallotsCast);
        await CloseAsync(key);
        var stored = Assert.Single(await BallotsAsync(key));
        Assert.Equal(result.Receipt, stored.Receipt);
        Assert.Equal(Ballot, stored.Content);
    }

    [Fact]
    public async Task Cast_SameCodeTwice_SecondAlreadyUsed()
    {
        var (key, codes) = await BoxAsync(2);

        var first = await CastAsync(key, codes[0]);
        var second = await CastAsync(key, codes[0]);

        Assert.Equal(CastOutcome.Accepted, first.Outcome);
        // A voter whose reply was lost learns the code was used, not "no such code".
        Assert.Equal(new CastResult(CastOutcome.AlreadyUsed, null), second);
        Assert.Equal(1, (await BoxRowAsync(key)).BallotsCast);
    }

    [Fact]
    public async Task Cast_WrongCodeOrAnotherBoxsCode_Refused()
    {
        var (key, _) = await BoxAsync(2);
        var (_, otherCodes) = await BoxAsync(1);

        Assert.Equal(new CastResult(CastOutcome.Refused, null), await CastAsync(key, AccessCode.NewCode()));
        // A code is hashed with its box's key: a live code of another round opens nothing here.
        Assert.Equal(new CastResult(CastOutcome.Refused, null), await CastAsync(key, otherCodes[0]));
        Assert.Equal(0, (await BoxRowAsync(key)).BallotsCast);
    }

    [Fact]
    public async Task Cast_BoxNotOpenOrClosed_NotOpenAndCodeKept()
    {
        var (key, codes) = await BoxAsync(2, open: false);

        Assert.Equal(CastOutcome.NotOpen, (await CastAsync(key, codes[0])).Outcome);
        await using (var db = Database.Open())
        {
            await new BallotBoxService(db, Quick).OpenAsync(key);
        }

        Assert.Equal(CastOutcome.Accepted, (await CastAsync(key, codes[0])).Outcome);
        await CloseAsync(key);
        Assert.Equal(CastOutcome.NotOpen, (await CastAsync(key, codes[1])).Outcome);
        await using var read = Database.Open();
        Assert.Equal(1, await read.UnusedAccessCodes.CountAsync(u => u.BoxKey == key));
        Assert.Single(await BallotsAsync(key));
    }

    [Fact]
    public async Task Close_Shuffle_NewIdsSameBallots()
    {
        var (key, codes) = await BoxAsync(20);
        var receipts = new List<string>();
        for (var i = 0; i < codes.Count; i++)
        {
            var content = $$"""{"for":["{{i}}"],"against":[],"writeIns":[],"void":false}""";
            receipts.Add((await CastAsync(key, codes[i], content)).Receipt!);
        }

        List<SecretBallot> before;
        await using (var db = Database.Open())
        {
            before = await db.SecretBallots.AsNoTracking().Where(b => b.BoxKey == key).ToListAsync();
        }

        await CloseAsync(key);
        var after = await BallotsAsync(key);

        Assert.Equal(20, after.Count);
        Assert.Empty(after.Select(b => b.Id).Intersect(before.Select(b => b.Id)));
        Assert.Equal(before.Select(b => (b.Receipt, b.Content)).Order(), after.Select(b => (b.Receipt, b.Content)).Order());
        Assert.Equal(receipts.Order(StringComparer.Ordinal), after.Select(b => b.Receipt!));
        // Random (version 4) ids: nothing in the key orders ballots.
        Assert.All(after, b => Assert.Equal(4, b.Id.Version));
        var box = await BoxRowAsync(key);
        Assert.True(box.Closed);
        Assert.False(box.IsOpen);
        Assert.Equal(20, box.BallotsCast);
    }

    [Fact]
    public async Task Cast_Accepted_WritesNoAuditEntry()
    {
        var (key, codes) = await BoxAsync(5);
        int before;
        await using (var db = Database.Open())
        {
            before = await db.AuditEntries.CountAsync();
        }

        foreach (var code in codes)
        {
            Assert.Equal(CastOutcome.Accepted, (await CastAsync(key, code)).Outcome);
        }

        Assert.Equal(CastOutcome.AlreadyUsed, (await CastAsync(key, codes[0])).Outcome);
        await using var read = Database.Open();
        Assert.Equal(before, await read.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Cast_SameCodeInParallel_ExactlyOneAccepted()
    {
        var (key, codes) = await BoxAsync(1);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => CastAsync(key, codes[0]))));

        Assert.Single(results, r => r.Outcome == CastOutcome.Accepted);
        Assert.Equal(11, results.Count(r => r.Outcome == CastOutcome.AlreadyUsed));
        Assert.Equal(1, (await BoxRowAsync(key)).BallotsCast);
    }

    [Fact]
    public async Task Close_ReaderHoldsTheDatabaseForAWhile_CloseWaitsThenSucceeds()
    {
        var (key, codes) = await BoxAsync(3);
        foreach (var code in codes)
        {
            Assert.Equal(CastOutcome.Accepted, (await CastAsync(key, code)).Outcome);
        }

        var reader = await Database.HoldReaderAsync();
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await reader.DisposeAsync();
        });

        await CloseAsync(key); // retries while the reader holds on, then finishes
        await release;

        var box = await BoxRowAsync(key);
        Assert.True(box.Closed);
        Assert.Equal(3, (await BallotsAsync(key)).Count);
    }

    [Fact]
    public async Task Close_ReaderHoldsPastTheTimeout_FailsLoudlyAndRecordsNothing_ThenClosesAgain()
    {
        var (key, codes) = await BoxAsync(2);
        Assert.Equal(CastOutcome.Accepted, (await CastAsync(key, codes[0])).Outcome);
        var impatient = Quick with { EraseTimeout = TimeSpan.FromSeconds(1) };

        await using (var reader = await Database.HoldReaderAsync())
        {
            await using var db = Database.Open();
            db.AddAuditEvent("Test.CallerChange", "Test", key, null); // the caller's own pending change
            await Assert.ThrowsAsync<SecretHistoryBusyException>(() => new BallotBoxService(db, impatient).CloseAsync(key));
        }

        var half = await BoxRowAsync(key);
        Assert.False(half.Closed); // never reported closed while the history was there
        Assert.False(half.IsOpen); // but takes no more ballots
        Assert.Equal(CastOutcome.NotOpen, (await CastAsync(key, codes[1])).Outcome);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BallotsAsync(key));
        await using (var read = Database.Open())
        {
            Assert.False(await read.AuditEntries.AnyAsync(e => e.EntityId == key && (e.Action == "Test.CallerChange" || e.Action == "BallotBox.Closed")));
        }

        await CloseAsync(key);

        Assert.True((await BoxRowAsync(key)).Closed);
        Assert.Single(await BallotsAsync(key));
        await using var after = Database.Open();
        Assert.True(await after.AuditEntries.AnyAsync(e => e.EntityId == key && e.Action == "BallotBox.Closed"));
    }

    [Fact]
    public async Task CastOpen_MoreAtOnceThanTheQuota_ExactlyTheQuotaAccepted()
    {
        var (key, _) = await BoxAsync(1);
        var mixed = Quick with { MixingWindow = TimeSpan.FromSeconds(2), BatchSize = 10 };

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await using var db = Database.Open();
            return await new BallotBoxService(db, mixed).CastOpenAsync(key, $$"""{"n":{{i}}}""", maxBallots: 4);
        })));

        Assert.Equal(4, results.Count(r => r.Outcome == CastOutcome.Accepted));
        Assert.Equal(6, results.Count(r => r.Outcome == CastOutcome.NotOpen));
        Assert.Equal(4, (await BoxRowAsync(key)).BallotsCast);
        Assert.Equal(CastOutcome.NotOpen, (await CastOpenAsync(key, 4)).Outcome);
        Assert.Equal(CastOutcome.Accepted, (await CastOpenAsync(key, 5)).Outcome); // one below a larger quota
    }

    private async Task<CastResult> CastOpenAsync(string key, int max)
    {
        await using var db = Database.Open();
        return await new BallotBoxService(db, Quick).CastOpenAsync(key, """{"n":"late"}""", max);
    }

    [Fact]
    public async Task Ballots_OpenBox_Refused()
    {
        var (key, _) = await BoxAsync(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => BallotsAsync(key));
    }
}

public sealed class BallotBoxServiceSqliteTests(SqliteSecrecyFixture fixture) : BallotBoxServiceTests(fixture), IClassFixture<SqliteSecrecyFixture>;

public sealed class BallotBoxServicePostgresTests(PostgresSecrecyFixture fixture) : BallotBoxServiceTests(fixture), IClassFixture<PostgresSecrecyFixture>;
