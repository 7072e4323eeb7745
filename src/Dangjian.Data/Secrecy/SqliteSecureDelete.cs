using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dangjian.Data.Secrecy;

/// <summary>
/// Turns SQLite's secure_delete on for every connection (it is a per-connection setting, not stored in the file):
/// a deleted row's bytes, a used code's hash, a rewritten ballot, are overwritten with zeros in the page, in the
/// write-ahead log's copy of that page and in pages put on the free list, instead of staying readable in the file
/// until the space happens to be reused (a probe of the files found 25 of 40 used code hashes still readable after a close).
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    private const string Pragma = "PRAGMA secure_delete = ON;";

    // The native connections the pragma has been run on. Microsoft.Data.Sqlite pools native connections, and the setting
    // lives as long as the native connection, so a pooled one reopened for the next request needs no second statement
    // (one fewer prepare per request, seen in the voting load's profile). Weak keys: a native connection the pool
    // closes is forgotten with it.
    private readonly ConditionalWeakTable<object, object> _done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsDone(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        MarkDone(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsDone(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkDone(connection);
    }

    private bool IsDone(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _done.TryGetValue(handle, out _);

    private void MarkDone(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _done.AddOrUpdate(handle, handle);
        }
    }
}
