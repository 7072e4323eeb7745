using Dangjian.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Data.Tests.Secrecy;

/// <summary>A migrated database to test the ballot box on: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public interface ISecrecyDatabase : IAsyncDisposable
{
    DatabaseProvider Provider { get; }

    DangjianDbContext Open();
}

public sealed class SqliteSecrecyDatabase : ISecrecyDatabase
{
    private readonly SqliteTestDatabase _db;

    private SqliteSecrecyDatabase(SqliteTestDatabase db) => _db = db;

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public static async Task<ISecrecyDatabase> CreateAsync() => new SqliteSecrecyDatabase(await SqliteTestDatabase.CreateAsync());

    public DangjianDbContext Open() => _db.Open();

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}

/// <summary>
/// A PostgreSQL database on the server named by DANGJIAN_TEST_PG (./test.sh or /work/tools/env.sh set it); dropped on
/// dispose. Without the variable the test fails with how to run it: a missing server is never a pass.
/// </summary>
public sealed class PostgresSecrecyDatabase : ISecrecyDatabase
{
    private readonly string _server;
    private readonly string _database;

    private PostgresSecrecyDatabase(string server, string database)
    {
        _server = server;
        _database = database;
    }

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    public static async Task<ISecrecyDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("DANGJIAN_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("DANGJIAN_TEST_PG is not set: run ./test.sh or `source /work/tools/env.sh` first.");
        var database = new PostgresSecrecyDatabase(server, "dangjian_secrecy_" + Guid.NewGuid().ToString("N")[..12]);
        await using var db = database.Open();
        await DangjianDatabase.MigrateAsync(db);
        return database;
    }

    public DangjianDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(builder, DatabaseProvider.Postgres, ConnectionString);
        return new DangjianDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
