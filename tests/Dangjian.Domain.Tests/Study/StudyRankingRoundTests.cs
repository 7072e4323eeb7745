using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-5: the committee confirms the ranking's 自学标兵 and 后进, each 后进 with a deadline and a class (seed 000: 集中上课限期整改).</summary>
public sealed class StudyRankingRoundTests
{
    private static readonly DateOnly Today = D("2026-07-10");
    private static readonly DateTimeOffset Now = new(2026, 7, 10, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Five people; 4 and 5 share a name and tie at the bottom.</summary>
    private static StudyRankingRound Round(int models = 1, int laggards = 2) => StudyRankingRound.Propose(
        3, 2026, 1, [new(1, "张伟", 40, 90), new(2, "李娜", 30, 80), new(3, "王芳", 20, 70), new(4, "刘洋", 10, 60), new(5, "刘洋", 10, 60)], models, laggards);

    private static StudyRankingLine Of(StudyRankingRound r, int person) => r.Lines.Single(l => l.PersonId == person);

    [Fact]
    public void Propose_TheRankingsProposal_ForEachPerson_EvenWithTheSameName()
    {
        var r = Round();

        Assert.Equal(
            [(1, 1, RankingProposal.StudyModel), (2, 2, RankingProposal.None), (3, 3, RankingProposal.None), (4, 4, RankingProposal.Laggard), (5, 4, RankingProposal.Laggard)],
            r.Lines.Select(l => (l.PersonId, l.Rank, l.Decision)));
        Assert.Equal(new StudyPeriod(D("2026-01-01"), D("2026-06-30")), r.Period);
    }

    [Fact]
    public void Propose_ATieAtTheBottomLine_IsLeftOutWhole()
    {
        var r = Round(laggards: 1);

        Assert.All(r.Lines, l => Assert.NotEqual(RankingProposal.Laggard, l.Proposed));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Propose_HalfIsOneOrTwo(int half, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(half, StudyRankingRound.Propose(3, 2026, half, [], 0, 0).Half);
        }
        else
        {
            Assert.Equal("half", Refused(() => StudyRankingRound.Propose(3, 2026, half, [], 0, 0)).Field);
        }
    }

    [Fact]
    public void Propose_ANameAtItsLength_Accepted_OneMore_Refused_Blank_Refused()
    {
        var longest = new string('张', StudyRankingLine.MaxNameLength);

        Assert.Equal(longest, StudyRankingRound.Propose(3, 2026, 1, [new(1, longest, 1, 1)], 0, 0).Lines[0].Name);
        Assert.Equal(("Input.TooLong", "candidates[1].name"), Pair(Refused(() => StudyRankingRound.Propose(3, 2026, 1, [new(1, "张伟", 1, 1), new(2, longest + "伟", 1, 1)], 0, 0))));
        Assert.Equal("candidates[0].name", Refused(() => StudyRankingRound.Propose(3, 2026, 1, [new(1, " ", 1, 1)], 0, 0)).Field);
    }

    [Fact]
    public void Propose_APersonTwice_Refused() =>
        Assert.Equal(("Study.RankedTwice", "candidates"), Pair(Refused(() => StudyRankingRound.Propose(3, 2026, 1, [new(1, "张伟", 1, 1), new(1, "张伟", 2, 2)], 0, 0))));

    [Fact]
    public void Confirm_NamesEachLaggardWithoutDeadlineOrClass_ThenConfirmsWhenAllHaveBoth()
    {
        var r = Round();
        r.SetRectification(4, D("2026-09-30"), "第一期集中学习班", Today);

        var e = Refused(() => r.Confirm("党委", Now));
        Assert.Equal(["lines[4].rectificationDeadline", "lines[4].className"], e.Problems.Select(p => p.Field));
        Assert.Equal(StudyRankingStatus.Proposed, r.Status);

        r.SetRectification(5, D("2026-09-30"), "第一期集中学习班", Today);
        r.Confirm("党委", Now);

        Assert.Equal((StudyRankingStatus.Confirmed, "党委"), (r.Status, r.ConfirmedBy));
        Assert.Equal(("Study.RankingConfirmed", "status"), Pair(Refused(() => r.Decide(2, RankingProposal.StudyModel))));
    }

    [Theory]
    [InlineData("2026-07-10", false)]
    [InlineData("2026-07-11", true)]
    public void SetRectification_DeadlineAfterToday(string deadline, bool accepted)
    {
        var r = Round();

        if (accepted)
        {
            r.SetRectification(4, D(deadline), "学习班", Today);
            Assert.Equal(D(deadline), Of(r, 4).RectificationDeadline);
        }
        else
        {
            Assert.Equal(("Study.DeadlineNotAfterToday", "rectificationDeadline"), Pair(Refused(() => r.SetRectification(4, D(deadline), "学习班", Today))));
            Assert.Null(Of(r, 4).RectificationDeadline);
        }
    }

    [Fact]
    public void SetRectification_OnlyForALaggard_WithAClass()
    {
        var r = Round();

        Assert.Equal(("Study.NotLaggard", "personId"), Pair(Refused(() => r.SetRectification(2, D("2026-09-30"), "学习班", Today))));
        Assert.Equal("className", Refused(() => r.SetRectification(4, D("2026-09-30"), " ", Today)).Field);
        Assert.Equal(("Study.NotRanked", "personId"), Pair(Refused(() => r.SetRectification(9, D("2026-09-30"), "学习班", Today))));
    }

    [Fact]
    public void Decide_TheCommitteeChangesADesignation_ALaggardNoMoreLosesTheRectification()
    {
        var r = Round();
        r.SetRectification(4, D("2026-09-30"), "学习班", Today);

        r.Decide(4, RankingProposal.None);
        r.Decide(3, RankingProposal.Laggard);

        Assert.Equal((RankingProposal.None, RankingProposal.Laggard, null, null), (Of(r, 4).Decision, Of(r, 4).Proposed, Of(r, 4).RectificationDeadline, Of(r, 4).ClassName));
        Assert.Equal(["lines[2].rectificationDeadline", "lines[2].className", "lines[4].rectificationDeadline", "lines[4].className"], Refused(() => r.Confirm("党委", Now)).Problems.Select(p => p.Field));
    }
}
