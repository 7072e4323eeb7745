using Dangjian.Domain.Elections;

namespace Dangjian.Domain.Tests.Elections;

/// <summary>The workflow rules of ELE-2, ELE-7, ELE-14 and ELE-15: coverage, candidate lists, report stages, 公推 pipeline.</summary>
public sealed class WorkflowRuleTests
{
    private static readonly IReadOnlyList<string> Clear = [];

    private static List<ProposedCandidate> Candidates(int n) =>
        Enumerable.Range(1, n).Select(i => new ProposedCandidate(i, $"候选人{i}", Clear)).ToList();

    [Fact]
    public void TalkCoverage_CountsEachStatus_AndPercentOfCovered()
    {
        var c = TalkCoverage.Of([TalkStatus.Talked, TalkStatus.Talked, TalkStatus.Phoned, TalkStatus.MakeUp, TalkStatus.NotYet, TalkStatus.NotYet]);

        Assert.Equal((6, 2, 1, 1, 2, 4), (c.Total, c.Talked, c.Phoned, c.MakeUp, c.NotYet, c.Covered));
        Assert.Equal(66.7, c.Percent);
        Assert.False(c.Complete);
    }

    [Fact]
    public void TalkCoverage_EmptyList_IsZeroAndNotComplete()
    {
        var c = TalkCoverage.Of([]);

        Assert.Equal(0, c.Percent);
        Assert.False(c.Complete);
    }

    [Fact]
    public void TalkCoverage_EveryoneCovered_IsCompleteAtHundred()
    {
        var c = TalkCoverage.Of([TalkStatus.Phoned, TalkStatus.MakeUp]);

        Assert.True(c.Complete);
        Assert.Equal(100, c.Percent);
    }

    [Theory]
    [InlineData(5, 20, 5, false)]
    [InlineData(5, 20, 6, true)]
    [InlineData(7, 20, 8, false)]
    [InlineData(7, 20, 9, true)]
    [InlineData(1, 0, 1, true)]
    [InlineData(1, 0, 0, false)]
    public void CandidateList_DifferentialBoundary(int seats, int percent, int count, bool accepted)
    {
        var problems = CandidateList.Check(Candidates(count), seats, percent);

        Assert.Equal(accepted, problems.Count == 0);
        if (!accepted)
        {
            var tooFew = Assert.IsType<CandidateListProblem.TooFew>(Assert.Single(problems));
            Assert.Equal(DifferentialRule.MinimumCandidates(seats, percent), tooFew.Minimum);
        }
    }

    [Fact]
    public void CandidateList_BlockedNominee_IsNamed()
    {
        var list = Candidates(6);
        list[2] = list[2] with { Blockers = ["Open.Dossier"] };

        var problem = Assert.Single(CandidateList.Check(list, 5, 20));

        Assert.Equal(3, Assert.IsType<CandidateListProblem.Blocked>(problem).Candidate.NomineeId);
    }

    [Fact]
    public void CandidateList_SameNameTwice_IsRefused()
    {
        var list = Candidates(6);
        list[5] = list[5] with { Name = list[0].Name };

        var problem = Assert.Single(CandidateList.Check(list, 5, 20));

        Assert.Equal(list[0].Name, Assert.IsType<CandidateListProblem.DuplicateName>(problem).Name);
    }

    [Theory]
    [InlineData(ReportStage.Filed, ReportStage.Investigating, true)]
    [InlineData(ReportStage.Investigating, ReportStage.Proven, true)]
    [InlineData(ReportStage.Investigating, ReportStage.Unfounded, true)]
    [InlineData(ReportStage.Filed, ReportStage.Proven, false)]
    [InlineData(ReportStage.Proven, ReportStage.Investigating, false)]
    [InlineData(ReportStage.Unfounded, ReportStage.Proven, false)]
    [InlineData(ReportStage.Proven, ReportStage.Unfounded, false)]
    [InlineData(ReportStage.Investigating, ReportStage.Filed, false)]
    public void ReportFlow_Moves(ReportStage from, ReportStage to, bool allowed) =>
        Assert.Equal(allowed, ReportFlow.CanMove(from, to));

    [Fact]
    public void ReportFlow_Conclusions_HaveNoNextStage()
    {
        Assert.Empty(ReportFlow.Next(ReportStage.Proven));
        Assert.Empty(ReportFlow.Next(ReportStage.Unfounded));
        Assert.Equal([ReportStage.Proven, ReportStage.Unfounded], ReportFlow.Next(ReportStage.Investigating));
    }

    [Fact]
    public void SelectionPipeline_NextIsFirstNotDone_NullWhenAllDone()
    {
        Assert.Equal(SelectionStage.Conditions, SelectionPipeline.Next([]));
        Assert.Equal(SelectionStage.Shortlist, SelectionPipeline.Next([SelectionStage.Conditions, SelectionStage.SignUp]));
        Assert.Null(SelectionPipeline.Next(Enum.GetValues<SelectionStage>()));
    }

    [Fact]
    public void SelectionPipeline_SkippingAStage_IsOutOfOrder()
    {
        var day = new DateOnly(2026, 3, 1);
        (SelectionStage, DateOnly)[] done = [(SelectionStage.Conditions, day)];

        Assert.Equal("OutOfOrder", SelectionPipeline.Refusal(done, SelectionStage.Shortlist, day));
        Assert.Null(SelectionPipeline.Refusal(done, SelectionStage.SignUp, day));
        Assert.Equal("AlreadyRecorded", SelectionPipeline.Refusal(done, SelectionStage.Conditions, day));
    }

    [Fact]
    public void SelectionPipeline_DayBeforePreviousStage_IsRefused_SameDayAccepted()
    {
        var day = new DateOnly(2026, 3, 10);
        (SelectionStage, DateOnly)[] done = [(SelectionStage.Conditions, day)];

        Assert.Equal("BeforePrevious", SelectionPipeline.Refusal(done, SelectionStage.SignUp, day.AddDays(-1)));
        Assert.Null(SelectionPipeline.Refusal(done, SelectionStage.SignUp, day));
    }
}
