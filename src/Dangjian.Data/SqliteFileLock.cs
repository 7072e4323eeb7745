using Microsoft.Data.Sqlite;

namespace Dangjian.Data;

/// <summary>
/// Who holds a SQLite database file: a lock file beside it (<c>dangjian.db.lock</c>). Every running app holds it
/// shared (several instances on one file may run together), from before it migrates until it stops; `dangjian restore`
/// holds it exclusive while it replaces the file, so it refuses while any app runs, and an app does not start while a
/// restore runs.
/// <para>
/// Why a lock file and not SQLite's own locks: in WAL mode an idle app holds no lock SQLite would report
/// (<c>BEGIN EXCLUSIVE</c> succeeds beside readers, and a connection pool may have closed every connection), so asking
/// SQLite cannot tell "no app" from "an idle app". The lock file is released by the operating system when the process
/// ends, however it ends (SIGKILL included), so a crashed app never leaves it held. On Linux and macOS .NET takes it
/// with flock (FileShare.None = exclusive, anything else = shared), on Windows with share modes: same meaning.
/// (Setting DOTNET_SYSTEM_IO_DISABLEFILELOCKING turns flock off in .NET, and with it this guard.)
/// </para>
/// </summary>
public sealed class SqliteFileLock : IDisposable
{
    private readonly FileStream _stream;

    private SqliteFileLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The database file a SQLite connection string names, full path; null for an in-memory database.</summary>
    public static string? DatabaseFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(source) || source == ":memory:")
        {
            return null;
        }

        return System.IO.Path.GetFullPath(source);
    }

    /// <summary>The lock file of a database file.</summary>
    public static string LockFileOf(string databaseFile) => databaseFile + ".lock";

    /// <summary>Takes the lock shared (a running app) or exclusive (a restore); null when another process holds it against us.</summary>
    public static SqliteFileLock? TryAcquire(string databaseFile, bool exclusive)
    {
        var path = LockFileOf(databaseFile);
        var folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        try
        {
            var stream = exclusive
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new SqliteFileLock(stream, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>
    /// The web app's hold (HostSetup.PrepareDatabaseAsync): for a SQLite file, takes the lock shared and keeps it until
    /// <paramref name="until"/> (the app's ApplicationStopped) fires; nothing for PostgreSQL or an in-memory database.
    /// Throws when a restore holds the file, so the app does not open a database being replaced.
    /// </summary>
    public static void HoldWhileRunning(string? connectionString, bool isSqlite, CancellationToken until)
    {
        if (!isSqlite || connectionString is null || DatabaseFile(connectionString) is not { } file)
        {
            return;
        }

        var held = TryAcquire(file, exclusive: false)
            ?? throw new InvalidOperationException($"The database {file} is being restored (`dangjian restore` holds {LockFileOf(file)}); start the app when the restore has ended.");
        until.Register(held.Dispose);
    }

    public void Dispose() => _stream.Dispose();
}
