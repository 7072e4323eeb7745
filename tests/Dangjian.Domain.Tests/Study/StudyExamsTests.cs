using System.Globalization;
using Dangjian.Domain.Study;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-3: the exam state machine of seed 000 (一, 三 成绩考核: 补考, 停职学习 until a pass).</summary>
public sealed class StudyExamsTests
{
    private const decimal Pass = 60;

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static StudyExam Regular(string date, decimal score) => new(D(date), ExamKind.Regular, score);

    private static StudyExam MakeUp(string date, decimal score) => new(D(date), ExamKind.MakeUp, score);

    private static ExamReplay On(string asOf, params StudyExam[] exams) => StudyExams.Replay(exams, Pass, D(asOf));

    [Fact]
    public void NoExams_Ok() => Assert.Equal(new ExamReplay(ExamState.Ok, null), On("2026-06-30"));

    [Theory]
    [InlineData(60, ExamState.Ok)]
    [InlineData(59.5, ExamState.MakeUpDue)]
    public void Regular_PassAtThePassMark_FailJustBelow(decimal score, ExamState state) =>
        Assert.Equal(state, On("2026-06-30", Regular("2026-01-10", score)).State);

    [Fact]
    public void FailedMakeUp_Suspends_AFailedRegularKeepsTheSuspension_APassEndsIt()
    {
        StudyExam[] exams = [Regular("2026-01-10", 55), MakeUp("2026-02-10", 50), Regular("2026-07-10", 40), Regular("2027-01-10", 75)];

        Assert.Equal(ExamState.MakeUpDue, On("2026-01-10", exams).State);
        Assert.Equal(ExamState.Suspended, On("2026-02-10", exams).State);
        Assert.Equal(ExamState.Suspended, On("2026-12-31", exams).State);
        Assert.Equal(new ExamReplay(ExamState.Ok, null), On("2027-01-10", exams));
    }

    [Theory]
    [InlineData(70, ExamState.Ok)]
    [InlineData(30, ExamState.Suspended)]
    public void MakeUpWhileSuspended_IsValid_PassLiftsTheSuspension(decimal score, ExamState state) =>
        Assert.Equal(new ExamReplay(state, null), On("2026-06-30", Regular("2026-01-10", 55), MakeUp("2026-02-10", 50), MakeUp("2026-03-10", score)));

    [Fact]
    public void MakeUpPassed_BackToOk() =>
        Assert.Equal(ExamState.Ok, On("2026-06-30", Regular("2026-01-10", 55), MakeUp("2026-02-10", 70)).State);

    [Fact]
    public void MakeUpWithNothingToMakeUp_IsInvalid_NamedByItsIndex()
    {
        Assert.Equal(new ExamReplay(ExamState.Ok, 0), On("2026-06-30", MakeUp("2026-02-10", 70)));
        // After a pass the make-up is not due any more; the state reported is the one before it.
        Assert.Equal(new ExamReplay(ExamState.Ok, 2), On("2026-06-30", Regular("2026-01-10", 55), MakeUp("2026-02-10", 70), MakeUp("2026-03-10", 80)));
    }

    [Fact]
    public void SameDate_RegularBeforeMakeUp_WhateverTheInputOrder()
    {
        var r = On("2026-06-30", MakeUp("2026-01-10", 70), Regular("2026-01-10", 55));

        Assert.Equal(new ExamReplay(ExamState.Ok, null), r);
        Assert.Equal([1, 0], StudyExams.Order([MakeUp("2026-01-10", 70), Regular("2026-01-10", 55)]));
    }

    [Fact]
    public void ByDate_NotInputOrder_AndExamsAfterAsOfNotTaken()
    {
        StudyExam[] exams = [MakeUp("2026-02-10", 50), Regular("2026-01-10", 55), MakeUp("2026-07-10", 90)];

        Assert.Equal(new ExamReplay(ExamState.Suspended, null), On("2026-06-30", exams));
        Assert.Equal(new ExamReplay(ExamState.Ok, null), On("2026-07-10", exams));
        // A make-up after asOf is not taken yet, so it cannot be invalid yet.
        Assert.Equal(new ExamReplay(ExamState.Ok, null), On("2026-06-30", Regular("2026-01-10", 80), MakeUp("2026-07-10", 90)));
    }
}
