using System.Text.Json;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;

namespace Dangjian.Domain.Tests.Elections;

/// <summary>A round's own transitions (ELE-6, ELE-10 … ELE-13): roll, open, close, count, publish, and a preliminary vote applied.</summary>
public sealed class ElectionRoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 15, 789, TimeSpan.Zero);

    private static ElectionRound Round(RoundStatus status = RoundStatus.Draft, params string[] candidates) => new()
    {
        Id = 7,
        Title = "选举委员",
        Mode = ElectionMode.Formal,
        Seats = 1,
        CandidatesJson = JsonSerializer.Serialize(candidates.Length == 0 ? ["甲", "乙"] : candidates),
        EntitledVoters = 5,
        VotersPresent = 5,
        BallotsIssued = 5,
        Status = status,
    };

    private static CountInput Input(ElectionRound round, params Ballot[] ballots) =>
        new(round.Mode, round.Seats, round.EntitledVoters, round.VotersPresent, round.BallotsIssued, round.CandidateNames(), ballots);

    private static Ballot For(string name) => new([name], [], []);

    private static string CodeOf(Action act) => Assert.Throws<DomainRuleException>(act).Code;

    // ---- The roll (ELE-10): until the count; present never more than entitled

    [Theory]
    [InlineData(RoundStatus.Draft)]
    [InlineData(RoundStatus.Open)]
    [InlineData(RoundStatus.Closed)]
    public void RecordRoll_BeforeTheCount_Recorded(RoundStatus status)
    {
        var round = Round(status);

        round.RecordRoll(10, 9, 8);

        Assert.Equal((10, 9, 8), (round.EntitledVoters, round.VotersPresent, round.BallotsIssued));
    }

    [Theory]
    [InlineData(RoundStatus.Counted)]
    [InlineData(RoundStatus.Published)]
    public void RecordRoll_AfterTheCount_RefusedAndUnchanged(RoundStatus status)
    {
        var round = Round(status);

        Assert.Equal("Round.RollFixed", CodeOf(() => round.RecordRoll(10, 9, 8)));
        Assert.Equal(5, round.EntitledVoters);
    }

    [Fact]
    public void RecordRoll_PresentEqualsEntitled_Recorded()
    {
        var round = Round();

        round.RecordRoll(9, 9, 9);

        Assert.Equal(9, round.VotersPresent);
    }

    [Fact]
    public void RecordRoll_PresentOneOverEntitled_RefusedNamingPresent()
    {
        var round = Round();

        var e = Assert.Throws<DomainRuleException>(() => round.RecordRoll(9, 10, 9));

        Assert.Equal(("Round.PresentOverEntitled", "votersPresent"), (e.Code, e.Field));
        Assert.Equal(5, round.VotersPresent);
    }

    [Theory]
    [InlineData(-1, 0, 0, "entitledVoters")]
    [InlineData(0, -1, 0, "votersPresent")]
    [InlineData(0, 0, -1, "ballotsIssued")]
    public void RecordRoll_Negative_RefusedNamingTheField(int entitled, int present, int issued, string field)
    {
        var e = Assert.Throws<DomainRuleException>(() => Round().RecordRoll(entitled, present, issued));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void RecordRoll_MissingNumberAndPresentOverEntitled_NamesBothAtOnce()
    {
        var e = Assert.Throws<DomainRuleException>(() => Round().RecordRoll(5, 6, null));

        Assert.Equal(["ballotsIssued", "votersPresent"], e.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RecordRoll_Zeros_Recorded()
    {
        var round = Round();

        round.RecordRoll(0, 0, 0);

        Assert.Equal(0, round.EntitledVoters);
    }

    // ---- Open and close

    [Fact]
    public void Open_DraftWithCandidates_Opens()
    {
        var round = Round();

        round.Open();

        Assert.Equal(RoundStatus.Open, round.Status);
    }

    [Fact]
    public void Open_NoCandidates_RefusedAndStillDraft()
    {
        var round = Round();
        round.CandidatesJson = "[]";

        Assert.Equal("Round.NoCandidates", CodeOf(round.Open));
        Assert.Equal(RoundStatus.Draft, round.Status);
    }

    [Theory]
    [InlineData(RoundStatus.Open)]
    [InlineData(RoundStatus.Closed)]
    [InlineData(RoundStatus.Counted)]
    [InlineData(RoundStatus.Published)]
    public void Open_NotDraft_Refused(RoundStatus status)
    {
        var round = Round(status);

        Assert.Equal("Round.NotDraft", CodeOf(round.Open));
        Assert.Equal(status, round.Status);
    }

    [Fact]
    public void Close_Open_Closes()
    {
        var round = Round(RoundStatus.Open);

        round.Close();

        Assert.Equal(RoundStatus.Closed, round.Status);
    }

    [Theory]
    [InlineData(RoundStatus.Draft)]
    [InlineData(RoundStatus.Closed)]
    [InlineData(RoundStatus.Counted)]
    public void Close_NotOpen_Refused(RoundStatus status)
    {
        var round = Round(status);

        Assert.Equal("Round.NotOpen", CodeOf(round.Close));
        Assert.Equal(status, round.Status);
    }

    [Theory]
    [InlineData(RoundStatus.Open)]
    [InlineData(RoundStatus.Closed)]
    public void DemandPaperOpen_OpenOrClosed_Allowed(RoundStatus status) => Round(status).DemandPaperOpen();

    [Theory]
    [InlineData(RoundStatus.Draft)]
    [InlineData(RoundStatus.Counted)]
    [InlineData(RoundStatus.Published)]
    public void DemandPaperOpen_BeforeOpeningOrAfterTheCount_Refused(RoundStatus status) =>
        Assert.Equal("Round.PaperNotOpen", CodeOf(Round(status).DemandPaperOpen));

    // ---- Count (ELE-11, ELE-12): closed, reconciled, ballots the engine can count

    [Fact]
    public void Count_ClosedAndReconciled_StoresTheResultAndIsCounted()
    {
        var round = Round(RoundStatus.Closed);

        var result = round.Count(PaperReconciliation.Empty, Input(round, For("甲"), For("甲"), For("甲"), For("乙"), For("乙")));

        Assert.Equal(RoundStatus.Counted, round.Status);
        Assert.Equal(["甲"], result.Elected);
        Assert.Equal(CountJson.Write(result), round.ResultJson);
    }

    [Theory]
    [InlineData(RoundStatus.Open)]
    [InlineData(RoundStatus.Counted)]
    public void Count_NotClosed_RefusedWithoutResult(RoundStatus status)
    {
        var round = Round(status);

        Assert.Equal("Round.NotClosed", CodeOf(() => round.Count(PaperReconciliation.Empty, Input(round))));
        Assert.Null(round.ResultJson);
    }

    [Fact]
    public void Count_OnePaperNumberOnlyOneTellerEntered_RefusedNamingTheDifferences()
    {
        var round = Round(RoundStatus.Closed);
        var paper = PaperBallots.Reconcile([new PaperReading(1, 1, For("甲")), new PaperReading(1, 2, For("甲")), new PaperReading(2, 1, For("乙"))]);

        var e = Assert.Throws<DomainRuleException>(() => round.Count(paper, Input(round)));

        Assert.Equal(("Round.NotReconciled", 1), (e.Code, e.Arguments[0]));
        Assert.Equal(RoundStatus.Closed, round.Status);
    }

    [Fact]
    public void Count_BallotNamesSomeoneNotACandidate_RefusedAsBadBallots()
    {
        var round = Round(RoundStatus.Closed);

        Assert.Equal("Round.BadBallots", CodeOf(() => round.Count(PaperReconciliation.Empty, Input(round, For("丙")))));
        Assert.Equal(RoundStatus.Closed, round.Status);
    }

    // ---- Publish (ELE-13)

    [Fact]
    public void Publish_Counted_KeepsTheListWithItsHashToTheSecond()
    {
        var round = Round(RoundStatus.Counted);
        var header = new PublishedBallotList.Header(round.Id, round.Title, "换届", "城东支部", Now);

        round.Publish(header, Input(round, For("甲")), ["R1"]);

        Assert.Equal(RoundStatus.Published, round.Status);
        Assert.Equal(0, round.PublishedAt!.Value.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(round.PublishedBallotList!))), round.PublishedHash);
        Assert.True(PublishedBallotList.Read(round.PublishedBallotList!).Has("R1"));
    }

    [Theory]
    [InlineData(RoundStatus.Closed)]
    [InlineData(RoundStatus.Published)]
    public void Publish_NotCounted_RefusedAndNothingKept(RoundStatus status)
    {
        var round = Round(status);
        var header = new PublishedBallotList.Header(round.Id, round.Title, "换届", "城东支部", Now);

        Assert.Equal("Round.NotCounted", CodeOf(() => round.Publish(header, Input(round), [])));
        Assert.Null(round.PublishedBallotList);
    }

    // ---- A preliminary vote applied (ELE-6)

    private static CountResult Result(CountStatus status, string[] elected, Runoff? runoff = null) =>
        new(status, null, 3, 5, 5, 0, [], elected, runoff, 0);

    private static ElectionRound Preliminary(int? runoffOf = null)
    {
        var round = Round(RoundStatus.Counted);
        round.Mode = ElectionMode.Preliminary;
        round.RunoffOfRoundId = runoffOf;
        return round;
    }

    [Fact]
    public void PreliminaryElected_CountedWithoutRunoff_TheElected()
    {
        var elected = Preliminary().PreliminaryElected(Result(CountStatus.Counted, ["甲", "乙"]), []);

        Assert.Equal(["乙", "甲"], elected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PreliminaryElected_WithCountedRunoff_AddsTheRunoffsElected()
    {
        var own = Result(CountStatus.Counted, ["甲"], new Runoff(["乙", "丙"], 1));

        var elected = Preliminary().PreliminaryElected(own, [Result(CountStatus.Counted, ["丙"])]);

        Assert.Equal(["丙", "甲"], elected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PreliminaryElected_RunoffNotYetCounted_Refused()
    {
        var own = Result(CountStatus.Counted, ["甲"], new Runoff(["乙", "丙"], 1));

        Assert.Equal("Round.RunoffPending", CodeOf(() => Preliminary().PreliminaryElected(own, [Result(CountStatus.Void, [])])));
    }

    [Fact]
    public void PreliminaryElected_VoidCount_Refused() =>
        Assert.Equal("Round.VoidResult", CodeOf(() => Preliminary().PreliminaryElected(Result(CountStatus.Void, []), [])));

    [Fact]
    public void PreliminaryElected_NotCounted_Refused() =>
        Assert.Equal("Round.NotCounted", CodeOf(() => Preliminary().PreliminaryElected(null, [])));

    [Fact]
    public void PreliminaryElected_FormalRound_Refused() =>
        Assert.Equal("Round.NotPreliminary", CodeOf(() => Round(RoundStatus.Counted).PreliminaryElected(Result(CountStatus.Counted, ["甲"]), [])));

    [Fact]
    public void PreliminaryElected_RunoffOfAPreliminary_Refused() =>
        Assert.Equal("Round.NotPreliminary", CodeOf(() => Preliminary(runoffOf: 3).PreliminaryElected(Result(CountStatus.Counted, ["甲"]), [])));

    private static ElectionBody Body(int seats, int percent) => new() { Seats = seats, MinExtraPercent = percent };

    [Fact]
    public void FixListFromPreliminary_EnoughElected_ListsThemAndNoOneElseAndFixesTheList()
    {
        var body = Body(seats: 2, percent: 20);
        var a = new Nominee { PersonId = 1 };
        var b = new Nominee { PersonId = 2, OnList = true };
        var c = new Nominee { PersonId = 3 };

        body.FixListFromPreliminary(new HashSet<string>(["甲", "丙", "丁"]), [(a, "甲"), (b, "乙"), (c, "丙")], Now);

        Assert.Equal((true, false, true), (a.OnList, b.OnList, c.OnList));
        Assert.NotNull(body.ListFixedAt);
    }

    [Fact]
    public void FixListFromPreliminary_OneFewerThanTheDifferentialMinimum_RefusedAndNotFixed()
    {
        var body = Body(seats: 2, percent: 20);
        var minimum = DifferentialRule.MinimumCandidates(2, 20);
        var elected = new HashSet<string>(Enumerable.Range(1, minimum - 1).Select(i => $"候选人{i}"));

        var e = Assert.Throws<DomainRuleException>(() => body.FixListFromPreliminary(elected, [], Now));

        Assert.Equal(("Round.TooFewForList", minimum - 1, minimum), (e.Code, e.Arguments[0], e.Arguments[1]));
        Assert.Null(body.ListFixedAt);
    }

    [Fact]
    public void FixListFromPreliminary_ExactlyTheMinimum_Fixed()
    {
        var body = Body(seats: 2, percent: 20);
        var elected = new HashSet<string>(Enumerable.Range(1, DifferentialRule.MinimumCandidates(2, 20)).Select(i => $"候选人{i}"));

        body.FixListFromPreliminary(elected, [], Now);

        Assert.NotNull(body.ListFixedAt);
    }

    [Fact]
    public void FixListFromPreliminary_AlreadyFixed_Refused()
    {
        var body = Body(seats: 1, percent: 0);
        body.ListFixedAt = Now;

        Assert.Equal("Round.ListAlreadyFixed", CodeOf(() => body.FixListFromPreliminary(new HashSet<string>(["甲"]), [], Now.AddDays(1))));
        Assert.Equal(Now, body.ListFixedAt);
    }
}
