using Dangjian.Domain.Elections;

namespace Dangjian.Domain.Tests.Elections;

/// <summary>
/// The counting rules of `dangjian election count` (ELE-12), each boundary from both sides.
/// Most rounds use 10 entitled voters, all present (threshold 6), so a tally is easy to read.
/// </summary>
public sealed class ElectionCountTests
{
    // Ordinal order of these names (by UTF-16 code unit): 刘 U+5218 < 张 U+5F20 < 李 U+674E < 杨 U+6768 < 王 U+738B < 陈 U+9648.
    private const string ZhangWei = "张伟";
    private const string WangFang = "王芳";
    private const string LiNa = "李娜";
    private const string LiuYang = "刘洋";
    private const string ChenJing = "陈静";
    private const string YangFan = "杨帆";
    private const string ZhaoLei = "赵磊"; // not on the list: a write-in

    private static readonly string[] Listed = [ZhangWei, WangFang, LiNa, LiuYang, ChenJing, YangFan];

    private static CountInput Round(
        List<Ballot> ballots,
        int seats = 2,
        int entitled = 10,
        int present = 10,
        int? issued = null,
        ElectionMode mode = ElectionMode.Formal,
        IReadOnlyList<string>? candidates = null) =>
        new(mode, seats, entitled, present, issued ?? ballots.Count, candidates ?? Listed, ballots);

    private static Ballot For(params string[] names) => new(names, [], []);

    private static Ballot Vote(string[]? @for = null, string[]? against = null, string[]? writeIns = null, bool isVoid = false) =>
        new(@for ?? [], against ?? [], writeIns ?? [], isVoid);

    private static Ballot Blank => new([], [], []);

    private static List<Ballot> Times(int count, Ballot ballot) => Enumerable.Repeat(ballot, count).ToList();

    /// <summary>
    /// <paramref name="ballots"/> ballots on which each named person gets exactly the "for" votes given, spread so
    /// that no ballot names more than <paramref name="maxFor"/> people (names not on <see cref="Listed"/> are written in).
    /// </summary>
    private static List<Ballot> Spread(int ballots, int maxFor, params (string Name, int For)[] votes)
    {
        var marks = Enumerable.Range(0, ballots).Select(_ => new List<string>()).ToList();
        foreach (var (name, count) in votes)
        {
            Assert.True(count <= ballots, $"{name}: {count} votes on {ballots} ballots");
            foreach (var ballot in marks.OrderBy(m => m.Count).Take(count))
            {
                ballot.Add(name);
            }
        }

        Assert.All(marks, m => Assert.True(m.Count <= maxFor, "the test's tally does not fit the seats"));
        return marks.Select(m => new Ballot(m.Where(Listed.Contains).ToList(), [], m.Where(n => !Listed.Contains(n)).ToList())).ToList();
    }

    private static CandidateResult Result(CountResult result, string name) => Assert.Single(result.Results, r => r.Name == name);

    private static void AssertVoid(CountResult result, VoidReason reason, int seats, int returned)
    {
        Assert.Equal(CountStatus.Void, result.Status);
        Assert.Equal(reason, result.VoidReason);
        Assert.Empty(result.Results);
        Assert.Empty(result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(returned, result.BallotsReturned);
        Assert.Equal(seats, result.UnfilledSeats);
    }

    // ---- Quorum: more than four fifths of those entitled must be present (not in recommendation rounds) ----

    [Theory]
    [InlineData(50, 40, false)] // exactly four fifths: not more
    [InlineData(50, 41, true)]
    [InlineData(61, 48, false)] // 4/5 of 61 is 48.8
    [InlineData(61, 49, true)]
    [InlineData(5, 4, false)]
    [InlineData(5, 5, true)]
    [InlineData(0, 0, false)]
    public void QuorumMet_PresentAgainstFourFifths_IsStrictlyMore(int entitled, int present, bool met)
    {
        Assert.Equal(met, ElectionCount.QuorumMet(entitled, present));
    }

    [Theory]
    [InlineData(ElectionMode.Formal)]
    [InlineData(ElectionMode.Preliminary)]
    public void Count_PresentExactlyFourFifths_IsVoidQuorumNotMet(ElectionMode mode)
    {
        var ballots = Times(40, For(ZhangWei));

        var result = ElectionCount.Count(Round(ballots, seats: 2, entitled: 50, present: 40, mode: mode));

        AssertVoid(result, VoidReason.QuorumNotMet, seats: 2, returned: 40);
    }

    [Theory]
    [InlineData(ElectionMode.Formal)]
    [InlineData(ElectionMode.Preliminary)]
    public void Count_PresentOneMoreThanFourFifths_IsCounted(ElectionMode mode)
    {
        var ballots = Times(41, For(ZhangWei));

        var result = ElectionCount.Count(Round(ballots, seats: 2, entitled: 50, present: 41, mode: mode));

        Assert.Equal(CountStatus.Counted, result.Status);
        Assert.Null(result.VoidReason);
        Assert.Equal([ZhangWei], result.Elected);
        Assert.Equal(41, Result(result, ZhangWei).For);
    }

    [Fact]
    public void Count_RecommendationWithFewPresent_IgnoresQuorum()
    {
        var ballots = Times(3, For(ZhangWei));

        var result = ElectionCount.Count(Round(ballots, seats: 1, entitled: 50, present: 3, mode: ElectionMode.Recommendation));

        Assert.Equal(CountStatus.Counted, result.Status);
        Assert.Equal([ZhangWei], result.Elected);
    }

    // ---- More ballots returned than issued ----

    [Fact]
    public void Count_OneBallotMoreThanIssued_IsVoidBallotsExceedIssued()
    {
        var ballots = Times(10, For(ZhangWei));

        var result = ElectionCount.Count(Round(ballots, issued: 9));

        AssertVoid(result, VoidReason.BallotsExceedIssued, seats: 2, returned: 10);
    }

    [Fact]
    public void Count_AsManyBallotsAsIssued_IsCounted()
    {
        var result = ElectionCount.Count(Round(Times(10, For(ZhangWei)), issued: 10));

        Assert.Equal(CountStatus.Counted, result.Status);
        Assert.Equal(10, result.BallotsReturned);
    }

    [Fact]
    public void Count_FewerBallotsThanIssued_IsCounted()
    {
        var result = ElectionCount.Count(Round(Times(8, For(ZhangWei)), issued: 10));

        Assert.Equal(CountStatus.Counted, result.Status);
        Assert.Equal(8, result.BallotsReturned);
        Assert.Equal([ZhangWei], result.Elected);
    }

    [Fact]
    public void Count_RecommendationBallotsExceedIssued_IsVoid()
    {
        var result = ElectionCount.Count(Round(Times(4, For(ZhangWei)), issued: 3, present: 2, mode: ElectionMode.Recommendation));

        AssertVoid(result, VoidReason.BallotsExceedIssued, seats: 2, returned: 4);
    }

    [Fact]
    public void Count_NoQuorumAndTooManyBallots_ReportsQuorumFirst()
    {
        var result = ElectionCount.Count(Round(Times(9, For(ZhangWei)), entitled: 10, present: 8, issued: 8));

        AssertVoid(result, VoidReason.QuorumNotMet, seats: 2, returned: 9);
    }

    // ---- Invalid ballots ----

    [Fact]
    public void Count_VoidBallot_IsReturnedInvalidAndCountsForNoOne()
    {
        var ballots = Times(7, For(ZhangWei));
        ballots.Add(Vote([ZhangWei, WangFang], writeIns: [ZhaoLei], isVoid: true));

        var result = ElectionCount.Count(Round(ballots));

        Assert.Equal(8, result.BallotsReturned);
        Assert.Equal(7, result.ValidBallots);
        Assert.Equal(1, result.InvalidBallots);
        Assert.Equal(7, Result(result, ZhangWei).For);
        Assert.Equal(0, Result(result, WangFang).For);
        Assert.Equal(7, Result(result, WangFang).Abstain); // the void ballot is no abstention either
        Assert.DoesNotContain(result.Results, r => r.Name == ZhaoLei);
    }

    [Fact]
    public void Count_SamePersonForAndAgainst_BallotIsInvalid()
    {
        var ballots = Times(6, For(ZhangWei));
        ballots.Add(Vote([ZhangWei, WangFang], against: [ZhangWei]));

        var result = ElectionCount.Count(Round(ballots));

        Assert.Equal(1, result.InvalidBallots);
        Assert.Equal(new CandidateResult(ZhangWei, 6, 0, 0, false), Result(result, ZhangWei));
        Assert.Equal(new CandidateResult(WangFang, 0, 0, 6, false), Result(result, WangFang));
    }

    [Fact]
    public void Count_ListedPersonWrittenInAndMarkedAgainst_BallotIsInvalid()
    {
        var result = ElectionCount.Count(Round([Vote(against: [WangFang], writeIns: [WangFang]), For(WangFang)]));

        Assert.Equal(1, result.InvalidBallots);
        Assert.Equal(new CandidateResult(WangFang, 1, 0, 0, false), Result(result, WangFang));
    }

    [Fact]
    public void Count_DifferentPeopleForAndAgainst_BallotIsValid()
    {
        var result = ElectionCount.Count(Round([Vote([ZhangWei], against: [WangFang])]));

        Assert.Equal(0, result.InvalidBallots);
        Assert.Equal(new CandidateResult(WangFang, 0, 1, 0, false), Result(result, WangFang));
    }

    [Fact]
    public void Count_ForAsManyPeopleAsSeats_BallotIsValid()
    {
        var result = ElectionCount.Count(Round([For(ZhangWei, WangFang)], seats: 2));

        Assert.Equal(1, result.ValidBallots);
        Assert.Equal(1, Result(result, WangFang).For);
    }

    [Fact]
    public void Count_ForOneMoreThanSeats_BallotIsInvalid()
    {
        var result = ElectionCount.Count(Round([For(ZhangWei, WangFang, LiNa), For(ZhangWei)], seats: 2));

        Assert.Equal(1, result.InvalidBallots);
        Assert.Equal(1, Result(result, ZhangWei).For);
        Assert.Equal(0, Result(result, LiNa).For);
    }

    [Fact]
    public void Count_CandidatePlusWriteInEqualToSeats_BallotIsValid()
    {
        var result = ElectionCount.Count(Round([Vote([ZhangWei], writeIns: [ZhaoLei])], seats: 2));

        Assert.Equal(1, result.ValidBallots);
        Assert.Equal(new CandidateResult(ZhaoLei, 1, 0, 0, true), Result(result, ZhaoLei));
    }

    [Fact]
    public void Count_CandidatesPlusWriteInOverSeats_BallotIsInvalidAndItsWriteInIsNotListed()
    {
        var result = ElectionCount.Count(Round([Vote([ZhangWei, WangFang], writeIns: [ZhaoLei])], seats: 2));

        Assert.Equal(1, result.InvalidBallots);
        Assert.Equal(0, result.ValidBallots);
        Assert.DoesNotContain(result.Results, r => r.Name == ZhaoLei);
        Assert.Equal(Listed.Length, result.Results.Count);
    }

    [Fact]
    public void Count_SameNameTwiceInFor_CountsOnceAndOnceTowardTheLimit()
    {
        // Three marks but two distinct people: within two seats, and 张伟 gets one vote, not two.
        var result = ElectionCount.Count(Round([For(ZhangWei, ZhangWei, WangFang)], seats: 2));

        Assert.Equal(1, result.ValidBallots);
        Assert.Equal(1, Result(result, ZhangWei).For);
    }

    [Fact]
    public void Count_SameWriteInTwice_CountsOnceAndOnceTowardTheLimit()
    {
        var result = ElectionCount.Count(Round([Vote([ZhangWei], writeIns: [ZhaoLei, ZhaoLei])], seats: 2));

        Assert.Equal(1, result.ValidBallots);
        Assert.Equal(1, Result(result, ZhaoLei).For);
    }

    [Fact]
    public void Count_WriteInOfListedCandidate_IsAForVoteForThatCandidate()
    {
        var result = ElectionCount.Count(Round([Vote(writeIns: [WangFang]), For(WangFang), Blank]));

        Assert.Equal(new CandidateResult(WangFang, 2, 0, 1, false), Assert.Single(result.Results, r => r.Name == WangFang));
        Assert.DoesNotContain(result.Results, r => r.WriteIn);
    }

    [Fact]
    public void Count_ListedCandidateBothMarkedAndWrittenIn_CountsOnceTowardTheLimit()
    {
        var result = ElectionCount.Count(Round([Vote([WangFang], writeIns: [WangFang])], seats: 1));

        Assert.Equal(1, result.ValidBallots);
        Assert.Equal(1, Result(result, WangFang).For);
    }

    [Fact]
    public void Count_AgainstEveryone_BallotIsValid()
    {
        // Only "for" votes are limited by the seats.
        var result = ElectionCount.Count(Round([Vote(against: Listed)], seats: 2));

        Assert.Equal(1, result.ValidBallots);
        Assert.All(result.Results, r => Assert.Equal(1, r.Against));
    }

    [Fact]
    public void Count_EveryBallotInvalid_NobodyElectedAndEverySeatUnfilled()
    {
        var ballots = Times(5, Ballot.Unreadable);
        ballots.AddRange(Times(5, For(ZhangWei, WangFang, LiNa)));

        var result = ElectionCount.Count(Round(ballots, seats: 2));

        Assert.Equal(CountStatus.Counted, result.Status);
        Assert.Equal((10, 0, 10), (result.BallotsReturned, result.ValidBallots, result.InvalidBallots));
        Assert.Empty(result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(2, result.UnfilledSeats);
        Assert.All(result.Results, r => Assert.Equal((0, 0, 0), (r.For, r.Against, r.Abstain)));
    }

    // ---- Threshold: more than half of those entitled ----

    [Theory]
    [InlineData(60, 31)]
    [InlineData(61, 31)]
    [InlineData(59, 30)]
    [InlineData(10, 6)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    public void Threshold_FormalAndPreliminary_IsHalfOfEntitledRoundedDownPlusOne(int entitled, int threshold)
    {
        Assert.Equal(threshold, ElectionCount.Threshold(ElectionMode.Formal, entitled));
        Assert.Equal(threshold, ElectionCount.Threshold(ElectionMode.Preliminary, entitled));
        Assert.Equal(0, ElectionCount.Threshold(ElectionMode.Recommendation, entitled));
    }

    [Theory]
    [InlineData(60)] // half is 30
    [InlineData(61)] // half is 30.5
    public void Count_ThirtyAndThirtyOneVotes_OnlyMoreThanHalfOfEntitledIsElected(int entitled)
    {
        var ballots = Spread(49, 2, (ZhangWei, 31), (WangFang, 30));

        var result = ElectionCount.Count(Round(ballots, seats: 2, entitled: entitled, present: 49));

        Assert.Equal(31, result.Threshold);
        Assert.Equal([ZhangWei], result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(1, result.UnfilledSeats);
    }

    [Fact]
    public void Count_ExactlyHalfOfEntitled_IsNotElected()
    {
        var ballots = Spread(49, 2, (ZhangWei, 30), (WangFang, 30));

        var result = ElectionCount.Count(Round(ballots, seats: 2, entitled: 60, present: 49));

        Assert.Empty(result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(2, result.UnfilledSeats);
    }

    [Fact]
    public void Count_MoreThanHalfOfValidBallotsButNotOfEntitled_IsNotElected()
    {
        // 60 entitled, 55 present, 15 ballots void: 30 of 40 valid is three quarters, but not more than 30.
        var ballots = Spread(40, 2, (LiNa, 30));
        ballots.AddRange(Times(15, Ballot.Unreadable));

        var result = ElectionCount.Count(Round(ballots, seats: 1, entitled: 60, present: 55));

        Assert.Equal(40, result.ValidBallots);
        Assert.Empty(result.Elected);
        Assert.Equal(1, result.UnfilledSeats);
    }

    // ---- Ranking, seats, ties ----

    [Fact]
    public void Count_MoreAboveThresholdThanSeats_TopVotesTakeTheSeats()
    {
        var ballots = Spread(10, 2, (LiNa, 6), (ZhangWei, 7), (WangFang, 7));

        var result = ElectionCount.Count(Round(ballots, seats: 2));

        Assert.Equal([ZhangWei, WangFang], result.Elected); // tied at 7: by name, 张 (U+5F20) before 王 (U+738B)
        Assert.Null(result.Runoff);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_TwoTiedForTheLastSeat_GoToRunoffForOneSeat()
    {
        // The tied have exactly the threshold (6 of 10 entitled): they are eligible.
        var ballots = Spread(10, 2, (ZhangWei, 8), (WangFang, 6), (LiNa, 6));

        var result = ElectionCount.Count(Round(ballots, seats: 2));

        Assert.Equal([ZhangWei], result.Elected);
        Assert.NotNull(result.Runoff);
        Assert.Equal([LiNa, WangFang], result.Runoff.Names); // by name (ordinal), not list order
        Assert.Equal(1, result.Runoff.Seats);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_ThreeTiedForTheLastTwoSeats_GoToRunoffForTwoSeats()
    {
        var ballots = Spread(10, 3, (ZhangWei, 8), (WangFang, 7), (LiNa, 7), (LiuYang, 7));

        var result = ElectionCount.Count(Round(ballots, seats: 3));

        Assert.Equal([ZhangWei], result.Elected);
        Assert.NotNull(result.Runoff);
        Assert.Equal([LiuYang, LiNa, WangFang], result.Runoff.Names);
        Assert.Equal(2, result.Runoff.Seats);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_ThreeTiedForAllTwoSeats_NobodyElectedAndRunoffForBoth()
    {
        var ballots = Spread(10, 2, (ChenJing, 6), (WangFang, 6), (LiNa, 6));

        var result = ElectionCount.Count(Round(ballots, seats: 2));

        Assert.Empty(result.Elected);
        Assert.Equal(new[] { LiNa, WangFang, ChenJing }, result.Runoff?.Names);
        Assert.Equal(2, result.Runoff?.Seats);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_TwoTiedForTwoSeatsLeft_BothElected()
    {
        // 张伟 below them also passes the threshold, but the tie fits the seats.
        var ballots = Spread(10, 3, (ZhangWei, 8), (WangFang, 7), (LiNa, 7), (LiuYang, 6));

        var result = ElectionCount.Count(Round(ballots, seats: 3));

        Assert.Equal([ZhangWei, LiNa, WangFang], result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_TwoTiedForBothSeatsWithOneEligibleBelow_BothElected()
    {
        var ballots = Spread(10, 2, (WangFang, 7), (LiNa, 7), (ZhangWei, 6));

        var result = ElectionCount.Count(Round(ballots, seats: 2));

        Assert.Equal([LiNa, WangFang], result.Elected);
        Assert.Null(result.Runoff);
    }

    [Fact]
    public void Count_TieBelowThreshold_NoRunoffAndSeatsUnfilled()
    {
        var ballots = Spread(10, 3, (ZhangWei, 8), (WangFang, 5), (LiNa, 5));

        var result = ElectionCount.Count(Round(ballots, seats: 3));

        Assert.Equal([ZhangWei], result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(2, result.UnfilledSeats);
    }

    [Fact]
    public void Count_WriteInAboveThreshold_IsElectedAsWriteIn()
    {
        var ballots = Spread(10, 2, (ZhangWei, 8), (ZhaoLei, 7), (WangFang, 5));

        var result = ElectionCount.Count(Round(ballots, seats: 2));

        Assert.Equal([ZhangWei, ZhaoLei], result.Elected);
        Assert.Equal(new CandidateResult(ZhaoLei, 7, 0, 0, true), Result(result, ZhaoLei));
    }

    [Fact]
    public void Count_WriteInTiedForTheLastSeat_GoesToRunoff()
    {
        var ballots = Spread(10, 2, (ZhangWei, 8), (ZhaoLei, 6), (WangFang, 6));

        var result = ElectionCount.Count(Round(ballots, seats: 2));

        Assert.Equal([ZhangWei], result.Elected);
        Assert.Equal(new[] { WangFang, ZhaoLei }, result.Runoff?.Names);
    }

    [Fact]
    public void Count_ZeroSeats_NobodyElectedNoRunoffNothingUnfilled()
    {
        // With no seat, a ballot for anyone names more people than seats: only the blank and against ballots are valid.
        var ballots = Times(6, For(ZhangWei));
        ballots.AddRange(Times(3, Vote(against: [WangFang])));
        ballots.Add(Blank);

        var result = ElectionCount.Count(Round(ballots, seats: 0));

        Assert.Equal(CountStatus.Counted, result.Status);
        Assert.Equal((4, 6), (result.ValidBallots, result.InvalidBallots));
        Assert.Empty(result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_ZeroSeatsInRecommendation_NobodyRecommended()
    {
        var result = ElectionCount.Count(Round(Times(3, Blank), seats: 0, mode: ElectionMode.Recommendation));

        Assert.Empty(result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_FewerAboveThresholdThanSeats_RestUnfilled()
    {
        var ballots = Spread(10, 3, (ZhangWei, 8), (WangFang, 6), (LiNa, 5));

        var result = ElectionCount.Count(Round(ballots, seats: 3));

        Assert.Equal([ZhangWei, WangFang], result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(1, result.UnfilledSeats);
    }

    [Fact]
    public void Count_FewerCandidatesThanSeats_RestUnfilled()
    {
        var result = ElectionCount.Count(Round(Times(10, For(ZhangWei, WangFang)), seats: 5, candidates: [ZhangWei, WangFang]));

        Assert.Equal([ZhangWei, WangFang], result.Elected);
        Assert.Equal(3, result.UnfilledSeats);
    }

    // ---- Tallies: abstentions, write-ins, order ----

    [Fact]
    public void Count_ListedCandidate_AbstainIsValidBallotsLessForLessAgainst()
    {
        var ballots = Times(5, For(ZhangWei));
        ballots.AddRange(Times(3, Vote(against: [ZhangWei])));
        ballots.AddRange(Times(2, Blank));
        ballots.Add(Vote([ZhangWei], against: [ZhangWei])); // invalid: no abstention either
        ballots.Add(Ballot.Unreadable);

        var result = ElectionCount.Count(Round(ballots, present: 10, entitled: 10, issued: 12));

        Assert.Equal(10, result.ValidBallots);
        Assert.Equal(new CandidateResult(ZhangWei, 5, 3, 2, false), Result(result, ZhangWei));
        Assert.Equal(new CandidateResult(WangFang, 0, 0, 10, false), Result(result, WangFang));
    }

    [Fact]
    public void Count_WriteIns_HaveNoAgainstAndNoAbstain()
    {
        var result = ElectionCount.Count(Round([Vote(writeIns: [ZhaoLei]), Vote(writeIns: [ZhaoLei]), Blank]));

        Assert.Equal(new CandidateResult(ZhaoLei, 2, 0, 0, true), Result(result, ZhaoLei));
    }

    [Fact]
    public void Count_Results_ByForDescendingThenNameOrdinal_ElectedInTheSameOrder()
    {
        // Ordinal, not culture: "Zoe" (Z = U+005A) before "alice" (a = U+0061) before "Émile" (É = U+00C9).
        string[] candidates = ["alice", "Émile", WangFang, "Zoe", LiNa];
        var ballots = Spread(10, 4, ("alice", 7), ("Émile", 7), (WangFang, 8), ("Zoe", 7), ("bob", 2), (LiNa, 2));
        ballots = [.. ballots.Select(b => new Ballot([.. b.For, .. b.WriteIns.Where(candidates.Contains)], [], [.. b.WriteIns.Where(n => !candidates.Contains(n))]))];

        var result = ElectionCount.Count(Round(ballots, seats: 4, candidates: candidates));

        Assert.Equal([WangFang, "Zoe", "alice", "Émile", "bob", LiNa], result.Results.Select(r => r.Name));
        Assert.Equal([WangFang, "Zoe", "alice", "Émile"], result.Elected);
    }

    [Fact]
    public void Count_CandidateWithNoVotes_IsStillInResults()
    {
        var result = ElectionCount.Count(Round([For(ZhangWei)]));

        Assert.Equal(Listed.Order(StringComparer.Ordinal).Where(n => n != ZhangWei), result.Results.Skip(1).Select(r => r.Name));
        Assert.Equal(ZhangWei, result.Results[0].Name);
    }

    // ---- Preliminary and recommendation rounds ----

    [Fact]
    public void Count_Preliminary_SameThresholdAndTieRule()
    {
        var ballots = Spread(10, 2, (ZhangWei, 7), (WangFang, 6), (LiNa, 6));

        var result = ElectionCount.Count(Round(ballots, seats: 2, mode: ElectionMode.Preliminary));

        Assert.Equal(6, result.Threshold);
        Assert.Equal([ZhangWei], result.Elected);
        Assert.Equal(new[] { LiNa, WangFang }, result.Runoff?.Names);
        Assert.Equal(0, result.UnfilledSeats);

        var belowThreshold = ElectionCount.Count(Round(Spread(10, 2, (ZhangWei, 8), (LiuYang, 5)), seats: 2, mode: ElectionMode.Preliminary));
        Assert.Equal([ZhangWei], belowThreshold.Elected);
        Assert.Equal(1, belowThreshold.UnfilledSeats);
    }

    [Fact]
    public void Count_Recommendation_TopSeatsByVotesWithoutThreshold()
    {
        // 50 entitled: 4 and 3 votes are far below half, but they are the top two.
        var ballots = Spread(8, 2, (ZhangWei, 4), (WangFang, 3), (LiNa, 2), (ZhaoLei, 1));

        var result = ElectionCount.Count(Round(ballots, seats: 2, entitled: 50, present: 8, mode: ElectionMode.Recommendation));

        Assert.Equal(0, result.Threshold);
        Assert.Equal([ZhangWei, WangFang], result.Elected);
        Assert.Null(result.Runoff);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_RecommendationTieAtTheLastSeat_GoesToRunoff()
    {
        var ballots = Spread(8, 2, (ZhangWei, 4), (WangFang, 3), (LiNa, 3), (ZhaoLei, 3));

        var result = ElectionCount.Count(Round(ballots, seats: 2, entitled: 50, present: 8, mode: ElectionMode.Recommendation));

        Assert.Equal([ZhangWei], result.Elected);
        Assert.Equal(new[] { LiNa, WangFang, ZhaoLei }, result.Runoff?.Names);
        Assert.Equal(1, result.Runoff?.Seats);
        Assert.Equal(0, result.UnfilledSeats);
    }

    [Fact]
    public void Count_RecommendationTieThatFits_AllRecommended()
    {
        var ballots = Spread(8, 2, (ZhangWei, 4), (WangFang, 4), (LiNa, 3));

        var result = ElectionCount.Count(Round(ballots, seats: 2, entitled: 50, present: 8, mode: ElectionMode.Recommendation));

        Assert.Equal([ZhangWei, WangFang], result.Elected);
        Assert.Null(result.Runoff);
    }

    // ---- Malformed input ----

    [Fact]
    public void Check_WellFormedInput_NoErrors()
    {
        Assert.Empty(ElectionCount.Check(Round([For(ZhangWei), Vote(against: [WangFang], writeIns: [ZhaoLei]), Ballot.Unreadable])));
    }

    [Theory]
    [InlineData("seats")]
    [InlineData("entitledVoters")]
    [InlineData("votersPresent")]
    [InlineData("ballotsIssued")]
    public void Check_NegativeNumber_NamesItsField(string field)
    {
        var input = field switch
        {
            "seats" => Round([], seats: -1),
            "entitledVoters" => Round([], entitled: -1, present: -2),
            "votersPresent" => Round([], present: -1),
            _ => Round([], issued: -1),
        };

        Assert.Contains(ElectionCount.Check(input), e => e.Field == field && e.Message.Contains("negative", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ZeroEverywhere_IsWellFormed()
    {
        Assert.Empty(ElectionCount.Check(Round([], seats: 0, entitled: 0, present: 0, issued: 0, candidates: [])));
    }

    [Fact]
    public void Check_MorePresentThanEntitled_NamesVotersPresent()
    {
        Assert.Equal("votersPresent", Assert.Single(ElectionCount.Check(Round([], entitled: 10, present: 11))).Field);
        Assert.Empty(ElectionCount.Check(Round([], entitled: 10, present: 10)));
    }

    [Fact]
    public void Check_UnknownNameInFor_NamesTheBallotAndPosition()
    {
        var errors = ElectionCount.Check(Round([For(ZhangWei), For(ZhangWei, ZhaoLei)]));

        var error = Assert.Single(errors);
        Assert.Equal("ballots[1].for[1]", error.Field);
        Assert.Contains(ZhaoLei, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownNameInAgainst_NamesTheBallotAndPosition()
    {
        Assert.Equal("ballots[0].against[0]", Assert.Single(ElectionCount.Check(Round([Vote(against: [ZhaoLei])]))).Field);
    }

    [Fact]
    public void Check_UnknownNameOnVoidBallot_IsStillMalformed()
    {
        Assert.Equal("ballots[0].for[0]", Assert.Single(ElectionCount.Check(Round([Vote([ZhaoLei], isVoid: true)]))).Field);
    }

    [Fact]
    public void Check_DuplicateCandidate_NamesTheSecond()
    {
        var error = Assert.Single(ElectionCount.Check(Round([], candidates: [ZhangWei, WangFang, ZhangWei])));

        Assert.Equal("candidates[2]", error.Field);
        Assert.Contains(ZhangWei, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmptyCandidateOrWriteIn_NamesItsField()
    {
        Assert.Equal("candidates[1]", Assert.Single(ElectionCount.Check(Round([], candidates: [ZhangWei, " "]))).Field);
        Assert.Equal("ballots[0].writeIns[1]", Assert.Single(ElectionCount.Check(Round([Vote(writeIns: [ZhaoLei, ""])]))).Field);
    }

    [Fact]
    public void Check_UndefinedMode_NamesMode()
    {
        Assert.Equal("mode", Assert.Single(ElectionCount.Check(Round([], mode: (ElectionMode)7))).Field);
    }

    [Fact]
    public void Count_MalformedInput_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ElectionCount.Count(Round([For(ZhaoLei)])));

        Assert.Contains("ballots[0].for[0]", ex.Message, StringComparison.Ordinal);
    }
}
