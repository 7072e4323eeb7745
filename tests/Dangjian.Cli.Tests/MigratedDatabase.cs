using Dangjian.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Cli.Tests;

/// <summary>
/// A fresh, migrated, empty database for a test, copied from one this test process migrated once per provider: running
/// every migration again took a few seconds a test. The copy is the database migrations make (SQLite: the closed file,
/// copied; PostgreSQL: <c>CREATE DATABASE … TEMPLATE</c>), so <see cref="DangjianDatabase.MigrateAsync"/> on it finds
/// nothing to do.
/// </summary>
internal static class MigratedDatabase
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(MigrateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(MigratePostgresTemplateAsync);

    // PostgreSQL refuses to copy a template another session is connected to; copies take turns.
    private static readonly SemaphoreSlim PostgresCopies = new(1, 1);

    /// <summary>Creates the database <paramref name="connectionString"/> names, which must not exist yet.</summary>
    public static Task CreateAsync(string provider, string connectionString) =>
        Enum.Parse<DatabaseProvider>(provider) == DatabaseProvider.Sqlite ? CreateSqliteAsync(connectionString) : CreatePostgresAsync(connectionString);

    private static async Task CreateSqliteAsync(string connectionString)
    {
        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        File.Copy(await SqliteTemplate.Value, target);
    }

    private static async Task CreatePostgresAsync(string connectionString)
    {
        var template = await PostgresTemplate.Value;
        var target = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await PostgresCopies.WaitAsync();
        try
        {
            await PostgresAdminAsync($"CREATE DATABASE \"{target}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            PostgresCopies.Release();
        }
    }

    private static async Task<string> MigrateSqliteTemplateAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("dangjian-cli-template-").FullName, "template.db");
        // Unpooled, so the last connection's close checkpoints the write-ahead log into the file and removes it.
        await MigrateAsync(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        return file;
    }

    private static async Task<string> MigratePostgresTemplateAsync()
    {
        var name = "dangjian_cli_template_" + Guid.NewGuid().ToString("N")[..12];
        await MigrateAsync(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(PostgresBase) { Database = name, Pooling = false }.ConnectionString);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgresAsync(name).GetAwaiter().GetResult();
        return name;
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(options, provider, connectionString);
        await using var db = DangjianDbContext.Create(options.Options, new Data.Audit.FixedAuditActor("test"));
        await DangjianDatabase.MigrateAsync(db);
    }

    /// <summary>A PostgreSQL database of the test server, by name.</summary>
    public static string PostgresConnection(string database) => new NpgsqlConnectionStringBuilder(PostgresBase) { Database = database }.ConnectionString;

    /// <summary>Drops a test's PostgreSQL database, closing what still holds it.</summary>
    public static Task DropPostgresAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        return PostgresAdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task PostgresAdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresBase) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string PostgresBase =>
        Environment.GetEnvironmentVariable("DANGJIAN_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("DANGJIAN_TEST_PG is not set: run ./test.sh, which starts a throwaway PostgreSQL server.");
}
