using System.Data.Common;
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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
