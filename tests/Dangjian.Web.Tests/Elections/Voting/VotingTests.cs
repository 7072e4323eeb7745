using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Features.Elections.Voting;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Elections.Voting;

/// <summary>Electronic ballots through the real pages (ELE-11, ELE-13): codes, the public ballot, the refusals.</summary>
public abstract partial class VotingTests(AppFixture app)
{
    private static readonly string[] TwoFor = ["for", "against", "for", "abstain", "abstain"];

    [Fact]
    public async Task Vote_IssuedCode_AcceptedWithReceiptAndStoredInBallotShape()
    {
        var round = await app.RoundAsync();
        var code = (await app.IssueCodesAsync(round.Id, 2))[0];
        var phone = app.Phone();

        // The slip's QR link fills the code in; the page shows the list and the rule.
        var page = await phone.GetStringAsync($"/vote/{round.Id}?code={code}");
        Assert.Contains($"value=\"{AccessCode.Display(code)}\"", page, StringComparison.Ordinal);
        Assert.All(VotingSetup.Candidates, c => Assert.Contains(c, page, StringComparison.Ordinal));
        Assert.Contains("action=\"vote/" + round.Id + "\"", page, StringComparison.Ordinal);

        var (status, body) = await phone.VoteAsync(round.Id, AccessCode.Display(code).ToLowerInvariant(), TwoFor, "赵磊");

        Assert.Equal(HttpStatusCode.OK, status);
        var receipt = VotingSetup.Receipt(body);
        Assert.NotNull(receipt);
        Assert.Contains("回执码", body, StringComparison.Ordinal);
        await app.CloseBoxAsync(round);
        var ballot = Assert.Single(await app.BallotsAsync(round));
        Assert.Equal(receipt, ballot.Receipt);
        // Seats 3: two listed For plus one written in is allowed; candidates in ballot order, exactly the count's shape.
        Assert.Equal("""{"for":["张伟","李娜"],"against":["王芳"],"writeIns":["赵磊"],"void":false}""", ballot.Content);
    }

    [Fact]
    public async Task Vote_CodeUsedTwice_SecondToldItWasUsed()
    {
        var round = await app.RoundAsync();
        var code = (await app.IssueCodesAsync(round.Id, 1))[0];

        var first = await app.Phone().VoteAsync(round.Id, code, TwoFor);
        var second = await app.Phone().VoteAsync(round.Id, code, TwoFor);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        // A voter whose receipt page never arrived tries again and learns the ballot was taken.
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Null(VotingSetup.Receipt(second.Body));
        Assert.Contains("data-outcome=\"used\"", second.Body, StringComparison.Ordinal);
        Assert.Contains("已经用于投票", second.Body, StringComparison.Ordinal);
        await app.CloseBoxAsync(round);
        Assert.Single(await app.BallotsAsync(round));
    }

    [Fact]
    public async Task Vote_WrongOrMistypedCode_OneRefusal_UsedCodeToldApart()
    {
        var round = await app.RoundAsync();
        var code = (await app.IssueCodesAsync(round.Id, 1))[0];
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().VoteAsync(round.Id, code, TwoFor)).Status);

        var used = await app.Phone().VoteAsync(round.Id, code, TwoFor);
        var wrong = await app.Phone().VoteAsync(round.Id, AccessCode.NewCode(), TwoFor);
        var mistyped = await app.Phone().VoteAsync(round.Id, code[..9], TwoFor);

        // A code never issued and a mistyped one: same status, same words, same page.
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Equal(wrong.Status, mistyped.Status);
        Assert.Equal(VotingSetup.WithoutToken(wrong.Body), VotingSetup.WithoutToken(mistyped.Body));
        Assert.Contains("data-outcome=\"refused\"", wrong.Body, StringComparison.Ordinal);
        // A used one is told apart, without echoing the code.
        Assert.Equal(HttpStatusCode.Conflict, used.Status);
        Assert.Contains("data-outcome=\"used\"", used.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-outcome=\"refused\"", used.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(code, used.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessCode.Display(code), used.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_MoreForThanSeats_RefusedNamingTheFieldAndCodeStillUsable()
    {
        var round = await app.RoundAsync(seats: 2);
        var code = (await app.IssueCodesAsync(round.Id, 1))[0];
        var phone = app.Phone();

        var (status, body) = await phone.VoteAsync(round.Id, code, ["for", "for", "abstain", "abstain", "abstain"], "赵磊");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("data-field=\"for\"", body, StringComparison.Ordinal);
        Assert.Contains("赞成票：您投了 3 票赞成（含另选他人），超过应选名额 2 名", body, StringComparison.Ordinal);
        Assert.Null(VotingSetup.Receipt(body));
        // The choices come back as the voter left them, so one change fixes the ballot.
        Assert.Matches(CheckedFor(), body);

        var fixedBallot = await phone.VoteAsync(round.Id, code, ["for", "for", "abstain", "abstain", "abstain"]);
        Assert.Equal(HttpStatusCode.OK, fixedBallot.Status);
        Assert.NotNull(VotingSetup.Receipt(fixedBallot.Body));
    }

    [Fact]
    public async Task Vote_WriteInOnTheList_RefusedNamingTheField()
    {
        var round = await app.RoundAsync();
        var code = (await app.IssueCodesAsync(round.Id, 1))[0];

        var (status, body) = await app.Phone().VoteAsync(round.Id, code, TwoFor, "", "王芳");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("data-field=\"writeIns[1]\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_BlankBallot_AcceptedAsAllAbstain()
    {
        var round = await app.RoundAsync();
        var code = (await app.IssueCodesAsync(round.Id, 1))[0];

        var (status, body) = await app.Phone().VoteAsync(round.Id, code, []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(VotingSetup.Receipt(body));
        await app.CloseBoxAsync(round);
        Assert.Equal("""{"for":[],"against":[],"writeIns":[],"void":false}""", Assert.Single(await app.BallotsAsync(round)).Content);
    }

    [Fact]
    public async Task Vote_BoxNotOpen_NotOpenAndCodeKept()
    {
        var round = await app.RoundAsync(open: false);
        var code = (await app.IssueCodesAsync(round.Id, 1))[0];
        var phone = app.Phone();

        var get = await phone.GetAsync($"/vote/{round.Id}");
        Assert.Equal(HttpStatusCode.Conflict, get.StatusCode);
        var page = await get.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"not-open\"", page, StringComparison.Ordinal);
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
        var post = await phone.PostAsync($"/vote/{round.Id}", VotingSetup.BallotForm(token, code, TwoFor));

        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.UnusedAccessCodes.Count(u => u.BoxKey == round.BoxKey))));
    }

    [Fact]
    public async Task Vote_NoSuchRound_NotFound()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/vote/987654321");
        request.Headers.Accept.ParseAdd("text/html"); // as a phone's browser asks: the page, not the bare status line
        var response = await app.Phone().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有这场投票", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_WithoutAntiforgeryToken_RejectedAndCodeKept()
    {
        var round = await app.RoundAsync();
        var code = (await app.IssueCodesAsync(round.Id, 1))[0];
        var phone = app.Phone();
        await phone.OpenBallotAsync(round.Id);

        var response = await phone.PostAsync($"/vote/{round.Id}", VotingSetup.BallotForm(string.Empty, code, TwoFor));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.UnusedAccessCodes.Count(u => u.BoxKey == round.BoxKey))));
    }

    [Fact]
    public async Task VoteStart_ListsOpenRoundsWithTheCodeCarried()
    {
        var round = await app.RoundAsync();
        var closed = await app.RoundAsync(open: false, status: RoundStatus.Draft);
        var code = AccessCode.NewCode();

        var page = await app.Phone().GetStringAsync($"/vote?code={code}");

        Assert.Contains($"href=\"vote/{round.Id}?code={code}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"vote/{closed.Id}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueCodes_Api_ReturnsCodesOnceAndCountsProgress()
    {
        var round = await app.RoundAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.PostJsonAsync($"/api/v1/elections/rounds/{round.Id}/codes", new IssueCodesRequest(5));
        var issued = await response.ReadAsync<IssuedCodes>();
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(5, issued.Codes.Distinct().Count());
        Assert.EndsWith($"/vote/{round.Id}", issued.VoteAddress, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().VoteAsync(round.Id, issued.Codes[0], TwoFor)).Status);

        var progress = await (await client.GetAsync($"/api/v1/elections/rounds/{round.Id}/codes")).ReadAsync<BoxProgress>();
        Assert.Equal(5, progress.CodesIssued);
        Assert.Equal(1, progress.BallotsCast);
        Assert.True(progress.IsOpen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5001)]
    public async Task IssueCodes_CountOutOfRange_FieldError(int count)
    {
        var round = await app.RoundAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var errors = await (await client.PostJsonAsync($"/api/v1/elections/rounds/{round.Id}/codes", new IssueCodesRequest(count))).ProblemErrorsAsync();

        Assert.Contains("count", errors.Keys);
    }

    [Theory]
    [InlineData(RoundStatus.Counted)]
    [InlineData(RoundStatus.Published)]
    public async Task IssueCodes_RoundOver_Refused(RoundStatus status)
    {
        var round = await app.RoundAsync(open: false, status: status);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var errors = await (await client.PostJsonAsync($"/api/v1/elections/rounds/{round.Id}/codes", new IssueCodesRequest(3))).ProblemErrorsAsync();

        Assert.Contains("round", errors.Keys);
    }

    [Fact]
    public async Task IssueCodes_BoxClosed_Refused()
    {
        var round = await app.RoundAsync();
        await app.CloseBoxAsync(round);
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var errors = await (await client.PostJsonAsync($"/api/v1/elections/rounds/{round.Id}/codes", new IssueCodesRequest(3))).ProblemErrorsAsync();

        Assert.Contains("round", errors.Keys);
    }

    [Fact]
    public async Task IssueCodes_OtherTownship_Forbidden()
    {
        var round = await app.RoundAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/v1/elections/rounds/{round.Id}/codes", new IssueCodesRequest(3))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/elections/rounds/{round.Id}/codes")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.UnusedAccessCodes.Count(u => u.BoxKey == round.BoxKey))));
    }

    [Fact]
    public async Task CodesPage_IssueThree_PrintableSlipsWithQrCodesThatVote()
    {
        var round = await app.RoundAsync();
        var staff = await app.SignInAsync(Demo.OrgAdminA);
        var page = await staff.GetStringAsync($"/elections/rounds/{round.Id}/codes");
        Assert.Contains("data-codes-issued=\"0\"", page, StringComparison.Ordinal);
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);

        var response = await staff.PostAsync($"/elections/rounds/{round.Id}/codes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "codes",
            ["__RequestVerificationToken"] = token,
            ["count"] = "3",
        }));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var codes = SlipCode().Matches(body).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, codes.Count);
        Assert.Equal(3, QrImage().Count(body));
        Assert.Contains("data-codes-issued=\"3\"", body, StringComparison.Ordinal);
        Assert.Contains("@media print", await staff.GetStringAsync("/voting.css"), StringComparison.Ordinal);
        Assert.All(codes, c => Assert.Contains(AccessCode.Display(c), body, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().VoteAsync(round.Id, codes[2], TwoFor)).Status);
    }

    [Fact]
    public async Task CodesPage_OtherTownship_RefusedWithoutData()
    {
        var round = await app.RoundAsync();
        var staff = await app.SignInAsync(Demo.OrgAdminB);

        var response = await staff.GetAsync($"/elections/rounds/{round.Id}/codes");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("data-refused=\"true\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-codes-issued", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodesPage_Anonymous_RedirectedToSignIn()
    {
        var round = await app.RoundAsync();

        var response = await app.AnonymousClient().GetAsync($"/elections/rounds/{round.Id}/codes");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("data-code=\"([^\"]+)\"")]
    private static partial Regex SlipCode();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9/=]|&#x2B;)+\"")]
    private static partial Regex QrImage();

    [GeneratedRegex("name=\"m0\" value=\"for\" checked")]
    private static partial Regex CheckedFor();
}

[Collection(SqliteCollection.Name)]
public sealed class VotingSqliteTests(SqliteApp app) : VotingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class VotingPostgresTests(PostgresApp app) : VotingTests(app);
