using System.Globalization;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>MTG-9: 三会一课 periods on both sides of every boundary.</summary>
public sealed class ComplianceCheckTests
{
    private static readonly ComplianceRequirement Quarterly = new(MeetingType.MembersAssembly, MeetingFrequency.Quarterly);
    private static readonly ComplianceRequirement Monthly = new(MeetingType.CommitteeMeeting, MeetingFrequency.Monthly);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static ComplianceResult Check(ComplianceRequirement r, string asOf, params string[] held) =>
        ComplianceCheck.Evaluate(r, held.Select(D), D(asOf).Year, D(asOf));

    private static PeriodState StateOf(ComplianceResult r, int index) => r.Periods.Single(p => p.Period.Index == index).State;

    [Fact]
    public void Defaults_AreTheIssues()
    {
        var rules = ComplianceRules.Default;
        Assert.Equal(
            [new(MeetingType.MembersAssembly, MeetingFrequency.Quarterly), new(MeetingType.CommitteeMeeting, MeetingFrequency.Monthly), new(MeetingType.PartyLecture, MeetingFrequency.Quarterly)],
            rules.For(OrganizationKind.Branch));
        Assert.Equal([new ComplianceRequirement(MeetingType.GroupMeeting, MeetingFrequency.Monthly)], rules.For(OrganizationKind.PartyGroup));
        Assert.Empty(rules.For(OrganizationKind.TownshipCommittee));
        Assert.Equal([OrganizationKind.Branch, OrganizationKind.PartyGroup], rules.Kinds.Order());
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-01", "2026-03-31", 1)]
    [InlineData("2026-03-31", "2026-01-01", "2026-03-31", 1)]
    [InlineData("2026-04-01", "2026-04-01", "2026-06-30", 2)]
    [InlineData("2026-12-31", "2026-10-01", "2026-12-31", 4)]
    public void Quarter_ContainsItsFirstAndLastDay(string day, string start, string end, int index)
    {
        var p = MeetingPeriod.Of(D(day), MeetingFrequency.Quarterly);
        Assert.Equal((D(start), D(end), index), (p.Start, p.End, p.Index));
    }

    [Fact]
    public void Month_EndsOnItsLastDay_InALeapYearToo()
    {
        Assert.Equal(D("2028-02-29"), MeetingPeriod.Of(D("2028-02-10"), MeetingFrequency.Monthly).End);
        Assert.Equal(D("2026-02-28"), MeetingPeriod.Of(D("2026-02-10"), MeetingFrequency.Monthly).End);
        Assert.Equal(12, MeetingPeriod.OfYear(2026, MeetingFrequency.Monthly).Count);
        Assert.Equal(4, MeetingPeriod.OfYear(2026, MeetingFrequency.Quarterly).Count);
    }

    [Fact]
    public void LastDayOfQuarter_WithoutMeeting_IsDueNotOverdue()
    {
        // Counting from 2026: last year's fourth quarter is not asked for.
        var r = ComplianceCheck.Evaluate(Quarterly, [], 2026, D("2026-03-31"), countFrom: D("2026-01-01"));
        Assert.Equal(PeriodState.Due, StateOf(r, 1));
        Assert.Equal(0, r.OverdueCount);
        Assert.Equal(ComplianceState.Due, r.State);
        Assert.Equal(D("2026-03-31"), r.NextDue);
    }

    [Fact]
    public void DayAfterTheQuarter_WithoutMeeting_IsOverdue()
    {
        var r = Check(Quarterly, "2026-04-01");
        Assert.Equal(PeriodState.Overdue, StateOf(r, 1));
        Assert.Equal(PeriodState.Due, StateOf(r, 2));
        Assert.Equal(1, r.OverdueCount);
        Assert.Equal(ComplianceState.Overdue, r.State);
        Assert.Equal(D("2026-06-30"), r.NextDue);
    }

    [Fact]
    public void MeetingOnTheLastDayOfTheQuarter_CountsForIt()
    {
        var r = Check(Quarterly, "2026-04-01", "2026-03-31");
        Assert.Equal(PeriodState.Held, StateOf(r, 1));
        Assert.Equal(0, r.OverdueCount);
        Assert.Equal(ComplianceState.Due, r.State);
    }

    [Fact]
    public void MeetingOnTheFirstDayOfTheNextQuarter_DoesNotSaveThePreviousOne()
    {
        var r = Check(Quarterly, "2026-04-02", "2026-04-01");
        Assert.Equal(PeriodState.Overdue, StateOf(r, 1));
        Assert.Equal(PeriodState.Held, StateOf(r, 2));
        Assert.Equal(ComplianceState.Overdue, r.State);
        Assert.Equal(D("2026-09-30"), r.NextDue);
        Assert.Equal(D("2026-04-01"), r.LastHeld);
    }

    [Fact]
    public void EveryPeriodHeld_IsOk_AndNextDueIsTheNextPeriodsEnd()
    {
        var r = Check(Quarterly, "2026-05-15", "2026-02-10", "2026-05-15");
        Assert.Equal(ComplianceState.Ok, r.State);
        Assert.Equal(2, r.HeldThisYear);
        Assert.Equal(D("2026-09-30"), r.NextDue);
        Assert.Equal([PeriodState.Held, PeriodState.Held, PeriodState.Upcoming, PeriodState.Upcoming], r.Periods.Select(p => p.State));
    }

    [Fact]
    public void MeetingAfterTheReferenceDay_DoesNotCountYet()
    {
        var r = Check(Monthly, "2026-05-15", "2026-05-16");
        Assert.Equal(PeriodState.Due, StateOf(r, 5));
        Assert.Null(r.LastHeld);
        Assert.Equal(0, r.HeldThisYear);
    }

    [Fact]
    public void TwoMeetingsInAMonth_DoNotCoverTheNext()
    {
        var r = Check(Monthly, "2026-03-01", "2026-01-05", "2026-01-25");
        Assert.Equal(2, r.Periods[0].Held);
        Assert.Equal(PeriodState.Overdue, r.Periods[1].State);
        Assert.Equal(PeriodState.Due, r.Periods[2].State);
        Assert.Equal(1, r.OverdueCount);
    }

    [Fact]
    public void InJanuary_LastDecemberMissed_IsOverdue()
    {
        var missed = Check(Monthly, "2027-01-10", "2026-11-20");
        Assert.True(missed.PreviousPeriodMissed);
        Assert.Equal(0, missed.OverdueCount);
        Assert.Equal(ComplianceState.Overdue, missed.State);

        var held = Check(Monthly, "2027-01-10", "2026-12-31");
        Assert.False(held.PreviousPeriodMissed);
        Assert.Equal(ComplianceState.Due, held.State);
        Assert.Equal(D("2026-12-31"), held.LastHeld);
        Assert.Equal(0, held.HeldThisYear);
    }

    [Fact]
    public void FoundedOnTheFirstDayOfAQuarter_IsAskedForThatQuarter()
    {
        var r = ComplianceCheck.Evaluate(Quarterly, [], 2026, D("2026-07-01"), countFrom: D("2026-04-01"));
        Assert.Equal(PeriodState.NotRequired, StateOf(r, 1));
        Assert.Equal(PeriodState.Overdue, StateOf(r, 2));
        Assert.Equal(1, r.OverdueCount);
    }

    [Fact]
    public void FoundedTheDayAfter_IsNotAskedForThatQuarter()
    {
        var r = ComplianceCheck.Evaluate(Quarterly, [], 2026, D("2026-07-01"), countFrom: D("2026-04-02"));
        Assert.Equal(PeriodState.NotRequired, StateOf(r, 2));
        Assert.Equal(PeriodState.Due, StateOf(r, 3));
        Assert.Equal(0, r.OverdueCount);
        Assert.Equal(ComplianceState.Due, r.State);
    }

    [Fact]
    public void MeetingBeforeCountingStarts_StillShowsAsHeld()
    {
        var r = ComplianceCheck.Evaluate(Quarterly, [D("2026-02-01")], 2026, D("2026-07-01"), countFrom: D("2026-04-01"));
        Assert.Equal(PeriodState.Held, StateOf(r, 1));
        Assert.Equal(PeriodState.Overdue, StateOf(r, 2));
    }

    [Fact]
    public void CountingStartInTheFuture_NextDueIsTheFirstRequiredPeriod()
    {
        var r = ComplianceCheck.Evaluate(Monthly, [], 2026, D("2026-05-10"), countFrom: D("2026-09-01"));
        Assert.All(r.Periods.Take(8), p => Assert.Equal(PeriodState.NotRequired, p.State));
        Assert.Equal(ComplianceState.Ok, r.State);
        Assert.Equal(D("2026-09-30"), r.NextDue);
    }

    [Fact]
    public void Dissolved_PeriodsAfterAreNotRequired()
    {
        var r = ComplianceCheck.Evaluate(Monthly, [], 2026, D("2026-08-01"), countUntil: D("2026-05-31"));
        Assert.Equal(5, r.OverdueCount);
        Assert.Equal(PeriodState.NotRequired, r.Periods[5].State);
        Assert.Null(r.NextDue);
    }

    [Fact]
    public void CountFrom_IsTheLaterOfStartAndFounding()
    {
        Assert.Equal(D("2026-03-01"), ComplianceCheck.CountFrom(D("2026-01-01"), D("2026-03-01")));
        Assert.Equal(D("2026-01-01"), ComplianceCheck.CountFrom(D("2026-01-01"), D("2020-03-01")));
        Assert.Equal(D("2026-01-01"), ComplianceCheck.CountFrom(D("2026-01-01"), null));
        Assert.Null(ComplianceCheck.CountFrom(null, null));
    }

    [Fact]
    public void PastYear_HasNoDuePeriod()
    {
        var r = ComplianceCheck.Evaluate(Quarterly, [D("2025-02-01"), D("2025-05-01"), D("2025-08-01")], 2025, D("2026-02-01"));
        Assert.Equal([PeriodState.Held, PeriodState.Held, PeriodState.Held, PeriodState.Overdue], r.Periods.Select(p => p.State));
        Assert.Equal(3, r.HeldThisYear);
        Assert.Equal(ComplianceState.Overdue, r.State);
    }

    [Theory]
    [InlineData(MeetingStatus.Closed, true)]
    [InlineData(MeetingStatus.InProgress, true)]
    [InlineData(MeetingStatus.Notified, false)]
    [InlineData(MeetingStatus.Planned, false)]
    [InlineData(MeetingStatus.Cancelled, false)]
    public void OnlyHeldMeetingsCount(MeetingStatus status, bool counts) => Assert.Equal(counts, ComplianceCheck.Counts(status));
}
