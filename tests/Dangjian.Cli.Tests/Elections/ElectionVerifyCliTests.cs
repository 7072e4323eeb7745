using System.Security.Cryptography;
using Dangjian.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Cli.Tests.Elections;

/// <summary>
/// ELE-13: `dangjian election verify FILE` recounts a published ballot list and checks that its SHA-256 is in an
/// "ElectionRound.Published" audit entry of the configured database — on SQLite and on PostgreSQL.
/// </summary>
public abstract class ElectionVerifyCliTests : IAsyncLifetime
{
    /// <summary>A published list as the web app writes it: the count input, receipts, and the round.</summary>
    public const string PublishedList = """
        {
          "round": { "id": 7, "title": "选举委员", "project": "第二届换届", "organization": "测试支部", "publishedAt": "2026-11-23T10:00:00Z" },
          "mode": "formal",
          "seats": 2,
          "entitledVoters": 5,
          "votersPresent": 5,
          "ballotsIssued": 5,
          "candidates": ["张伟", "王芳", "李娜"],
          "ballots": [
            { "for": ["张伟", "王芳"], "against": [], "writeIns": [], "void": false, "receipt": "23456789" },
            { "for": ["张伟", "王芳"], "against": [], "writeIns": [], "void": false, "receipt": "ABCDEFGH" },
            { "for": ["张伟", "李娜"], "against": [], "writeIns": [], "void": false },
            { "for": ["王芳"], "against": ["李娜"], "writeIns": [], "void": false },
            { "for": [], "against": [], "writeIns": [], "void": true }
          ]
        }

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-verify-").FullName;

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Verify_PublishedList_PrintsWhatCountPrintsAndExitsZero()
    {
        var file = Write("ballots.json", PublishedList);
        await SeedAsync(Hash(file), "ElectionRound.Published");

        var verify = await VerifyAsync(file);
        var count = await CliProcess.RunAsync("election", "count", file);

        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Equal(0, count.ExitCode);
        Assert.Equal(count.Output, verify.Output);
        Assert.Contains("\"elected\": [\n    \"张伟\",\n    \"王芳\"\n  ]", verify.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChangedFile_ExitsOneButStillPrintsTheRecount()
    {
        var published = Write("ballots.json", PublishedList);
        await SeedAsync(Hash(published), "ElectionRound.Published");
        // The same ballots, one space more: a different file, so not the published one.
        var changed = Write("changed.json", PublishedList.Replace("\"seats\": 2", "\"seats\":  2", StringComparison.Ordinal));

        var result = await VerifyAsync(changed);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not the published ballot list", result.Error, StringComparison.Ordinal);
        Assert.Equal((await CliProcess.RunAsync("election", "count", published)).Output, result.Output);
    }

    [Fact]
    public async Task Verify_HashUnderAnotherAction_IsNotPublished()
    {
        var file = Write("ballots.json", PublishedList);
        await SeedAsync(Hash(file), "ElectionRound.Counted");

        var result = await VerifyAsync(file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not the published ballot list", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MalformedFile_ExitsTwoNamingTheField()
    {
        await SeedAsync(new string('0', 64), "ElectionRound.Published");
        var file = Write("bad.json", """{ "seats": 1, "entitledVoters": 3, "votersPresent": 3, "candidates": ["甲"], "ballots": [ { "for": ["乙"] } ] }""");

        var result = await VerifyAsync(file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ballotsIssued", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    private Task<CliProcess.Result> VerifyAsync(string file) =>
        CliProcess.RunAsync("election", "verify", file, "--provider", Provider, "--connection", ConnectionString);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private async Task SeedAsync(string sha256, string action)
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, Enum.Parse<DatabaseProvider>(Provider), ConnectionString);
        await using var db = new DangjianDbContext(options.Options, new Data.Audit.FixedAuditActor("test"));
        await DangjianDatabase.MigrateAsync(db);
        db.AddAuditEvent(action, "ElectionRound", "7", new Dictionary<string, object> { ["roundId"] = 7, ["sha256"] = sha256 });
        await db.SaveChangesAsync();
    }
}

public sealed class ElectionVerifySqliteTests : ElectionVerifyCliTests
{
    private readonly string _dbFolder = Directory.CreateTempSubdirectory("dangjian-cli-").FullName;

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(_dbFolder, "verify.db")}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dbFolder, recursive: true);
    }
}

public sealed class ElectionVerifyPostgresTests : ElectionVerifyCliTests
{
    private readonly string _database = "dangjian_cli_" + Guid.NewGuid().ToString("N")[..12];

    protected override string Provider => "Postgres";

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = _database }.ConnectionString;

    private static string BaseConnectionString =>
        Environment.GetEnvironmentVariable("DANGJIAN_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("DANGJIAN_TEST_PG is not set: run ./test.sh, which starts a throwaway PostgreSQL server.");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>The published list's extra fields ("round", each ballot's "receipt") are ignored by the count.</summary>
public sealed class PublishedListCountTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-count-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Count_PublishedListWithReceiptsAndRound_CountsTheBallots()
    {
        var file = Path.Combine(_folder, "ballots.json");
        await File.WriteAllTextAsync(file, ElectionVerifyCliTests.PublishedList);

        var result = await CliProcess.RunAsync("election", "count", file);

        Assert.Equal(0, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal("counted", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(5, doc.RootElement.GetProperty("ballotsReturned").GetInt32());
        Assert.Equal(4, doc.RootElement.GetProperty("validBallots").GetInt32());
    }
}
