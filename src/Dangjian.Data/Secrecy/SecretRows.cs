using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Secrecy;

/// <summary>
/// Anonymous rows that have no code (a democratic-life opinion sent through its public form), written in the same
/// mixed batches as ballots (<see cref="GroupCommit{TItem, TResult}"/>): each commit stores the rows of everyone who
/// sent one within the window, in a random order, so the database's log does not keep one row per moment a person
/// pressed "send" — a moment a web server's access log could pair with an address.
/// </summary>
public static class SecretRows
{
    /// <summary>Stores <paramref name="row"/> (an entity of the model that is not audited) with its batch; returns when committed.</summary>
    public static Task AddAsync(DangjianDbContext db, SecrecyOptions options, object row, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ct.ThrowIfCancellationRequested();
        var name = (db.Database.IsSqlite() ? "sqlite\n" : "postgres\n") + db.Database.GetConnectionString();
        return GroupCommit<object, bool>.For(name).SubmitAsync(row, options, rows => WriteAsync(db, rows));
    }

    private static async Task<IReadOnlyList<bool>> WriteAsync(DangjianDbContext db, IReadOnlyList<object> rows)
    {
        await using var w = SecretTables.Separate(db);
        var shuffled = rows.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        var strategy = w.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            w.ChangeTracker.Clear();
            w.AddRange(shuffled);
            await w.SaveChangesAsync();
        });
        return [.. rows.Select(_ => true)];
    }
}
