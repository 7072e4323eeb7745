using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data;

/// <summary>
/// Chooses the provider. The mappings are provider-neutral; each provider has its own migrations
/// assembly (bitwarden/server's layout), loaded by name so this project needs neither.
/// </summary>
public static class DangjianDatabase
{
    public const string SqliteMigrationsAssembly = "Dangjian.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Dangjian.Migrations.Postgres";

    /// <remarks>
    /// Migrating no longer compares the model with the migrations' snapshot at every start (EF's pending-model-changes
    /// check rebuilt the snapshot's model and diffed it: about 0.9 s of each start, issue 18). The comparison is a test
    /// instead (<c>MigrationCoverageTests</c>), which fails the build's run when a change has no migration.
    /// </remarks>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        ConfigureProvider(builder, provider, connectionString)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));

    private static DbContextOptionsBuilder ConfigureProvider(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            // EF rebuilds a SQLite table (StudyLinks) between "PRAGMA foreign_keys = 0" and "= 1", which SQLite ignores
            // inside a transaction, and warns (20410) on every start that a crash there would leave the migration half
            // applied. Not so: the pragma belongs to the connection, not the file, and the rebuild itself runs in the
            // migration's transaction. At Debug it no longer reads as a fault in every start's log.
            _ => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Debug)))
                .AddInterceptors(Secrecy.SqliteSecureDelete.Instance),
        };

    /// <summary>The connection string to use: the configured one, else the default SQLite file.</summary>
    public static string ConnectionStringOrDefault(DatabaseProvider provider, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return provider == DatabaseProvider.Sqlite
            ? DatabaseOptions.DefaultSqliteConnectionString
            : throw new InvalidOperationException(
                "Database:Provider is Postgres but no connection string is set: set ConnectionStrings__Dangjian, e.g. Host=127.0.0.1;Port=5432;Database=dangjian;Username=dangjian;Password=…");
    }

    /// <summary>
    /// Makes the folder of a SQLite file, applies migrations, and for SQLite switches the file to
    /// write-ahead logging so readers do not wait for the writer.
    /// </summary>
    public static async Task MigrateAsync(DangjianDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
