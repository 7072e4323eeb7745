using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-5: what a half-year ranks a person by: their credits in it and the last exam they took in it.</summary>
public sealed class StudyRankingCandidateTests
{
    private static readonly DateOnly Today = D("2026-12-31");
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 2, 0, 0, TimeSpan.Zero);
    private static readonly StudyPeriod FirstHalf = new(D("2026-01-01"), D("2026-06-30"));

    private static StudyExamHistory Exams(params (string Date, ExamKind Kind, decimal Score)[] taken)
    {
        var h = new StudyExamHistory();
        foreach (var (date, kind, score) in taken)
        {
            h.Record(D(date), kind, score, StudyExamRules.Defaults, "李娜", Now, Today);
        }

        return h;
    }

    [Fact]
    public void Of_AFailedExamThenAPassedMakeUp_TheMakeUpStands_BothCountedForCredits()
    {
        var c = StudyRankingCandidate.Of(1, "张伟", [], Exams(("2026-03-01", ExamKind.Regular, 55), ("2026-03-20", ExamKind.MakeUp, 70)), FirstHalf, StudyCredits.Defaults);

        // The failed exam earns nothing, the passed make-up its 5 credits (the defaults).
        Assert.Equal((70m, 5m), (c.ExamScore, c.Credits));
    }

    [Theory]
    [InlineData("2026-06-30", 80)]
    [InlineData("2026-07-01", 0)]
    public void Of_AnExamOnTheHalfsLastDay_Counts_TheDayAfter_DoesNot(string date, decimal score)
    {
        var c = StudyRankingCandidate.Of(1, "张伟", [], Exams((date, ExamKind.Regular, 80)), FirstHalf, StudyCredits.Defaults);
        Assert.Equal(score, c.ExamScore);
        Assert.Equal(score == 0 ? 0m : 10m, c.Credits);
    }

    [Fact]
    public void Of_NoHistory_ScoresNothing()
    {
        var c = StudyRankingCandidate.Of(1, "张伟", [], null, FirstHalf, StudyCredits.Defaults);
        Assert.Equal((0m, 0m), (c.Credits, c.ExamScore));
    }
}
