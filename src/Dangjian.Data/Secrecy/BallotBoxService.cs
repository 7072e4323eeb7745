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
    /// The code is not one of this box's codes: never issued, or mistyped. One answer for both, so a refusal never
    /// tells whether an unused code exists.
    /// </summary>
    Refused,

    /// <summary>The box is not open.</summary>
    NotOpen,

    /// <summary>
    /// The code was issued for this box and has been used: a voter whose reply was lost learns that the ballot was
    /// taken. Known from the spent codes' hashes, which name no ballot.
    /// </summary>
    AlreadyUsed,
}

public sealed record CastResult(CastOutcome Outcome, string? Receipt);

/// <summary>
/// The one secret-ballot mechanism (DESIGN.md "Layout": shared mechanisms live once): boxes, one-time access codes,
/// casting, closing. Elections (ELE-13), evaluations (EVA-5), surveys (SRV-2) and meetings' secret votes use it.
/// <para>
/// What it keeps: per box, whether it is open and how many codes were issued and ballots cast; the hashes of the
/// codes not yet used and of those used; the ballots with a random id and receipt. What it never keeps: which code or
/// person cast a ballot, when, or in what order (DESIGN.md "Secrecy"):
/// </para>
/// <list type="bullet">
/// <item>casts are written in batches (<see cref="GroupCommit{TItem, TResult}"/>): one transaction deletes the batch's
/// codes, records them spent and stores its ballots, each set in an independent random order, so no commit in the
/// database's log pairs one code with one ballot while others vote; no audit entry, no log line;</item>
/// <item>closing rewrites the box's ballots and spent codes in a random order with new ids, erases the database's
/// history of the inserts (<see cref="SecretTables"/>) and only then records the box closed.</item>
/// </list>
/// </summary>
public sealed class BallotBoxService(DangjianDbContext db, SecrecyOptions? options = null)
{
    /// <summary>The most codes one batch may issue.</summary>
    public const int MaxCodesPerBatch = 5000;

    private readonly SecrecyOptions _options = options ?? new SecrecyOptions();

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
    /// Casts one ballot with one code. Either the code is used and the ballot stored, in one committed transaction
    /// with the other casts of its batch, or nothing changes. Safe under any concurrency: two casts with the same code
    /// cannot both use it. Returns once the batch is durable.
    /// </summary>
    public Task<CastResult> CastAsync(string key, string code, string content, CancellationToken ct = default) =>
        CastAsync(key, code, content, null, ct);

    /// <summary>As <see cref="CastAsync(string, string, string, CancellationToken)"/>, into a box that takes at most <paramref name="maxBallots"/> ballots (a survey's quota; null: no limit).</summary>
    public Task<CastResult> CastAsync(string key, string code, string content, int? maxBallots, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return SubmitAsync(new Cast(key, AccessCode.Hash(key, code), content, maxBallots), ct);
    }

    /// <summary>
    /// Casts one ballot without a code, into a box that anyone holding its link may answer (an open-link survey), in
    /// the same batches as coded casts: nothing is accepted into a closed box or past <paramref name="maxBallots"/>
    /// (null: no limit), and the ballot carries nothing but its content and a random receipt.
    /// <see cref="CastOutcome.NotOpen"/> when the box is closed or full.
    /// </summary>
    public Task<CastResult> CastOpenAsync(string key, string content, int? maxBallots, CancellationToken ct = default) =>
        SubmitAsync(new Cast(key, null, content, maxBallots), ct);

    private Task<CastResult> SubmitAsync(Cast cast, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(cast.Content);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cast.Content.Length, SecretBallot.MaxContentLength);
        ct.ThrowIfCancellationRequested();
        var name = (db.Database.IsSqlite() ? "sqlite\n" : "postgres\n") + db.Database.GetConnectionString();
        return GroupCommit<Cast, CastResult>.For(name).SubmitAsync(cast, _options, WriteBatchAsync);
    }

    private sealed record Cast(string Key, string? CodeHash, string Content, int? MaxBallots);

    /// <summary>A code's hash in its box.</summary>
    private sealed record Code(string Key, string Hash);

    /// <summary>A box as a batch reads it.</summary>
    private sealed record BoxState(string Key, bool IsOpen, int BallotsCast);

    /// <summary>
    /// Writes one batch of casts in one transaction, in a context of its own (the leader's pending changes are not
    /// this batch's to save). Decides each cast in a random order (so when a quota admits only some, chance picks),
    /// then deletes the used codes, records them spent and stores the ballots, each set in its own random order.
    /// </summary>
    private async Task<IReadOnlyList<CastResult>> WriteBatchAsync(IReadOnlyList<Cast> casts)
    {
        await using var w = SecretTables.Separate(db);
        var strategy = w.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            w.ChangeTracker.Clear();
            await using var tx = await w.Database.BeginTransactionAsync();
            var keys = casts.Select(c => c.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var boxes = await LockBoxesAsync(w, keys);
            var hashes = casts.Where(c => c.CodeHash is not null).Select(c => c.CodeHash!).Distinct(StringComparer.Ordinal).ToArray();
            var unused = (await w.UnusedAccessCodes.AsNoTracking().Where(u => keys.Contains(u.BoxKey) && hashes.Contains(u.CodeHash))
                .Select(u => new Code(u.BoxKey, u.CodeHash)).ToListAsync()).ToHashSet();
            var spent = (await w.SpentAccessCodes.AsNoTracking().Where(u => keys.Contains(u.BoxKey) && hashes.Contains(u.CodeHash))
                .Select(u => new Code(u.BoxKey, u.CodeHash)).ToListAsync()).ToHashSet();

            var results = new CastResult[casts.Count];
            var accepted = new List<int>();
            var counted = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
            var order = Enumerable.Range(0, casts.Count).ToArray();
            RandomNumberGenerator.Shuffle(order.AsSpan());
            foreach (var i in order)
            {
                var c = casts[i];
                var outcome = Decide(c, boxes.GetValueOrDefault(c.Key), counted[c.Key], unused, spent);
                results[i] = new CastResult(outcome, null);
                if (outcome == CastOutcome.Accepted)
                {
                    accepted.Add(i);
                    counted[c.Key]++;
                    if (c.CodeHash is { } h)
                    {
                        unused.Remove(new Code(c.Key, h));
                        spent.Add(new Code(c.Key, h));
                    }
                }
            }

            if (accepted.Count == 0)
            {
                await tx.RollbackAsync();
                return results;
            }

            var used = accepted.Where(i => casts[i].CodeHash is not null).Select(i => casts[i].CodeHash!).ToArray();
            if (used.Length > 0)
            {
                // One statement, in the index's (hash) order: nothing of the batch's arrival order.
                var deleted = await w.UnusedAccessCodes.Where(u => keys.Contains(u.BoxKey) && used.Contains(u.CodeHash)).ExecuteDeleteAsync();
                if (deleted != used.Length)
                {
                    throw new InvalidOperationException("A code of the batch was used meanwhile.");
                }
            }

            var receipts = await ReceiptsAsync(w, [.. accepted.Select(i => casts[i].Key)]);
            var ballots = accepted.Select((i, n) => new SecretBallot { Id = Guid.NewGuid(), BoxKey = casts[i].Key, Content = casts[i].Content, Receipt = receipts[n] }).ToArray();
            var spentRows = accepted.Where(i => casts[i].CodeHash is not null)
                .Select(i => new SpentAccessCode { BoxKey = casts[i].Key, CodeHash = casts[i].CodeHash! }).ToArray();
            RandomNumberGenerator.Shuffle(ballots.AsSpan());
            RandomNumberGenerator.Shuffle(spentRows.AsSpan());
            w.SpentAccessCodes.AddRange(spentRows);
            w.SecretBallots.AddRange(ballots);
            await w.SaveChangesAsync(); // none of these is audited: the save writes the rows alone
            foreach (var (key, n) in counted.Where(kv => kv.Value > 0))
            {
                await w.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "BallotBoxes" SET "BallotsCast" = "BallotsCast" + {n} WHERE "Key" = {key}""");
            }

            await tx.CommitAsync();
            w.ChangeTracker.Clear();
            for (var n = 0; n < accepted.Count; n++)
            {
                results[accepted[n]] = new CastResult(CastOutcome.Accepted, receipts[n]);
            }

            return (IReadOnlyList<CastResult>)results;
        });
    }

    private static CastOutcome Decide(Cast c, BoxState? box, int countedSoFar, HashSet<Code> unused, HashSet<Code> spent)
    {
        if (box is not { IsOpen: true } || (c.MaxBallots is { } max && box.BallotsCast + countedSoFar >= max))
        {
            return CastOutcome.NotOpen;
        }

        if (c.CodeHash is not { } h || unused.Contains(new Code(c.Key, h)))
        {
            return CastOutcome.Accepted;
        }

        return spent.Contains(new Code(c.Key, h)) ? CastOutcome.AlreadyUsed : CastOutcome.Refused;
    }

    /// <summary>
    /// The batch's boxes, locked in key order on PostgreSQL so that other app instances' batches and closing queue
    /// behind this batch (on SQLite the write transaction already excludes every other writer).
    /// </summary>
    private static async Task<Dictionary<string, BoxState>> LockBoxesAsync(DangjianDbContext w, string[] keys)
    {
        var rows = w.Database.IsSqlite()
            ? await w.BallotBoxes.AsNoTracking().Where(b => keys.Contains(b.Key)).Select(b => new BoxState(b.Key, b.IsOpen, b.BallotsCast)).ToListAsync()
            : await w.Database.SqlQuery<BoxState>(
                $"""SELECT "Key", "IsOpen", "BallotsCast" FROM "BallotBoxes" WHERE "Key" = ANY({keys}) ORDER BY "Key" FOR UPDATE""").ToListAsync();
        return rows.ToDictionary(b => b.Key, StringComparer.Ordinal);
    }

    /// <summary>A fresh receipt for each ballot, unique within its box (31^8 makes a clash rare; it is checked anyway).</summary>
    private static async Task<string[]> ReceiptsAsync(DangjianDbContext w, IReadOnlyList<string> boxKeys)
    {
        var receipts = new string[boxKeys.Count];
        var todo = Enumerable.Range(0, boxKeys.Count).ToList();
        while (todo.Count > 0)
        {
            foreach (var i in todo)
            {
                receipts[i] = AccessCode.NewReceipt();
            }

            var keys = todo.Select(i => boxKeys[i]).Distinct(StringComparer.Ordinal).ToArray();
            var fresh = todo.Select(i => receipts[i]).ToArray();
            var taken = (await w.SecretBallots.AsNoTracking().Where(b => keys.Contains(b.BoxKey) && fresh.Contains(b.Receipt!))
                .Select(b => new { b.BoxKey, b.Receipt }).ToListAsync()).Select(b => (b.BoxKey, b.Receipt!)).ToHashSet();
            var seen = new HashSet<(string, string)>();
            todo = [.. todo.Where(i => taken.Contains((boxKeys[i], receipts[i])) || !seen.Add((boxKeys[i], receipts[i])))];
        }

        return receipts;
    }

    /// <summary>
    /// Closes the box for good (<see cref="CloseAsync(IReadOnlyCollection{string}, CancellationToken)"/>); the caller's
    /// pending changes (its own status change) are saved with the close, and only if it succeeds.
    /// </summary>
    public Task CloseAsync(string key, CancellationToken ct = default) => CloseAsync([key], ct);

    /// <summary>
    /// Closes boxes for good, in three steps (<see cref="SecretTables"/>): (1) no more ballots are taken and each box's
    /// ballots and spent codes are rewritten in a random order with new ids (the shuffle of a ballot box before it is
    /// opened), in a transaction of its own; (2) the database's history of the inserts is erased, or
    /// <see cref="SecretHistoryBusyException"/> is thrown; (3) the boxes are marked closed, with the audit entry that
    /// records each one's totals and the caller's pending changes, in one save. A close that failed at (2) leaves the
    /// boxes refusing ballots but not closed, and the caller's record unchanged: closing again finishes it.
    /// </summary>
    public async Task CloseAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var ordered = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        await SecretTables.RewriteAndEraseAsync(db, _options, SecretTables.BallotTables, async (w, c) =>
        {
            foreach (var key in ordered)
            {
                // Takes the box row's lock first (PostgreSQL), so a batch in flight finishes before the shuffle.
                await w.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "BallotBoxes" SET "IsOpen" = {false} WHERE "Key" = {key}""", c);
                var ballots = await w.SecretBallots.AsNoTracking().Where(b => b.BoxKey == key).Select(b => new { b.Content, b.Receipt }).ToListAsync(c);
                var spent = await w.SpentAccessCodes.AsNoTracking().Where(s => s.BoxKey == key).Select(s => s.CodeHash).ToListAsync(c);
                await w.SecretBallots.Where(b => b.BoxKey == key).ExecuteDeleteAsync(c);
                await w.SpentAccessCodes.Where(s => s.BoxKey == key).ExecuteDeleteAsync(c);
                var shuffled = ballots.Select(b => new SecretBallot { Id = Guid.NewGuid(), BoxKey = key, Content = b.Content, Receipt = b.Receipt }).ToArray();
                var spentShuffled = spent.Select(h => new SpentAccessCode { BoxKey = key, CodeHash = h }).ToArray();
                RandomNumberGenerator.Shuffle(shuffled.AsSpan());
                RandomNumberGenerator.Shuffle(spentShuffled.AsSpan());
                w.SecretBallots.AddRange(shuffled);
                w.SpentAccessCodes.AddRange(spentShuffled);
                await w.SaveChangesAsync(c);
                w.ChangeTracker.Clear();
            }
        }, ct);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var key in ordered)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "BallotBoxes" SET "IsOpen" = {false}, "Closed" = {true} WHERE "Key" = {key}""", ct);
                var box = await db.BallotBoxes.AsNoTracking().FirstAsync(b => b.Key == key, ct);
                db.AddAuditEvent("BallotBox.Closed", nameof(BallotBox), key, new { box.CodesIssued, box.BallotsCast });
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

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
