using Dangjian.Domain.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Dangjian.Domain.Cadres.Selection;
using static Dangjian.Domain.Tests.Cadres.Selection.SelectionTestKit;

namespace Dangjian.Domain.Tests.Cadres.Selection;

/// <summary>
/// 任职前公示 (CAD-5): five working days on the holiday calendar (《党政领导干部选拔任用工作条例》 "公示期不少于五个工作日"),
/// objections investigated and answered, and the appointment refused while the period runs or an objection is open.
/// </summary>
public sealed class PublicityTests
{
    // 2026: 中秋 25–27 September and 国庆 1–7 October are holidays; Sunday 20 September and Saturday 10 October are make-up workdays.
    [Theory]
    [InlineData("2026-09-14", "2026-09-18")] // an ordinary week
    [InlineData("2026-09-28", "2026-10-09")] // across 国庆: 28, 29, 30 September, 8, 9 October
    [InlineData("2026-10-08", "2026-10-13")] // 8, 9, Saturday 10 (make-up workday), 12, 13
    [InlineData("2026-09-18", "2026-09-23")] // 18, Sunday 20 (make-up workday), 21, 22, 23
    [InlineData("2026-10-17", "2026-10-23")] // from a Saturday: the weekend does not count
    public void PublicityEnd_CountsWorkingDaysOnTheCalendar(string start, string last) =>
        Assert.Equal(D(last), SelectionCase.PublicityEnd(D(start), Rules.PublicityWorkingDays, HolidayCalendar.Shipped));

    // Whatever the start day in the shipped years and the length: the period holds exactly that many working days, and
    // ends on one (so the day after the last day is always outside it).
    [Property(MaxTest = 500)]
    public Property PublicityEnd_HoldsExactlyTheWorkingDays_AndEndsOnOne() =>
        Prop.ForAll(Gen.Choose(0, 600).ToArbitrary(), Gen.Choose(5, 20).ToArbitrary(), (offset, days) =>
        {
            var start = D("2025-01-01").AddDays(offset);
            var last = SelectionCase.PublicityEnd(start, days, HolidayCalendar.Shipped);
            return HolidayCalendar.Shipped.WorkingDays(start, last.AddDays(1)) == days && HolidayCalendar.Shipped.IsWorkingDay(last);
        });

    [Fact]
    public void StartPublicity_SetsThePeriod_AcrossNationalDay()
    {
        var c = InPublicity();

        Assert.Equal((D("2026-09-28"), D("2026-10-09"), SelectionPhase.InPublicity), (c.PublicityStart, c.PublicityLastDay, c.Phase));
        Assert.Equal("2026-09-28 – 2026-10-09", c.Trace[^1].Text);
        Assert.False(c.PublicityRunsOn(D("2026-09-27")));
        Assert.True(c.PublicityRunsOn(D("2026-10-09")));
        Assert.False(c.PublicityRunsOn(D("2026-10-10")));
    }

    [Fact]
    public void StartPublicity_IntoAYearTheCalendarLacks_Refused_ChangingNothing()
    {
        var c = Decided();

        Assert.Throws<CalendarYearMissingException>(() => c.StartPublicity(D("2026-12-28"), HolidayCalendar.Shipped, Rules, Clerk, Minute(22)));
        Assert.Equal((SelectionPhase.Decided, null), (c.Phase, c.PublicityStart));
    }

    [Fact]
    public void Appoint_OnTheLastDayOfThePeriod_Refused_TheDayAfterAccepted()
    {
        var c = InPublicity();

        var e = Refused(() => c.Appoint(D("2026-10-09"), Rules, Clerk, Minute(23)));
        Assert.Equal(("Selection.PublicityRunning", "appointedOn"), Pair(e));
        Assert.Equal("2026-10-09", e.Arguments[0]);
        Assert.Equal(SelectionPhase.InPublicity, c.Phase);

        c.Appoint(D("2026-10-10"), Rules, Clerk, Minute(23));
        Assert.Equal((SelectionPhase.Appointed, D("2026-10-10")), (c.Phase, c.AppointedOn));
        Assert.Equal("张伟", c.Trace[^1].Text);
    }

    [Fact]
    public void Appoint_WhileAnObjectionIsOpen_Refused_AfterItIsConcludedNotUpheldAccepted()
    {
        var c = InPublicity();
        var o = c.ReceiveObjection(D("2026-09-30"), "反映其配偶经商情况未如实报告", null, Clerk, Minute(23));
        Assert.True(o.IsAnonymous);

        var e = Refused(() => c.Appoint(D("2026-10-12"), Rules, Clerk, Minute(24)));
        Assert.Equal(("Selection.ObjectionOpen", "objections"), Pair(e));
        Assert.Equal(1, e.Arguments[0]);

        c.ConcludeObjection(o.Number, ObjectionOutcome.NotUpheld, "经核查，已按规定报告", "已向反映人所在单位反馈核查结果", "组织部李明", Minute(25));
        Assert.Equal((ObjectionOutcome.NotUpheld, "组织部李明"), (o.Outcome, o.ConcludedBy));

        c.Appoint(D("2026-10-12"), Rules, Clerk, Minute(26));
        Assert.Equal(SelectionPhase.Appointed, c.Phase);
    }

    [Fact]
    public void AnUpheldObjection_StopsTheCase_AndTheAppointmentIsRefused()
    {
        var c = InPublicity();
        var o = c.ReceiveObjection(D("2026-10-08"), "反映其在原单位违规发放津贴", "钱进", Clerk, Minute(23));

        c.ConcludeObjection(o.Number, ObjectionOutcome.Upheld, "经核查，反映问题属实", "已答复反映人钱进", Clerk, Minute(24));

        Assert.True(c.IsStopped);
        var stop = c.Trace[^1];
        Assert.Equal((SelectionStep.Stopped, 1, "经核查，反映问题属实"), (stop.Step, stop.LinkedId, stop.Reason));
        Assert.Equal(("Selection.CaseStopped", "step"), Pair(Refused(() => c.Appoint(D("2026-10-12"), Rules, Clerk, Minute(25)))));
        Assert.Equal("钱进", c.Trace[^3].GivenBy);
    }

    [Fact]
    public void ReceiveObjection_BeforeThePeriod_Refused()
    {
        var c = InPublicity();

        Assert.Equal(("Selection.ObjectionBeforePublicity", "receivedOn"), Pair(Refused(() => c.ReceiveObjection(D("2026-09-27"), "提前反映", null, Clerk, Minute(23)))));
        Assert.Empty(c.Objections);
    }

    [Fact]
    public void ConcludeObjection_Twice_OrUnknown_OrWithoutAnAnswer_Refused()
    {
        var c = InPublicity();
        var o = c.ReceiveObjection(D("2026-09-29"), "反映问题", null, Clerk, Minute(23));

        Assert.Equal(("Input.Required", "answer"), Pair(Refused(() => c.ConcludeObjection(o.Number, ObjectionOutcome.NotUpheld, "查无实据", " ", Clerk, Minute(24)))));
        Assert.True(o.IsOpen);
        Assert.Equal(("Selection.NoSuchObjection", "number"), Pair(Refused(() => c.ConcludeObjection(2, ObjectionOutcome.NotUpheld, "查无实据", "已反馈", Clerk, Minute(24)))));
        Assert.Equal(("Input.Invalid", "outcome"), Pair(Refused(() => c.ConcludeObjection(o.Number, ObjectionOutcome.Open, "查无实据", "已反馈", Clerk, Minute(24)))));

        c.ConcludeObjection(o.Number, ObjectionOutcome.NotUpheld, "查无实据", "已反馈", Clerk, Minute(24));
        Assert.Equal(("Selection.ObjectionConcluded", "number"), Pair(Refused(() => c.ConcludeObjection(o.Number, ObjectionOutcome.Upheld, "查实", "已反馈", Clerk, Minute(25)))));
    }

    [Fact]
    public void Probation_TwelveMonthsByDefault_ReviewOnTheLastDayRefused_TheDayAfterAccepted_ThenClosed()
    {
        var c = Appointed("2026-10-12");
        Assert.Equal((12, D("2027-10-11")), (c.ProbationMonths, c.ProbationLastDay));

        var e = Refused(() => c.ReviewProbation(D("2027-10-11"), ProbationOutcome.Confirmed, "胜任现职", Clerk, Minute(30)));
        Assert.Equal(("Selection.ProbationRunning", "reviewedOn"), Pair(e));

        c.ReviewProbation(D("2027-10-12"), ProbationOutcome.Confirmed, "胜任现职，正式任职", Clerk, Minute(30));
        Assert.Equal((SelectionPhase.Reviewed, ProbationOutcome.Confirmed, (SelectionStep?)null), (c.Phase, c.ProbationOutcome, c.NextStep));
        Assert.Equal(("Selection.CaseClosed", "step"), Pair(Refused(() => c.Stop("事后撤销", Clerk, Minute(31)))));
    }

    [Fact]
    public void Probation_LengthIsRuleData_FixedAtTheAppointment()
    {
        var c = InPublicity();
        c.Appoint(D("2026-10-12"), Rules with { ProbationMonths = 6 }, Clerk, Minute(23));

        Assert.Equal((6, D("2027-04-11")), (c.ProbationMonths, c.ProbationLastDay));
    }

    [Fact]
    public void AWholeCase_FromTheCallToTheEndOfProbation_TracedInOrder()
    {
        var c = Appointed();
        c.ReviewProbation(D("2027-10-12"), ProbationOutcome.Confirmed, "胜任现职", Clerk, Minute(40));

        Assert.Equal(
            [SelectionStep.Call, SelectionStep.MeetingRecommendation, SelectionStep.TalkRecommendation, SelectionStep.Shortlist,
             SelectionStep.InspectionStarted, SelectionStep.InspectionMethod,
             SelectionStep.CircleFinding, SelectionStep.CircleFinding, SelectionStep.CandidateFinding,
             SelectionStep.CircleFinding, SelectionStep.CircleFinding, SelectionStep.CandidateFinding,
             SelectionStep.InspectionCompleted, SelectionStep.Decision, SelectionStep.PublicityStarted, SelectionStep.Appointment, SelectionStep.ProbationReview],
            c.Trace.Select(e => e.Step));
        Assert.Equal(Enumerable.Range(1, c.Trace.Count), c.Trace.Select(e => e.Sequence));
        Assert.True(c.Trace.Zip(c.Trace.Skip(1)).All(p => p.First.At <= p.Second.At));
    }
}
