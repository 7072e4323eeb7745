using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Evaluations.Voting;

/// <summary>The public evaluation form (EVA-5) through the real page, as a phone posts it: no account, antiforgery, one code.</summary>
public abstract class EvaluationFormTests(AppFixture app)
{
    [Fact]
    public async Task Answer_FullForm_AcceptedWithReceipt_StoredInContractShape()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[0];
        var code = (await app.IssueAsync(group.Id, 2))[0];
        var phone = app.Phone();

        var page = await phone.GetStringAsync($"/public/evaluations/{group.Id}?code={code}");
        Assert.Contains($"value=\"{AccessCode.Display(code)}\"", page, StringComparison.Ordinal);
        Assert.Contains("张伟", page, StringComparison.Ordinal);
        Assert.Contains("党委副书记", page, StringComparison.Ordinal);
        Assert.DoesNotContain("中心任务未完成", page, StringComparison.Ordinal);

        var ratings = EvaluationSetup.AllRated(c);
        ratings[$"r{c.Subjects[1].Id}_3"] = "一般";
        var (status, body) = await phone.AnswerAsync(group.Id, AccessCode.Display(code).ToLowerInvariant(), ratings);

        Assert.Equal(HttpStatusCode.OK, status);
        var receipt = EvaluationSetup.Receipt(body);
        Assert.NotNull(receipt);
        await app.CloseAsync(c);
        var response = Assert.Single(await app.ResponsesAsync(group.Id));
        Assert.Equal(receipt, response.Receipt);
        var s1 = c.Subjects[0].Id;
        var s2 = c.Subjects[1].Id;
        Assert.Equal(
            "{\"v\":1,\"ratings\":{\"" + s1 + "\":{\"德\":\"好\",\"能\":\"好\",\"勤\":\"好\",\"绩\":\"好\",\"廉\":\"好\",\"学\":\"好\"},\""
            + s2 + "\":{\"德\":\"好\",\"能\":\"好\",\"勤\":\"好\",\"绩\":\"一般\",\"廉\":\"好\",\"学\":\"好\"}}}",
            response.Content);
    }

    [Fact]
    public async Task Answer_MissingRating_RefusedNamingSubjectAndDimension_CodeStillUsable()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[1];
        var code = (await app.IssueAsync(group.Id, 1))[0];
        var phone = app.Phone();
        var ratings = EvaluationSetup.AllRated(c, "较好");
        ratings.Remove($"r{c.Subjects[1].Id}_2");

        var (status, body) = await phone.AnswerAsync(group.Id, code, ratings);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains($"data-field=\"s{c.Subjects[1].Id}.勤\"", body, StringComparison.Ordinal);
        Assert.Contains("王芳：“勤”未评价", body, StringComparison.Ordinal);
        Assert.Null(EvaluationSetup.Receipt(body));
        // Every choice comes back as left.
        Assert.Contains($"name=\"r{c.Subjects[0].Id}_0\" value=\"较好\" checked", body, StringComparison.Ordinal);

        ratings[$"r{c.Subjects[1].Id}_2"] = "差";
        var fixedUp = await phone.AnswerAsync(group.Id, code, ratings);
        Assert.Equal(HttpStatusCode.OK, fixedUp.Status);
        Assert.NotNull(EvaluationSetup.Receipt(fixedUp.Body));
    }

    [Fact]
    public async Task Answer_ReusedCode_ToldItWasUsed_WrongCodeRefused()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[2];
        var code = (await app.IssueAsync(group.Id, 1))[0];
        var ratings = EvaluationSetup.AllRated(c);
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(group.Id, code, ratings)).Status);

        var reused = await app.Phone().AnswerAsync(group.Id, code, ratings);
        var wrong = await app.Phone().AnswerAsync(group.Id, AccessCode.NewCode(), ratings);

        // An evaluator whose reply was lost learns the response was taken; a wrong code is still refused.
        Assert.Equal(HttpStatusCode.Conflict, reused.Status);
        Assert.Contains("data-outcome=\"used\"", reused.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Contains("data-outcome=\"refused\"", wrong.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessCode.Display(code), reused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(code, reused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_WithoutAntiforgeryToken_OrNotAForm_Is400_AndTheCodeStillWorks()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[1];
        var code = (await app.IssueAsync(group.Id, 1))[0];
        var ratings = EvaluationSetup.AllRated(c);
        var phone = app.Phone();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/public/evaluations/{group.Id}")).StatusCode);

        var fields = new List<KeyValuePair<string, string>> { new("_handler", "evaluation"), new("code", code) };
        fields.AddRange(ratings);
        var noToken = await phone.PostAsync($"/public/evaluations/{group.Id}", new FormUrlEncodedContent(fields));
        var notAForm = await phone.PostAsync($"/public/evaluations/{group.Id}", new StringContent("{\"code\":\"" + code + "\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(group.Id, code, ratings)).Status);
    }

    [Fact]
    public async Task Answer_AfterClosesAt_RefusedEvenBeforeOrganizerCloses()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[0];
        var code = (await app.IssueAsync(group.Id, 1))[0];
        var phone = app.Phone();
        var token = await phone.GetStringAsync($"/public/evaluations/{group.Id}");
        await app.WithDbAsync(async db =>
        {
            var campaign = await db.EvaluationCampaigns.FirstAsync(x => x.Id == c.Id);
            campaign.ClosesAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
            return 0;
        });

        var page = await phone.GetAsync($"/public/evaluations/{group.Id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("测评已结束", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"code\"", html, StringComparison.Ordinal);

        // A form opened before the deadline and posted after it is refused too, and the code stays unused.
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "evaluation"),
            new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(token, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value)),
            new("code", code),
        };
        fields.AddRange(EvaluationSetup.AllRated(c));
        var post = await phone.PostAsync($"/public/evaluations/{group.Id}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("data-outcome=\"not-open\"", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await (await app.ClientForAsync(Demo.OrgAdminA)).GetAsync($"/api/v1/evaluations/{c.Id}/progress")).ReadAsync<CampaignProgress>()).Groups[0].ResponsesReceived);
    }

    [Fact]
    public async Task Form_DraftOrAnnounced_NotAccepting()
    {
        var draft = await app.DraftAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Phone().GetAsync($"/public/evaluations/{draft.Groups[0].Id}")).StatusCode);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        await (await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/announce", new AnnounceRequest("预告", draft.Version))).ReadAsync<CampaignView>();
        var announced = await app.Phone().GetAsync($"/public/evaluations/{draft.Groups[0].Id}");
        Assert.Equal(HttpStatusCode.Conflict, announced.StatusCode);
        Assert.Contains("测评尚未开始", await announced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrecy_AfterResponsesAndClose_NothingPairsACodeWithAResponse()
    {
        var c = await app.OpenCampaignAsync();
        var group = c.Groups[0];
        var boxKey = EvaluationGroup.BoxKeyFor(group.Id);
        var codes = await app.IssueAsync(group.Id, 8);
        var used = codes.Take(5).ToList();
        var logLinesBefore = app.Logs.Lines.Count;
        var receipts = new List<string>();
        string[] labels = ["好", "较好", "一般", "差", "好"];
        for (var i = 0; i < used.Count; i++)
        {
            var phone = app.Phone();
            Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/public/evaluations/{group.Id}?code={used[i]}")).StatusCode);
            var (status, body) = await phone.AnswerAsync(group.Id, used[i], EvaluationSetup.AllRated(c, labels[i]));
            Assert.Equal(HttpStatusCode.OK, status);
            receipts.Add(EvaluationSetup.Receipt(body)!);
        }

        await app.CloseAsync(c);
        var responses = await app.ResponsesAsync(group.Id);
        Assert.Equal(5, responses.Count);
        var contents = responses.Select(r => r.Content).Distinct().ToList();
        var ids = responses.Select(r => r.Id.ToString()).ToList();
        var hashes = codes.Select(code => AccessCode.Hash(boxKey, code)).ToList();
        var usedHashes = hashes.Take(5).ToList();
        var codeTexts = codes.Concat(codes.Select(AccessCode.Display)).ToList();

        await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var table in await TablesAsync(conn, app.ProviderName))
                {
                    foreach (var (column, value) in await ValuesAsync(conn, table))
                    {
                        var where = $"{table}.{column}";
                        Assert.False(codeTexts.Any(x => value.Contains(x, StringComparison.OrdinalIgnoreCase)), $"a code in {where}");
                        if (table != "SpentAccessCodes")
                        {
                            // Kept only among the spent codes ("this code has already been used"), which name no response.
                            Assert.False(usedHashes.Any(h => value.Contains(h, StringComparison.OrdinalIgnoreCase)), $"a used code's hash in {where}");
                        }

                        if (table != "SecretBallots")
                        {
                            Assert.False(receipts.Any(r => value.Contains(r, StringComparison.Ordinal)), $"a receipt in {where}");
                            Assert.False(ids.Any(id => value.Contains(id, StringComparison.OrdinalIgnoreCase)), $"a response id in {where}");
                            Assert.False(contents.Any(x => value.Contains(x, StringComparison.Ordinal)), $"a response in {where}");
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

        string[] secrets = [.. codeTexts, .. hashes, .. receipts, .. contents, .. ids];
        foreach (var line in app.Logs.Lines.Skip(logLinesBefore).Select(l => l.Text))
        {
            Assert.False(secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase)), $"a secret in the log: {line}");
        }
    }

    private static async Task<List<string>> TablesAsync(DbConnection conn, string provider)
    {
        var tables = await RawDatabase.TablesAsync(conn, provider);
        Assert.Contains("SecretBallots", tables);
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
public sealed class EvaluationFormSqliteTests(SqliteApp app) : EvaluationFormTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EvaluationFormPostgresTests(PostgresApp app) : EvaluationFormTests(app);
