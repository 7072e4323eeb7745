using System.Text;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Domain.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Tests.Backup;

/// <summary>
/// `dangjian backup FILE` and `dangjian restore FILE` (issue 18, "Backup and restore"), run as a separate process as an
/// operator would: the JSON line, a copy without free pages or deleted rows' bytes, the kept previous file, and each
/// refusal. The backup taken during a vote load, with the app running, is Dangjian.Web.Tests' BackupDuringVotingTests.
/// </summary>
public sealed class BackupRestoreCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-backup-").FullName;

    private string Live => Path.Combine(_folder, "dangjian.db");

    private string LiveConnection => $"Data Source={Live}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Backup_PrintsOneJsonLine_CopyHasNoFreePagesNorDeletedBytes()
    {
        await SeedAsync(Live, changes: 5);
        // A dropped table's pages go to the free list with their bytes in them (a raw connection: no secure_delete).
        await RawAsync(Live, "CREATE TABLE \"Junk\" (\"Text\" TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO \"Junk\" SELECT 'DELETED-MARKER-' || i FROM n;");
        await RawAsync(Live, "DROP TABLE \"Junk\"; PRAGMA wal_checkpoint(TRUNCATE);");
        Assert.True(await ScalarAsync(Live, "PRAGMA freelist_count") > 0);
        Assert.Contains("DELETED-MARKER-", Encoding.ASCII.GetString(await File.ReadAllBytesAsync(Live)), StringComparison.Ordinal);
        var copy = Path.Combine(_folder, "copy.db");

        var result = await CliProcess.RunAsync("backup", copy, "--connection", LiveConnection);

        Assert.True(result.ExitCode == 0, result.Error);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(["file", "bytes", "auditEntries", "auditHead"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(copy, json.RootElement.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(copy).Length, json.RootElement.GetProperty("bytes").GetInt64());
        var (entries, head) = await AuditHeadAsync(Live);
        Assert.Equal(entries, json.RootElement.GetProperty("auditEntries").GetInt64());
        Assert.Equal(head, json.RootElement.GetProperty("auditHead").GetString());
        Assert.Equal(0, await ScalarAsync(copy, "PRAGMA freelist_count"));
        Assert.DoesNotContain("DELETED-MARKER-", Encoding.ASCII.GetString(await File.ReadAllBytesAsync(copy)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));

        // The head is the anchor `audit verify` takes: the copy verifies up to it.
        var verify = await CliProcess.RunAsync("audit", "verify", "--connection", $"Data Source={copy}", "--anchor", head!);
        Assert.True(verify.ExitCode == 0, verify.Error);
    }

    [Fact]
    public async Task Backup_ExistingFile_ExitsTwo_LeavesItAsItWas()
    {
        await SeedAsync(Live, changes: 1);
        var copy = Path.Combine(_folder, "copy.db");
        await File.WriteAllTextAsync(copy, "yesterday's backup");

        var result = await CliProcess.RunAsync("backup", copy, "--connection", LiveConnection);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exists already", result.Error, StringComparison.Ordinal);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(copy));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Backup_NoDatabase_ExitsTwo_WritesNothing()
    {
        var copy = Path.Combine(_folder, "copy.db");

        var result = await CliProcess.RunAsync("backup", copy, "--connection", LiveConnection);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No database file", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(copy));
        Assert.False(File.Exists(Live)); // not created by asking
    }

    [Fact]
    public async Task BackupAndRestore_OnPostgres_ExitTwo_NamingPgDumpAndPgRestore()
    {
        var backup = await CliProcess.RunAsync("backup", Path.Combine(_folder, "x.dump"), "--provider", "Postgres", "--connection", "Host=127.0.0.1;Database=dangjian");
        var restore = await CliProcess.RunAsync("restore", Path.Combine(_folder, "x.dump"), "--provider", "Postgres", "--connection", "Host=127.0.0.1;Database=dangjian");

        Assert.Equal(2, backup.ExitCode);
        Assert.Contains("pg_dump -Fc", backup.Error, StringComparison.Ordinal);
        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("pg_restore", restore.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.dump")));
    }

    [Fact]
    public async Task Restore_ReplacesTheDatabase_KeepsThePreviousOne_AndLeavesNoOldLog()
    {
        await SeedAsync(Live, changes: 3);
        var copy = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await CliProcess.RunAsync("backup", copy, "--connection", LiveConnection)).ExitCode);
        var atBackup = await AuditHeadAsync(copy);
        await SeedAsync(Live, changes: 4, code: "L"); // later work, only in the live file (partly in its write-ahead log)
        var later = await AuditHeadAsync(Live);
        Assert.True(later.Entries > atBackup.Entries);

        var result = await CliProcess.RunAsync("restore", copy, "--connection", LiveConnection);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(["file", "from", "previous", "auditEntries", "auditHead"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Live, json.RootElement.GetProperty("file").GetString());
        Assert.Equal(copy, json.RootElement.GetProperty("from").GetString());
        Assert.Equal(atBackup.Head, json.RootElement.GetProperty("auditHead").GetString());
        var previous = json.RootElement.GetProperty("previous").GetString()!;
        Assert.StartsWith(Live + ".before-restore-", previous, StringComparison.Ordinal);
        Assert.Equal(atBackup, await AuditHeadAsync(Live));
        Assert.Equal(later, await AuditHeadAsync(previous)); // the kept file is whole, its log folded in
        Assert.False(File.Exists(Live + "-wal"));
        Assert.False(File.Exists(Live + "-shm"));
        var verify = await CliProcess.RunAsync("audit", "verify", "--connection", LiveConnection);
        Assert.True(verify.ExitCode == 0, verify.Error);
    }

    [Fact]
    public async Task Restore_IntoAFreshFolder_HasNoPrevious()
    {
        await SeedAsync(Live, changes: 2);
        var copy = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await CliProcess.RunAsync("backup", copy, "--connection", LiveConnection)).ExitCode);
        var fresh = Path.Combine(_folder, "fresh", "dangjian.db");

        var result = await CliProcess.RunAsync("restore", copy, "--connection", $"Data Source={fresh}");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("previous").ValueKind);
        Assert.Equal(await AuditHeadAsync(copy), await AuditHeadAsync(fresh));
    }

    [Fact]
    public async Task Restore_WhileAnAppHoldsTheDatabase_ExitsOne_NothingChanged()
    {
        await SeedAsync(Live, changes: 2);
        var copy = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await CliProcess.RunAsync("backup", copy, "--connection", LiveConnection)).ExitCode);
        await SeedAsync(Live, changes: 1, code: "L");
        var before = await AuditHeadAsync(Live);

        CliProcess.Result result;
        using (var app = SqliteFileLock.TryAcquire(Live, exclusive: false)) // what a running app holds (HostSetup)
        {
            Assert.NotNull(app);
            result = await CliProcess.RunAsync("restore", copy, "--connection", LiveConnection);
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stop every instance", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await AuditHeadAsync(Live));
        Assert.Empty(Directory.GetFiles(_folder, "*before-restore*"));

        // Once the app has stopped, the same restore goes through.
        Assert.Equal(0, (await CliProcess.RunAsync("restore", copy, "--connection", LiveConnection)).ExitCode);
    }

    [Fact]
    public void AnApp_DoesNotStart_WhileARestoreHoldsTheDatabase()
    {
        using var restore = SqliteFileLock.TryAcquire(Live, exclusive: true);
        Assert.NotNull(restore);

        var e = Assert.Throws<InvalidOperationException>(() => SqliteFileLock.HoldWhileRunning(LiveConnection, isSqlite: true, CancellationToken.None));

        Assert.Contains("being restored", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_BrokenAuditChain_ExitsOne_NothingChanged()
    {
        await SeedAsync(Live, changes: 5);
        var copy = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await CliProcess.RunAsync("backup", copy, "--connection", LiveConnection)).ExitCode);
        await RawAsync(copy, "UPDATE \"AuditLog\" SET \"After\" = REPLACE(\"After\", '支部', '支布') WHERE \"Sequence\" = 4");
        var before = await AuditHeadAsync(Live);

        var result = await CliProcess.RunAsync("restore", copy, "--connection", LiveConnection);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BROKEN at entry 4", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await AuditHeadAsync(Live));
        Assert.Empty(Directory.GetFiles(_folder, "*before-restore*"));
        Assert.Empty(Directory.GetFiles(_folder, "*.restoring"));
    }

    [Fact]
    public async Task Restore_WithTheBackupsAnchor_RefusesACopyCutShort()
    {
        await SeedAsync(Live, changes: 3);
        var copy = Path.Combine(_folder, "copy.db");
        var backup = await CliProcess.RunAsync("backup", copy, "--connection", LiveConnection);
        Assert.Equal(0, backup.ExitCode);
        using var json = JsonDocument.Parse(backup.Output);
        var anchor = json.RootElement.GetProperty("auditHead").GetString()!;
        var cut = Path.Combine(_folder, "cut.db");
        File.Copy(copy, cut);
        await RawAsync(cut, "DELETE FROM \"AuditLog\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditLog\")");
        var fresh = $"Data Source={Path.Combine(_folder, "fresh", "dangjian.db")}";

        var cutWithAnchor = await CliProcess.RunAsync("restore", cut, "--connection", fresh, "--anchor", anchor);
        var malformed = await CliProcess.RunAsync("restore", copy, "--connection", fresh, "--anchor", "12:abc");
        var whole = await CliProcess.RunAsync("restore", copy, "--connection", fresh, "--anchor", anchor);

        Assert.Equal(1, cutWithAnchor.ExitCode); // the chain of what is left verifies; only the anchor shows the cut
        Assert.Contains("removed from its end", cutWithAnchor.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("--anchor", malformed.Error, StringComparison.Ordinal);
        Assert.True(whole.ExitCode == 0, whole.Error);
        Assert.Equal(anchor, (await AuditHeadAsync(Path.Combine(_folder, "fresh", "dangjian.db"))).Head);
    }

    [Fact]
    public async Task Restore_NotADangjianDatabase_ExitsTwo_NothingChanged()
    {
        await SeedAsync(Live, changes: 1);
        var before = await AuditHeadAsync(Live);
        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database at all");
        var other = Path.Combine(_folder, "other.db");
        await RawAsync(other, "CREATE TABLE \"Things\" (\"Name\" TEXT); INSERT INTO \"Things\" VALUES ('x');");

        var fromText = await CliProcess.RunAsync("restore", text, "--connection", LiveConnection);
        var fromOther = await CliProcess.RunAsync("restore", other, "--connection", LiveConnection);
        var fromNothing = await CliProcess.RunAsync("restore", Path.Combine(_folder, "missing.db"), "--connection", LiveConnection);

        Assert.Equal(2, fromText.ExitCode);
        Assert.Contains("not a Dangjian database", fromText.Error, StringComparison.Ordinal);
        Assert.Equal(2, fromOther.ExitCode);
        Assert.Contains("not a Dangjian database", fromOther.Error, StringComparison.Ordinal);
        Assert.Equal(2, fromNothing.ExitCode);
        Assert.Contains("does not exist", fromNothing.Error, StringComparison.Ordinal);
        Assert.Equal(before, await AuditHeadAsync(Live));
        Assert.Empty(Directory.GetFiles(_folder, "*before-restore*"));
    }

    private static DangjianDbContext Open(string file)
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
        return DangjianDbContext.Create(options.Options, new Data.Audit.FixedAuditActor("test"));
    }

    /// <summary>A database as the app leaves it (migrated, WAL mode), with audited changes.</summary>
    private static async Task SeedAsync(string file, int changes, string code = "B")
    {
        if (!File.Exists(file))
        {
            await MigratedDatabase.CreateAsync(nameof(DatabaseProvider.Sqlite), $"Data Source={file}");
        }

        await using var db = Open(file);
        await DangjianDatabase.MigrateAsync(db);
        var root = new Organization { Code = code + "-D", Name = "测试区委", Kind = OrganizationKind.DistrictCommittee };
        db.Organizations.Add(root);
        await db.SaveChangesAsync();
        root.Path = OrganizationTree.PathOf(null, root.Id);
        await db.SaveChangesAsync();
        for (var i = 0; i < changes; i++)
        {
            var org = new Organization { Code = $"{code}{i}", Name = $"第{i}支部", Kind = OrganizationKind.Branch, ParentId = root.Id, Path = root.Path };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = OrganizationTree.PathOf(root.Path, org.Id);
            await db.SaveChangesAsync();
        }
    }

    private static async Task<(long Entries, string? Head)> AuditHeadAsync(string file)
    {
        await using var db = Open(file);
        var count = await db.AuditEntries.LongCountAsync();
        var last = await db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync();
        return (count, last is null ? null : $"{last.Sequence}:{last.Hash}");
    }

    private static async Task RawAsync(string file, string sql)
    {
        await using var conn = new SqliteConnection($"Data Source={file};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string file, string sql)
    {
        await using var conn = new SqliteConnection($"Data Source={file};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
