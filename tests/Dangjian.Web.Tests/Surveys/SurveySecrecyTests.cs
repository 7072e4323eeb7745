using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Dangjian.Domain.Secrecy;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Surveys;

/// <summary>
/// The secrecy test of surveys, as for elections: after answering with codes and closing, nothing stored pairs a
/// code with a response: the used codes' hash rows are gone, the responses hold no code, time or person, and no other
/// table holds a code, a used code's hash or a response.
/// </summary>
public abstract class SurveySecrecyTests(AppFixture app)
{
    [Fact]
    public async Task CodeSurvey_AfterClose_NothingPairsACodeWithAResponse()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var survey = await staff.SurveyAsync((await app.TownshipsAsync()).A, SurveyAccess.AccessCodes);
        var codes = await staff.IssueCodesAsync(survey.Id, 6);
        var used = codes.Take(4).ToList();
        var key = Survey.BoxKeyFor(survey.Id);
        var logLinesBefore = app.Logs.Lines.Count;
        for (var i = 0; i < used.Count; i++)
        {
            var phone = app.Phone();
            Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/public/surveys/{survey.Id}?code={used[i]}")).StatusCode);
            var (status, _) = await phone.AnswerAsync(survey, used[i], (1, (i % 3).ToString(CultureInfo.InvariantCulture)), (3, "4"), (4, $"秘密意见{i}号"));
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/surveys/{survey.Id}/close", null)).StatusCode);
        var ballots = await app.WithDbAsync(db => db.SecretBallots.AsNoTracking().Where(b => b.BoxKey == key).ToListAsync());
        Assert.Equal(4, ballots.Count);
        var contents = ballots.Select(b => b.Content).ToList();
        var usedHashes = used.Select(c => AccessCode.Hash(key, c)).ToList();
        var codeTexts = codes.Concat(codes.Select(AccessCode.Display)).ToList();

        await app.WithDbAsync(async db =>
        {
            // The used codes' rows are gone; the unused ones remain, as hashes only.
            var left = await db.UnusedAccessCodes.AsNoTracking().Where(u => u.BoxKey == key).Select(u => u.CodeHash).ToListAsync();
            Assert.Equal(codes.Skip(4).Select(c => AccessCode.Hash(key, c)).Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
            Assert.All(ballots, b =>
            {
                Assert.Equal(4, b.Id.Version);
                Assert.DoesNotContain("time", b.Content, StringComparison.OrdinalIgnoreCase);
                Assert.All(SurveyAnswers.Parse(b.Content).Keys, id => Assert.Contains(id, survey.Questions));
            });

            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var table in await TablesAsync(conn, app.ProviderName))
                {
                    foreach (var (column, value) in await ValuesAsync(conn, table))
                    {
                        var where = $"{table}.{column}";
                        Assert.False(codeTexts.Any(c => value.Contains(c, StringComparison.OrdinalIgnoreCase)), $"a code in {where}");
                        if (table != "SpentAccessCodes")
                        {
                            // Kept only among the spent codes, which name no response.
                            Assert.False(usedHashes.Any(h => value.Contains(h, StringComparison.OrdinalIgnoreCase)), $"a used code's hash in {where}");
                        }

                        if (table != "SecretBallots")
                        {
                            Assert.False(contents.Any(c => value.Contains(c, StringComparison.Ordinal)), $"a response in {where}");
                            Assert.False(value.Contains("秘密意见", StringComparison.Ordinal), $"a written answer in {where}");
                        }
                    }
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return 0;
        });

        var lines = app.Logs.Lines.Skip(logLinesBefore).Select(l => l.Text).ToList();
        foreach (var line in lines)
        {
            Assert.False(codeTexts.Any(c => line.Contains(c, StringComparison.OrdinalIgnoreCase)) || line.Contains("秘密意见", StringComparison.Ordinal), $"a secret in the log: {line}");
        }
    }

    private static async Task<List<string>> TablesAsync(DbConnection conn, string provider)
    {
        var tables = await RawDatabase.TablesAsync(conn, provider);
        Assert.Contains("Surveys", tables);
        return tables;
    }

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
public sealed class SurveySecrecySqliteTests(SqliteApp app) : SurveySecrecyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SurveySecrecyPostgresTests(PostgresApp app) : SurveySecrecyTests(app);
