using Dangjian.Data;
using Dangjian.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Tests.Audit;

/// <summary>
/// ORG-7: `dangjian audit verify` exits 0 on an intact chain, and non-zero naming the first broken
/// entry when a row is altered or removed directly in the database — on SQLite and on PostgreSQL.
/// </summary>
public abstract class AuditVerifyTests : IAsyncLifetime
{
    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync() => MigratedDatabase.CreateAsync(Provider, ConnectionString);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Verify_IntactChain_ExitsZero()
    {
        await SeedAsync(changes: 5);

        var result = await VerifyAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("intact", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AlteredEntry_ExitsOneNamingIt()
    {
        await SeedAsync(changes: 5);
        await ExecuteAsync("UPDATE \"AuditLog\" SET \"After\" = REPLACE(\"After\", '支部', '支布') WHERE \"Sequence\" = 4");

        var result = await VerifyAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("entry 4", result.Error, StringComparison.Ordinal);
        Assert.Contains("altered", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RemovedEntry_ExitsOneNamingTheGap()
    {
        await SeedAsync(changes: 5);
        await ExecuteAsync("DELETE FROM \"AuditLog\" WHERE \"Sequence\" = 3");

        var result = await VerifyAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("entry 3", result.Error, StringComparison.Ordinal);
        Assert.Contains("removed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AlteredRecordRowButNotLog_StaysIntact_LogStillShowsTruth()
    {
        // Altering a business row leaves the chain intact (the log is the evidence); the log's "after" differs from the row.
        await SeedAsync(changes: 2);
        await ExecuteAsync("UPDATE \"Organizations\" SET \"Name\" = '篡改' WHERE \"ParentId\" IS NOT NULL");

        var result = await VerifyAsync();

        Assert.Equal(0, result.ExitCode);
        await using var db = Open();
        var after = await db.AuditEntries.Where(a => a.EntityType == "Organization" && a.Action == "Organization.PathAssigned").Select(a => a.After).ToListAsync();
        Assert.DoesNotContain(after, a => a!.Contains("篡改", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_TruncatedTail_IsCaughtOnlyWithAnAnchor()
    {
        await SeedAsync(changes: 3);
        var first = await VerifyAsync();
        var anchor = first.Output.Split('\n').Single(l => l.StartsWith("Anchor", StringComparison.Ordinal)).Split(' ').Last().Trim();
        await ExecuteAsync("DELETE FROM \"AuditLog\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditLog\")");

        var withoutAnchor = await VerifyAsync();
        var withAnchor = await CliProcess.RunAsync("audit", "verify", "--provider", Provider, "--connection", ConnectionString, "--anchor", anchor);

        Assert.Equal(0, withoutAnchor.ExitCode); // the documented limit of a bare hash chain
        Assert.Equal(1, withAnchor.ExitCode);
        Assert.Contains("removed from its end", withAnchor.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MalformedAnchor_ExitsTwo()
    {
        await SeedAsync(changes: 1);
        var result = await CliProcess.RunAsync("audit", "verify", "--provider", Provider, "--connection", ConnectionString, "--anchor", "abc");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--anchor", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnknownProvider_ExitsTwo()
    {
        var result = await CliProcess.RunAsync("audit", "verify", "--provider", "Oracle", "--connection", "x");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Oracle", result.Error, StringComparison.Ordinal);
    }

    private Task<CliProcess.Result> VerifyAsync() => CliProcess.RunAsync("audit", "verify", "--provider", Provider, "--connection", ConnectionString);

    private DangjianDbContext Open()
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, Enum.Parse<DatabaseProvider>(Provider), ConnectionString);
        return DangjianDbContext.Create(options.Options, new Data.Audit.FixedAuditActor("test"));
    }

    private async Task SeedAsync(int changes)
    {
        await using var db = Open();
        await DangjianDatabase.MigrateAsync(db);
        var root = new Organization { Code = "D01", Name = "测试区委", Kind = OrganizationKind.DistrictCommittee };
        db.Organizations.Add(root);
        await db.SaveChangesAsync();
        root.Path = OrganizationTree.PathOf(null, root.Id);
        await db.SaveChangesAsync();
        for (var i = 0; i < changes; i++)
        {
            var org = new Organization { Code = $"B{i}", Name = $"第{i}支部", Kind = OrganizationKind.Branch, ParentId = root.Id, Path = root.Path };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = OrganizationTree.PathOf(root.Path, org.Id);
            db.AuditAction = "Organization.PathAssigned";
            await db.SaveChangesAsync();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = Open();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}

public sealed class AuditVerifySqliteTests : AuditVerifyTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dangjian-cli-").FullName;

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(_folder, "audit.db")}";

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class AuditVerifyPostgresTests : AuditVerifyTests
{
    private readonly string _database = "dangjian_cli_" + Guid.NewGuid().ToString("N")[..12];

    protected override string Provider => "Postgres";

    protected override string ConnectionString => MigratedDatabase.PostgresConnection(_database);

    public override Task DisposeAsync() => MigratedDatabase.DropPostgresAsync(_database);
}
