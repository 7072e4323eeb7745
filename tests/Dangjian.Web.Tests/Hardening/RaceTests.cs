using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Tests.Elections.Voting;
using Dangjian.Web.Tests.Evaluations;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Dangjian.Web.Tests.Meetings.Proceedings;
using Dangjian.Web.Tests.People;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Hardening;

/// <summary>
/// Issue 18 "Hardening suite — Races": what many requests at the same moment must not break. Only what the suite did not
/// already race; the races that exist are:
/// <list type="bullet">
/// <item>pairs of uses of one code (50 codes each sent twice at once): <c>VotingConcurrencyTests</c>; one code through two
/// instances at once: <c>TwoInstancesTests.SameCodes_CastThroughBothInstancesAtOnce_EachCodeCountedOnce</c>;</item>
/// <item>minutes numbering (ten meetings' minutes signed at once get 1…10): <c>MinutesApiTests.ManyMeetingsSignedAtOnce_GetDistinctConsecutiveNumbers</c>
/// — the minutes' number is the only running number of the meetings module (MeetingMinutes.Number), so nothing is added for it;</item>
/// <item>two projects opened for one organization at once: <c>ElectionWorkflowApiTests.Open_TwoAtTheSameMoment_…</c>;
/// spending past a balance at once: <c>DuesTests</c>.</item>
/// </list>
/// Added here: many uses of ONE code at once (a ballot and an evaluation response), concurrent edits of one record
/// (the existing 409 tests send the stale edit after the first, not with it), two whole-roster imports at once, and
/// closing a ballot box while phones cast into it.
/// </summary>
public abstract class RaceTests(AppFixture app)
{
    private static readonly string[] Marks = ["for", "against", "abstain", "for", "abstain"];

    [Fact]
    public async Task OneBallotCode_SentTwentyTimesAtOnce_ExactlyOneAccepted_RestToldUsed_OneBallotInTheBox()
    {
        const int Times = 20;
        var round = await app.RoundAsync();
        var code = Assert.Single(await app.IssueCodesAsync(round.Id, 1));
        var phone = VotingSetup.Phone(app);
        var token = await phone.OpenBallotAsync(round.Id);

        var answers = await AtOnceAsync(Times, async _ =>
            (await phone.PostAsync($"/vote/{round.Id}", VotingSetup.BallotForm(token, code, Marks))).StatusCode);

        Assert.True(answers.Count(a => a == HttpStatusCode.OK) == 1 && answers.Count(a => a == HttpStatusCode.Conflict) == Times - 1, Tally(answers));
        await app.CloseBoxAsync(round);
        Assert.Single(await app.BallotsAsync(round));
    }

    [Fact]
    public async Task OneEvaluationCode_SentTwentyTimesAtOnce_ExactlyOneAccepted_RestToldUsed_OneResponseInTheBox()
    {
        const int Times = 20;
        var campaign = await app.OpenCampaignAsync();
        var group = campaign.Groups[0];
        var code = Assert.Single(await app.IssueAsync(group.Id, 1));
        var phone = EvaluationSetup.Phone(app);
        var page = await phone.GetAsync($"/public/evaluations/{group.Id}");
        var token = Http.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var fields = new List<KeyValuePair<string, string>> { new("_handler", "evaluation"), new("__RequestVerificationToken", token), new("code", code) };
        fields.AddRange(EvaluationSetup.AllRated(campaign));

        var answers = await AtOnceAsync(Times, async _ =>
            (await phone.PostAsync($"/public/evaluations/{group.Id}", new FormUrlEncodedContent(fields))).StatusCode);

        Assert.True(answers.Count(a => a == HttpStatusCode.OK) == 1 && answers.Count(a => a == HttpStatusCode.Conflict) == Times - 1, Tally(answers));
        var key = EvaluationGroup.BoxKeyFor(group.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.SecretBallots.CountAsync(b => b.BoxKey == key)));
        Assert.Equal(1, await app.WithDbAsync(db => db.BallotBoxes.Where(b => b.Key == key).Select(b => b.BallotsCast).SingleAsync()));
    }

    [Fact]
    public async Task OneMeeting_EditedBySixAtOnceFromTheSameVersion_OneWins_OthersAre409_TheWinnersTextIsKept()
    {
        // MeetingApiTests.ConcurrentEdit_IsAConflict sends the stale edit after the first; here they race.
        const int Editors = 6;
        var t = await app.TownshipsAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var members = await app.PeopleUnderAsync(t.BranchOfA, 3);
        var meeting = await MeetingSetup.CallAsync(client, t.BranchOfA, members);
        var id = meeting.GetProperty("id").GetInt32();
        var version = meeting.GetProperty("version").GetInt32();
        var clients = await Task.WhenAll(Enumerable.Range(0, Editors).Select(_ => app.ClientForAsync(Demo.OrgAdminA)));

        var answers = await AtOnceAsync(Editors, async i => (Title: $"支委会（第{i + 1}位修改）", (await clients[i].PutJsonAsync($"/api/v1/meetings/{id}",
            new { title = $"支委会（第{i + 1}位修改）", date = "2026-12-10", noticeDate = "2026-12-07", secretaryPersonId = members[0], version })).StatusCode));

        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != winner), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var stored = await (await client.GetAsync($"/api/v1/meetings/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(winner.Title, stored.GetProperty("title").GetString());
        Assert.Equal(version + 1, stored.GetProperty("version").GetInt32()); // one write, not one overwritten by another
    }

    [Fact]
    public async Task TwoRosterImportsAtOnce_EachIsWholeOrRefused_NeverHalf()
    {
        const int Rows = 30;
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var code = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == org).Select(o => o.Code).FirstAsync());
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        // Disjoint files: both go in whole. Files sharing one person: one goes in whole, the other is refused whole.
        foreach (var shared in new[] { false, true })
        {
            var common = RosterFiles.NewIdNumber();
            var files = Enumerable.Range(0, 2).Select(f => Enumerable.Range(0, Rows)
                .Select(r => RosterFiles.Member(NameOf(f, r), code, shared && r == Rows / 2 ? common : null)).ToList()).ToList();
            var before = await app.WithDbAsync(db => db.People.CountAsync(p => p.OrganizationId == org));

            var answers = await AtOnceAsync(2, async f =>
            {
                var response = await client.PostAsync("/api/v1/people/import", RosterFiles.Content(RosterFiles.Build(files[f])));
                return (File: f, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            });

            var ids = files.Select(rows => rows.Select(r => (string)r["身份证号码"]!).ToList()).ToList();
            var present = await app.WithDbAsync(db => db.People.Where(p => p.OrganizationId == org).Select(p => p.IdNumber!).ToListAsync());
            foreach (var (file, status, body) in answers)
            {
                var mine = ids[file].Where(id => id != common || !shared).ToList();
                var inRoster = mine.Count(present.Contains);
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"file {file}: {(int)status} {body}");
                Assert.True(inRoster == (status == HttpStatusCode.OK ? mine.Count : 0), $"file {file} answered {(int)status} and has {inRoster} of its {mine.Count} own rows on the roster");
            }

            var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
            Assert.Equal(shared ? 1 : 2, accepted);
            Assert.Equal(before + (accepted * Rows), present.Count);
            Assert.Equal(present.Count, present.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public async Task BoxClosedWhilePhonesCast_EveryAcknowledgedBallotCounted_NothingAcceptedAfterTheClose()
    {
        const int Voters = 120;
        const int Phones = 8;
        var round = await app.RoundAsync();
        const int Late = 5; // fresh codes kept back, sent only once the close has returned
        var issued = await app.IssueCodesAsync(round.Id, Voters + Late);
        var codes = new ConcurrentQueue<string>(issued.Take(Voters));
        var clock = Stopwatch.StartNew();
        var acknowledged = new ConcurrentBag<string>();
        var answeredAfterClose = new ConcurrentBag<HttpStatusCode>();
        var answers = new ConcurrentBag<HttpStatusCode>();
        long closedAt = long.MaxValue;

        async Task PhoneAsync()
        {
            var phone = VotingSetup.Phone(app);
            var token = await phone.OpenBallotAsync(round.Id);
            while (codes.TryDequeue(out var code))
            {
                var sent = clock.ElapsedTicks;
                var response = await phone.PostAsync($"/vote/{round.Id}", VotingSetup.BallotForm(token, code, Marks));
                var body = await response.Content.ReadAsStringAsync();
                answers.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add(VotingSetup.Receipt(body)!);
                }

                if (sent > Interlocked.Read(ref closedAt))
                {
                    answeredAfterClose.Add(response.StatusCode);
                }
            }
        }

        var latePhone = VotingSetup.Phone(app);
        var lateToken = await latePhone.OpenBallotAsync(round.Id);
        var casting = Enumerable.Range(0, Phones).Select(_ => Task.Run(PhoneAsync)).ToArray();
        while (acknowledged.Count < Voters / 3)
        {
            Assert.False(casting.Any(c => c.IsFaulted), "a phone failed before the close");
            await Task.Delay(5);
        }

        Assert.False(casting.All(c => c.IsCompleted), "phones must still be casting when the box closes");
        await app.CloseBoxAsync(round);
        Interlocked.Exchange(ref closedAt, clock.ElapsedTicks);
        await Task.WhenAll(casting);

        Assert.True(answers.All(a => a is HttpStatusCode.OK or HttpStatusCode.Conflict), Tally(answers)); // accepted, or "voting has closed"
        Assert.DoesNotContain(HttpStatusCode.OK, answeredAfterClose); // phones still casting when the close returned (if any were)
        foreach (var late in issued.Skip(Voters))
        {
            // The form was opened while the box was open (a closed round's page no longer offers one).
            Assert.Equal(HttpStatusCode.Conflict, (await latePhone.PostAsync($"/vote/{round.Id}", VotingSetup.BallotForm(lateToken, late, Marks))).StatusCode);
        }

        var ballots = await app.BallotsAsync(round);
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), ballots.Select(b => b.Receipt!).Order(StringComparer.Ordinal));
        var box = await app.WithDbAsync(db => db.BallotBoxes.AsNoTracking().SingleAsync(b => b.Key == round.BoxKey));
        Assert.True(box.Closed);
        Assert.Equal(acknowledged.Count, box.BallotsCast);
        Assert.Equal(acknowledged.Count, await app.WithDbAsync(db => db.SpentAccessCodes.CountAsync(c => c.BoxKey == round.BoxKey)));
    }

    /// <summary>A name of Chinese characters only (the roster takes no digits in a name): 严甲乙, 严甲丙, …</summary>
    private static string NameOf(int file, int row)
    {
        const string Stems = "甲乙丙丁戊己庚辛壬癸";
        return $"{(file == 0 ? "严" : "钱")}{Stems[row / 10 % 10]}{Stems[row % 10]}";
    }

    /// <summary>Starts <paramref name="count"/> calls released at one moment and waits for every answer.</summary>
    private static async Task<T[]> AtOnceAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await call(i);
        })).ToList();
        start.Set();
        return await Task.WhenAll(calls);
    }

    private static string Tally(IEnumerable<HttpStatusCode> answers) =>
        "answers: " + string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Key} × {g.Count()}"));
}

[Collection(SqliteCollection.Name)]
public sealed class RaceSqliteTests(SqliteApp app) : RaceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RacePostgresTests(PostgresApp app) : RaceTests(app);
