using System.Data.Common;
using System.Globalization;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Dangjian.Data.People;

/// <summary>
/// A bulk insert of people with the roster's insert trigger (migration <c>RosterSearch</c>) held back, and the roster
/// counts and name characters of the people it added filled afterwards in two set-based statements, before the caller's
/// transaction commits. Row by row, the trigger turns a province's million people into a million count upserts and three
/// million name-character inserts at random places; set-based, the counts are one grouped upsert and the characters go
/// into their b-tree in key order.
/// <para>
/// The trigger is dropped (SQLite) or disabled (PostgreSQL) inside the transaction: both are transactional DDL, so a
/// rollback or a crash brings it back with everything else, and nobody else ever sees People without it. Nobody else
/// writes People meanwhile: SQLite's write lock and PostgreSQL's audit-chain lock (taken first by the caller) serialize
/// every audited write, and <c>ALTER TABLE … DISABLE TRIGGER</c> takes a lock that lets reads go on.
/// </para>
/// </summary>
internal abstract class RosterFill
{
    private const string Trigger = "People_Roster_Insert";

    public static RosterFill For(DangjianDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresFill(db) : new SqliteFill(db);

    /// <summary>Holds the insert trigger back until <see cref="FillAsync"/>.</summary>
    public abstract Task HoldAsync(CancellationToken ct);

    /// <summary>Adds the counts and characters of <paramref name="ids"/> (people the held insert added) and restores the trigger.</summary>
    public abstract Task FillAsync(IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>One statement in the caller's transaction, without a time limit (a province's fill takes seconds).</summary>
    private protected static async Task ExecuteAsync(DangjianDbContext db, string sql, CancellationToken ct, params DbParameter[] parameters)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The roster fill runs inside the caller's transaction.");
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.Parameters.AddRange(parameters);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private sealed class SqliteFill(DangjianDbContext db) : RosterFill
    {
        /// <summary>A name's character positions, 1 to <see cref="Person.MaxNameLength"/>, as the trigger splits it.</summary>
        private static readonly string Positions = "[" + string.Join(",", Enumerable.Range(1, Person.MaxNameLength)) + "]";

        private string? _triggerSql;
        private long _last;

        public override async Task HoldAsync(CancellationToken ct)
        {
            await using (var read = db.Database.GetDbConnection().CreateCommand())
            {
                read.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                // The trigger as the migration created it, to create it again word for word.
                read.CommandText = $"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '{Trigger}'";
                _triggerSql = await read.ExecuteScalarAsync(ct) as string
                    ?? throw new InvalidOperationException($"Trigger {Trigger} is missing: the database is not migrated.");
                // The caller's transaction holds the write lock: every person above this key is one the held insert adds.
                read.CommandText = """SELECT coalesce(max("Id"), 0) FROM "People" """;
                _last = Convert.ToInt64(await read.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }

            await ExecuteAsync(db, $"""DROP TRIGGER "{Trigger}" """, ct);
        }

        public override async Task FillAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
        {
            DbParameter Last() => new Microsoft.Data.Sqlite.SqliteParameter("@last", _last);

            // The same rows the trigger writes (a removed person counts nowhere and has no characters), in key order.
            await ExecuteAsync(db, """
                INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                SELECT "OrganizationId", "Status", "IsCadre", count(*) FROM "People" WHERE "Id" > @last AND "IsRemoved" = 0
                GROUP BY "OrganizationId", "Status", "IsCadre" ORDER BY 1, 2, 3
                ON CONFLICT ("OrganizationId", "Status", "IsCadre") DO UPDATE SET "Count" = "Count" + excluded."Count"
                """, ct, Last());
            await ExecuteAsync(db, $"""
                INSERT OR IGNORE INTO "PersonNameChars" ("Character", "Name", "PersonId", "OrganizationId", "Status", "IsCadre")
                SELECT substr(p."Name", n.value, 1), p."Name", p."Id", p."OrganizationId", p."Status", p."IsCadre"
                FROM "People" p, json_each('{Positions}') n
                WHERE p."Id" > @last AND p."IsRemoved" = 0 AND n.value <= length(p."Name")
                ORDER BY 1, 2, 3
                """, ct, Last());
            await ExecuteAsync(db, _triggerSql!, ct);
        }
    }

    private sealed class PostgresFill(DangjianDbContext db) : RosterFill
    {
        public override async Task HoldAsync(CancellationToken ct) =>
            await ExecuteAsync(db, $"""ALTER TABLE "People" DISABLE TRIGGER "{Trigger}" """, ct);

        public override async Task FillAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
        {
            NpgsqlParameter Ids() => new("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = ids as int[] ?? ids.ToArray() };

            // As the trigger's INSERT branch, over the added people instead of a statement's transition table.
            await ExecuteAsync(db, """
                INSERT INTO "RosterCounts" ("OrganizationId", "Status", "IsCadre", "Count")
                SELECT p."OrganizationId", p."Status", p."IsCadre", count(*)::int FROM "People" p JOIN unnest(@ids) i ON p."Id" = i
                WHERE NOT p."IsRemoved" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                ON CONFLICT ("OrganizationId", "Status", "IsCadre") DO UPDATE SET "Count" = "RosterCounts"."Count" + EXCLUDED."Count"
                """, ct, Ids());
            await ExecuteAsync(db, """
                INSERT INTO "PersonNameChars" ("Character", "Name", "PersonId", "OrganizationId", "Status", "IsCadre")
                SELECT DISTINCT c, p."Name", p."Id", p."OrganizationId", p."Status", p."IsCadre"
                FROM "People" p JOIN unnest(@ids) i ON p."Id" = i, unnest(string_to_array(p."Name", NULL)) c
                WHERE NOT p."IsRemoved" ORDER BY 1, 2, 3
                """, ct, Ids());
            await ExecuteAsync(db, $"""ALTER TABLE "People" ENABLE TRIGGER "{Trigger}" """, ct);
            // Fresh statistics for the planner, whose estimates before autovacuum's next visit would still see the roster
            // from before the import: the roster's queries right after a 300,000-row import took 0.3–1.3 s instead of
            // 6–9 ms in the roster benchmark. ANALYZE may run in a transaction and counts the transaction's own rows.
            await ExecuteAsync(db, """ANALYZE "People", "PersonNameChars", "RosterCounts" """, ct);
        }
    }
}
