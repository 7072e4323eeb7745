using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>DLM-1 … DLM-4 rules: 三到位 before held, postponing, quality, and the carry-over of open rectifications.</summary>
public sealed class DemocraticLifeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static DemocraticLifeMeeting Meeting(int id = 1, int org = 10, int year = 2026, DateOnly? planned = null) =>
        new() { Id = id, OrganizationId = org, Year = year, Theme = $"{year}年度民主生活会", PlannedDate = planned ?? new DateOnly(year, 11, 20) };

    private static DemocraticLifeProblem Problem(params RectificationStatus[] measures)
    {
        var p = new DemocraticLifeProblem { PersonId = 1, Text = "理论学习不够" };
        foreach (var s in measures)
        {
            p.Rectifications.Add(new DemocraticLifeRectification { Measure = "学习", Owner = "张伟", Deadline = Today, Status = s, DoneOn = s == RectificationStatus.Done ? Today : null });
        }

        return p;
    }

    // ---- DLM-1: held only when 人员、时间、意见 are all confirmed

    [Theory]
    [InlineData(new PreparationItem[] { })]
    [InlineData(new[] { PreparationItem.People })]
    [InlineData(new[] { PreparationItem.People, PreparationItem.Time })]
    [InlineData(new[] { PreparationItem.People, PreparationItem.Opinions })]
    [InlineData(new[] { PreparationItem.Time, PreparationItem.Opinions })]
    public void MarkHeld_NotAllThreeConfirmed_RefusedAndStillPreparing(PreparationItem[] confirmed)
    {
        var m = Meeting();
        foreach (var item in confirmed)
        {
            m.Confirm(item, true, "orgadmin.a", Now);
        }

        var e = Assert.Throws<DomainRuleException>(() => m.MarkHeld(Today, Today));

        Assert.Equal("DemocraticLife.NotReady", e.Code);
        Assert.Equal(3 - confirmed.Length, (int)e.Arguments[0]);
        Assert.Equal(DemocraticLifeStatus.Preparing, m.Status);
        Assert.Null(m.HeldDate);
        Assert.Equal(Enum.GetValues<PreparationItem>().Except(confirmed), m.MissingPreparation());
    }

    [Fact]
    public void MarkHeld_AllThreeConfirmed_HeldOnThatDay_NoMorePreparationChanges()
    {
        var m = Meeting();
        foreach (var item in Enum.GetValues<PreparationItem>())
        {
            m.Confirm(item, true, "orgadmin.a", Now);
        }

        m.MarkHeld(Today, Today);

        Assert.Equal(DemocraticLifeStatus.Held, m.Status);
        Assert.Equal(Today, m.HeldDate);
        Assert.Equal("orgadmin.a", m.ConfirmedBy(PreparationItem.Opinions));
        Assert.Equal(Now, m.ConfirmedAt(PreparationItem.Time));
        Assert.Equal("DemocraticLife.AlreadyHeld", Assert.Throws<DomainRuleException>(() => m.MarkHeld(Today, Today)).Code);
        Assert.Equal("DemocraticLife.AlreadyHeld", Assert.Throws<DomainRuleException>(() => m.Confirm(PreparationItem.People, false, "x", Now)).Code);
        Assert.Equal("DemocraticLife.AlreadyHeld", Assert.Throws<DomainRuleException>(() => m.Postpone(Today.AddDays(9), "理由", Today)).Code);
    }

    [Fact]
    public void MarkHeld_Tomorrow_Refused_Today_Accepted()
    {
        var m = Meeting();
        foreach (var item in Enum.GetValues<PreparationItem>())
        {
            m.Confirm(item, true, "a", Now);
        }

        Assert.Equal("DemocraticLife.HeldInFuture", Assert.Throws<DomainRuleException>(() => m.MarkHeld(Today.AddDays(1), Today)).Code);
        m.MarkHeld(Today, Today);
        Assert.True(m.IsHeld);
    }

    [Fact]
    public void Confirm_Withdrawn_ClearsWhoAndWhen_AndHeldIsRefusedAgain()
    {
        var m = Meeting();
        foreach (var item in Enum.GetValues<PreparationItem>())
        {
            m.Confirm(item, true, "a", Now);
        }

        m.Confirm(PreparationItem.Opinions, false, "b", Now);

        Assert.False(m.IsConfirmed(PreparationItem.Opinions));
        Assert.Null(m.ConfirmedBy(PreparationItem.Opinions));
        Assert.Null(m.ConfirmedAt(PreparationItem.Opinions));
        Assert.Throws<DomainRuleException>(() => m.MarkHeld(Today, Today));
    }

    // ---- DLM-1: postpone if not ready

    [Fact]
    public void Postpone_ToALaterDate_RecordsReasonAndOldDate_AndTimeMustBeConfirmedAgain()
    {
        var m = Meeting(planned: Today.AddDays(3));
        m.Confirm(PreparationItem.People, true, "a", Now);
        m.Confirm(PreparationItem.Time, true, "a", Now);

        m.Postpone(Today.AddDays(20), "  意见征求不充分  ", Today);

        Assert.Equal(DemocraticLifeStatus.Postponed, m.Status);
        Assert.Equal(Today.AddDays(20), m.PlannedDate);
        Assert.Equal(Today.AddDays(3), m.PostponedFrom);
        Assert.Equal("意见征求不充分", m.PostponeReason);
        Assert.True(m.IsConfirmed(PreparationItem.People));
        Assert.False(m.IsConfirmed(PreparationItem.Time));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Postpone_NotAfterThePlannedDate_Refused(int days)
    {
        var m = Meeting(planned: Today.AddDays(5));
        Assert.Equal("DemocraticLife.PostponeDate", Assert.Throws<DomainRuleException>(() => m.Postpone(Today.AddDays(5 + days), "理由", Today)).Code);
        Assert.Equal(DemocraticLifeStatus.Preparing, m.Status);
    }

    [Fact]
    public void Postpone_ToAPastDay_Refused_WithoutReason_Refused()
    {
        var m = Meeting(planned: Today.AddDays(-10));
        Assert.Equal("DemocraticLife.PostponeDate", Assert.Throws<DomainRuleException>(() => m.Postpone(Today.AddDays(-1), "理由", Today)).Code);
        Assert.Equal("Input.Required", Assert.Throws<DomainRuleException>(() => m.Postpone(Today.AddDays(1), " ", Today)).Code);
        m.Postpone(Today, "理由", Today);
        Assert.Equal(Today, m.PlannedDate);
    }

    [Fact]
    public void PostponedMeeting_OnceReady_CanBeHeld()
    {
        var m = Meeting(planned: Today.AddDays(-10));
        m.Postpone(Today, "人员未到位", Today);
        foreach (var item in Enum.GetValues<PreparationItem>())
        {
            m.Confirm(item, true, "a", Now);
        }

        m.MarkHeld(Today, Today);
        Assert.Equal(DemocraticLifeStatus.Held, m.Status);
    }

    // ---- DLM-4: quality = share of problems found that are resolved

    [Fact]
    public void Quality_NoProblems_IsEmpty_NotZeroOrHundred()
    {
        var q = DemocraticLifeQuality.Of(Meeting());
        Assert.Equal(0, q.Problems);
        Assert.Equal(0, q.Resolved);
        Assert.Null(q.Percent);
    }

    [Fact]
    public void Quality_ProblemWithoutAnyMeasure_IsNotResolved()
    {
        var q = DemocraticLifeQuality.Of([Problem()]);
        Assert.Equal(new DemocraticLifeQuality(1, 0), q);
        Assert.Equal(0, q.Percent);
    }

    [Fact]
    public void Quality_ProblemResolvedOnlyWhenEveryMeasureIsDone()
    {
        Assert.False(Problem(RectificationStatus.Done, RectificationStatus.Open).IsResolved);
        Assert.True(Problem(RectificationStatus.Done, RectificationStatus.Done).IsResolved);
        Assert.True(Problem(RectificationStatus.Done).IsResolved);
        Assert.False(Problem(RectificationStatus.Open).IsResolved);
    }

    [Fact]
    public void Quality_AllResolved_Is100_OneShort_IsBelow()
    {
        Assert.Equal(100, DemocraticLifeQuality.Of([Problem(RectificationStatus.Done), Problem(RectificationStatus.Done, RectificationStatus.Done)]).Percent);
        var oneShort = DemocraticLifeQuality.Of([Problem(RectificationStatus.Done), Problem(RectificationStatus.Done, RectificationStatus.Open)]);
        Assert.Equal(new DemocraticLifeQuality(2, 1), oneShort);
        Assert.Equal(50, oneShort.Percent);
    }

    [Fact]
    public void Quality_Percent_RoundedToOneDecimal()
    {
        var q = DemocraticLifeQuality.Of([Problem(RectificationStatus.Done), Problem(RectificationStatus.Open), Problem(RectificationStatus.Open)]);
        Assert.Equal(33.3, q.Percent);
        var twoThirds = DemocraticLifeQuality.Of([Problem(RectificationStatus.Done), Problem(RectificationStatus.Done), Problem(RectificationStatus.Open)]);
        Assert.Equal(66.7, twoThirds.Percent);
    }

    [Fact]
    public void Rectification_Complete_NeedsEvidence_NotInTheFuture_AndOnlyOnce_ReopenUndoes()
    {
        var r = new DemocraticLifeRectification { Measure = "m", Owner = "o", Deadline = Today };
        Assert.Equal("DemocraticLife.EvidenceRequired", Assert.Throws<DomainRuleException>(() => r.Complete(Today, " ", Today)).Code);
        Assert.Equal("DemocraticLife.DoneInFuture", Assert.Throws<DomainRuleException>(() => r.Complete(Today.AddDays(1), "佐证", Today)).Code);
        Assert.Equal("DemocraticLife.NotDone", Assert.Throws<DomainRuleException>(r.Reopen).Code);

        r.Complete(Today, "学习笔记", Today);
        Assert.Equal(RectificationStatus.Done, r.Status);
        Assert.Equal("DemocraticLife.AlreadyDone", Assert.Throws<DomainRuleException>(() => r.Complete(Today, "x", Today)).Code);

        r.Reopen();
        Assert.Equal(RectificationStatus.Open, r.Status);
        Assert.Null(r.DoneOn);
    }

    [Fact]
    public void Rectification_Overdue_FromTheDayAfterTheDeadline_AndNeverWhenDone()
    {
        var r = new DemocraticLifeRectification { Deadline = Today };
        Assert.False(r.IsOverdueOn(Today));
        Assert.True(r.IsOverdueOn(Today.AddDays(1)));
        r.Complete(Today, "佐证", Today);
        Assert.False(r.IsOverdueOn(Today.AddDays(30)));
    }

    // ---- DLM-4: continuity

    [Fact]
    public void CarryOver_TheEarlierMeetingsOpenRectifications_OfTheSameOrganizationOnly()
    {
        var y2024 = Meeting(1, year: 2024);
        y2024.Problems.Add(Problem(RectificationStatus.Open, RectificationStatus.Done));
        var y2025 = Meeting(2, year: 2025);
        y2025.Problems.Add(Problem(RectificationStatus.Done));
        y2025.Problems.Add(Problem(RectificationStatus.Open, RectificationStatus.Open));
        var other = Meeting(3, org: 99, year: 2025);
        other.Problems.Add(Problem(RectificationStatus.Open));
        var y2026 = Meeting(4, year: 2026);
        y2026.Problems.Add(Problem(RectificationStatus.Open));
        var later = Meeting(5, year: 2027);
        later.Problems.Add(Problem(RectificationStatus.Open));
        var all = new[] { later, y2024, other, y2026, y2025 };

        var carried = DemocraticLifeContinuity.CarryOver(y2026, all);

        Assert.Same(y2025, DemocraticLifeContinuity.Previous(y2026, all));
        Assert.Equal([y2025, y2025, y2024], carried.Select(c => c.Meeting));
        Assert.All(carried, c => Assert.Equal(RectificationStatus.Open, c.Rectification.Status));
        Assert.Contains(carried, c => ReferenceEquals(c.Rectification, y2025.Problems[1].Rectifications[0]));
        Assert.DoesNotContain(carried, c => c.Meeting == other || c.Meeting == y2026 || c.Meeting == later);
    }

    [Fact]
    public void CarryOver_FirstMeeting_HasNone_AndNoPrevious()
    {
        var first = Meeting(1, year: 2025);
        first.Problems.Add(Problem(RectificationStatus.Open));
        Assert.Empty(DemocraticLifeContinuity.CarryOver(first, [first]));
        Assert.Null(DemocraticLifeContinuity.Previous(first, [first]));
    }

    [Fact]
    public void CarryOver_SameYear_OrderedByDateThenId()
    {
        var spring = Meeting(7, year: 2026, planned: new DateOnly(2026, 3, 1));
        spring.Problems.Add(Problem(RectificationStatus.Open));
        var autumn = Meeting(3, year: 2026, planned: new DateOnly(2026, 10, 1));
        autumn.Problems.Add(Problem(RectificationStatus.Open));
        var sameDay = Meeting(8, year: 2026, planned: new DateOnly(2026, 10, 1));

        Assert.Same(spring, DemocraticLifeContinuity.Previous(autumn, [spring, autumn, sameDay]));
        Assert.Same(autumn, DemocraticLifeContinuity.Previous(sameDay, [spring, autumn, sameDay]));
        Assert.Equal([autumn, spring], DemocraticLifeContinuity.CarryOver(sameDay, [spring, autumn, sameDay]).Select(c => c.Meeting));
    }

    [Fact]
    public void CarryOver_WorkingTheCarriedRecord_RaisesTheEarlierMeetingsQuality()
    {
        var y2025 = Meeting(1, year: 2025);
        y2025.Problems.Add(Problem(RectificationStatus.Open));
        y2025.Problems.Add(Problem(RectificationStatus.Done));
        var y2026 = Meeting(2, year: 2026);
        Assert.Equal(50, DemocraticLifeQuality.Of(y2025).Percent);

        DemocraticLifeContinuity.CarryOver(y2026, [y2025, y2026]).Single().Rectification.Complete(Today, "已整改", Today);

        Assert.Equal(100, DemocraticLifeQuality.Of(y2025).Percent);
        Assert.Empty(DemocraticLifeContinuity.CarryOver(y2026, [y2025, y2026]));
    }
}
