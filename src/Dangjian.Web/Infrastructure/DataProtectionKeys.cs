using Dangjian.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// Makes sure the database holds a data protection key before the app serves anything. Without this, instances started
/// together over an empty database would each create a key of their own on their first request, and until their key rings
/// refreshed (a day later) a cookie from one would be refused by the other. On PostgreSQL the instances take turns under
/// an advisory lock (7343002; the audit chain's is 7343001), so the first creates the key and the others find it; a SQLite database has one instance by nature.
/// </summary>
public static class DataProtectionKeys
{
    public static async Task EnsureAsync(DangjianDbContext db, IDataProtectionProvider provider, CancellationToken ct)
    {
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7343002)", ct);
            }

            try
            {
                // Protecting anything loads the key ring, which creates and stores a key when the database has none.
                provider.CreateProtector("Dangjian.StartUp").Protect("key ring");
            }
            finally
            {
                if (postgres)
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7343002)", CancellationToken.None);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
