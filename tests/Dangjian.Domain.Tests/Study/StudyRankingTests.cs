using Dangjian.Domain.Study;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-5: 自学标兵 and 后进 by credits then exam score; ties ranked equally and never split across a line.</summary>
public sealed class StudyRankingTests
{
    private static RankingEntry E(string name, decimal credits, decimal exam = 80) => new(name, credits, exam);

    private static string Line(IReadOnlyList<RankedEntry> ranked) =>
        string.Join(' ', ranked.Select(r => $"{r.Entry.Name}{r.Rank}{r.Proposal switch { RankingProposal.StudyModel => "+", RankingProposal.Laggard => "-", _ => string.Empty }}"));

    [Fact]
    public void CreditsFirst_ThenExamScore_TiesRankedEqually_OneOneThree()
    {
        var ranked = StudyRanking.Rank([E("C", 20, 70), E("A", 30, 60), E("B", 30, 60), E("D", 20, 90), E("F", 10, 99)], models: 0, laggards: 0);

        Assert.Equal("A1 B1 D3 C4 F5", Line(ranked));
    }

    [Theory]
    [InlineData(1, "A1+ B2 C2 D4 E5")]
    [InlineData(2, "A1+ B2 C2 D4 E5")]
    [InlineData(3, "A1+ B2+ C2+ D4 E5")]
    public void TieAtTheTopLine_AllOutUnlessItFitsWhole(int models, string expected)
    {
        // Two places with B and C tied for second: neither is proposed (A alone); three places take both.
        var ranked = StudyRanking.Rank([E("A", 40), E("B", 30), E("C", 30), E("D", 20), E("E", 10)], models, laggards: 0);

        Assert.Equal(expected, Line(ranked));
    }

    [Theory]
    [InlineData(0, "A1 B1 C3")]
    [InlineData(1, "A1 B1 C3")]
    [InlineData(2, "A1+ B1+ C3")]
    public void TieForFirst_NobodyProposedUntilBothFit(int models, string expected) =>
        Assert.Equal(expected, Line(StudyRanking.Rank([E("A", 30), E("B", 30), E("C", 20)], models, laggards: 0)));

    [Theory]
    [InlineData(1, "A1 B2 C3 D3")]
    [InlineData(2, "A1 B2 C3- D3-")]
    [InlineData(3, "A1 B2- C3- D3-")]
    public void TieAtTheBottomLine_AllOutUnlessItFitsWhole(int laggards, string expected) =>
        Assert.Equal(expected, Line(StudyRanking.Rank([E("A", 40), E("B", 30), E("C", 20, 60), E("D", 20, 60)], models: 0, laggards)));

    [Fact]
    public void NobodyIsBothModelAndLaggard()
    {
        var ranked = StudyRanking.Rank([E("A", 30), E("B", 20), E("C", 10)], models: 2, laggards: 2);

        Assert.Equal("A1+ B2+ C3-", Line(ranked));
    }

    [Fact]
    public void EveryoneTied_NobodyProposed() =>
        Assert.Equal("A1 B1 C1", Line(StudyRanking.Rank([E("A", 30), E("B", 30), E("C", 30)], models: 1, laggards: 1)));
}
