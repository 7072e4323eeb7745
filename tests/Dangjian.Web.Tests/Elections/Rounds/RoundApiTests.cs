using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dangjian.Domain.Elections;
using Dangjian.Web.Tests.Exports;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Web.Tests.Elections.ElectionFlow;
using static Dangjian.Web.Tests.Elections.Rounds.RoundFixtures;

namespace Dangjian.Web.Tests.Elections.Rounds;

/// <summary>
/// The election meeting over HTTP on the demo district (ELE-6, ELE-8, ELE-10 … ELE-13): roll, paper ballots entered
/// by two tellers and reconciled, electronic ballots from the shared box, count, publication, and the published list
/// recounted and verified by the command-line tool.
/// </summary>
public abstract class RoundApiTests(AppFixture app)
{
    [Fact]
    public async Task FormalRound_TwoTellersReconciledThenCountedPublishedAndVerified()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 2, ["甲", "乙", "丙"]);
        var (a, b, c) = (setup.Names[0], setup.Names[1], setup.Names[2]);
        var teller1 = await app.ClientForAsync(Demo.OrgAdminA);
        var teller2 = await app.ClientForAsync(Demo.DistrictAdmin);

        var round = await CreateRoundAsync(teller1, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", electorate = "Members", title = "选举委员" });
        var id = round.GetProperty("id").GetInt32();
        Assert.Equal(2, round.GetProperty("seats").GetInt32());
        // Ballot order is by surname strokes (姓氏笔画): 乙 (1) before 丙 and 甲 (5).
        Assert.Equal([b, c, a], Names(round.GetProperty("candidates")));
        Assert.Equal("Draft", round.GetProperty("status").GetString());

        // Roll: 7 entitled, 6 present (6×5 > 7×4), 6 ballots issued; 4 for votes elect.
        await RollAsync(teller1, id, entitled: 7, present: 6, issued: 6);
        await PostAsync(teller1, $"/api/v1/elections/rounds/{id}/open");

        // One electronic ballot through the shared box (what the /vote page does).
        var receipt = await CastAsync(app, id, new { @for = new[] { a, b }, against = Array.Empty<string>(), writeIns = Array.Empty<string>(), @void = false });

        string[][] ballots = [[a, b], [a, b], [a, b], [a, c]];
        await PaperTwiceAsync(teller1, teller2, id, ballots);
        // Ballot 5: for 甲, against 乙 — teller 2 misreads it as for 甲 only.
        await PaperAsync(teller1, id, 1, [a], against: [b]);
        var misread = await PaperAsync(teller2, id, 2, [a]);

        await PostAsync(teller1, $"/api/v1/elections/rounds/{id}/close");
        var refused = await teller1.PostAsync($"/api/v1/elections/rounds/{id}/count", null);
        Assert.Contains("paper", (await refused.ProblemErrorsAsync()).Keys);

        var recon = await teller1.GetFromJsonAsync<JsonElement>($"/api/v1/elections/rounds/{id}/paper/reconciliation");
        Assert.False(recon.GetProperty("reconciled").GetBoolean());
        var diff = Assert.Single(recon.GetProperty("rows").EnumerateArray(), r => !r.GetProperty("matches").GetBoolean());
        Assert.Equal(5, diff.GetProperty("number").GetInt32());

        // The round page shows the difference, ballot by ballot.
        var staff = await app.SignInAsync(Demo.OrgAdminA);
        var roundPage = await staff.GetStringAsync($"/elections/rounds/{id}");
        Assert.Contains("data-reconciled=\"false\"", roundPage, StringComparison.Ordinal);
        Assert.Contains("class=\"mismatch\" data-number=\"5\" data-matches=\"false\"", roundPage, StringComparison.Ordinal);

        // Teller 1 cannot correct teller 2's entry; teller 2 corrects it, a stale version is a conflict.
        var entryUrl = $"/api/v1/elections/rounds/{id}/paper/{misread.GetProperty("id").GetInt32()}";
        var fix = new { teller = 2, @for = new[] { a }, against = new[] { b }, writeIns = Array.Empty<string>(), @void = false, version = misread.GetProperty("version").GetInt32() };
        Assert.Contains("teller", (await (await teller1.PutJsonAsync(entryUrl, fix)).ProblemErrorsAsync()).Keys);
        await (await teller2.PutJsonAsync(entryUrl, fix)).ReadAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, (await teller2.PutJsonAsync(entryUrl, fix)).StatusCode);
        recon = await teller1.GetFromJsonAsync<JsonElement>($"/api/v1/elections/rounds/{id}/paper/reconciliation");
        Assert.True(recon.GetProperty("reconciled").GetBoolean());

        var counted = await (await teller1.PostAsync($"/api/v1/elections/rounds/{id}/count", null)).ReadAsync<JsonElement>();
        var result = counted.GetProperty("result");
        Assert.Equal("counted", result.GetProperty("status").GetString());
        Assert.Equal(4, result.GetProperty("threshold").GetInt32());
        Assert.Equal(6, result.GetProperty("ballotsReturned").GetInt32());
        Assert.Equal([a, b], Names(result.GetProperty("elected")));
        var rows = result.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal((6, 0, 0), Tally(rows[a]));
        Assert.Equal((4, 1, 1), Tally(rows[b]));
        Assert.Equal((1, 0, 5), Tally(rows[c]));
        Assert.Equal(0, result.GetProperty("unfilledSeats").GetInt32());

        // RPT-2: the result exports as the result table shows it — each candidate's counts and outcome, no ballot.
        var exported = (await (await teller1.GetAsync($"/api/v1/elections/rounds/{id}/result/export")).RowsAsync()).ToDictionary(r => r["姓名"]);
        Assert.Equal(new[] { a, b, c }.Order(StringComparer.Ordinal), exported.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("6", "0", "0"), (exported[a]["赞成"], exported[a]["不赞成"], exported[a]["弃权"]));
        Assert.Equal(("4", "1", "1"), (exported[b]["赞成"], exported[b]["不赞成"], exported[b]["弃权"]));
        Assert.Equal(string.Empty, exported[c]["结果"]);
        Assert.NotEqual(string.Empty, exported[a]["结果"]);

        var sheet = await staff.GetStringAsync($"/elections/rounds/{id}/result-sheet");
        foreach (var text in new[] { "总监票人", "监票人", "计票人", a, b, "@media print" })
        {
            Assert.Contains(text, sheet, StringComparison.Ordinal);
        }

        Assert.Contains("data-reconciled=\"true\"", await staff.GetStringAsync($"/elections/rounds/{id}"), StringComparison.Ordinal);

        // Not public before publication.
        var anonymous = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/elections/rounds/{id}/ballots.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/elections/rounds/{id}")).StatusCode);

        var published = await (await teller1.PostAsync($"/api/v1/elections/rounds/{id}/publish", null)).ReadAsync<JsonElement>();
        Assert.Equal("Published", published.GetProperty("status").GetString());
        var hash = published.GetProperty("publishedHash").GetString()!;

        var download = await anonymous.GetAsync($"/public/elections/rounds/{id}/ballots.json");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        // The list: the count input and the round; six ballots, none with a receipt, and the one electronic ballot's receipt apart.
        using (var doc = JsonDocument.Parse(bytes))
        {
            var root = doc.RootElement;
            Assert.Equal("formal", root.GetProperty("mode").GetString());
            Assert.Equal((2, 7, 6, 6), (root.GetProperty("seats").GetInt32(), root.GetProperty("entitledVoters").GetInt32(), root.GetProperty("votersPresent").GetInt32(), root.GetProperty("ballotsIssued").GetInt32()));
            Assert.Equal(id, root.GetProperty("round").GetProperty("id").GetInt32());
            var list = root.GetProperty("ballots").EnumerateArray().ToList();
            Assert.Equal(6, list.Count);
            Assert.All(list, x => Assert.False(x.TryGetProperty("receipt", out _)));
            Assert.Equal([receipt], Names(root.GetProperty("receipts")));
            Assert.Equal((1, 5), (root.GetProperty("electronicBallots").GetInt32(), root.GetProperty("paperBallots").GetInt32()));
        }

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "ElectionRound.Published" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.After!).ToListAsync());
        using (var details = JsonDocument.Parse(Assert.Single(audit)))
        {
            Assert.Equal(id, details.RootElement.GetProperty("roundId").GetInt32());
            Assert.Equal(hash, details.RootElement.GetProperty("sha256").GetString());
        }

        // The command-line tool recounts the downloaded file against the same database: same result, exit 0.
        var folder = Directory.CreateTempSubdirectory("dangjian-verify-").FullName;
        try
        {
            var file = Path.Combine(folder, "ballots.json");
            await File.WriteAllBytesAsync(file, bytes);
            var (code, output, error) = await app.VerifyAsync(file);
            Assert.True(code == 0, error);
            var stored = await (await teller1.GetAsync($"/api/v1/elections/rounds/{id}/result")).ReadAsync<JsonElement>();
            Assert.Equal(Canonical(stored.GetProperty("result")), Canonical(JsonDocument.Parse(output).RootElement));
            var storedText = await app.WithDbAsync(db => db.ElectionRounds.Where(r => r.Id == id).Select(r => r.ResultJson).FirstAsync());
            Assert.Equal(storedText, output.TrimEnd());

            // A file changed by one character is not the published list: exit 1, the recount still printed.
            var changed = Path.Combine(folder, "changed.json");
            await File.WriteAllTextAsync(changed, Encoding.UTF8.GetString(bytes).Replace("\"votersPresent\": 6", "\"votersPresent\": 7", StringComparison.Ordinal));
            (code, output, error) = await app.VerifyAsync(changed);
            Assert.Equal(1, code);
            Assert.Contains("not the published ballot list", error, StringComparison.Ordinal);
            Assert.Equal("counted", JsonDocument.Parse(output).RootElement.GetProperty("status").GetString());

            await File.WriteAllTextAsync(changed, "{ \"seats\": 1 }");
            (code, _, _) = await app.VerifyAsync(changed);
            Assert.Equal(2, code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The public page shows the result and finds the receipt among those counted.
        var page = await anonymous.GetStringAsync($"/public/elections/rounds/{id}?receipt={receipt}");
        Assert.Contains("选举委员", page, StringComparison.Ordinal);
        Assert.Contains("ballots.json", page, StringComparison.Ordinal);
        Assert.Contains("data-receipt-found=\"true\"", page, StringComparison.Ordinal);
        var missing = await anonymous.GetStringAsync($"/public/elections/rounds/{id}?receipt=ZZZZZZZZ");
        Assert.Contains("data-receipt-found=\"false\"", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roll_Validation_NamesFields_AndQuorumAtFourFifthsVoidsTheRound()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 1, ["甲", "乙"]);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var round = await CreateRoundAsync(client, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", title = "无效" });
        var id = round.GetProperty("id").GetInt32();
        var version = round.GetProperty("version").GetInt32();

        var bad = await client.PutJsonAsync($"/api/v1/elections/rounds/{id}/roll", new { entitledVoters = 10, votersPresent = 11, ballotsIssued = -1, version });
        var errors = await bad.ProblemErrorsAsync();
        Assert.Contains("votersPresent", errors.Keys);
        Assert.Contains("ballotsIssued", errors.Keys);
        Assert.DoesNotContain("entitledVoters", errors.Keys);
        var missing = await client.PutJsonAsync($"/api/v1/elections/rounds/{id}/roll", new { votersPresent = 1, ballotsIssued = 1, version });
        Assert.Contains("entitledVoters", (await missing.ProblemErrorsAsync()).Keys);

        // Exactly four fifths present is not more than four fifths: void.
        await RollAsync(client, id, entitled: 10, present: 8, issued: 8);
        await PostAsync(client, $"/api/v1/elections/rounds/{id}/open");
        await PostAsync(client, $"/api/v1/elections/rounds/{id}/close");
        var counted = await (await client.PostAsync($"/api/v1/elections/rounds/{id}/count", null)).ReadAsync<JsonElement>();
        Assert.Equal("void", counted.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("quorum-not-met", counted.GetProperty("result").GetProperty("voidReason").GetString());
        Assert.Empty(counted.GetProperty("result").GetProperty("elected").EnumerateArray());

        // The API's result is the count's contract JSON as stored: the same names, order and values (runoff null).
        var stored = await app.WithDbAsync(db => db.ElectionRounds.Where(r => r.Id == id).Select(r => r.ResultJson).FirstAsync());
        Assert.Equal(Canonical(JsonDocument.Parse(stored!).RootElement), Canonical(counted.GetProperty("result")));
        Assert.Equal(stored!.TrimEnd(), JsonSerializer.Serialize(counted.GetProperty("result"), Dangjian.Domain.Common.ContractJson.Output));

        // After the count the roll is fixed.
        var late = await client.PutJsonAsync($"/api/v1/elections/rounds/{id}/roll", new { entitledVoters = 10, votersPresent = 9, ballotsIssued = 9, version = counted.GetProperty("round").GetProperty("version").GetInt32() });
        Assert.Contains("status", (await late.ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task MoreBallotsThanIssued_VoidsTheRound_AndTheEnglishPageSaysWhy()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 1, ["甲", "乙"]);
        var one = await app.ClientForAsync(Demo.OrgAdminA);
        var two = await app.ClientForAsync(Demo.DistrictAdmin);
        var id = (await CreateRoundAsync(one, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", title = "多票" })).GetProperty("id").GetInt32();
        await RollAsync(one, id, entitled: 3, present: 3, issued: 2);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/open");
        await PaperTwiceAsync(one, two, id, [setup.Names[0]], [setup.Names[0]], [setup.Names[1]]);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/close");
        var result = (await (await one.PostAsync($"/api/v1/elections/rounds/{id}/count", null)).ReadAsync<JsonElement>()).GetProperty("result");
        Assert.Equal("ballots-exceed-issued", result.GetProperty("voidReason").GetString());

        var english = await app.SignInAsync(Demo.OrgAdminA);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await english.GetStringAsync($"/elections/rounds/{id}");
        Assert.Contains("More ballots came back than were issued", page, StringComparison.Ordinal);
        Assert.Contains("Counted", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RefusesUnfixedListUnknownBodyAndDuplicateNames()
    {
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var open = await ProjectAsync(app, t.BranchOfA, seats: 1, ["甲", "乙"], fixedList: false);
        var notFixed = await client.PostJsonAsync($"/api/v1/elections/{open.ProjectId}/rounds", new { bodyId = open.BodyId, mode = "Formal", title = "正式" });
        Assert.Contains("bodyId", (await notFixed.ProblemErrorsAsync()).Keys);

        var unvetted = await ProjectAsync(app, t.BranchOfA, seats: 1, ["甲", "乙"], passed: false, fixedList: false);
        var none = await client.PostJsonAsync($"/api/v1/elections/{unvetted.ProjectId}/rounds", new { bodyId = unvetted.BodyId, mode = "Preliminary", title = "预选" });
        Assert.Contains("bodyId", (await none.ProblemErrorsAsync()).Keys);

        var empty = await client.PostJsonAsync($"/api/v1/elections/{open.ProjectId}/rounds", new { title = "" });
        var errors = await empty.ProblemErrorsAsync();
        Assert.Contains("bodyId", errors.Keys);
        Assert.Contains("mode", errors.Keys);
        Assert.Contains("title", errors.Keys);

        var other = await client.PostJsonAsync($"/api/v1/elections/{open.ProjectId}/rounds", new { bodyId = unvetted.BodyId, mode = "Preliminary", title = "别的" });
        Assert.Contains("bodyId", (await other.ProblemErrorsAsync()).Keys);

        // Two nominees with the same name cannot share a ballot.
        var twins = await ProjectAsync(app, t.BranchOfA, seats: 1, ["甲", "乙"]);
        await app.WithDbAsync(async db =>
        {
            var ids = await db.Nominees.Where(n => n.BodyId == twins.BodyId).Select(n => n.PersonId).ToListAsync();
            var second = await db.People.FirstAsync(p => p.Id == ids[1]);
            second.Name = twins.Names[0];
            return await db.SaveChangesAsync();
        });
        var duplicate = await client.PostJsonAsync($"/api/v1/elections/{twins.ProjectId}/rounds", new { bodyId = twins.BodyId, mode = "Formal", title = "同名" });
        Assert.Contains("candidates", (await duplicate.ProblemErrorsAsync()).Keys);

        // The round's box is created with it.
        // The electorate's former name for 群众 ("Masses") is still accepted and read as Residents.
        var ok = await CreateRoundAsync(client, open.ProjectId, new { bodyId = open.BodyId, mode = "Recommendation", electorate = "Masses", title = "群众推荐" });
        var key = ElectionRound.BoxKeyFor(ok.GetProperty("id").GetInt32());
        Assert.True(await app.WithDbAsync(db => db.BallotBoxes.AnyAsync(x => x.Key == key)));
        Assert.Equal("Residents", ok.GetProperty("electorate").GetString());
        Assert.Equal(Electorate.Residents, await app.WithDbAsync(db => db.ElectionRounds.Where(x => x.Id == ok.GetProperty("id").GetInt32()).Select(x => x.Electorate).SingleAsync()));
    }

    [Fact]
    public async Task PaperEntry_ValidatesNamesTellersAndNumbers()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 1, ["甲", "乙"]);
        var one = await app.ClientForAsync(Demo.OrgAdminA);
        var two = await app.ClientForAsync(Demo.DistrictAdmin);
        var id = (await CreateRoundAsync(one, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", title = "录入" })).GetProperty("id").GetInt32();
        var url = $"/api/v1/elections/rounds/{id}/paper";

        // Not before voting opens.
        Assert.Contains("status", (await (await one.PostJsonAsync(url, new { teller = 1, @for = new[] { setup.Names[0] } })).ProblemErrorsAsync()).Keys);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/open");

        var bad = await one.PostJsonAsync(url, new { teller = 1, @for = new[] { setup.Names[0], "某人" }, against = new[] { "无名" }, writeIns = new[] { setup.Names[1], " " } });
        var errors = await bad.ProblemErrorsAsync();
        Assert.Equal(["against[0]", "for[1]", "writeIns[0]", "writeIns[1]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("teller", (await (await one.PostJsonAsync(url, new { teller = 3 })).ProblemErrorsAsync()).Keys);

        var first = await PaperAsync(one, id, 1, [setup.Names[0]], writeIns: ["赵磊"]);
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal(2, (await PaperAsync(one, id, 1, [], isVoid: true)).GetProperty("number").GetInt32());
        Assert.Equal(7, (await PaperAsync(one, id, 1, [setup.Names[1]], number: 7)).GetProperty("number").GetInt32());
        Assert.Contains("number", (await (await one.PostJsonAsync(url, new { teller = 1, number = 7 })).ProblemErrorsAsync()).Keys);
        Assert.Equal(8, (await PaperAsync(one, id, 1, [])).GetProperty("number").GetInt32());

        // The same account cannot be teller 2 as well; another account cannot take teller 1's place.
        Assert.Contains("teller", (await (await one.PostJsonAsync(url, new { teller = 2 })).ProblemErrorsAsync()).Keys);
        Assert.Contains("teller", (await (await two.PostJsonAsync(url, new { teller = 1 })).ProblemErrorsAsync()).Keys);
        Assert.Equal(1, (await PaperAsync(two, id, 2, [setup.Names[0]], writeIns: ["赵磊"])).GetProperty("number").GetInt32());

        var recon = await one.GetFromJsonAsync<JsonElement>($"{url}/reconciliation");
        Assert.False(recon.GetProperty("reconciled").GetBoolean());
        var rows = recon.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows[0].GetProperty("matches").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("teller2").ValueKind);
        Assert.Equal(3, recon.GetProperty("differences").GetInt32());

        // A teller withdraws their own entries only, from the version they saw.
        var extra = rows.Single(r => r.GetProperty("number").GetInt32() == 8).GetProperty("teller1");
        var extraUrl = $"{url}/{extra.GetProperty("id").GetInt32()}";
        Assert.Contains("teller", (await (await two.DeleteAsync($"{extraUrl}?version={extra.GetProperty("version").GetInt32()}")).ProblemErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await one.DeleteAsync($"{extraUrl}?version=99")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await one.DeleteAsync($"{extraUrl}?version={extra.GetProperty("version").GetInt32()}")).StatusCode);
        recon = await one.GetFromJsonAsync<JsonElement>($"{url}/reconciliation");
        Assert.Equal(2, recon.GetProperty("differences").GetInt32());
    }

    [Fact]
    public async Task Tie_CreatesRunoffRoundWithTheTiedAndTheSeatsLeft()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 2, ["甲", "乙", "丙"]);
        var (a, b, c) = (setup.Names[0], setup.Names[1], setup.Names[2]);
        var one = await app.ClientForAsync(Demo.OrgAdminA);
        var two = await app.ClientForAsync(Demo.DistrictAdmin);
        var id = (await CreateRoundAsync(one, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", title = "平票" })).GetProperty("id").GetInt32();
        await RollAsync(one, id, entitled: 6, present: 6, issued: 6);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/open");
        // Threshold 4: all three get 4 for 2 seats.
        await PaperTwiceAsync(one, two, id, [a, b], [a, b], [a, c], [a, c], [b, c], [b, c]);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/close");
        var result = (await (await one.PostAsync($"/api/v1/elections/rounds/{id}/count", null)).ReadAsync<JsonElement>()).GetProperty("result");
        Assert.Empty(result.GetProperty("elected").EnumerateArray());
        Assert.Equal(2, result.GetProperty("runoff").GetProperty("seats").GetInt32());

        var runoff = await CreateRoundAsync(one, setup.ProjectId, new { runoffOfRoundId = id, title = "重新投票" });
        Assert.Equal(id, runoff.GetProperty("runoffOfRoundId").GetInt32());
        Assert.Equal(2, runoff.GetProperty("seats").GetInt32());
        Assert.Equal("Formal", runoff.GetProperty("mode").GetString());
        Assert.Equal(setup.BodyId, runoff.GetProperty("bodyId").GetInt32());
        Assert.Equal(Sorted(a, b, c), Sorted(Names(runoff.GetProperty("candidates"))));

        // A round without a tie has no run-off.
        var plain = await one.PostJsonAsync($"/api/v1/elections/{setup.ProjectId}/rounds", new { runoffOfRoundId = runoff.GetProperty("id").GetInt32(), title = "再来" });
        Assert.Contains("runoffOfRoundId", (await plain.ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Unfilled_ProjectIsNotPublished_AndSupplementaryRoundTakesTheSeatsLeftAmongTheNotElected()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 2, ["甲", "乙", "丙"]);
        var (a, b, c) = (setup.Names[0], setup.Names[1], setup.Names[2]);
        var one = await app.ClientForAsync(Demo.OrgAdminA);
        var two = await app.ClientForAsync(Demo.DistrictAdmin);
        var id = (await CreateRoundAsync(one, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", title = "正式选举" })).GetProperty("id").GetInt32();
        await RollAsync(one, id, entitled: 4, present: 4, issued: 4);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/open");
        // Threshold 3 of 4 entitled: only 甲 reaches it, one of the two seats is left.
        await PaperTwiceAsync(one, two, id, [a, b], [a, c], [a], [b]);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/close");
        var result = (await (await one.PostAsync($"/api/v1/elections/rounds/{id}/count", null)).ReadAsync<JsonElement>()).GetProperty("result");
        Assert.Equal(1, result.GetProperty("unfilledSeats").GetInt32());
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/publish");

        var project = await one.GetFromJsonAsync<JsonElement>($"/api/v1/elections/{setup.ProjectId}");
        Assert.Equal("Meeting", project.GetProperty("stage").GetString());
        var owed = project.GetProperty("bodies")[0].GetProperty("owed");
        Assert.Equal((id, 1), (owed.GetProperty("roundId").GetInt32(), owed.GetProperty("unfilled").GetInt32()));

        var supplementary = await CreateRoundAsync(one, setup.ProjectId, new { runoffOfRoundId = id, title = "另行选举" });
        Assert.Equal(1, supplementary.GetProperty("seats").GetInt32());
        Assert.Equal(Sorted(b, c), Sorted(Names(supplementary.GetProperty("candidates"))));
        project = await one.GetFromJsonAsync<JsonElement>($"/api/v1/elections/{setup.ProjectId}");
        Assert.Equal(JsonValueKind.Null, project.GetProperty("bodies")[0].GetProperty("owed").ValueKind);
        var second = await one.PostJsonAsync($"/api/v1/elections/{setup.ProjectId}/rounds", new { runoffOfRoundId = id, title = "再次另行选举" });
        Assert.Contains("runoffOfRoundId", (await second.ProblemErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Preliminary_ElectedBecomeTheListAndTheListIsFixed()
    {
        var t = await app.TownshipsAsync();
        // Committee of 2 with 20% more candidates: 3 needed. Four vetted nominees and one with an open check.
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 2, ["甲", "乙", "丙", "丁"], fixedList: false, minExtraPercent: 20, blocked: ["戊"]);
        var (a, b, c, d) = (setup.Names[0], setup.Names[1], setup.Names[2], setup.Names[3]);
        var one = await app.ClientForAsync(Demo.OrgAdminA);
        var two = await app.ClientForAsync(Demo.DistrictAdmin);
        var round = await CreateRoundAsync(one, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Preliminary", title = "预选", seats = 3 });
        var id = round.GetProperty("id").GetInt32();
        Assert.Equal(Sorted(a, b, c, d), Sorted(Names(round.GetProperty("candidates"))));

        await RollAsync(one, id, entitled: 5, present: 5, issued: 5);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/open");
        await PaperTwiceAsync(one, two, id, [a, b, c], [a, b, c], [a, b, c], [a, b, d], [a, b, d]);
        await PostAsync(one, $"/api/v1/elections/rounds/{id}/close");
        var result = (await (await one.PostAsync($"/api/v1/elections/rounds/{id}/count", null)).ReadAsync<JsonElement>()).GetProperty("result");
        Assert.Equal(Sorted(a, b, c), Sorted(Names(result.GetProperty("elected"))));

        var beforeApply = await one.PostJsonAsync($"/api/v1/elections/{setup.ProjectId}/rounds", new { bodyId = setup.BodyId, mode = "Formal", title = "正式" });
        Assert.Contains("bodyId", (await beforeApply.ProblemErrorsAsync()).Keys);

        await PostAsync(one, $"/api/v1/elections/rounds/{id}/apply-preliminary");
        var (onList, fixedAt) = await app.WithDbAsync(async db => (
            await db.Nominees.Where(n => n.BodyId == setup.BodyId && n.OnList).Join(db.People, n => n.PersonId, p => p.Id, (n, p) => p.Name).ToListAsync(),
            await db.ElectionBodies.Where(x => x.Id == setup.BodyId).Select(x => x.ListFixedAt).FirstAsync()));
        Assert.Equal(Sorted(a, b, c), Sorted(onList));
        Assert.NotNull(fixedAt);
        var again = await one.PostAsync($"/api/v1/elections/rounds/{id}/apply-preliminary", null);
        Assert.Contains("bodyId", (await again.ProblemErrorsAsync()).Keys);

        var formal = await CreateRoundAsync(one, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", title = "正式" });
        Assert.Equal(Sorted(a, b, c), Sorted(Names(formal.GetProperty("candidates"))));
        Assert.Equal(2, formal.GetProperty("seats").GetInt32());
    }

    [Fact]
    public async Task Recommendation_MemberAndResidentRoundsCountedAndShownSideBySide()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 1, ["甲", "乙", "丙"], fixedList: false);
        var (a, b, c) = (setup.Names[0], setup.Names[1], setup.Names[2]);
        var one = await app.ClientForAsync(Demo.OrgAdminA);
        var two = await app.ClientForAsync(Demo.DistrictAdmin);

        async Task<int> RunAsync(string electorate, string title, params string[][] ballots)
        {
            var id = (await CreateRoundAsync(one, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Recommendation", electorate, title, seats = 2 })).GetProperty("id").GetInt32();
            // Recommendation ballots have no quorum: 3 of 20 present is enough.
            await RollAsync(one, id, entitled: 20, present: 3, issued: 3);
            await PostAsync(one, $"/api/v1/elections/rounds/{id}/open");
            await PaperTwiceAsync(one, two, id, ballots);
            await PostAsync(one, $"/api/v1/elections/rounds/{id}/close");
            await PostAsync(one, $"/api/v1/elections/rounds/{id}/count");
            return id;
        }

        var members = await RunAsync("Members", "党员推荐", [a, b], [a, b], [a, c]);
        var residents = await RunAsync("Residents", "群众推荐", [c, b], [c, b], [c, a]);

        var list = await one.GetFromJsonAsync<JsonElement>($"/api/v1/elections/{setup.ProjectId}/rounds");
        Assert.Equal([members, residents], list.EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));

        var bodies = await one.GetFromJsonAsync<JsonElement>($"/api/v1/elections/{setup.ProjectId}/recommendations");
        var body = Assert.Single(bodies.EnumerateArray());
        var columns = body.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal([members, residents], columns.Select(x => x.GetProperty("roundId").GetInt32()));
        Assert.Equal(["Members", "Residents"], columns.Select(x => x.GetProperty("electorate").GetString()));
        Assert.Equal([a, b], Names(columns[0].GetProperty("result").GetProperty("elected")));
        Assert.Equal([c, b], Names(columns[1].GetProperty("result").GetProperty("elected")));
        Assert.Equal(0, columns[0].GetProperty("result").GetProperty("threshold").GetInt32());

        var pageResponse = await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync($"/elections/{setup.ProjectId}/rounds");
        Assert.True(pageResponse.IsSuccessStatusCode, string.Join("\n", app.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(l => l.Text)));
        var page = await pageResponse.Content.ReadAsStringAsync();
        Assert.Contains("党员推荐", page, StringComparison.Ordinal);
        Assert.Contains("群众推荐", page, StringComparison.Ordinal);
        Assert.Contains("data-recommendations", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scope_OtherTownshipCannotReadOrChangeARound()
    {
        var t = await app.TownshipsAsync();
        var setup = await ProjectAsync(app, t.BranchOfA, seats: 1, ["甲", "乙"]);
        var owner = await app.ClientForAsync(Demo.OrgAdminA);
        var id = (await CreateRoundAsync(owner, setup.ProjectId, new { bodyId = setup.BodyId, mode = "Formal", title = "范围" + setup.ProjectId })).GetProperty("id").GetInt32();
        var other = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/elections/rounds/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/elections/{setup.ProjectId}/rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/elections/rounds/{id}/paper/reconciliation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/elections/rounds/{id}/result/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/v1/elections/rounds/{id}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync($"/api/v1/elections/{setup.ProjectId}/rounds", new { bodyId = setup.BodyId, mode = "Formal", title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutJsonAsync($"/api/v1/elections/rounds/{id}/roll", new { entitledVoters = 1, votersPresent = 1, ballotsIssued = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/v1/elections/rounds/999999")).StatusCode);

        var member = await app.ClientForAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/v1/elections/rounds/{id}/open", null)).StatusCode);

        var cookie = await app.SignInAsync(Demo.OrgAdminB);
        foreach (var url in new[] { $"/elections/rounds/{id}", $"/elections/{setup.ProjectId}/rounds", $"/elections/rounds/{id}/ballot-paper", $"/elections/rounds/{id}/result-sheet" })
        {
            var html = await cookie.GetStringAsync(url);
            Assert.Contains("data-refused=\"true\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("范围" + setup.ProjectId, html, StringComparison.Ordinal);
            Assert.DoesNotContain(setup.Names[0], html, StringComparison.Ordinal);
        }

        var own = await (await app.SignInAsync(Demo.OrgAdminA)).GetStringAsync($"/elections/rounds/{id}/ballot-paper");
        Assert.Contains(setup.Names[0], own, StringComparison.Ordinal);
        Assert.Contains("多于应选人数的选票无效", own, StringComparison.Ordinal);
        Assert.Contains("@media print", own, StringComparison.Ordinal);
    }

    private static string[] Sorted(params IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];
}

[Collection(SqliteCollection.Name)]
public sealed class RoundApiSqliteTests(SqliteApp app) : RoundApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RoundApiPostgresTests(PostgresApp app) : RoundApiTests(app);
