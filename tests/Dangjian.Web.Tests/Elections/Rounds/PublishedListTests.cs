using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dangjian.Domain.Elections;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Web.Tests.Elections.Rounds.RoundFixtures;

namespace Dangjian.Web.Tests.Elections.Rounds;

/// <summary>
/// A receipt proves that a ballot was counted, never what it says (DESIGN.md "Secrecy"). The published list
/// holds the counted ballots in a random order with no receipt, and the receipts apart, sorted; the public page answers
/// a receipt with "among the N counted" and no mark; a round published before in the old format still verifies.
/// </summary>
public abstract partial class PublishedListTests(AppFixture app)
{
    private static readonly string[] BallotFields = ["against", "for", "void", "writeIns"];

    [Fact]
    public async Task Publish_BallotsCarryNoReceipt_ReceiptsSortedApart_FileStableAndAudited()
    {
        var round = await PublishedRoundAsync();
        var anonymous = app.AnonymousClient();

        var bytes = await DownloadAsync(anonymous, round.Id);
        Assert.Equal(bytes, await DownloadAsync(anonymous, round.Id));
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(round.Hash, hash);
        Assert.Equal(hash, await AuditedHashAsync(round.Id));

        using (var doc = JsonDocument.Parse(bytes))
        {
            var root = doc.RootElement;
            Assert.Equal(round.Id, root.GetProperty("round").GetProperty("id").GetInt32());
            var ballots = root.GetProperty("ballots").EnumerateArray().ToList();
            Assert.Equal(5, ballots.Count);
            // A ballot is its marks and nothing else: no receipt, no id, nothing to pair it with a receipt.
            Assert.All(ballots, b => Assert.Equal(BallotFields, b.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
            Assert.Equal(round.Ballots.Order(StringComparer.Ordinal), ballots.Select(Compact).Order(StringComparer.Ordinal));
            Assert.Equal(round.Receipts.Order(StringComparer.Ordinal), root.GetProperty("receipts").EnumerateArray().Select(r => r.GetString()!));
            Assert.Equal((3, 2), (root.GetProperty("electronicBallots").GetInt32(), root.GetProperty("paperBallots").GetInt32()));
        }

        // The electronic count an auditor can hold against the audit log: the ballots cast when the round's box closed.
        var key = ElectionRound.BoxKeyFor(round.Id);
        var closed = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "BallotBox.Closed" && e.EntityId == key).Select(e => e.After!).SingleAsync());
        using (var details = JsonDocument.Parse(closed))
        {
            Assert.Equal(3, details.RootElement.GetProperty("BallotsCast").GetInt32());
        }

        // The count reads the file as before: the same result as stored at the count.
        var stored = await app.WithDbAsync(db => db.ElectionRounds.Where(r => r.Id == round.Id).Select(r => r.ResultJson).FirstAsync());
        var (input, errors) = CountJson.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Empty(errors);
        Assert.Equal(stored, CountJson.Write(ElectionCount.Count(input!)));

        var (code, output, error) = await app.VerifyBytesAsync(bytes);
        Assert.True(code == 0, error);
        Assert.Equal(stored, output.TrimEnd());
        Assert.Contains("Receipts: 3, unique and sorted", error, StringComparison.Ordinal);

        // The auditor asks about one receipt: among those counted, and nothing more.
        (code, output, error) = await app.VerifyBytesAsync(bytes, round.Receipts[1]);
        Assert.True(code == 0, error);
        Assert.Equal(stored, output.TrimEnd());
        Assert.Contains($"Receipt {round.Receipts[1]} is among the 3 receipts: its ballot is among the 5 ballots counted.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_WithReceipt_SaysAmongTheCountedAndShowsNoMark()
    {
        var round = await PublishedRoundAsync();
        var anonymous = app.AnonymousClient();

        var page = await anonymous.GetStringAsync($"/public/elections/rounds/{round.Id}?receipt={round.Receipts[0]}");
        var answer = Answer(page);
        Assert.Contains("data-receipt-found=\"true\"", answer, StringComparison.Ordinal);
        NoMark(answer, round.Names);
        Assert.Contains("您的选票在已计入的 5 张选票之中", answer, StringComparison.Ordinal);
        // The result, the counts and the download stay on the page.
        Assert.Contains("round-result", page, StringComparison.Ordinal);
        Assert.Contains("data-counted=\"5\">5 张（电子选票 3 张", page, StringComparison.Ordinal);
        Assert.Contains($"public/elections/rounds/{round.Id}/ballots.json", page, StringComparison.Ordinal);

        // Typed from the slip, in lower case with a dash: the same receipt.
        var typed = round.Receipts[1].ToLowerInvariant().Insert(4, "-");
        Assert.Contains("data-receipt-found=\"true\"", Answer(await anonymous.GetStringAsync($"/public/elections/rounds/{round.Id}?receipt={typed}")), StringComparison.Ordinal);

        var missing = Answer(await anonymous.GetStringAsync($"/public/elections/rounds/{round.Id}?receipt=ZZZZZZZZ"));
        Assert.Contains("data-receipt-found=\"false\"", missing, StringComparison.Ordinal);

        var english = app.AnonymousClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = Answer(await english.GetStringAsync($"/public/elections/rounds/{round.Id}?receipt={round.Receipts[2]}"));
        Assert.Contains("Your ballot is among the 5 counted", en, StringComparison.Ordinal);
        NoMark(en, round.Names);
    }

    [Fact]
    public async Task OldFormatRound_StillServedAsPublishedAndVerified_AndItsPageShowsNoMark()
    {
        var round = await PublishedRoundAsync();
        // A round published in the earlier format: its list (receipts inside the ballots) and that list's hash in the audit log.
        var old = OldFormat(round);
        var oldHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(old)));
        await app.WithDbAsync(async db =>
        {
            var r = await db.ElectionRounds.FirstAsync(x => x.Id == round.Id);
            r.PublishedBallotList = old;
            r.PublishedHash = oldHash;
            db.AddAuditEvent("ElectionRound.Published", nameof(ElectionRound), round.Id.ToString(CultureInfo.InvariantCulture),
                new Dictionary<string, object> { ["roundId"] = round.Id, ["sha256"] = oldHash });
            return await db.SaveChangesAsync();
        });

        var anonymous = app.AnonymousClient();
        var bytes = await DownloadAsync(anonymous, round.Id);
        Assert.Equal(old, Encoding.UTF8.GetString(bytes));
        var (code, output, error) = await app.VerifyBytesAsync(bytes);
        Assert.True(code == 0, error);
        var stored = await app.WithDbAsync(db => db.ElectionRounds.Where(r => r.Id == round.Id).Select(r => r.ResultJson).FirstAsync());
        Assert.Equal(stored, output.TrimEnd());
        Assert.Contains("earlier format", error, StringComparison.Ordinal);

        var answer = Answer(await anonymous.GetStringAsync($"/public/elections/rounds/{round.Id}?receipt={round.Receipts[0]}"));
        NoMark(answer, round.Names);
        Assert.Contains("您的选票在已计入的 5 张选票之中", answer, StringComparison.Ordinal);
    }

    private sealed record Published(int Id, string Hash, IReadOnlyList<string> Names, IReadOnlyList<string> Receipts, IReadOnlyList<string> Ballots, IReadOnlyList<(string Receipt, string Ballot)> Electronic);

    /// <summary>
    /// A formal round of 2 seats among 甲 乙 丙, 5 present: three electronic ballots (each different) and two paper
    /// ballots entered by both tellers; counted and published.
    /// </summary>
    private async Task<Published> PublishedRoundAsync()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 2, ["甲", "乙", "丙"]);
        var (a, b, c) = (setup.Names[0], setup.Names[1], setup.Names[2]);
        var one = await app.ClientForAsync(Demo.OrgAdminA);
        var two = await app.ClientForAsync(Demo.DistrictAdmin);
        var id = (await CreateRoundAsync(one, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", title = "回执" })).GetProperty("id").GetInt32();
        await RollAsync(one, id, entitled: 5, present: 5, issued: 5);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/open");

        string[][] cast = [[a, b], [a, c], [b, c]];
        var electronic = new List<(string, string)>();
        foreach (var marks in cast)
        {
            var receipt = await CastAsync(app, id, new { @for = marks, against = Array.Empty<string>(), writeIns = Array.Empty<string>(), @void = false });
            electronic.Add((receipt, Ballot(marks, [])));
        }

        await PaperTwiceAsync(one, two, id, [a]);
        await PaperAsync(one, id, 1, [a], against: [c]);
        await PaperAsync(two, id, 2, [a], against: [c]);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/close");
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/count");
        var published = await (await one.PostAsync($"/api/v1/elections/rounds/{id}/publish", null)).ReadAsync<JsonElement>();
        Assert.Equal("Published", published.GetProperty("status").GetString());
        return new Published(
            id,
            published.GetProperty("publishedHash").GetString()!,
            setup.Names,
            [.. electronic.Select(e => e.Item1)],
            [.. electronic.Select(e => e.Item2), Ballot([a], []), Ballot([a], [c])],
            electronic);
    }

    /// <summary>The list in the earlier format: electronic ballots each with its receipt, by receipt, then paper ballots.</summary>
    private string OldFormat(Published round)
    {
        var ballots = new JsonArray();
        foreach (var (receipt, ballot) in round.Electronic.OrderBy(e => e.Receipt, StringComparer.Ordinal))
        {
            var node = JsonNode.Parse(ballot)!.AsObject();
            node["receipt"] = receipt;
            ballots.Add(node);
        }

        foreach (var paper in round.Ballots.Skip(round.Electronic.Count).Order(StringComparer.Ordinal))
        {
            ballots.Add(JsonNode.Parse(paper));
        }

        var o = new JsonObject
        {
            ["round"] = new JsonObject { ["id"] = round.Id, ["title"] = "回执", ["project"] = "换届", ["organization"] = "支部", ["publishedAt"] = "2026-11-23T10:00:00Z" },
            ["mode"] = "formal",
            ["seats"] = 2,
            ["entitledVoters"] = 5,
            ["votersPresent"] = 5,
            ["ballotsIssued"] = 5,
            ["candidates"] = new JsonArray([.. round.Names.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["ballots"] = ballots,
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string Ballot(string[] @for, string[] against) =>
        new JsonObject
        {
            ["for"] = new JsonArray([.. @for.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["against"] = new JsonArray([.. against.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["writeIns"] = new JsonArray(),
            ["void"] = false,
        }.ToJsonString();

    private static string Compact(JsonElement ballot) => JsonNode.Parse(ballot.GetRawText())!.ToJsonString();

    private static async Task<byte[]> DownloadAsync(HttpClient client, int roundId)
    {
        var response = await client.GetAsync($"/public/elections/rounds/{roundId}/ballots.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<string> AuditedHashAsync(int roundId)
    {
        var id = roundId.ToString(CultureInfo.InvariantCulture);
        var after = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "ElectionRound.Published" && e.EntityId == id).Select(e => e.After!).ToListAsync());
        using var details = JsonDocument.Parse(Assert.Single(after));
        return details.RootElement.GetProperty("sha256").GetString()!;
    }

    /// <summary>The page's answer to a receipt: the status block under the lookup form.</summary>
    private static string Answer(string page) =>
        StatusBlock().Match(page) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException("no receipt answer on the page");

    /// <summary>No candidate's name and no mark word in the answer: it tells that the ballot was counted, not what it says.</summary>
    private static void NoMark(string answer, IEnumerable<string> names)
    {
        foreach (var word in names.Concat(["赞成", "不赞成", "另选他人", "废票", "For", "Against", "Write-in", "Void"]))
        {
            Assert.DoesNotContain(word, answer, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<div[^>]*data-receipt-found=.*?</div>", RegexOptions.Singleline)]
    private static partial Regex StatusBlock();
}

[Collection(SqliteCollection.Name)]
public sealed class PublishedListSqliteTests(SqliteApp app) : PublishedListTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PublishedListPostgresTests(PostgresApp app) : PublishedListTests(app);
