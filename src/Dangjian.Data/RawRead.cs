using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dangjian.Data;

/// <summary>
/// One row read with a fixed SQL statement on the context's own connection, for the few reads every public form request
/// makes (a ballot's or an evaluation form's state). EF's LINQ pipeline costs about half a millisecond of CPU per such
/// query (it hashes and looks up the expression tree each time), which was half of a ballot's CPU under load (issue 18
/// "Speed", bench/README.md). The statement uses quoted identifiers and <c>@name</c> parameters, which SQLite and
/// PostgreSQL read alike; the connection is opened and closed through EF, so its interceptors (SQLite's pragmas) and a
/// transaction already under way apply as to any query.
/// </summary>
public static class RawRead
{
    /// <summary>The first row of <paramref name="sql"/> as <paramref name="read"/> makes it, or null when there is none.</summary>
    public static async Task<T?> FirstRowAsync<T>(this DangjianDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken ct, params (string Name, object Value)[] parameters)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? read(reader) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
