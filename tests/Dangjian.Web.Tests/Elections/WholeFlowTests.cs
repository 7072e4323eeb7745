using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Secrecy;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Elections.Rounds;
using Dangjian.Web.Features.Elections.Voting;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.People;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Tests.Elections.Projects;
using Dangjian.Web.Tests.Elections.Voting;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.People;
using static Dangjian.Web.Tests.Elections.ElectionFlow;
using static Dangjian.Web.Tests.Elections.Rounds.RoundFixtures;

namespace Dangjian.Web.Tests.Elections;

/// <summary>
/// A whole term election as a district runs it, only through the public HTTP surface: the API with bearer tokens,
/// the /vote form on voters' phones, the published ballot list downloaded anonymously, and the auditor's
/// `dangjian election verify` on that file. Every step's answer is checked against what the rules say by hand.
/// </summary>
public abstract class WholeFlowTests(AppFixture app)
{
    [Fact]
    public async Task District_OpensVetsFixesVotesCountsPublishes_AndTheAuditorRecountsTheSameResult()
    {
        var today = OrgToday.Value;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        // ---- The branch of township A whose term is ending: created, staffed and given its team through the API.
        var branch = await (await admin.PostJsonAsync("/api/v1/organizations",
            new CreateOrganizationRequest(Demo.UniqueCode("WF"), "全流程支部" + tag, OrganizationKind.Branch, t.A))).ReadAsync<OrganizationDetail>();
        var people = new List<PersonDetail>();
        foreach (var surname in new[] { "张", "王", "李", "刘", "陈" })
        {
            people.Add(await (await admin.PostJsonAsync("/api/v1/people", new PersonRequest(
                surname + tag, RosterFiles.NewIdNumber(), null, null, MemberStatus.Full, new DateOnly(2005, 7, 1), branch.Id, null, null, null, null, FullMemberOn: new DateOnly(2006, 7, 1)))).ReadAsync<PersonDetail>());
        }

        var termEnds = today.AddDays(45);
        await (await admin.PostJsonAsync("/api/v1/teams", new TeamRequest(branch.Id, 3, termEnds.AddYears(-3).AddDays(1), termEnds,
            [new SeatRequest(people[0].Id, TeamRole.Secretary, null), new SeatRequest(people[1].Id, TeamRole.CommitteeMember, null), new SeatRequest(people[2].Id, TeamRole.CommitteeMember, null)]))).ReadAsync<JsonElement>();

        // ---- ELE-1: the project, with a committee of 3 seats (20% more candidates: at least 4).
        var opened = await admin.PostJsonAsync("/api/v1/elections", new OpenProjectRequest(
            branch.Id, $"{branch.Name}第4届换届", null, termEnds.AddDays(-5), "书记第一责任人", [new BodyRequest(BodyKind.Committee, 3)]));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var project = await opened.ReadAsync<ProjectView>();
        var committee = Assert.Single(project.Bodies);
        Assert.Equal((4, termEnds, 3, 4), (project.TermNumber, project.CurrentTermEndsOn, committee.Seats, committee.MinimumCandidates));
        Assert.Equal(ElectionStage.Preparation, project.Stage);

        // ---- ELE-4: five nominations from every source; the joint one names its nominators.
        var nominees = new List<NomineeView>
        {
            await admin.NominateAsync(project.Id, committee.Id, people[0].Id, NominationSource.Superior),
            await admin.NominateAsync(project.Id, committee.Id, people[1].Id, NominationSource.Joint, "赵一、钱二、孙三"),
            await admin.NominateAsync(project.Id, committee.Id, people[2].Id, NominationSource.Self),
            await admin.NominateAsync(project.Id, committee.Id, people[3].Id, NominationSource.PublicRecommendation),
            await admin.NominateAsync(project.Id, committee.Id, people[4].Id, NominationSource.Superior),
        };
        Assert.Equal("赵一、钱二、孙三", nominees[1].JointNominators);
        Assert.All(nominees, n => Assert.Equal(4, n.Blockers.Count));

        // ---- ELE-5: four pass all four checks; the fifth's petitions check stays open.
        for (var i = 0; i < 4; i++)
        {
            nominees[i] = await admin.VetAsync(project.Id, nominees[i]);
            Assert.Empty(nominees[i].Blockers);
        }

        var blocked = nominees[4] = await admin.VetAsync(project.Id, nominees[4], VettingKind.Petitions);
        Assert.Equal(["Open.Petitions"], blocked.Blockers);
        var vetted = nominees.Take(4).ToList();

        // ---- ELE-7: all five refused naming the blocked nominee; three refused (3 seats need 4); the four vetted fixed.
        var listUrl = $"/api/v1/elections/{project.Id}/bodies/{committee.Id}/list";
        var withBlocked = string.Join(" ", (await (await admin.PostJsonAsync(listUrl, new FixListRequest([.. nominees.Select(n => n.Id)], committee.Version))).ProblemErrorsAsync())["nomineeIds"]);
        Assert.Contains(blocked.PersonName, withBlocked, StringComparison.Ordinal);
        Assert.All(vetted, n => Assert.DoesNotContain(n.PersonName, withBlocked, StringComparison.Ordinal));
        var three = string.Join(" ", (await (await admin.PostJsonAsync(listUrl, new FixListRequest([.. vetted.Take(3).Select(n => n.Id)], committee.Version))).ProblemErrorsAsync())["nomineeIds"]);
        Assert.Contains("3 个名额至少需要 4 名候选人（差额不少于 20%）", three, StringComparison.Ordinal);
        var listed = await (await admin.PostJsonAsync(listUrl, new FixListRequest([.. vetted.Select(n => n.Id)], committee.Version))).ReadAsync<ProjectView>();
        Assert.Equal(4, listed.Bodies.Single().OnList);
        Assert.NotNull(listed.Bodies.Single().ListFixedAt);
        Assert.Equal(ElectionStage.Candidates, listed.Stage);

        // ---- ELE-10: the formal round from the fixed list; roll 10 entitled, 9 present (9×5 > 10×4), 10 ballots issued.
        var created = await CreateRoundAsync(admin, project.Id, new { bodyId = committee.Id, mode = "Formal", electorate = "Members", title = "选举支部委员" + tag });
        var roundId = created.GetProperty("id").GetInt32();
        var ballotOrder = Names(created.GetProperty("candidates"));
        Assert.Equal(vetted.Select(n => n.PersonName).Order(StringComparer.Ordinal), ballotOrder.Order(StringComparer.Ordinal));
        Assert.Equal(3, created.GetProperty("seats").GetInt32());
        await RollAsync(admin, roundId, entitled: 10, present: 9, issued: 10);
        await PostAsync(admin, $"/api/v1/elections/rounds/{roundId}/open");
        Assert.Equal(ElectionStage.Meeting, (await (await admin.GetAsync($"/api/v1/elections/{project.Id}")).ReadAsync<ProjectView>()).Stage);

        // The four on the list, named as the ballots below use them; W is written in by one voter.
        var (a, b, c, d) = (vetted[0].PersonName, vetted[1].PersonName, vetted[2].PersonName, vetted[3].PersonName);
        var w = "赵" + tag;

        // ---- ELE-11 electronic: four codes, four voters on their own phones, each with a receipt.
        var codes = await app.IssueCodesAsync(roundId, 4);
        (string[] For, string[] Against, string[] WriteIns)[] electronic =
        [
            ([a, b, c], [], []),
            ([a, b], [d], []),
            ([a, c], [b], []),
            ([a, b], [], [w]),
        ];
        var receipts = new List<string>();
        for (var i = 0; i < electronic.Length; i++)
        {
            var (status, page) = await app.Phone().VoteAsync(roundId, codes[i], Marks(ballotOrder, electronic[i].For, electronic[i].Against), electronic[i].WriteIns);
            Assert.Equal(HttpStatusCode.OK, status);
            receipts.Add(VotingSetup.Receipt(page) ?? throw new Xunit.Sdk.XunitException("no receipt on the page: " + page));
        }

        Assert.Equal(4, receipts.Distinct().Count());

        // A used code is told it was used, a code that never existed is refused; neither casts anything.
        var again = await app.Phone().VoteAsync(roundId, codes[0], Marks(ballotOrder, [c], []));
        var wrong = await app.Phone().VoteAsync(roundId, AccessCode.NewCode(), Marks(ballotOrder, [c], []));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Null(VotingSetup.Receipt(again.Body));
        Assert.Contains("data-outcome=\"used\"", again.Body, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"refused\"", wrong.Body, StringComparison.Ordinal);
        var progress = await (await admin.GetAsync($"/api/v1/elections/rounds/{roundId}/codes")).ReadAsync<BoxProgress>();
        Assert.Equal((4, 4), (progress.CodesIssued, progress.BallotsCast));

        // ---- ELE-11 paper: two tellers, two accounts with write access to the branch. Teller 2's is made through the
        // accounts API by the township's administrator; the teller signs in and issues a token of their own.
        var tellerName = Demo.UniqueCode("teller.");
        var tellerPassword = "pw" + Guid.NewGuid().ToString("N")[..12] + "7q";
        var account = await admin.PostJsonAsync("/api/v1/accounts", new CreateAccountRequest(
            tellerName, "计票人" + tag, tellerPassword, null, [new GrantRequest(AccountRole.OrgAdmin, branch.Id)]));
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);
        var token = await (await (await app.SignInAsync(tellerName, tellerPassword)).PostJsonAsync($"/api/v1/accounts/{account.Headers.Location!.OriginalString.Split('/')[^1]}/tokens",
            new IssueTokenRequest("计票", 1))).ReadAsync<IssuedToken>();
        var teller2 = app.AnonymousClient();
        teller2.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var teller1 = admin;

        // Six paper ballots; the fifth votes for four people with three seats (invalid), the sixth also for D.
        (string[] For, string[] Against)[] paper =
        [
            ([a, b, c], []),
            ([a, b, d], []),
            ([b, c], [a]),
            ([a, b], [c]),
            ([a, b, c, d], []),
            ([a, c, d], []),
        ];
        JsonElement misread = default;
        for (var i = 0; i < paper.Length; i++)
        {
            await PaperAsync(teller1, roundId, 1, paper[i].For, paper[i].Against);
            if (i == 3)
            {
                // Teller 2 misses the 不赞成 mark on ballot 4.
                misread = await PaperAsync(teller2, roundId, 2, paper[i].For);
            }
            else
            {
                await PaperAsync(teller2, roundId, 2, paper[i].For, paper[i].Against);
            }
        }

        var recon = await (await teller1.GetAsync($"/api/v1/elections/rounds/{roundId}/paper/reconciliation")).ReadAsync<Reconciliation>();
        Assert.False(recon.Reconciled);
        Assert.Equal((6, 1), (recon.Numbers, recon.Differences));
        Assert.Equal(4, Assert.Single(recon.Rows, r => !r.Matches).Number);

        // ---- ELE-12: voting closes; the count is refused while the tellers differ, then the teller corrects the entry.
        await PostAsync(teller1, $"/api/v1/elections/rounds/{roundId}/close");
        var refused = await teller1.PostAsync($"/api/v1/elections/rounds/{roundId}/count", null);
        Assert.Contains("paper", (await refused.ProblemErrorsAsync()).Keys);
        await (await teller2.PutJsonAsync($"/api/v1/elections/rounds/{roundId}/paper/{misread.GetProperty("id").GetInt32()}",
            new PaperEntryRequest(2, null, paper[3].For, paper[3].Against, [], false, misread.GetProperty("version").GetInt32()))).ReadAsync<PaperEntryView>();
        Assert.True((await (await teller2.GetAsync($"/api/v1/elections/rounds/{roundId}/paper/reconciliation")).ReadAsync<Reconciliation>()).Reconciled);

        var counted = await (await teller1.PostAsync($"/api/v1/elections/rounds/{roundId}/count", null)).ReadAsync<JsonElement>();
        var result = counted.GetProperty("result");

        // By hand, over the 10 ballots: more than half of 10 entitled is 6. Ballot P5 is invalid (4 for, 3 seats).
        // A: for on E1–E4, P1, P2, P4, P6 = 8, against P3;  B: for E1, E2, E4, P1–P4 = 7, against E3, abstains P6;
        // C: for E1, E3, P1, P3, P6 = 5, against P4;        D: for P2, P6 = 2, against E2;  W: written in once.
        // A and B are elected; C falls short of 6, so one seat is left for a supplementary election.
        Assert.Equal("counted", result.GetProperty("status").GetString());
        Assert.Equal(6, result.GetProperty("threshold").GetInt32());
        Assert.Equal((10, 9, 1), (result.GetProperty("ballotsReturned").GetInt32(), result.GetProperty("validBallots").GetInt32(), result.GetProperty("invalidBallots").GetInt32()));
        var rows = result.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([a, b, c, d, w], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([(8, 1, 0), (7, 1, 1), (5, 1, 3), (2, 1, 6), (1, 0, 0)], rows.Select(Tally));
        Assert.Equal([false, false, false, false, true], rows.Select(r => r.GetProperty("writeIn").GetBoolean()));
        Assert.Equal([a, b], Names(result.GetProperty("elected")));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("runoff").ValueKind);
        Assert.Equal(1, result.GetProperty("unfilledSeats").GetInt32());

        // ---- ELE-13: published; the ballot list downloads without signing in, is the hashed one, and holds the voters' receipts.
        var anonymous = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/elections/rounds/{roundId}/ballots.json")).StatusCode);
        var published = await (await teller1.PostAsync($"/api/v1/elections/rounds/{roundId}/publish", null)).ReadAsync<RoundView>();
        Assert.Equal(RoundStatus.Published, published.Status);
        var download = await anonymous.GetAsync($"/public/elections/rounds/{roundId}/ballots.json");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(published.PublishedHash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using (var list = JsonDocument.Parse(bytes))
        {
            var ballots = list.RootElement.GetProperty("ballots").EnumerateArray().ToList();
            Assert.Equal(10, ballots.Count);
            Assert.All(ballots, x => Assert.False(x.TryGetProperty("receipt", out _)));
            Assert.Equal(receipts.Order(StringComparer.Ordinal), Names(list.RootElement.GetProperty("receipts")));
        }

        // ---- The auditor: `dangjian election verify` recounts the downloaded file against the same database.
        var (exit, output, error) = await app.VerifyBytesAsync(bytes);
        Assert.True(exit == 0, error);
        var stored = await (await teller1.GetAsync($"/api/v1/elections/rounds/{roundId}/result")).ReadAsync<JsonElement>();
        Assert.Equal(Canonical(result), Canonical(stored.GetProperty("result")));
        Assert.Equal(Canonical(result), Canonical(JsonDocument.Parse(output).RootElement));

        // ---- ELE-1, ELE-12: published, yet one seat is owed to 另行选举, so the dashboard keeps the project at the meeting
        // (teller 2's scope is the branch: this project alone) and the project names the round that left the seat.
        Assert.Empty((await (await teller2.GetAsync("/api/v1/elections?stage=Published")).ReadAsync<Paged<ProjectRow>>()).Items);
        var dashboard = await (await teller2.GetAsync("/api/v1/elections?stage=Meeting")).ReadAsync<Paged<ProjectRow>>();
        Assert.Equal(project.Id, Assert.Single(dashboard.Items).Id);
        var owed = (await (await admin.GetAsync($"/api/v1/elections/{project.Id}")).ReadAsync<ProjectView>()).Bodies.Single(b => b.Kind == BodyKind.Committee).Owed;
        Assert.Equal(1, owed?.Unfilled);

        // The public page shows the result and finds a voter's receipt among the ten counted.
        var publicPage = await anonymous.GetStringAsync($"/public/elections/rounds/{roundId}?receipt={receipts[3]}");
        Assert.Contains("data-receipt-found=\"true\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("您的选票在已计入的 10 张选票之中", publicPage, StringComparison.Ordinal);
        Assert.Contains(w, publicPage, StringComparison.Ordinal);
    }

    /// <summary>The /vote form's marks, one per candidate in ballot order.</summary>
    private static string[] Marks(IReadOnlyList<string> ballotOrder, string[] @for, string[] against) =>
        [.. ballotOrder.Select(n => @for.Contains(n) ? "for" : against.Contains(n) ? "against" : "abstain")];
}

[Collection(SqliteCollection.Name)]
public sealed class WholeFlowSqliteTests(SqliteApp app) : WholeFlowTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WholeFlowPostgresTests(PostgresApp app) : WholeFlowTests(app);
