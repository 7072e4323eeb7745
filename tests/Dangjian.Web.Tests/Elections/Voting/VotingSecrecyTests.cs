using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Elections.Voting;

/// <summary>
/// The secrecy test of elections (ELE-13, DESIGN.md "Secrecy"): after an electronic election nothing in the database or the
/// logs lets a reader pair a code, a voter or a cast time with a ballot. Every table is read whole, from the schema.
/// </summary>
public abstract class VotingSecrecyTests(AppFixture app)
{
    private static readonly string[] SecretBallotColumns = ["BoxKey", "Content", "Id", "Receipt"];

    [Fact]
    public async Task ElectronicElection_AfterClose_NothingLinksCodeVoterOrTimeToBallot()
    {
        var round = await app.RoundAsync(seats: 3);
        var codes = await app.IssueCodesAsync(round.Id, 30);
        var used = codes.Take(20).ToList();
        var unused = codes.Skip(20).ToList();
        var logLinesBefore = app.Logs.Lines.Count;

        // Voting as phones do it: the slip's QR link (code in the URL), then the form; a used and a wrong code too.
        var receipts = new List<string>();
        var contents = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < used.Count; i++)
        {
            var phone = app.Phone();
            Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/vote/{round.Id}?code={used[i]}")).StatusCode);
            string[] marks = [i % 2 == 0 ? "for" : "against", "for", "abstain", i % 3 == 0 ? "for" : "abstain", "against"];
            var (status, body) = await phone.VoteAsync(round.Id, used[i], marks, i % 5 == 2 && i % 3 != 0 ? $"写入{i}号" : "");
            Assert.Equal(HttpStatusCode.OK, status);
            receipts.Add(VotingSetup.Receipt(body)!);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await app.Phone().VoteAsync(round.Id, used[0], ["for"])).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Phone().VoteAsync(round.Id, AccessCode.NewCode(), ["for"])).Status);
        var idsWhileOpen = await app.WithDbAsync(db => db.SecretBallots.AsNoTracking().Where(b => b.BoxKey == round.BoxKey).Select(b => b.Id.ToString()).ToListAsync());
        await app.CloseBoxAsync(round);
        var ballots = await app.BallotsAsync(round);
        Assert.Equal(receipts.Order(StringComparer.Ordinal), ballots.Select(b => b.Receipt!));
        contents.UnionWith(ballots.Select(b => b.Content));
        var ids = ballots.Select(b => b.Id.ToString()).ToList();

        var usedHashes = used.Select(c => AccessCode.Hash(round.BoxKey, c)).ToList();
        var unusedHashes = unused.Select(c => AccessCode.Hash(round.BoxKey, c)).ToList();
        var codeTexts = codes.Concat(codes.Select(AccessCode.Display)).ToList();
        if (app.ProviderName == "Sqlite")
        {
            // The write-ahead log, which held the casts' commits, was emptied before the close was recorded: what it
            // holds now is that record, with no ballot, receipt or code in it (the page-level analysis is
            // Dangjian.Data.Tests' SqliteSecrecyFileTests).
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()))).DataSource;
            var log = File.Exists(file + "-wal") ? Encoding.UTF8.GetString(await RawDatabase.ReadSharedAsync(file + "-wal")) : string.Empty;
            Assert.DoesNotContain(receipts, r => log.Contains(r, StringComparison.Ordinal));
            Assert.DoesNotContain(usedHashes, h => log.Contains(h, StringComparison.Ordinal));
            Assert.DoesNotContain(ballots, b => log.Contains(b.Content, StringComparison.Ordinal));
        }

        await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                // SecretBallots holds the box, the content, the receipt and a random id: no code, hash, person or time.
                var columns = await ColumnsAsync(conn, app.ProviderName, "SecretBallots");
                Assert.Equal(SecretBallotColumns, columns.Select(c => c.Name).Order(StringComparer.Ordinal));
                Assert.DoesNotContain(columns, c => c.Type.Contains("time", StringComparison.OrdinalIgnoreCase) || c.Type.Contains("date", StringComparison.OrdinalIgnoreCase));
                Assert.All(ballots, b =>
                {
                    Assert.Equal(4, b.Id.Version);
                    using var doc = JsonDocument.Parse(b.Content);
                    Assert.Equal(["for", "against", "writeIns", "void"], doc.RootElement.EnumerateObject().Select(p => p.Name));
                });

                var tables = await TablesAsync(conn, app.ProviderName);
                Assert.Contains("SecretBallots", tables);
                Assert.Contains("AuditLog", tables);
                foreach (var table in tables)
                {
                    foreach (var (column, value) in await ValuesAsync(conn, table))
                    {
                        var where = $"{table}.{column}";
                        Assert.DoesNotContain(codeTexts, c => value.Contains(c, StringComparison.OrdinalIgnoreCase));
                        if (table != "SpentAccessCodes")
                        {
                            // A used code's hash is kept only among the spent codes, which name no ballot.
                            Assert.False(usedHashes.Any(h => value.Contains(h, StringComparison.OrdinalIgnoreCase)), $"a used code's hash in {where}");
                        }

                        Assert.DoesNotContain(idsWhileOpen, id => value.Contains(id, StringComparison.OrdinalIgnoreCase));
                        if (table != "UnusedAccessCodes")
                        {
                            Assert.False(unusedHashes.Any(h => value.Contains(h, StringComparison.OrdinalIgnoreCase)), $"an unused code's hash in {where}");
                        }

                        if (table != "SecretBallots")
                        {
                            Assert.False(receipts.Any(r => value.Contains(r, StringComparison.Ordinal)), $"a receipt in {where}");
                            Assert.False(ids.Any(id => value.Contains(id, StringComparison.OrdinalIgnoreCase)), $"a ballot id in {where}");
                            Assert.False(contents.Any(c => value.Contains(c, StringComparison.Ordinal)), $"a ballot in {where}");
                        }
                    }
                }

                var stillUnused = await db.UnusedAccessCodes.AsNoTracking().Where(u => u.BoxKey == round.BoxKey).Select(u => u.CodeHash).ToListAsync();
                Assert.Equal(unusedHashes.Order(StringComparer.Ordinal), stillUnused.Order(StringComparer.Ordinal));
                var spent = await db.SpentAccessCodes.AsNoTracking().Where(u => u.BoxKey == round.BoxKey).Select(u => u.CodeHash).ToListAsync();
                Assert.Equal(usedHashes.Order(StringComparer.Ordinal), spent.Order(StringComparer.Ordinal));

                if (app.ProviderName == "Sqlite")
                {
                    // WITHOUT ROWID: no hidden row number keeps the order of inserts.
                    await using var rowid = conn.CreateCommand();
                    rowid.CommandText = "SELECT rowid FROM \"SecretBallots\"";
                    await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => rowid.ExecuteScalarAsync());
                }
                else
                {
                    // Every ballot row was written by the closing transaction: the row versions keep no casting order.
                    await using var xmin = conn.CreateCommand();
                    xmin.CommandText = "SELECT count(DISTINCT xmin::text) FROM \"SecretBallots\" WHERE \"BoxKey\" = @key";
                    var key = xmin.CreateParameter();
                    key.ParameterName = "key";
                    key.Value = round.BoxKey;
                    xmin.Parameters.Add(key);
                    Assert.Equal(1L, Convert.ToInt64(await xmin.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return 0;
        });

        // The app's logs while voting, at its configured levels: no code, hash, receipt or ballot.
        var lines = app.Logs.Lines.Skip(logLinesBefore).Select(l => l.Text).ToList();
        string[] secrets = [.. codeTexts, .. usedHashes, .. unusedHashes, .. receipts, .. contents, .. ids, .. idsWhileOpen];
        foreach (var line in lines)
        {
            Assert.False(secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase)), $"a secret in the log: {line}");
        }
    }

    [Fact]
    public async Task CloseRound_WhileAReaderHoldsTheDatabase_503AndNothingRecorded_ThenClosesAgain()
    {
        var round = await app.RoundAsync();
        var codes = await app.IssueCodesAsync(round.Id, 2);
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().VoteAsync(round.Id, codes[0], ["for", "for", "abstain", "abstain", "abstain"])).Status);
        var admin = await app.ClientForAsync("orgadmin.a");

        HttpResponseMessage busy;
        await using (await HoldReaderAsync())
        {
            busy = await admin.PostAsync($"/api/v1/elections/rounds/{round.Id}/close", null);
        }

        // The close fails loudly rather than report success while the database keeps the casting history.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Contains("数据库正忙", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (status, isOpen, closed) = await app.WithDbAsync(async db => (
            (await db.ElectionRounds.AsNoTracking().SingleAsync(r => r.Id == round.Id)).Status,
            (await db.BallotBoxes.AsNoTracking().SingleAsync(b => b.Key == round.BoxKey)).IsOpen,
            (await db.BallotBoxes.AsNoTracking().SingleAsync(b => b.Key == round.BoxKey)).Closed));
        Assert.Equal(Dangjian.Domain.Elections.RoundStatus.Open, status); // the round was not recorded closed
        Assert.False(isOpen); // but takes no more ballots
        Assert.False(closed);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Phone().GetAsync($"/vote/{round.Id}?code={codes[1]}")).StatusCode); // "not taking ballots"

        var again = await admin.PostAsync($"/api/v1/elections/rounds/{round.Id}/close", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Dangjian.Domain.Elections.RoundStatus.Closed, await app.WithDbAsync(async db => (await db.ElectionRounds.AsNoTracking().SingleAsync(r => r.Id == round.Id)).Status));
        Assert.Single(await app.BallotsAsync(round));
    }

    /// <summary>A reader the close has to wait for: a read transaction (SQLite's log) or a repeatable-read snapshot (PostgreSQL).</summary>
    private async Task<IAsyncDisposable> HoldReaderAsync()
    {
        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        DbConnection connection = app.ProviderName == "Sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection(connectionString)
            : new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tx = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT count(*) FROM \"SecretBallots\"";
        await read.ExecuteScalarAsync();
        return new Held(connection, tx);
    }

    private sealed class Held(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    private static async Task<List<string>> TablesAsync(DbConnection conn, string provider)
    {
        var tables = await RawDatabase.TablesAsync(conn, provider);
        Assert.True(tables.Count > 20, $"only {tables.Count} tables found");
        return tables;
    }

    private static async Task<List<(string Name, string Type)>> ColumnsAsync(DbConnection conn, string provider, string table)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = provider == "Sqlite"
            ? $"SELECT name, type FROM pragma_table_info('{table}')"
            : $"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'";
        var columns = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    /// <summary>Every value of every row of a table, as text (binary values both as hex and as UTF-8).</summary>
    private static async Task<List<(string Column, string Value)>> ValuesAsync(DbConnection conn, string table)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\"";
        var values = new List<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (await reader.IsDBNullAsync(i))
                {
                    continue;
                }

                var value = reader.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToHexString(bytes) + " " + Encoding.UTF8.GetString(bytes),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
                };
                values.Add((reader.GetName(i), value));
            }
        }

        return values;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class VotingSecrecySqliteTests(SqliteApp app) : VotingSecrecyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class VotingSecrecyPostgresTests(PostgresApp app) : VotingSecrecyTests(app);
