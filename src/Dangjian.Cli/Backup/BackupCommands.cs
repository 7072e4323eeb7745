using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Domain.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Backup;

/// <summary>
/// `dangjian backup FILE` and `dangjian restore FILE` for a SQLite installation (issue 18, "Backup and restore"); for
/// PostgreSQL both name pg_dump / pg_restore instead (README "Backup and restore").
/// <para>
/// Both copy with <c>VACUUM INTO</c> rather than the online backup API (SqliteConnection.BackupDatabase):
/// <list type="bullet">
/// <item>it reads the source in one read transaction, so the copy is one consistent snapshot while the app keeps
/// writing (in WAL mode a reader neither waits for nor blocks writers), where the backup API restarts its page copy
/// whenever another connection writes, and may never finish under a steady vote load;</item>
/// <item>it writes a new, compacted file: no free pages and no leftover bytes of deleted rows inside used pages. DESIGN.md's
/// secrecy rule covers the database file's free pages (a used code's hash, a ballot before the box's close rewrote it),
/// so a copy must not carry them; the backup API copies pages as they are and would need a VACUUM of the copy after.</item>
/// </list>
/// SQLite does not sync a VACUUM INTO file to disk, so the copy is synced here before it is renamed to its name: a crash
/// leaves either no FILE or the whole one, never half a file under FILE (a hidden <c>.NAME.*.partial</c> at worst).
/// </para>
/// </summary>
public static class BackupCommands
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The first 16 bytes of every SQLite database file.</summary>
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public static Command Backup()
    {
        var (provider, connection) = DatabaseOptions();
        var file = new Argument<string>("FILE") { Description = "The copy to write; must not exist yet" };
        var backup = new Command(
            "backup",
            "Copy the SQLite database, consistently, while the app runs. Prints one JSON line: {\"file\",\"bytes\",\"auditEntries\",\"auditHead\"}. "
            + "Exit 0 written; 1 failed; 2 FILE exists, no database, not a Dangjian database, or PostgreSQL (use pg_dump).");
        backup.Arguments.Add(file);
        backup.Options.Add(provider);
        backup.Options.Add(connection);
        backup.SetAction((result, ct) => BackupAsync(
            result.GetValue(file)!, result.GetValue(provider), result.GetValue(connection), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return backup;
    }

    public static Command Restore()
    {
        var (provider, connection) = DatabaseOptions();
        var file = new Argument<string>("FILE") { Description = "A copy made by `dangjian backup`" };
        var anchor = new Option<string?>("--anchor")
        {
            Description = "SEQUENCE:HASH, the auditHead `backup` printed for FILE: the restored log must still hold that entry with that hash "
                + "(a chain alone can't show entries cut off its end).",
        };
        var restore = new Command(
            "restore",
            "Replace the configured SQLite database with FILE, the app stopped. Checks FILE's audit chain first; keeps the old file as NAME.before-restore-TIMESTAMP. "
            + "Prints one JSON line: {\"file\",\"from\",\"previous\",\"auditEntries\",\"auditHead\"}. "
            + "Exit 0 restored; 1 the app holds the database, FILE's audit chain is broken, or failed; 2 FILE missing, not a Dangjian database, or PostgreSQL (use pg_restore).");
        restore.Arguments.Add(file);
        restore.Options.Add(provider);
        restore.Options.Add(connection);
        restore.Options.Add(anchor);
        restore.SetAction((result, ct) => RestoreAsync(
            result.GetValue(file)!, result.GetValue(provider), result.GetValue(connection), result.GetValue(anchor), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return restore;
    }

    private static (Option<string?> Provider, Option<string?> Connection) DatabaseOptions() => (
        new Option<string?>("--provider") { Description = "Sqlite or Postgres (default: Database__Provider, else Sqlite)" },
        new Option<string?>("--connection") { Description = "Connection string (default: ConnectionStrings__Dangjian, else the default data file)" });

    /// <summary>`dangjian backup FILE`. Output: one JSON line, see README "Backup and restore".</summary>
    public static async Task<int> BackupAsync(string file, string? provider, string? connection, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (Resolve(provider, connection, error) is not { } resolved)
        {
            return ExitCodes.BadInput;
        }

        if (resolved.Provider == DatabaseProvider.Postgres)
        {
            await error.WriteLineAsync(
                "The database is PostgreSQL: back it up with pg_dump, not this command, e.g. pg_dump -Fc -f dangjian.dump \"host=… dbname=dangjian user=…\" "
                + "(README \"Backup and restore\").");
            return ExitCodes.BadInput;
        }

        var target = Path.GetFullPath(file);
        if (File.Exists(target) || Directory.Exists(target))
        {
            await error.WriteLineAsync($"{target} exists already; a backup never overwrites a file. Choose a new name.");
            return ExitCodes.BadInput;
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"The folder {folder} does not exist.");
            return ExitCodes.BadInput;
        }

        if (SqliteFileLock.DatabaseFile(resolved.ConnectionString) is not { } source || !File.Exists(source))
        {
            await error.WriteLineAsync("No database file to back up: check Database__Provider and ConnectionStrings__Dangjian (or --connection).");
            return ExitCodes.BadInput;
        }

        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await VacuumIntoAsync(source, partial, SqliteOpenMode.ReadWrite, ct);
            if (await ReadHeadAsync(partial, ct) is not { } head)
            {
                await error.WriteLineAsync($"{source} is not a Dangjian database (no audit log); nothing written.");
                return ExitCodes.BadInput;
            }

            SyncToDisk(partial);
            try
            {
                File.Move(partial, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                await error.WriteLineAsync($"{target} was created by someone else while the backup ran; it is left as it is. Choose a new name.");
                return ExitCodes.BadInput;
            }

            var bytes = new FileInfo(target).Length;
            await output.WriteLineAsync(JsonSerializer.Serialize(new BackupResult(target, bytes, head.Entries, head.Anchor), Json));
            return ExitCodes.Ok;
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"Cannot back up {source}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot write {target}: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            DeleteQuietly(partial);
        }
    }

    /// <summary>`dangjian restore FILE` without an anchor.</summary>
    public static Task<int> RestoreAsync(string file, string? provider, string? connection, TextWriter output, TextWriter error, CancellationToken ct) =>
        RestoreAsync(file, provider, connection, null, output, error, ct);

    /// <summary>`dangjian restore FILE [--anchor SEQUENCE:HASH]`. Output: one JSON line, see README "Backup and restore".</summary>
    public static async Task<int> RestoreAsync(string file, string? provider, string? connection, string? anchor, TextWriter output, TextWriter error, CancellationToken ct)
    {
        (long Sequence, string Hash)? expected = null;
        if (anchor is not null)
        {
            var parts = anchor.Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var seq) || seq < 1 || parts[1].Length != 64)
            {
                await error.WriteLineAsync("--anchor must be SEQUENCE:HASH as `backup` printed it in auditHead, e.g. 120:3fa4…(64 hex digits).");
                return ExitCodes.BadInput;
            }

            expected = (seq, parts[1].ToLowerInvariant());
        }

        if (Resolve(provider, connection, error) is not { } resolved)
        {
            return ExitCodes.BadInput;
        }

        if (resolved.Provider == DatabaseProvider.Postgres)
        {
            await error.WriteLineAsync(
                "The database is PostgreSQL: restore a pg_dump file with pg_restore, not this command, e.g. pg_restore --clean --if-exists --no-owner -d \"host=… dbname=dangjian user=…\" dangjian.dump "
                + "(README \"Backup and restore\").");
            return ExitCodes.BadInput;
        }

        var from = Path.GetFullPath(file);
        if (!File.Exists(from))
        {
            await error.WriteLineAsync($"{from} does not exist.");
            return ExitCodes.BadInput;
        }

        if (!await HasSqliteHeaderAsync(from, ct))
        {
            await error.WriteLineAsync($"{from} is not a Dangjian database (not a SQLite file); nothing restored.");
            return ExitCodes.BadInput;
        }

        if (SqliteFileLock.DatabaseFile(resolved.ConnectionString) is not { } target)
        {
            await error.WriteLineAsync("The configured database is in memory: there is no file to restore into.");
            return ExitCodes.BadInput;
        }

        if (string.Equals(from, target, StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"{from} is the configured database itself; restore from a copy.");
            return ExitCodes.BadInput;
        }

        // Held to the end: no app starts on the file while it is replaced.
        using var held = SqliteFileLock.TryAcquire(target, exclusive: true);
        if (held is null)
        {
            await error.WriteLineAsync(
                $"The app holds {target} (it keeps {SqliteFileLock.LockFileOf(target)} locked while it runs): stop every instance of it, then restore. Nothing restored.");
            return ExitCodes.Failed;
        }

        var folder = Path.GetDirectoryName(target)!;
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.restoring");
        try
        {
            // A compacted copy of FILE beside the target (FILE itself is only read): what is checked is what is installed.
            try
            {
                await VacuumIntoAsync(from, partial, SqliteOpenMode.ReadOnly, ct);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11) // SQLITE_NOTADB, SQLITE_CORRUPT
            {
                await error.WriteLineAsync($"{from} is not a Dangjian database ({e.Message}); nothing restored.");
                return ExitCodes.BadInput;
            }

            if (await ReadHeadAsync(partial, ct) is not { } head)
            {
                await error.WriteLineAsync($"{from} is not a Dangjian database (no audit log or migration history); nothing restored.");
                return ExitCodes.BadInput;
            }

            if (await VerifyChainAsync(partial, ct) is { } fault)
            {
                await error.WriteLineAsync($"The audit log of {from} is BROKEN at entry {fault.Sequence} ({fault.Reason}); nothing restored.");
                return ExitCodes.Failed;
            }

            if (expected is { } a && await EntryHashAsync(partial, a.Sequence, ct) is var hash && hash != a.Hash)
            {
                await error.WriteLineAsync(hash is null
                    ? $"The audit log of {from} is BROKEN at entry {head.Entries + 1}: it ends at entry {head.Entries}, but the anchor names entry {a.Sequence} (entries were removed from its end); nothing restored."
                    : $"The audit log of {from} is BROKEN at entry {a.Sequence}: its hash is not the anchor's (the log was rewritten from there on); nothing restored.");
                return ExitCodes.Failed;
            }

            string? previous = null;
            if (File.Exists(target))
            {
                // Fold the old file's write-ahead log into it, so the kept copy is whole; busy means something still uses it.
                if (!await CheckpointAsync(target, ct))
                {
                    await error.WriteLineAsync($"Something still uses {target} (its write-ahead log cannot be checkpointed): stop it, then restore. Nothing restored.");
                    return ExitCodes.Failed;
                }

                previous = KeptName(target);
                File.Move(target, previous, overwrite: false);
            }

            // Stale logs of the old file would be replayed onto the restored one.
            DeleteQuietly(target + "-wal");
            DeleteQuietly(target + "-shm");
            DeleteQuietly(target + "-journal");
            SyncToDisk(partial);
            File.Move(partial, target, overwrite: false);
            await output.WriteLineAsync(JsonSerializer.Serialize(new RestoreResult(target, from, previous, head.Entries, head.Anchor), Json));
            return ExitCodes.Ok;
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"Cannot restore {from}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot restore into {target}: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            DeleteQuietly(partial);
        }
    }

    /// <summary>What `backup` prints: the copy's full path and size, its audit entries and its last entry as SEQUENCE:HASH (null when empty), the anchor `audit verify --anchor` takes.</summary>
    private sealed record BackupResult(
        [property: System.Text.Json.Serialization.JsonPropertyName("file")] string File,
        [property: System.Text.Json.Serialization.JsonPropertyName("bytes")] long Bytes,
        [property: System.Text.Json.Serialization.JsonPropertyName("auditEntries")] long AuditEntries,
        [property: System.Text.Json.Serialization.JsonPropertyName("auditHead")] string? AuditHead);

    /// <summary>What `restore` prints: the database file, the copy it came from, where the old file was kept (null: there was none), and the restored audit log as in <see cref="BackupResult"/>.</summary>
    private sealed record RestoreResult(
        [property: System.Text.Json.Serialization.JsonPropertyName("file")] string File,
        [property: System.Text.Json.Serialization.JsonPropertyName("from")] string From,
        [property: System.Text.Json.Serialization.JsonPropertyName("previous")] string? Previous,
        [property: System.Text.Json.Serialization.JsonPropertyName("auditEntries")] long AuditEntries,
        [property: System.Text.Json.Serialization.JsonPropertyName("auditHead")] string? AuditHead);

    private sealed record Resolved(DatabaseProvider Provider, string ConnectionString);

    private sealed record Head(long Entries, string? Anchor);

    private static Resolved? Resolve(string? provider, string? connection, TextWriter error)
    {
        var p = provider ?? Environment.GetEnvironmentVariable("Database__Provider") ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(p, ignoreCase: true, out var parsed))
        {
            error.WriteLine($"Unknown provider '{p}': use Sqlite or Postgres.");
            return null;
        }

        if (parsed == DatabaseProvider.Postgres)
        {
            return new Resolved(parsed, string.Empty); // only named, never opened
        }

        try
        {
            return new Resolved(parsed, DangjianDatabase.ConnectionStringOrDefault(parsed, connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__Dangjian")));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>A connection of this command's own: not pooled, so no handle stays open on a file it moves.</summary>
    private static SqliteConnection Connect(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());

    private static async Task VacuumIntoAsync(string source, string into, SqliteOpenMode mode, CancellationToken ct)
    {
        await using var conn = Connect(source, mode);
        await conn.OpenAsync(ct);
        await using var vacuum = conn.CreateCommand();
        vacuum.CommandText = "VACUUM INTO $into";
        vacuum.Parameters.AddWithValue("$into", into);
        vacuum.CommandTimeout = 0; // a large file takes as long as it takes; the app's writers go on meanwhile
        await vacuum.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The audit log's size and last entry; null when the file has no audit log or migration history (not a Dangjian database).</summary>
    private static async Task<Head?> ReadHeadAsync(string file, CancellationToken ct)
    {
        await using var conn = Connect(file, SqliteOpenMode.ReadOnly);
        await conn.OpenAsync(ct);
        await using var tables = conn.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('AuditLog', '__EFMigrationsHistory')";
        if (Convert.ToInt64(await tables.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) != 2)
        {
            return null;
        }

        await using var head = conn.CreateCommand();
        head.CommandText = "SELECT (SELECT count(*) FROM \"AuditLog\"), \"Sequence\", \"Hash\" FROM \"AuditLog\" ORDER BY \"Sequence\" DESC LIMIT 1";
        await using var reader = await head.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Head(reader.GetInt64(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture) + ":" + reader.GetString(2))
            : new Head(0, null);
    }

    /// <summary>The audit chain of a file, walked as `dangjian audit verify` walks it.</summary>
    private static async Task<AuditChainFault?> VerifyChainAsync(string file, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var db = DangjianDbContext.Create(options.Options, new Data.Audit.FixedAuditActor("cli"));
        ct.ThrowIfCancellationRequested();
        return AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable());
    }

    /// <summary>The hash of one audit entry of a file; null when there is no such entry.</summary>
    private static async Task<string?> EntryHashAsync(string file, long sequence, CancellationToken ct)
    {
        await using var conn = Connect(file, SqliteOpenMode.ReadOnly);
        await conn.OpenAsync(ct);
        await using var entry = conn.CreateCommand();
        entry.CommandText = "SELECT \"Hash\" FROM \"AuditLog\" WHERE \"Sequence\" = $sequence";
        entry.Parameters.AddWithValue("$sequence", sequence);
        return await entry.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Checkpoints and empties the write-ahead log of a file; false when another connection keeps it from finishing.</summary>
    private static async Task<bool> CheckpointAsync(string file, CancellationToken ct)
    {
        await using var conn = Connect(file, SqliteOpenMode.ReadWrite);
        await conn.OpenAsync(ct);
        await using var checkpoint = conn.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await checkpoint.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && reader.GetInt64(0) == 0;
    }

    private static async Task<bool> HasSqliteHeaderAsync(string file, CancellationToken ct)
    {
        var buffer = new byte[SqliteHeader.Length];
        await using var stream = File.OpenRead(file);
        return await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct) == buffer.Length && buffer.AsSpan().SequenceEqual(SqliteHeader);
    }

    /// <summary>NAME.before-restore-20261206T203000Z (a second restore within the same second gets -2, -3…).</summary>
    private static string KeptName(string target)
    {
        var name = $"{target}.before-restore-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        var kept = name;
        for (var n = 2; File.Exists(kept); n++)
        {
            kept = $"{name}-{n}";
        }

        return kept;
    }

    private static void SyncToDisk(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        stream.Flush(flushToDisk: true);
    }

    private static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the operator: a hidden partial file, never under the backup's or the database's own name.
        }
    }
}
