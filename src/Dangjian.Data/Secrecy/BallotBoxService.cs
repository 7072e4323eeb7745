using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dangjian.Domain.Secrecy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Secrecy;

/// <summary>What became of a cast.</summary>
public enum CastOutcome
{
    /// <summary>Stored and committed; the receipt is the caster's.</summary>
    Accepted,

    /// <summary>
    /// The code is not one of this box's unused codes: never issued, mistyped, or already used. One answer for all
    /// three, so a refusal never tells whether a code exists.
    /// </summary>
    Refused,

    /// <summary>The box is not open.</summary>
    NotOpen,
}

public sealed record CastResult(CastOutcome Outcome, string? Receipt);

/// <summary>
/// The one secret-ballot mechanism (DESIGN.md "Layout": shared mechanisms live once): boxes, one-time access codes,
/// casting, closing. Elections (ELE-13) and evaluations (EVA-5) both use it.
/// <para>
/// What it keeps: per box, whether it is open and how many codes were issued and ballots cast; the hashes of the
/// codes not yet used; the ballots with a random id and receipt. What it never keeps: which code or person cast a
/// ballot, when, or in what order. Casting deletes the code's row and inserts the ballot in one transaction and writes
/// no audit entry and no log line; closing rewrites the box's ballots in a random order with new ids, so neither
/// SQLite's pages nor PostgreSQL's row positions and transaction ids keep the order of casting.
/// </para>
/// </summary>
public sealed class BallotBoxService(DangjianDbContext db)
{
    /// <summary>The most codes one batch may issue.</summary>
    public const int MaxCodesPerBatch = 5000;

    /// <summary>Creates a closed, empty box (saved with the caller's next save).</summary>
    public BallotBox Create(string key)
    {
        var box = new BallotBox { Key = key };
        db.BallotBoxes.Add(box);
        return box;
    }

    public Task<BallotBox?> FindAsync(string key, CancellationToken ct = default) =>
        db.BallotBoxes.AsNoTracking().FirstOrDefaultAsync(b => b.Key == key, ct);

    /// <summary>
    /// Issues <paramref name="count"/> new codes and returns them in clear; only their hashes are stored, so this is
    /// the one time they can be printed. The audit log records the batch's size, never the codes.
    /// </summary>
    public async Task<IReadOnlyList<string>> IssueCodesAsync(string key, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCodesPerBatch);
        var box = await db.BallotBoxes.FirstAsync(b => b.Key == key, ct);
        if (box.Closed)
        {
            throw new InvalidOperationException($"Ballot box {key} is closed.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < count)
        {
            codes.Add(AccessCode.NewCode());
        }

        db.UnusedAccessCodes.AddRange(codes.Select(c => new UnusedAccessCode { BoxKey = key, CodeHash = AccessCode.Hash(key, c) }));
        box.CodesIssued += count;
        db.AddAuditEvent("BallotBox.CodesIssued", nameof(BallotBox), key, new { Count = count, Total = box.CodesIssued });
        await db.SaveChangesAsync(ct);
        return [.. codes];
    }

    public async Task OpenAsync(string key, CancellationToken ct = default)
    {
        var box = await db.BallotBoxes.FirstAsync(b => b.Key == key, ct);
        if (box.Closed)
        {
            throw new InvalidOperationException($"Ballot box {key} is closed for good.");
        }

        box.IsOpen = true;
        db.AddAuditEvent("BallotBox.Opened", nameof(BallotBox), key, new { box.CodesIssued });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Casts one ballot with one code. Either the code's row is deleted and the ballot stored, in one committed
    /// transaction, or nothing changes. Safe under any concurrency: two casts with the same code cannot both delete
    /// its row.
    /// </summary>
    public Task<CastResult> CastAsync(string key, string code, string content, CancellationToken ct = default) =>
        CastAsync(key, code, content, null, ct);

    /// <summary>As <see cref="CastAsync(string, string, string, CancellationToken)"/>, into a box that takes at most <paramref name="maxBallots"/> ballots (a survey's quota; null: no limit).</summary>
    public async Task<CastResult> CastAsync(string key, string code, string content, int? maxBallots, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(content);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(content.Length, SecretBallot.MaxContentLength);
        var hash = AccessCode.Hash(key, code);
        // Casts into one box are serial in the database anyway (SQLite has one writer per file; on PostgreSQL the box
        // row's lock orders them). Waiting for that inside the database is what hurts when a meeting room presses
        // "submit" at once: on SQLite each waiter sleeps on a pool thread (Microsoft.Data.Sqlite retries SQLITE_BUSY
        // synchronously) and starves the thread pool; on PostgreSQL each waiter holds a pooled connection while it
        // waits for the row lock, so past the pool's size (100) the rest time out. So this process first queues its
        // casts on an async gate (per file on SQLite, per box on PostgreSQL) and only then opens the transaction:
        // waiting costs neither a thread nor a connection. Several app instances stay correct through the database's
        // own locks; the gate only keeps one instance's waiting cheap.
        using var gate = await GateAsync(key, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // First the box row: on PostgreSQL this row lock orders casts against CloseAsync, so nothing is
            // accepted into a box after it closed.
            if (!await CountInAsync(key, maxBallots, ct))
            {
                return new CastResult(CastOutcome.NotOpen, null);
            }

            var used = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""DELETE FROM "UnusedAccessCodes" WHERE "BoxKey" = {key} AND "CodeHash" = {hash}""", ct);
            if (used != 1)
            {
                await tx.RollbackAsync(ct);
                return new CastResult(CastOutcome.Refused, null);
            }

            var receipt = await StoreAsync(key, content, ct);
            await tx.CommitAsync(ct);
            return new CastResult(CastOutcome.Accepted, receipt);
        });
    }

    /// <summary>
    /// Casts one ballot without a code, into a box that anyone holding its link may answer (an open-link survey), in
    /// the same way as <see cref="CastAsync"/>: the box row is counted first, conditionally, so nothing is accepted
    /// into a closed box or past <paramref name="maxBallots"/> (null: no limit), and the ballot carries nothing but its
    /// content and a random receipt. <see cref="CastOutcome.NotOpen"/> when the box is closed or full.
    /// </summary>
    public async Task<CastResult> CastOpenAsync(string key, string content, int? maxBallots, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(content);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(content.Length, SecretBallot.MaxContentLength);
        using var gate = await GateAsync(key, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await CountInAsync(key, maxBallots, ct))
            {
                return new CastResult(CastOutcome.NotOpen, null);
            }

            var receipt = await StoreAsync(key, content, ct);
            await tx.CommitAsync(ct);
            return new CastResult(CastOutcome.Accepted, receipt);
        });
    }

    /// <summary>Counts one more ballot on the box row if it is open (and below the limit); false when it is not.</summary>
    private async Task<bool> CountInAsync(string key, int? maxBallots, CancellationToken ct)
    {
        var counted = maxBallots is { } max
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "BallotBoxes" SET "BallotsCast" = "BallotsCast" + 1 WHERE "Key" = {key} AND "IsOpen" = {true} AND "BallotsCast" < {max}""", ct)
            : await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "BallotBoxes" SET "BallotsCast" = "BallotsCast" + 1 WHERE "Key" = {key} AND "IsOpen" = {true}""", ct);
        return counted == 1;
    }

    /// <summary>Stores a ballot with a fresh receipt (inside the caller's transaction) and returns the receipt.</summary>
    private async Task<string> StoreAsync(string key, string content, CancellationToken ct)
    {
        string receipt;
        do
        {
            receipt = AccessCode.NewReceipt();
        }
        while (await db.SecretBallots.AnyAsync(b => b.BoxKey == key && b.Receipt == receipt, ct));

        // Guid.NewGuid is version 4: random, so the key orders nothing. SecretBallot is not audited, so this
        // save writes the row alone.
        db.SecretBallots.Add(new SecretBallot { Id = Guid.NewGuid(), BoxKey = key, Content = content, Receipt = receipt });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return receipt;
    }

    /// <summary>One gate per SQLite file, or per PostgreSQL database and box (a few per election; kept for the process's life).</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private async Task<IDisposable> GateAsync(string key, CancellationToken ct)
    {
        var connection = db.Database.GetConnectionString() ?? string.Empty;
        var name = db.Database.IsSqlite() ? "sqlite\n" + connection : "box\n" + connection + "\n" + key;
        var gate = Gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    /// <summary>
    /// Closes the box for good and rewrites its ballots in a random order with new ids (the shuffle of a ballot box
    /// before it is opened), in one transaction with the audit entry that records the totals.
    /// </summary>
    public async Task CloseAsync(string key, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Takes the box row's lock first (PostgreSQL), so casts in flight finish before the shuffle.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "BallotBoxes" SET "IsOpen" = {false}, "Closed" = {true} WHERE "Key" = {key}""", ct);
            var ballots = await db.SecretBallots.AsNoTracking().Where(b => b.BoxKey == key)
                .Select(b => new { b.Content, b.Receipt }).ToListAsync(ct);
            await db.SecretBallots.Where(b => b.BoxKey == key).ExecuteDeleteAsync(ct);
            var shuffled = ballots.ToArray();
            RandomNumberGenerator.Shuffle(shuffled.AsSpan());
            db.SecretBallots.AddRange(shuffled.Select(b => new SecretBallot { Id = Guid.NewGuid(), BoxKey = key, Content = b.Content, Receipt = b.Receipt }));
            var box = await db.BallotBoxes.AsNoTracking().FirstAsync(b => b.Key == key, ct);
            db.AddAuditEvent("BallotBox.Closed", nameof(BallotBox), key, new { box.CodesIssued, box.BallotsCast });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        });
        await ForgetCastingOrderAsync(ct);
    }

    /// <summary>After the shuffle, the database's own record of the order of casting goes too (<see cref="SecretTables"/>).</summary>
    private Task ForgetCastingOrderAsync(CancellationToken ct) => SecretTables.ForgetInsertionOrderAsync(db, "SecretBallots", ct);

    /// <summary>The ballots of a closed box, ordered by receipt (an order that says nothing about casting).</summary>
    public async Task<IReadOnlyList<SecretBallot>> BallotsAsync(string key, CancellationToken ct = default)
    {
        var box = await db.BallotBoxes.AsNoTracking().FirstAsync(b => b.Key == key, ct);
        if (!box.Closed)
        {
            throw new InvalidOperationException($"Ballot box {key} is still open: its ballots are read only after it closes.");
        }

        var ballots = await db.SecretBallots.AsNoTracking().Where(b => b.BoxKey == key).ToListAsync(ct);
        return [.. ballots.OrderBy(b => b.Receipt, StringComparer.Ordinal).ThenBy(b => b.Content, StringComparer.Ordinal)];
    }
}
