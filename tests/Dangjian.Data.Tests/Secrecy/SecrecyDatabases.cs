using Dangjian.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Data.Tests.Secrecy;

/// <summary>A migrated database to test the ballot box on: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public interface ISecrecyDatabase : IAsyncDisposable
{
    DatabaseProvider Provider { get; }

    DangjianDbContext Open();

    /// <summary>
    /// Opens a reader that holds what a closing box must wait for: on SQLite a read transaction (it keeps the
    /// write-ahead log from being checkpointed), on PostgreSQL a repeatable-read snapshot (it keeps deleted rows from
    /// being removed). Disposing it ends the transaction.
    /// </summary>
    Task<IAsyncDisposable> HoldReaderAsync();
}

/// <summary>An open connection in a read transaction; disposing it ends both.</summary>
internal sealed class HeldReader(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
{
    public static async Task<IAsyncDisposable> OpenAsync(System.Data.Common.DbConnection connection, System.Data.IsolationLevel level, string read = "SELECT count(*) FROM \"SecretBallots\"")
    {
        await connection.OpenAsync();
        var tx = await connection.BeginTransactionAsync(level);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = read;
        await command.ExecuteScalarAsync();
        return new HeldReader(connection, tx);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

public sealed class SqliteSecrecyDatabase : ISecrecyDatabase
{
    private readonly SqliteTestDatabase _db;

    private SqliteSecrecyDatabase(SqliteTestDatabase db) => _db = db;

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public static async Task<ISecrecyDatabase> CreateAsync() => new SqliteSecrecyDatabase(await SqliteTestDatabase.CreateAsync());

    public DangjianDbContext Open() => _db.Open();

    public string FilePath => _db.FilePath;

    /// <summary>
    /// A deferred transaction that has read: it holds a read mark on the log (Microsoft.Data.Sqlite begins
    /// transactions IMMEDIATE, a writer, unless asked for a deferred one).
    /// </summary>
    public async Task<IAsyncDisposable> HoldReaderAsync()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection(_db.ConnectionString);
        await connection.OpenAsync();
        var tx = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT count(*) FROM \"SecretBallots\"";
        await command.ExecuteScalarAsync();
        return new HeldReader(connection, tx);
    }

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

    public Task<IAsyncDisposable> HoldReaderAsync() =>
        HeldReader.OpenAsync(new NpgsqlConnection(ConnectionString), System.Data.IsolationLevel.RepeatableRead);

    /// <summary>
    /// A repeatable-read snapshot that has read none of the secret tables: it holds the database's horizon back (a
    /// rewrite must keep every row it could see) but no lock a rewrite would wait for.
    /// </summary>
    public Task<IAsyncDisposable> HoldSnapshotAsync() =>
        HeldReader.OpenAsync(new NpgsqlConnection(ConnectionString), System.Data.IsolationLevel.RepeatableRead, "SELECT count(*) FROM \"Organizations\"");

    /// <summary>
    /// A prepared transaction (two-phase commit) with a transaction id: it holds the database's horizon back as a running
    /// transaction does, but no session shows it in pg_stat_activity, as none showed the backend still starting up that
    /// once held a close's rewrite back unseen. Disposing it rolls it back. The server needs max_prepared_transactions
    /// above 0 (./test.sh starts it so).
    /// </summary>
    public async Task<IAsyncDisposable> HoldPreparedTransactionAsync()
    {
        var name = "dangjian_hold_" + Guid.NewGuid().ToString("N")[..12];
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"BEGIN; SELECT pg_current_xact_id(); PREPARE TRANSACTION '{name}'", conn))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        return new PreparedHold(ConnectionString, name);
    }

    private sealed class PreparedHold(string connectionString, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"ROLLBACK PREPARED '{name}'", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A plain connection to this database, for what the tests read beside the app (pageinspect).</summary>
    public NpgsqlConnection Connect() => new(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
