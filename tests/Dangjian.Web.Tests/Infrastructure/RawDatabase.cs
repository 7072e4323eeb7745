using System.Data.Common;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>
/// The database read as someone holding a copy of it would, for the secrecy tests: a file's raw bytes while SQLite
/// holds it open, and the app's tables by name on either provider.
/// </summary>
public static class RawDatabase
{
    /// <summary>The whole file, read while the app keeps it open (shared, so SQLite's locks are not disturbed).</summary>
    public static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>As <see cref="ReadSharedAsync"/>, or nothing when the file is not there (a write-ahead log after a truncating checkpoint may be gone).</summary>
    public static Task<byte[]> ReadSharedIfExistsAsync(string path) =>
        File.Exists(path) ? ReadSharedAsync(path) : Task.FromResult(Array.Empty<byte>());

    /// <summary>The app's tables, by name in order (SQLite's own tables left out).</summary>
    public static async Task<List<string>> TablesAsync(DbConnection conn, string provider)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = provider == "Sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
        var tables = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
