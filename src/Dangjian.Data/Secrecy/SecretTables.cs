using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Secrecy;

/// <summary>
/// After the rows of a secret table were rewritten in random order (a ballot box closing, an anonymous opinion form
/// closing), the database's own history of the inserts goes too, as far as the app can reach: on SQLite the
/// write-ahead log still holds each insert's commit in order until a checkpoint, so the log is checkpointed and
/// truncated; on PostgreSQL the rows deleted by the rewrite stay on disk as dead tuples, each with its insert's
/// transaction id, until a vacuum, so the table is vacuumed. Best effort: the rewrite has committed, and if a reader
/// holds the log or an old snapshot the database finishes the job later (autocheckpoint, autovacuum). What the app
/// cannot reach (PostgreSQL's WAL archive, backups) is the operator's to keep.
/// </summary>
public static class SecretTables
{
    private static readonly HashSet<string> Tables = new(StringComparer.Ordinal) { "SecretBallots", "DemocraticLifeOpinions" };

    public static async Task ForgetInsertionOrderAsync(DangjianDbContext db, string table, CancellationToken ct)
    {
        if (!Tables.Contains(table))
        {
            throw new ArgumentException($"{table} is not a secret table", nameof(table));
        }

        var sql = db.Database.IsSqlite() ? "PRAGMA wal_checkpoint(TRUNCATE)" : "VACUUM \"" + table + "\"";
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        catch (System.Data.Common.DbException)
        {
            // Busy or not permitted: the database's own background work gets there later; the rows are safe.
        }
    }
}
