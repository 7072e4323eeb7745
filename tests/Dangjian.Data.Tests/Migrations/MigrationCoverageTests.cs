using Dangjian.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dangjian.Data.Tests.Migrations;

/// <summary>
/// STYLE.md "Two providers on every schema change": each provider's migrations cover the current
/// model, and both sets hold the same migrations, so neither provider falls behind.
/// </summary>
public sealed class MigrationCoverageTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused;Username=unused")]
    public void Model_HasNoChangesWithoutAMigration(DatabaseProvider provider, string connectionString)
    {
        using var db = Create(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes no {provider} migration covers: run dotnet ef migrations add for both providers (README).");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = Create(DatabaseProvider.Sqlite, "Data Source=unused.db");
        using var postgres = Create(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused;Username=unused");

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    private static DangjianDbContext Create(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, provider, connectionString);
        return new DangjianDbContext(options.Options);
    }
}
