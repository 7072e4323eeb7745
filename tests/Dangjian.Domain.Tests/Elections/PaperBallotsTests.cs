using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Domain.People;

namespace Dangjian.Domain.Tests.Elections;

/// <summary>ELE-11 两名计票人分别录入: two different tellers, what a reading may mark, its normal form, reconciliation ballot by ballot.</summary>
public sealed class PaperBallotsTests
{
    private static readonly string[] Candidates = ["王芳", "李强", "张伟"];

    private static Ballot Reading(string[]? @for = null, string[]? against = null, string[]? writeIns = null, bool isVoid = false) =>
        new(@for ?? [], against ?? [], writeIns ?? [], isVoid);

    // ---- Two tellers, two people

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void DemandTeller_OneOrTwoFirstEntry_Allowed(int teller) => PaperBallots.DemandTeller(teller, "clerk.a", []);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(null)]
    public void DemandTeller_NumberOutsideOneAndTwo_Refused(int? teller) =>
        Assert.Equal("Round.TellerNumber", Assert.Throws<DomainRuleException>(() => PaperBallots.DemandTeller(teller, "clerk.a", [])).Code);

    [Fact]
    public void DemandTeller_SameAccountAsTheOtherTeller_Refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => PaperBallots.DemandTeller(2, "clerk.a", [(1, "clerk.a")]));

        Assert.Equal(("Round.SameTeller", "teller"), (e.Code, e.Field));
    }

    [Fact]
    public void DemandTeller_AnotherAccountAsTheOtherTeller_Allowed() => PaperBallots.DemandTeller(2, "clerk.b", [(1, "clerk.a")]);

    [Fact]
    public void DemandTeller_SameAccountGoesOnAsItsOwnTeller_Allowed() => PaperBallots.DemandTeller(1, "clerk.a", [(1, "clerk.a"), (1, "clerk.a")]);

    [Fact]
    public void DemandTeller_NumberTakenByAnotherAccount_RefusedNamingThem()
    {
        var e = Assert.Throws<DomainRuleException>(() => PaperBallots.DemandTeller(1, "clerk.c", [(1, "clerk.a"), (2, "clerk.b")]));

        Assert.Equal("Round.TellerTaken", e.Code);
        Assert.Equal([1, "clerk.a"], e.Arguments);
    }

    // ---- What a reading may mark

    [Fact]
    public void Check_CandidatesForAndAgainstAndAnotherWrittenIn_NoProblem() =>
        Assert.Empty(PaperBallots.Check(Reading(["王芳"], ["李强"], ["赵敏"]), Candidates));

    [Fact]
    public void Check_MarksSomeoneNotOnTheBallot_NamesTheMark()
    {
        var p = Assert.Single(PaperBallots.Check(Reading(["王芳", "赵敏"]), Candidates));

        Assert.Equal(("for[1]", "Round.NotACandidate"), (p.Field, p.Code));
    }

    [Fact]
    public void Check_AgainstSomeoneNotOnTheBallot_NamesTheMark() =>
        Assert.Equal("against[0]", Assert.Single(PaperBallots.Check(Reading(against: ["赵敏"]), Candidates)).Field);

    [Fact]
    public void Check_WritesInACandidate_Refused() =>
        Assert.Equal("Round.WriteInIsCandidate", Assert.Single(PaperBallots.Check(Reading(writeIns: [" 王芳 "]), Candidates)).Code);

    [Fact]
    public void Check_EmptyWriteIn_Required() =>
        Assert.Equal(("writeIns[0]", "Input.Required"), Assert.Single(PaperBallots.Check(Reading(writeIns: ["  "]), Candidates)) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void Check_WriteInAtTheLongestName_NoProblem() =>
        Assert.Empty(PaperBallots.Check(Reading(writeIns: [new string('赵', Person.MaxNameLength)]), Candidates));

    [Fact]
    public void Check_WriteInOneLongerThanAName_TooLong() =>
        Assert.Equal("Input.TooLong", Assert.Single(PaperBallots.Check(Reading(writeIns: [new string('赵', Person.MaxNameLength + 1)]), Candidates)).Code);

    [Fact]
    public void Check_VoidBallot_NoProblemWhateverItMarks() =>
        Assert.Empty(PaperBallots.Check(Reading(["赵敏"], writeIns: ["王芳"], isVoid: true), Candidates));

    // ---- The normal form

    [Fact]
    public void Normalize_MarksInAnyOrderWithSpacesAndRepeats_BallotOrderTrimmedOnce()
    {
        var n = PaperBallots.Normalize(Reading([" 张伟", "王芳", "张伟 "], writeIns: ["赵敏", "钱进", "赵敏"]), Candidates);

        Assert.Equal(["王芳", "张伟"], n.For);
        Assert.Equal(["赵敏", "钱进"], n.WriteIns.Order(StringComparer.Ordinal));
        Assert.Equal(n.WriteIns.Order(StringComparer.Ordinal), n.WriteIns);
    }

    [Fact]
    public void Normalize_VoidBallot_NoMarks()
    {
        var n = PaperBallots.Normalize(Reading(["王芳"], ["李强"], ["赵敏"], isVoid: true), Candidates);

        Assert.True(n.Void);
        Assert.Empty(n.For.Concat(n.Against).Concat(n.WriteIns));
    }

    [Fact]
    public void Normalize_TwoReadingsOfOneBallotInDifferentOrder_Same()
    {
        var one = PaperBallots.Normalize(Reading(["张伟", "王芳"], writeIns: ["钱进", "赵敏"]), Candidates);
        var two = PaperBallots.Normalize(Reading(["王芳", "张伟 "], writeIns: ["赵敏", "钱进"]), Candidates);

        Assert.True(PaperBallots.Same(one, two));
    }

    [Fact]
    public void Same_ForAndAgainstSwapped_NotSame() =>
        Assert.False(PaperBallots.Same(Reading(["王芳"], ["李强"]), Reading(["李强"], ["王芳"])));

    [Fact]
    public void Same_VoidAndBlank_NotSame() =>
        Assert.False(PaperBallots.Same(Reading(isVoid: true), Reading()));

    // ---- Reconciliation, ballot by ballot

    [Fact]
    public void Reconcile_EveryNumberReadAlikeByBoth_ReconciledWithTheAgreedBallots()
    {
        var paper = PaperBallots.Reconcile([
            new PaperReading(2, 2, Reading(["李强"])), new PaperReading(1, 1, Reading(["王芳"])),
            new PaperReading(2, 1, Reading(["李强"])), new PaperReading(1, 2, Reading(["王芳"])),
        ]);

        Assert.True(paper.Reconciled);
        Assert.Equal([1, 2], paper.Pairs.Select(p => p.Number));
        Assert.Equal(["王芳", "李强"], paper.Ballots.Select(b => b.For[0]));
    }

    [Fact]
    public void Reconcile_OneNumberReadDifferently_OneDifferenceAndThatBallotLeftOut()
    {
        var paper = PaperBallots.Reconcile([
            new PaperReading(1, 1, Reading(["王芳"])), new PaperReading(1, 2, Reading(["王芳"])),
            new PaperReading(2, 1, Reading(["李强"])), new PaperReading(2, 2, Reading(against: ["李强"])),
        ]);

        Assert.False(paper.Reconciled);
        Assert.Equal(1, paper.Differences);
        Assert.False(paper.Pairs[1].Matches);
        Assert.Single(paper.Ballots);
    }

    [Fact]
    public void Reconcile_NumberOnlyOneTellerEntered_NotReconciled()
    {
        var paper = PaperBallots.Reconcile([new PaperReading(1, 1, Reading(["王芳"]))]);

        Assert.Equal(1, paper.Differences);
        Assert.Null(paper.Pairs[0].Teller2);
    }

    [Fact]
    public void Reconcile_NoPaperBallots_Reconciled() => Assert.True(PaperBallots.Reconcile([]).Reconciled);
}
