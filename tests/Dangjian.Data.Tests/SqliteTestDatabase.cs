using Dangjian.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests;

/// <summary>A real SQLite file in a fresh temp folder, migrated; removed on dispose.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _connectionString;

    private SqliteTestDatabase(string folder)
    {
        _folder = folder;
        FilePath = Path.Combine(folder, "dangjian.db");
        _connectionString = $"Data Source={FilePath}";
    }

    /// <summary>The database file; its write-ahead log is this path with "-wal".</summary>
    public string FilePath { get; }

    public string ConnectionString => _connectionString;

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dangjian-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteTestDatabase(folder);
        await using var db = database.Open();
        await DangjianDatabase.MigrateAsync(db);
        return database;
    }

    /// <summary>
    /// A fresh database holding a copy of <paramref name="source"/>, made with SQLite's online backup API (a consistent
    /// copy, write-ahead log included), so a class can start from a seeded file without seeding it again.
    /// </summary>
    public static SqliteTestDatabase CopyOf(SqliteTestDatabase source)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dangjian-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var copy = new SqliteTestDatabase(folder);
        // Classes run in parallel and copy the same template at once. The backup API does not wait on a busy database
        // as a command does (a CI run once failed with SQLITE_BUSY_RECOVERY while another copy opened the file), so
        // copies take turns here and a busy step is tried again.
        lock (CopyGate)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var from = new SqliteConnection(source.ConnectionString);
                    using var to = new SqliteConnection(copy.ConnectionString);
                    from.Open();
                    to.Open();
                    from.BackupDatabase(to);
                    return copy;
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 5 && attempt < 50) // SQLITE_BUSY and its extended codes
                {
                    Thread.Sleep(100);
                }
            }
        }
    }

    private static readonly object CopyGate = new();

    public DangjianDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<DangjianDbContext>();
        DangjianDatabase.Configure(builder, DatabaseProvider.Sqlite, _connectionString);
        return new DangjianDbContext(builder.Options);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean up with the temp folder.
        }

        return ValueTask.CompletedTask;
    }
}
