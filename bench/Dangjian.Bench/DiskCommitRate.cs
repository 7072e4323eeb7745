using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Dangjian.Bench;

/// <summary>
/// The raw single-row durable commit rate of the file system the load runs write to: a loop of one-row transactions
/// through Microsoft.Data.Sqlite with the app's own pragmas (write-ahead log, SQLite's default <c>synchronous=FULL</c>,
/// which the app keeps so an acknowledged write survives a power cut, and <c>secure_delete=ON</c>, see
/// SqliteSecureDelete), each committed and synced before the next, for a fixed time. It is the ceiling of anything that
/// acknowledges each write after its own commit; the load runs print their rate as a ratio to it (issue 18 "Speed").
/// </summary>
public static class DiskCommitRate
{
    /// <summary>Commits per second over <paramref name="duration"/>, in a file of its own under the system's temp folder (where the load runs' databases are).</summary>
    public static double Measure(TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("dangjian-bench-commit-").FullName;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "commit-rate.db"), Pooling = false }.ToString());
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; CREATE TABLE row (id INTEGER PRIMARY KEY, content TEXT NOT NULL);";
                setup.ExecuteNonQuery();
            }

            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO row (content) VALUES ($content)";
            var content = insert.Parameters.Add("$content", SqliteType.Text);
            var commits = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                content.Value = "一张选票 " + commits;
                insert.ExecuteNonQuery();
                transaction.Commit();
                commits++;
            }

            return commits / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
