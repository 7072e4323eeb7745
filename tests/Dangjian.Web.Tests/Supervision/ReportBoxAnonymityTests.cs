using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Supervision;

/// <summary>
/// The report box's promise (SUP-1, DESIGN.md "Secrecy"): nothing stored or logged pairs a reporter with a report. A report
/// is filed from a client whose browser string and forwarded address are unique; then the database is read as someone
/// with a copy of it would: on SQLite the raw bytes of the main file and of the write-ahead log (free pages and old
/// frames included), on PostgreSQL the raw heap pages of the report and audit tables (dead tuples included); and every
/// column of every table as text. None holds the client's data or the secret in clear; the report's row holds a day,
/// never a time of day; the logs hold none of it either.
/// </summary>
public abstract partial class ReportBoxAnonymityTests(AppFixture app)
{
    [Fact]
    public async Task File_NothingOfTheRequest_NorTheSecret_IsInTheDatabaseFilesOrTheLogs_AndNoTimeOfDay()
    {
        var org = await app.NewOrganizationAsync((await app.TownshipsAsync()).A);
        var probe = Guid.NewGuid().ToString("N")[..12];
        var userAgent = $"ReportBoxProbe/{probe}";
        var forwarded = $"203.0.{Random.Shared.Next(114, 250)}.{Random.Shared.Next(2, 250)}";
        var content = $"举报内容标记{probe}：某村书记虚报冒领补助。";
        var logLinesBefore = app.Logs.Lines.Count;

        // From behind the known proxy, so the forwarded address is the client's address as the app sees it.
        var phone = app.ReportPhone(AppFixture.KnownProxy);
        phone.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        phone.DefaultRequestHeaders.Add("X-Forwarded-For", forwarded);
        var (number, secret) = await phone.FiledAsync(org, content, "周某");
        Assert.Equal(HttpStatusCode.OK, (await phone.FollowAsync(number, secret)).Status);

        string[] forbidden = [userAgent, forwarded, secret, secret.Replace("-", string.Empty, StringComparison.Ordinal)];
        var haystacks = await RawStorageAsync();
        Assert.Contains(haystacks, h => Contains(h.Bytes, content)); // the scan reads where the report is
        foreach (var (where, bytes) in haystacks)
        {
            Assert.False(forbidden.Any(f => Contains(bytes, f)), $"the request's data or the secret in {where}");
        }

        await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var table in await TablesAsync(conn))
                {
                    foreach (var value in await ValuesAsync(conn, table))
                    {
                        Assert.False(forbidden.Any(f => value.Contains(f, StringComparison.Ordinal)), $"the request's data or the secret in {table}");
                    }
                }

                // The report's row: a day, never an instant.
                var row = await RowAsync(conn, content);
                Assert.NotEmpty(row);
                Assert.DoesNotContain(row, v => TimeOfDay().IsMatch(v));
                if (app.ProviderName == "Postgres")
                {
                    await using var types = conn.CreateCommand();
                    types.CommandText = "SELECT data_type FROM information_schema.columns WHERE table_name IN ('ReportBoxCases', 'ReportBoxAnswers')";
                    await using var r = await types.ExecuteReaderAsync();
                    while (await r.ReadAsync())
                    {
                        Assert.DoesNotContain("time", r.GetString(0), StringComparison.OrdinalIgnoreCase);
                    }
                }
                else
                {
                    // WITHOUT ROWID: no hidden row number keeps the order reports were filed in.
                    await using var rowid = conn.CreateCommand();
                    rowid.CommandText = "SELECT rowid FROM \"ReportBoxCases\"";
                    await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => rowid.ExecuteScalarAsync());
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return 0;
        });

        var lines = app.Logs.Lines.Skip(logLinesBefore).Select(l => l.Text).ToList();
        Assert.DoesNotContain(lines, l => forbidden.Any(f => l.Contains(f, StringComparison.Ordinal)) || l.Contains(content, StringComparison.Ordinal));
    }

    /// <summary>SQLite: the main file and the write-ahead log, whole. PostgreSQL: the raw heap pages of the tables written.</summary>
    private async Task<List<(string Where, byte[] Bytes)>> RawStorageAsync()
    {
        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        if (app.ProviderName == "Sqlite")
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            return [(file, await ReadSharedAsync(file)), (file + "-wal", await ReadSharedAsync(file + "-wal"))];
        }

        await using var c = new Npgsql.NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using (var ext = new Npgsql.NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pageinspect", c))
        {
            await ext.ExecuteNonQueryAsync();
        }

        var pages = new List<(string, byte[])>();
        foreach (var table in new[] { "ReportBoxCases", "ReportBoxAnswers", "AuditLog" })
        {
            await using var count = new Npgsql.NpgsqlCommand("SELECT (pg_relation_size(@t::regclass) / current_setting('block_size')::int)::int", c);
            count.Parameters.AddWithValue("t", '"' + table + '"');
            var blocks = (int)(await count.ExecuteScalarAsync())!;
            for (var b = 0; b < blocks; b++)
            {
                await using var page = new Npgsql.NpgsqlCommand("SELECT get_raw_page(@t, @b)", c);
                page.Parameters.AddWithValue("t", '"' + table + '"');
                page.Parameters.AddWithValue("b", b);
                pages.Add(($"{table} block {b}", (byte[])(await page.ExecuteScalarAsync())!));
            }
        }

        return pages;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    private async Task<List<string>> TablesAsync(DbConnection conn)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = app.ProviderName == "Sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
        var tables = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            tables.Add(r.GetString(0));
        }

        return tables;
    }

    private static async Task<List<string>> ValuesAsync(DbConnection conn, string table)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\"";
        var values = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            for (var i = 0; i < r.FieldCount; i++)
            {
                values.Add(r.IsDBNull(i) ? string.Empty : r.GetValue(i) is byte[] b ? Encoding.UTF8.GetString(b) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return values;
    }

    private static async Task<List<string>> RowAsync(DbConnection conn, string content)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM \"ReportBoxCases\" WHERE \"Content\" = @c";
        var p = cmd.CreateParameter();
        p.ParameterName = "c";
        p.Value = content;
        cmd.Parameters.Add(p);
        var values = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            for (var i = 0; i < r.FieldCount; i++)
            {
                values.Add(r.IsDBNull(i) ? string.Empty : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return values;
    }

    [GeneratedRegex(@"\d{1,2}:\d{2}")]
    private static partial Regex TimeOfDay();
}

[Collection(SqliteCollection.Name)]
public sealed class ReportBoxAnonymitySqliteTests(SqliteApp app) : ReportBoxAnonymityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportBoxAnonymityPostgresTests(PostgresApp app) : ReportBoxAnonymityTests(app);
