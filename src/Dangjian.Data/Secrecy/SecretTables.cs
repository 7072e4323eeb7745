using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dangjian.Data.Secrecy;

/// <summary>The database could not yet erase the history of a secret table's inserts; nothing was reported closed.</summary>
public sealed class SecretHistoryBusyException : Exception
{
    public SecretHistoryBusyException()
        : base("The database is busy: the history of the secret inserts could not be erased yet. Nothing was closed; try again.")
    {
    }

    public SecretHistoryBusyException(string message)
        : base(message)
    {
    }

    public SecretHistoryBusyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Closing a secret table's contents (a ballot box, an anonymous opinion form) so that nothing of the order they came
/// in remains in the database's files (DESIGN.md "Secrecy"):
/// <list type="number">
/// <item>the rows are rewritten in a random order with new random ids, in a transaction of their own;</item>
/// <item>the database's own history of the inserts is erased, and this must succeed: on SQLite, <c>VACUUM</c> rebuilds
/// every page (no row's place, no free page, no stale cell is left from before) and <c>wal_checkpoint(TRUNCATE)</c>
/// empties the write-ahead log, whose result is read — a reader holding the log makes it "busy", and then it is
/// retried; on PostgreSQL the tables are rewritten with <c>VACUUM FULL</c> (dead tuples, which keep each deleted code
/// and old ballot with its transaction id, are dropped) once no snapshot older than the rewrite remains, since
/// <c>VACUUM FULL</c> keeps rows an old snapshot could still see;</item>
/// <item>only then does the caller record the close (its status change and audit entry), so a close never reports
/// success while the history is still there. When step 2 keeps failing for <see cref="SecrecyOptions.EraseTimeout"/>,
/// <see cref="SecretHistoryBusyException"/> is thrown, the caller saves nothing, and closing again redoes it.</item>
/// </list>
/// With SQLite's secure_delete on (<see cref="SqliteSecureDelete"/>), deleted bytes are zeroed in the meantime too.
/// What the app cannot reach — PostgreSQL's WAL segments until they are recycled, a WAL archive, backups — README's
/// "Secrecy" section covers: there every write was already mixed in batches.
/// </summary>
public static class SecretTables
{
    /// <summary>The tables that hold secret rows or the codes that opened them; nothing else may be named.</summary>
    public static readonly IReadOnlyList<string> BallotTables = ["SecretBallots", "UnusedAccessCodes", "SpentAccessCodes"];

    public static readonly IReadOnlyList<string> OpinionTables = ["DemocraticLifeOpinions", "CommitmentOpinions"];

    /// <summary>
    /// The report box (举报, SUP-1): it never closes, so its history is erased every night. On PostgreSQL its rows are
    /// given one new version each in one transaction (so no row's <c>xmin</c> still names the commit that filed it) and
    /// the table is rewritten in the order of its random key (<c>CLUSTER</c>), so no row's place keeps the filing order.
    /// </summary>
    public static readonly IReadOnlyList<string> ReportBoxTables = ["ReportBoxCases"];

    /// <summary>Tables whose rows must keep their ids (a reporter follows a case by it), rewritten on PostgreSQL in key order.</summary>
    private static readonly HashSet<string> KeyOrdered = [.. ReportBoxTables];

    private static readonly HashSet<string> Known = [.. BallotTables, .. OpinionTables, .. ReportBoxTables];

    /// <summary>
    /// A context of its own on the same database, so a caller's pending changes are never saved by secret work. Its
    /// saves inside a transaction use no savepoint: on PostgreSQL a savepoint is a subtransaction with an id of its
    /// own, so a batch's inserted ballots would carry another transaction id than its deleted codes — still linkable
    /// through pg_subtrans and the commit record, and no longer one transaction, as a batch must be.
    /// </summary>
    internal static DangjianDbContext Separate(DangjianDbContext db)
    {
        var separate = new DangjianDbContext((DbContextOptions<DangjianDbContext>)db.GetService<IDbContextOptions>());
        separate.Database.AutoSavepointsEnabled = false;
        return separate;
    }

    /// <summary>Steps 1 and 2: rewrites (in a separate context and transaction), then erases the history.</summary>
    public static async Task RewriteAndEraseAsync(
        DangjianDbContext db, SecrecyOptions options, IReadOnlyList<string> tables, Func<DangjianDbContext, CancellationToken, Task> rewrite, CancellationToken ct)
    {
        await using (var w = Separate(db))
        {
            var strategy = w.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await w.Database.BeginTransactionAsync(ct);
                await rewrite(w, ct);
                await tx.CommitAsync(ct);
                w.ChangeTracker.Clear();
            });
        }

        await EraseHistoryAsync(db, options, tables, ct);
    }

    /// <summary>Step 2 on its own: erases the database's history of inserts into <paramref name="tables"/>, or throws.</summary>
    public static async Task EraseHistoryAsync(DangjianDbContext db, SecrecyOptions options, IReadOnlyList<string> tables, CancellationToken ct)
    {
        foreach (var t in tables)
        {
            if (!Known.Contains(t))
            {
                throw new ArgumentException($"{t} is not a secret table", nameof(tables));
            }
        }

        var deadline = Stopwatch.StartNew();
        await using var w = Separate(db);
        var connection = w.Database.GetDbConnection();
        await w.Database.OpenConnectionAsync(ct);
        try
        {
            if (w.Database.IsSqlite())
            {
                await EraseSqliteAsync(connection, options, deadline, ct);
            }
            else
            {
                await ErasePostgresAsync(connection, options, tables, deadline, ct);
            }
        }
        finally
        {
            await w.Database.CloseConnectionAsync();
        }
    }

    private static async Task EraseSqliteAsync(DbConnection connection, SecrecyOptions options, Stopwatch deadline, CancellationToken ct)
    {
        // Short waits inside SQLite, so this loop (not one long busy wait) decides when to give up.
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 250;", ct);
        var vacuumed = false;
        while (true)
        {
            try
            {
                if (!vacuumed)
                {
                    await ExecuteAsync(connection, "VACUUM;", ct);
                    vacuumed = true;
                }

                // (busy, log frames, checkpointed frames): busy = 1 means a reader or writer kept the log.
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(ct);
                var busy = await reader.ReadAsync(ct) && reader.GetInt64(0) != 0;
                if (!busy && WalIsEmpty(connection))
                {
                    return;
                }
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
            {
            }

            await WaitOrGiveUpAsync(options, deadline, ct);
        }
    }

    /// <summary>The log file is gone or empty (journal modes other than WAL have none).</summary>
    private static bool WalIsEmpty(DbConnection connection)
    {
        var file = connection.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return true;
        }

        var wal = new FileInfo(file + "-wal");
        return !wal.Exists || wal.Length == 0;
    }

    private static async Task ErasePostgresAsync(DbConnection connection, SecrecyOptions options, IReadOnlyList<string> tables, Stopwatch deadline, CancellationToken ct)
    {
        // VACUUM FULL copies the rows that a snapshot older than the rewrite could still see, dead ones included (a
        // deleted code, a ballot before the shuffle, with its transaction id). So first wait until no other session of
        // this database has a snapshot or a transaction that began before now: h is a fresh transaction id, after the
        // rewrite's commit; backend_xmin and backend_xid are what holds VACUUM's horizon back (pg_stat_activity shows
        // them for every role's sessions). A backend with no database yet (one still starting up) or none at all (a
        // walsender with hot_standby_feedback) holds the horizon of every database, so it counts too. What no session
        // shows can still hold it: a backend before it appears in pg_stat_activity (under load a close once rewrote
        // while one did, and the dead rows stayed on disk), or a prepared transaction. So each rewrite is checked after
        // it (KeptNoDeadRowAsync), and done again until it kept no dead row.
        var h = await ScalarAsync(connection, "SELECT (pg_current_xact_id()::text::numeric % 4294967296)::text", ct) ?? throw new InvalidOperationException("no transaction id");
        await ExecuteAsync(connection, "SET lock_timeout = '1s'", ct);
        try
        {
            while (true)
            {
                var older = await ScalarAsync(connection, $"""
                    SELECT count(*)::text FROM pg_stat_activity
                    WHERE pid <> pg_backend_pid() AND (datname = current_database() OR datname IS NULL)
                      AND ((backend_xmin IS NOT NULL AND age(backend_xmin) > age('{h}'::xid))
                        OR (backend_xid IS NOT NULL AND age(backend_xid) > age('{h}'::xid)))
                    """, ct);
                if (older == "0")
                {
                    try
                    {
                        var clean = true;
                        foreach (var table in tables)
                        {
                            // CLUSTER rewrites as VACUUM FULL does (same visibility rule) and sorts by the random key.
                            await ExecuteAsync(connection, KeyOrdered.Contains(table) ? $"CLUSTER \"{table}\" USING \"PK_{table}\"" : $"VACUUM FULL \"{table}\"", ct);
                            clean &= await KeptNoDeadRowAsync(connection, table, h, ct);
                        }

                        if (clean)
                        {
                            return;
                        }
                    }
                    catch (DbException e) when (e.SqlState is "55P03" or "40P01") // lock_not_available, deadlock_detected
                    {
                    }
                }

                await WaitOrGiveUpAsync(options, deadline, ct);
            }
        }
        finally
        {
            await ExecuteAsync(connection, "RESET lock_timeout", CancellationToken.None);
        }
    }

    /// <summary>
    /// Whether the rewrite of <paramref name="table"/> just done could drop every row deleted before <paramref name="h"/>
    /// (the used codes, the ballots before the shuffle). A rewrite freezes as hard as it can: it sets the table's
    /// <c>relfrozenxid</c> to the horizon it used (its OldestXmin; PostgreSQL's <c>copy_table_data</c>), and it kept a
    /// row deleted by transaction D exactly when D was not older than that horizon. Every deleter of a secret row committed
    /// before <paramref name="h"/> was taken, so a horizon at <paramref name="h"/> or later kept none of them; an older one
    /// means something the wait could not see held it back (a backend before it appears in pg_stat_activity, a prepared
    /// transaction), and the caller waits and rewrites again. (A transaction of another box still running at the rewrite
    /// also holds the horizon below <paramref name="h"/>: that costs one more rewrite, never a miss.)
    /// </summary>
    private static async Task<bool> KeptNoDeadRowAsync(DbConnection connection, string table, string h, CancellationToken ct) =>
        await ScalarAsync(connection, $"SELECT (age(relfrozenxid) <= age('{h}'::xid))::text FROM pg_class WHERE oid = '\"{table}\"'::regclass", ct) == "true";

    private static async Task WaitOrGiveUpAsync(SecrecyOptions options, Stopwatch deadline, CancellationToken ct)
    {
        if (deadline.Elapsed >= options.EraseTimeout)
        {
            throw new SecretHistoryBusyException();
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }
}
