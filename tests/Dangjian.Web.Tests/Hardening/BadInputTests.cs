using System.Text;
using System.Text.Json.Nodes;
using Dangjian.Web.Tests.Accounts.Permissions;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dangjian.Web.Tests.Hardening;

/// <summary>
/// Issue 18 "Bad input", for every JSON operation of the API (generated from the app's endpoint list, as the permission
/// tests are): called by the district admin, who may do everything, on real records, with a body that is not JSON, JSON
/// of the wrong shape, or the operation's own body with every field of the wrong type. Each answer is a 4xx — never a
/// success, never a 500 — the audit log does not grow (nothing changed), and the app logs no error.
/// </summary>
public abstract class BadInputTests(AppFixture app)
{
    [Fact]
    public async Task EveryJsonOperation_FedMalformedOrMistypedBodies_AnswersA4xx_ChangesNothing_LogsNoError()
    {
        var b = await ForeignRecords.OfAsync(app);
        var client = await app.ClientForAsync("admin");
        var failures = new List<string>();
        var tried = 0;
        foreach (var operation in ApiOperations.All(app).Where(o => o.Method is "POST" or "PUT" or "PATCH"))
        {
            var call = ApiOperations.Build(operation, b, uploadType: null, out _);
            if (call?.Request.Content is not StringContent content)
            {
                continue; // an upload or an operation without a body: the upload tests and the permission tests cover those
            }

            var valid = JsonNode.Parse(await content.ReadAsStringAsync());
            foreach (var (kind, body) in Hostile(valid))
            {
                tried++;
                var errorsBefore = app.Logs.Lines.Count(l => l.Level >= LogLevel.Error);
                var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
                using var request = new HttpRequestMessage(call.Request.Method, call.Request.RequestUri)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500)
                {
                    failures.Add($"{operation} with {kind}: {status} {Shorten(await response.Content.ReadAsStringAsync())}");
                }

                if (await app.WithDbAsync(db => db.AuditEntries.CountAsync()) != auditBefore)
                {
                    failures.Add($"{operation} with {kind}: the audit log grew ({status})");
                }

                if (app.Logs.Lines.Count(l => l.Level >= LogLevel.Error) != errorsBefore)
                {
                    failures.Add($"{operation} with {kind}: the app logged an error ({status})");
                }
            }
        }

        Assert.True(tried >= 300, $"only {tried} hostile calls made");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Bodies no client of the API should send: cut off, of the wrong shape, and the valid body with every value of the wrong type.</summary>
    private static IEnumerable<(string Kind, string Body)> Hostile(JsonNode? valid)
    {
        yield return ("a cut-off body", "{\"");
        yield return ("a string where an object belongs", "\"<script>alert(1)</script>\"");
        if (valid is JsonObject fields && fields.Count > 0)
        {
            yield return ("an array where an object belongs", "[" + valid.ToJsonString() + "]");
            var mistyped = new JsonObject();
            foreach (var (name, value) in fields)
            {
                mistyped[name] = Mistyped(value);
            }

            yield return ("every field of the wrong type", mistyped.ToJsonString());
            var oversized = (JsonObject)valid.DeepClone();
            var any = false;
            foreach (var name in fields.Where(f => f.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(f => f.Key).ToList())
            {
                oversized[name] = new string('长', 200_000);
                any = true;
            }

            if (any)
            {
                yield return ("every text 200,000 characters long", oversized.ToJsonString());
            }
        }
    }

    /// <summary>A value of another JSON kind than <paramref name="value"/>, which no binder may take for it.</summary>
    private static JsonNode Mistyped(JsonNode? value) => value switch
    {
        JsonObject => JsonValue.Create(12345),
        JsonArray => JsonValue.Create("not a list"),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => new JsonObject { ["not"] = "text" },
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.Number => JsonValue.Create("twelve"),
        null => new JsonArray(1, 2),
        _ => JsonValue.Create("maybe"),
    };

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;
}

[Collection(SqliteCollection.Name)]
public sealed class BadInputSqliteTests(SqliteApp app) : BadInputTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BadInputPostgresTests(PostgresApp app) : BadInputTests(app);
