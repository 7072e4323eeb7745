using System.Security.Cryptography;
using Dangjian.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Tests.Elections;

/// <summary>
/// ELE-13: `dangjian election verify FILE` recounts a published ballot list and checks that its SHA-256 is in an
/// "ElectionRound.Published" audit entry of the configured database — on SQLite and on PostgreSQL.
/// </summary>
public abstract class ElectionVerifyCliTests : IAsyncLifetime
{
    /// <summary>
    /// A published list as the web app writes it: the count input with the ballots in a random order and no
    /// receipt, the electronic and paper counts, the receipts apart and sorted, and the round.
    /// </summary>
    public const string PublishedList = """
        {
          "round": { "id": 7, "title": "选举委员", "project": "第二届换届", "organization": "测试支部", "publishedAt": "2026-11-23T10:00:00Z" },
          "mode": "formal",
          "seats": 2,
          "entitledVoters": 5,
          "votersPresent": 5,
          "ballotsIssued": 5,
          "candidates": ["张伟", "王芳", "李娜"],
          "electronicBallots": 2,
          "paperBallots": 3,
          "ballots": [
            { "for": ["王芳"], "against": ["李娜"], "writeIns": [], "void": false },
            { "for": ["张伟", "王芳"], "against": [], "writeIns": [], "void": false },
            { "for": [], "against": [], "writeIns": [], "void": true },
            { "for": ["张伟", "李娜"], "against": [], "writeIns": [], "void": false },
            { "for": ["张伟", "王芳"], "against": [], "writeIns": [], "void": false }
          ],
          "receipts": ["23456789", "ABCDEFGH"]
        }

        """;

    /// <summary>The same round in the earlier format: each electronic ballot carries its receipt.</summary>
    public const string OldFormatList = """
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

    public virtual Task InitializeAsync() => MigratedDatabase.CreateAsync(Provider, ConnectionString);

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

    [Fact]
    public async Task Verify_OldFormatList_StillVerifies()
    {
        var file = Write("old.json", OldFormatList);
        await SeedAsync(Hash(file), "ElectionRound.Published");

        var verify = await VerifyAsync(file);

        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Equal((await CliProcess.RunAsync("election", "count", file)).Output, verify.Output);
        Assert.Contains("earlier format", verify.Error, StringComparison.Ordinal);
    }

    /// <summary>Files whose hash IS in the audit log but whose receipts do not hold together: still exit 1.</summary>
    [Theory]
    [InlineData("\"receipts\": [\"23456789\", \"23456789\"]", "repeats")]
    [InlineData("\"receipts\": [\"ABCDEFGH\", \"23456789\"]", "not sorted")]
    [InlineData("\"receipts\": [\"23456789\"]", "1 receipts for 2 electronic ballots")]
    [InlineData("\"receipts\": [\"23456789\", \"ABCDEFGH\", \"ABCDEFGJ\"]", "3 receipts for 2 electronic ballots")]
    [InlineData("\"electronicBallots\": 1", "1 electronic and 3 paper ballots, but the list has 5")]
    [InlineData("\"writeIns\": [], \"void\": true }", "ballots[2]")]
    public async Task Verify_ReceiptsInconsistent_ExitsOneNamingTheFault(string replacement, string message)
    {
        var text = replacement.StartsWith("\"receipts\"", StringComparison.Ordinal)
            ? PublishedList.Replace("\"receipts\": [\"23456789\", \"ABCDEFGH\"]", replacement, StringComparison.Ordinal)
            : replacement.StartsWith("\"electronicBallots\"", StringComparison.Ordinal)
                ? PublishedList.Replace("\"electronicBallots\": 2", replacement, StringComparison.Ordinal)
                : PublishedList.Replace(replacement, "\"writeIns\": [], \"void\": true, \"receipt\": \"ABCDEFGH\" }", StringComparison.Ordinal);
        Assert.NotEqual(PublishedList, text);
        var file = Write("tampered.json", text);
        await SeedAsync(Hash(file), "ElectionRound.Published");

        var result = await VerifyAsync(file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal((await CliProcess.RunAsync("election", "count", file)).Output, result.Output);
    }

    [Fact]
    public async Task Verify_Receipt_SaysWhetherItIsAmongTheCounted()
    {
        var file = Write("ballots.json", PublishedList);
        await SeedAsync(Hash(file), "ElectionRound.Published");

        // As typed from a slip: lower case, a dash.
        var found = await VerifyAsync(file, "--receipt", "abcd-efgh");
        Assert.True(found.ExitCode == 0, found.Error);
        Assert.Contains("ABCDEFGH is among the 2 receipts", found.Error, StringComparison.Ordinal);
        Assert.Contains("among the 5 ballots counted", found.Error, StringComparison.Ordinal);
        Assert.Equal((await CliProcess.RunAsync("election", "count", file)).Output, found.Output);

        var missing = await VerifyAsync(file, "--receipt", "ZZZZZZZZ");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("ZZZZZZZZ is not among", missing.Error, StringComparison.Ordinal);

        var old = Write("old.json", OldFormatList);
        await SeedAsync(Hash(old), "ElectionRound.Published");
        var inOld = await VerifyAsync(old, "--receipt", "23456789");
        Assert.True(inOld.ExitCode == 0, inOld.Error);
        Assert.Contains("23456789 is among the 2 receipts", inOld.Error, StringComparison.Ordinal);
    }

    private Task<CliProcess.Result> VerifyAsync(string file, params string[] more) =>
        CliProcess.RunAsync(["election", "verify", file, "--provider", Provider, "--connection", ConnectionString, .. more]);

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
        await using var db = DangjianDbContext.Create(options.Options, new Data.Audit.FixedAuditActor("test"));
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

    protected override string ConnectionString => MigratedDatabase.PostgresConnection(_database);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await MigratedDatabase.DropPostgresAsync(_database);
    }
}

/// <summary>
/// The published list's extra fields ("round", the counts, "receipts"; each ballot's "receipt" in the earlier format)
/// are ignored by the count, so the new list recounts exactly as the old one did.
/// </summary>
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

    [Fact]
    public async Task Count_NewFormat_PrintsWhatTheOldFormatPrintsForTheSameBallots()
    {
        var now = Path.Combine(_folder, "new.json");
        var before = Path.Combine(_folder, "old.json");
        await File.WriteAllTextAsync(now, ElectionVerifyCliTests.PublishedList);
        await File.WriteAllTextAsync(before, ElectionVerifyCliTests.OldFormatList);

        var a = await CliProcess.RunAsync("election", "count", now);
        var b = await CliProcess.RunAsync("election", "count", before);

        Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        Assert.Equal(b.Output, a.Output);
    }
}
