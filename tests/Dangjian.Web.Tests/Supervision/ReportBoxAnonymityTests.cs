using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dangjian.Data.Secrecy;
using Dangjian.Web.Features.Supervision.Reports;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

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
                foreach (var table in await RawDatabase.TablesAsync(conn, app.ProviderName))
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

    [Fact]
    public async Task NightlyErase_LeavesNoFilingOrderInTheFiles_NoLogNoFreePageNoDeadTuple_EveryCaseStillFollows()
    {
        // SUP-1 and promise 2: the box seldom mixes a filing with another, so its files keep the filing order until the
        // nightly erase (ReportBoxHistory) removes it.
        var org = await app.NewOrganizationAsync((await app.TownshipsAsync()).A);
        var probe = Guid.NewGuid().ToString("N")[..10];
        var filed = new List<(string Marker, string Number, string Secret)>();
        for (var i = 0; i < 8; i++)
        {
            var marker = $"序标{probe}{i:D2}";
            var (number, secret) = await app.ReportPhone().FiledAsync(org, $"{marker}：某站所负责人违规报销。");
            filed.Add((marker, number, secret));
        }

        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        if (app.ProviderName == "Postgres")
        {
            // Before: one commit per filing, so each row's xmin still tells the order they came in.
            Assert.Equal(filed.Count, await ScalarAsync<long>(connectionString, $"SELECT count(DISTINCT xmin::text) FROM \"ReportBoxCases\" WHERE \"Content\" LIKE '序标{probe}%'"));
        }

        await app.WithDbAsync(async db =>
        {
            await ReportBoxHistory.EraseAsync(db, app.Services.GetRequiredService<SecrecyOptions>(), CancellationToken.None);
            return 0;
        });

        var ids = await app.WithDbAsync(db => db.ReportBoxCases.AsNoTracking().Where(c => c.Content.StartsWith("序标" + probe))
            .Select(c => new { c.Id, c.Content }).ToListAsync());
        Assert.Equal(filed.Count, ids.Count);
        if (app.ProviderName == "Postgres")
        {
            // After: every row of the table is of one transaction, stands in the order of its random key, and no dead
            // version is left in the pages.
            Assert.Equal(1, await ScalarAsync<long>(connectionString, "SELECT count(DISTINCT xmin::text) FROM \"ReportBoxCases\""));
            Assert.True(await ScalarAsync<bool>(connectionString, "SELECT coalesce(array_agg(\"Id\" ORDER BY ctid) = array_agg(\"Id\" ORDER BY \"Id\"), true) FROM \"ReportBoxCases\""));
            Assert.Equal(0, await ScalarAsync<long>(connectionString, """
                SELECT count(*) FROM generate_series(0, (pg_relation_size('"ReportBoxCases"') / current_setting('block_size')::int)::int - 1) b,
                  LATERAL heap_page_items(get_raw_page('"ReportBoxCases"', b)) i
                WHERE i.lp_flags <> 1 OR i.t_xmax <> '0'
                """));
        }
        else
        {
            // After: the log is empty, no free page is left, and the main file holds each report once.
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            Assert.Empty(await RawDatabase.ReadSharedIfExistsAsync(file + "-wal"));
            Assert.Equal(0L, await app.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT freelist_count AS \"Value\" FROM pragma_freelist_count").SingleAsync()));
            var bytes = await RawDatabase.ReadSharedAsync(file);
            Assert.All(filed, f => Assert.Equal(1, Occurrences(bytes, f.Marker)));
        }

        foreach (var (_, number, secret) in filed)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.ReportPhone().FollowAsync(number, secret)).Status);
        }
    }

    [Fact]
    public async Task NightlyService_At0300_ErasesWhenAReportWasFiled_NotAMinuteBefore()
    {
        var org = await app.NewOrganizationAsync((await app.TownshipsAsync()).A);
        var marker = $"夜标{Guid.NewGuid():N}"[..14];
        await app.ReportPhone().FiledAsync(org, $"{marker}：某村会计挪用资金。");
        await app.ReportPhone().FiledAsync(org, $"{marker}：同一问题的补充。");
        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var zone = Dangjian.Domain.Common.OrgTimeZone.Default;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(zone.At(OrgToday.Value, new TimeOnly(2, 58)));
        var secrecy = app.Services.GetRequiredService<SecrecyOptions>() with { NightlyErase = true, NightlyEraseAt = new TimeOnly(3, 0) };
        var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var service = new ReportBoxHistoryService(
            app.Services.GetRequiredService<IServiceScopeFactory>(), secrecy, clock, zone,
            loggers.CreateLogger<ReportBoxHistoryService>());
        bool Logged(string text) => logs.Lines.Any(l => l.Text.Contains(text, StringComparison.Ordinal));
        await service.StartAsync(CancellationToken.None);
        try
        {
            clock.Advance(TimeSpan.FromMinutes(1)); // 02:59: not yet
            await Task.Delay(500);
            Assert.False(Logged("was erased"));
            Assert.False(await ErasedAsync(connectionString));

            clock.Advance(TimeSpan.FromMinutes(1)); // 03:00
            // The service's own word decides when it is done: a later write by anyone else refills the log file. When
            // the database was busy (a slow machine, a reader), it tries again ten minutes later, as it would at night.
            var retries = 0;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!Logged("was erased") && !Logged("failed") && waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (logs.Lines.Count(l => l.Text.Contains("was busy", StringComparison.Ordinal)) > retries)
                {
                    retries++;
                    clock.Advance(TimeSpan.FromMinutes(10));
                }

                await Task.Delay(200);
            }

            Assert.True(Logged("was erased"), "the night's erase did not run: " + string.Join(" | ", logs.Lines.Select(l => l.Text)));
            Assert.True(await ErasedAsync(connectionString, marker), "the history still holds the night's filings");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Whether the box's history is erased: one transaction's rows (PostgreSQL) or an emptied log (SQLite).</summary>
    private async Task<bool> ErasedAsync(string connectionString, string? marker = null)
    {
        if (app.ProviderName == "Postgres")
        {
            return await ScalarAsync<long>(connectionString, "SELECT count(DISTINCT xmin::text) FROM \"ReportBoxCases\"") == 1;
        }

        // Once erased, the log may hold later writes of other tables, never the night's filings again.
        var wal = await RawDatabase.ReadSharedIfExistsAsync(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource + "-wal");
        return marker is null ? wal.Length == 0 : Occurrences(wal, marker) == 0;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var c = new Npgsql.NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using (var ext = new Npgsql.NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pageinspect", c))
        {
            await ext.ExecuteNonQueryAsync();
        }

        await using var cmd = new Npgsql.NpgsqlCommand(sql, c);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private static int Occurrences(byte[] haystack, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var count = 0;
        for (var span = haystack.AsSpan(); span.IndexOf(needle) is var at and >= 0; span = span[(at + needle.Length)..])
        {
            count++;
        }

        return count;
    }

    /// <summary>SQLite: the main file and the write-ahead log, whole. PostgreSQL: the raw heap pages of the tables written.</summary>
    private async Task<List<(string Where, byte[] Bytes)>> RawStorageAsync()
    {
        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        if (app.ProviderName == "Sqlite")
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            return [(file, await RawDatabase.ReadSharedAsync(file)), (file + "-wal", await RawDatabase.ReadSharedIfExistsAsync(file + "-wal"))];
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

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

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
