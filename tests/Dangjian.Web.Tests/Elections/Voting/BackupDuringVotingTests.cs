extern alias cli;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Domain.Audit;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Elections.Voting;

/// <summary>
/// Issue 18, "Backup and restore": `dangjian backup` (the CLI's own code, through the <c>cli</c> alias) taken from the
/// running app's SQLite file while phones keep casting; the copy restored into a fresh folder with `dangjian restore`
/// holds every ballot acknowledged before the backup began, its audit chain verifies and it has no free page (the
/// secrecy rule covers free pages). And a restore onto the running app's database is refused. SQLite only: PostgreSQL
/// is backed up with pg_dump (README "Backup and restore").
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class BackupDuringVotingTests(SqliteApp app, Xunit.Abstractions.ITestOutputHelper log) : IDisposable
{
    private const int Voters = 150;
    private const int Clients = 8;
    private static readonly string[] Marks = ["for", "for", "abstain", "against", "abstain"];

    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-backup-").FullName;
    private string? _connectionString;

    public void Dispose() => SqliteCleanup.Delete(_folder);

    [Fact]
    public async Task Backup_WhileBallotsAreCast_HoldsEveryBallotAcknowledgedBeforeIt_RestoredCopyVerifies()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a few seconds on an idle machine
        var round = await app.RoundAsync();
        var codes = new ConcurrentQueue<string>(await app.IssueCodesAsync(round.Id, Voters));
        var clock = Stopwatch.StartNew();
        var acknowledged = new ConcurrentBag<(string Receipt, long At)>();
        var refused = new ConcurrentBag<HttpStatusCode>();

        async Task PhoneAsync()
        {
            var phone = app.Phone();
            while (codes.TryDequeue(out var code))
            {
                budget.Token.ThrowIfCancellationRequested();
                var (status, body) = await phone.VoteAsync(round.Id, code, Marks);
                if (status == HttpStatusCode.OK)
                {
                    acknowledged.Add((VotingSetup.Receipt(body)!, clock.ElapsedTicks)); // taken after the answer came
                }
                else
                {
                    refused.Add(status);
                }
            }
        }

        var casting = Enumerable.Range(0, Clients).Select(_ => Task.Run(PhoneAsync)).ToArray();
        while (acknowledged.Count < Voters / 3)
        {
            Assert.False(casting.Any(t => t.IsFaulted), "a phone failed before the backup");
            await Task.Delay(5, budget.Token);
        }

        var copy = Path.Combine(_folder, "backup.db");
        var backupStarted = clock.ElapsedTicks;
        var before = acknowledged.Where(a => a.At < backupStarted).Select(a => a.Receipt).ToList();
        Assert.False(casting.All(t => t.IsCompleted), "casting must go on while the backup runs");
        var (backupCode, backupOutput, backupError) = await RunAsync((o, e) =>
            cli::Dangjian.Cli.Backup.BackupCommands.BackupAsync(copy, "Sqlite", ConnectionString, o, e, budget.Token));
        var backupEnded = clock.ElapsedTicks;
        await Task.WhenAll(casting);

        Assert.True(backupCode == 0, backupError);
        Assert.Empty(refused);
        Assert.Equal(Voters, acknowledged.Count);
        using var json = JsonDocument.Parse(backupOutput);
        Assert.Equal(copy, json.RootElement.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(copy).Length, json.RootElement.GetProperty("bytes").GetInt64());
        var all = acknowledged.Select(a => a.Receipt).ToHashSet(StringComparer.Ordinal);
        var inCopy = await ReceiptsAsync(copy, round.BoxKey);
        Assert.Superset(before.ToHashSet(StringComparer.Ordinal), inCopy.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(all, inCopy.ToHashSet(StringComparer.Ordinal)); // nothing the phones were not told about
        Assert.Equal(inCopy.Count, inCopy.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, await ScalarAsync(copy, "PRAGMA freelist_count"));

        // Restore the copy into a fresh folder (no app there) and open it as the app would.
        var fresh = Path.Combine(_folder, "restored", "dangjian.db");
        var (restoreCode, restoreOutput, restoreError) = await RunAsync((o, e) =>
            cli::Dangjian.Cli.Backup.BackupCommands.RestoreAsync(copy, "Sqlite", $"Data Source={fresh}", o, e, budget.Token));

        Assert.True(restoreCode == 0, restoreError);
        using var restored = JsonDocument.Parse(restoreOutput);
        Assert.Equal(json.RootElement.GetProperty("auditHead").GetString(), restored.RootElement.GetProperty("auditHead").GetString());
        var inRestored = await ReceiptsAsync(fresh, round.BoxKey);
        Assert.Superset(before.ToHashSet(StringComparer.Ordinal), inRestored.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(inCopy.Order(StringComparer.Ordinal), inRestored.Order(StringComparer.Ordinal));
        Assert.Equal(0, await ScalarAsync(fresh, "PRAGMA freelist_count"));
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, DatabaseProvider.Sqlite, $"Data Source={fresh};Pooling=False");
        await using (var db = DangjianDbContext.Create(options.Options, new Dangjian.Data.Audit.FixedAuditActor("test")))
        {
            Assert.Null(AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable()));
            Assert.Equal(json.RootElement.GetProperty("auditEntries").GetInt64(), await db.AuditEntries.LongCountAsync(budget.Token));
        }

        // The test's figures, for a reader of the log: how much casting the backup overlapped.
        log.WriteLine($"backup {TimeSpan.FromTicks((backupEnded - backupStarted) * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalMilliseconds:F0} ms, "
            + $"{before.Count} acknowledged before it, {acknowledged.Count(a => a.At >= backupStarted && a.At <= backupEnded)} during it, {inCopy.Count} in the copy");
        await app.CloseBoxAsync(round);
    }

    [Fact]
    public async Task Restore_OntoTheRunningAppsDatabase_IsRefused_AndTheAppGoesOn()
    {
        var copy = Path.Combine(_folder, "backup.db");
        var (backupCode, _, backupError) = await RunAsync((o, e) =>
            cli::Dangjian.Cli.Backup.BackupCommands.BackupAsync(copy, "Sqlite", ConnectionString, o, e, CancellationToken.None));
        Assert.True(backupCode == 0, backupError);
        var live = SqliteFileLock.DatabaseFile(ConnectionString)!;

        var (code, output, error) = await RunAsync((o, e) =>
            cli::Dangjian.Cli.Backup.BackupCommands.RestoreAsync(copy, "Sqlite", ConnectionString, o, e, CancellationToken.None));

        Assert.Equal(1, code);
        Assert.Contains("stop every instance", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(live)!, "*before-restore*"));
        var health = await app.AnonymousClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Backup_OverAnExistingFile_ExitsTwo()
    {
        var copy = Path.Combine(_folder, "backup.db");
        await File.WriteAllTextAsync(copy, "keep me");

        var (code, output, error) = await RunAsync((o, e) =>
            cli::Dangjian.Cli.Backup.BackupCommands.BackupAsync(copy, "Sqlite", ConnectionString, o, e, CancellationToken.None));

        Assert.Equal(2, code);
        Assert.Contains("exists already", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal("keep me", await File.ReadAllTextAsync(copy));
    }

    private string ConnectionString => _connectionString ??= app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)).GetAwaiter().GetResult();

    private static async Task<(int Code, string Output, string Error)> RunAsync(Func<TextWriter, TextWriter, Task<int>> command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await command(output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<List<string>> ReceiptsAsync(string file, string boxKey)
    {
        await using var conn = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT \"Receipt\" FROM \"SecretBallots\" WHERE \"BoxKey\" = $key";
        cmd.Parameters.AddWithValue("$key", boxKey);
        var receipts = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            receipts.Add(reader.GetString(0));
        }

        return receipts;
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
