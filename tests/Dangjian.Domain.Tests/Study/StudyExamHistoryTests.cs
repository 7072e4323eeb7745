using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-3: a person's exams recorded through the state machine (seed 000, 一, 三 成绩考核), the whole history kept.</summary>
public sealed class StudyExamHistoryTests
{
    private static readonly DateOnly Today = D("2026-12-31");
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 2, 0, 0, TimeSpan.Zero);
    private static readonly StudyExamRules Rules = StudyExamRules.Defaults;

    private static StudyExamResult Take(StudyExamHistory h, string date, ExamKind kind, decimal score) => h.Record(D(date), kind, score, Rules, "李娜", Now, Today);

    [Theory]
    [InlineData(60, ExamState.Ok)]
    [InlineData(59.5, ExamState.MakeUpDue)]
    public void Regular_PassAtThePassMark_FailJustBelowMakesAMakeUpDue(decimal score, ExamState state)
    {
        var h = new StudyExamHistory();

        Assert.Equal(score >= 60, Take(h, "2026-01-10", ExamKind.Regular, score).Passed);
        Assert.Equal(state, h.State);
        Assert.Equal(state == ExamState.MakeUpDue ? D("2026-02-09") : null, h.MakeUpDue);
    }

    [Fact]
    public void FailedMakeUp_Suspends_UntilAPass_AndTheWholeHistoryIsKept()
    {
        var h = new StudyExamHistory();

        Take(h, "2026-01-10", ExamKind.Regular, 55);
        Take(h, "2026-02-09", ExamKind.MakeUp, 50);
        Assert.Equal((ExamState.Suspended, null, D("2026-02-09")), (h.State, h.MakeUpDue, h.SuspendedSince));

        // Still suspended after a failed regular exam, and since the first failed make-up.
        Take(h, "2026-07-10", ExamKind.Regular, 40);
        Assert.Equal((ExamState.Suspended, null, D("2026-02-09")), (h.State, h.MakeUpDue, h.SuspendedSince));

        Take(h, "2026-08-10", ExamKind.MakeUp, 75);
        Assert.Equal((ExamState.Ok, null, null), (h.State, h.MakeUpDue, h.SuspendedSince));
        Assert.Equal(
            [ExamState.MakeUpDue, ExamState.Suspended, ExamState.Suspended, ExamState.Ok],
            h.Exams.Select(e => e.StateAfter));
    }

    [Fact]
    public void MakeUp_WithNothingDue_Refused_ChangesNothing()
    {
        var h = new StudyExamHistory();
        Take(h, "2026-01-10", ExamKind.Regular, 80);

        Assert.Equal(("Study.MakeUpNotDue", "kind"), Pair(Refused(() => Take(h, "2026-02-10", ExamKind.MakeUp, 90))));
        Assert.Equal((ExamState.Ok, 1), (h.State, h.Exams.Count));
    }

    [Fact]
    public void MakeUp_AfterItWasPassed_Refused()
    {
        var h = new StudyExamHistory();
        Take(h, "2026-01-10", ExamKind.Regular, 55);
        Take(h, "2026-02-01", ExamKind.MakeUp, 60);

        Assert.Equal("kind", Refused(() => Take(h, "2026-02-02", ExamKind.MakeUp, 90)).Field);
    }

    [Fact]
    public void Order_MakeUpTheSameDayAfterTheRegular_Accepted_ARegularTheSameDayAfterAMakeUp_Refused_AnEarlierDay_Refused()
    {
        var h = new StudyExamHistory();
        Take(h, "2026-01-10", ExamKind.Regular, 55);
        Take(h, "2026-01-10", ExamKind.MakeUp, 40);

        Assert.Equal(("Study.ExamOutOfOrder", "date"), Pair(Refused(() => Take(h, "2026-01-10", ExamKind.Regular, 90))));
        Assert.Equal("date", Refused(() => Take(h, "2026-01-09", ExamKind.MakeUp, 90)).Field);
        Assert.Equal(ExamState.Suspended, Take(h, "2026-01-11", ExamKind.Regular, 10).StateAfter);
    }

    [Fact]
    public void Date_Today_Accepted_Tomorrow_Refused()
    {
        var h = new StudyExamHistory();

        Assert.Equal(("Study.InFuture", "date"), Pair(Refused(() => Take(h, "2027-01-01", ExamKind.Regular, 90))));
        Assert.Empty(h.Exams);
        Take(h, "2026-12-31", ExamKind.Regular, 90);
        Assert.Single(h.Exams);
    }

    [Theory]
    [InlineData(-0.5, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(100.5, false)]
    public void Score_FromZeroToTheHighest(decimal score, bool accepted)
    {
        var h = new StudyExamHistory();

        if (accepted)
        {
            Assert.Equal(score, Take(h, "2026-01-10", ExamKind.Regular, score).Score);
        }
        else
        {
            Assert.Equal(("Study.ScoreRange", "score"), Pair(Refused(() => Take(h, "2026-01-10", ExamKind.Regular, score))));
            Assert.Empty(h.Exams);
        }
    }

    [Fact]
    public void MakeUpOverdue_TheDayAfterItWasDue_NotOnTheDueDay()
    {
        var h = new StudyExamHistory();
        Take(h, "2026-01-10", ExamKind.Regular, 30);

        Assert.False(h.IsMakeUpOverdue(D("2026-02-09")));
        Assert.True(h.IsMakeUpOverdue(D("2026-02-10")));
    }

    [Fact]
    public void State_AgreesWithTheContractsReplay()
    {
        var h = new StudyExamHistory();
        (string Date, ExamKind Kind, decimal Score)[] exams =
            [("2026-01-10", ExamKind.Regular, 55), ("2026-02-10", ExamKind.MakeUp, 50), ("2026-03-10", ExamKind.MakeUp, 59), ("2026-07-10", ExamKind.Regular, 61)];
        foreach (var (date, kind, score) in exams)
        {
            Take(h, date, kind, score);
            var replay = StudyExams.Replay(h.Taken, Rules.PassScore, D(date));
            Assert.Equal(replay.State, h.State);
        }
    }

    [Fact]
    public void Credits_APassedRegularAndAPassedMakeUp_InsideThePeriod()
    {
        var h = new StudyExamHistory();
        Take(h, "2025-12-31", ExamKind.Regular, 90);
        Take(h, "2026-01-10", ExamKind.Regular, 50);
        Take(h, "2026-02-10", ExamKind.MakeUp, 70);

        Assert.Equal(5m, h.Credits(StudyCredits.Defaults, new(D("2026-01-01"), D("2026-12-31"))));
        Assert.Equal(15m, h.Credits(StudyCredits.Defaults, new(D("2025-12-31"), D("2026-12-31"))));
    }
}
