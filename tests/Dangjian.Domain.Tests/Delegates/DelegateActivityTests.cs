using Dangjian.Domain.Common;
using Dangjian.Domain.Delegates;

namespace Dangjian.Domain.Tests.Delegates;

/// <summary>DEL-3: an activity within the term, attendance (absent with a reason, delegates of the term only), publishing, the attendance rate; 述职's checks.</summary>
public sealed class DelegateActivityTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static CongressTerm Term()
    {
        var t = CongressTerm.Open(9, 5, new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31));
        t.Id = 3;
        return t;
    }

    private static List<DelegateSeat> Seats()
    {
        var term = Term();
        var delegation = Delegation.Form(term, "城关镇代表团", null);
        delegation.Id = 1;
        var seats = Enumerable.Range(101, 3).Select((p, i) =>
        {
            var s = DelegateSeat.Seat(term, delegation, p, null, []);
            s.Id = i + 1;
            return s;
        }).ToList();
        seats[2].End(term, new DateOnly(2026, 3, 1), "调离本区", Today);
        return seats;
    }

    private static DelegateActivity Meeting(DateOnly? heldOn = null) =>
        DelegateActivity.Record(Term(), DelegateActivityKind.RegularMeeting, heldOn ?? Today.AddDays(-10), "区委三楼会议室", "第二季度代表例会", "通报上半年重点工作");

    [Theory]
    [InlineData(2023, 12, 31, false)]
    [InlineData(2024, 1, 1, true)]
    [InlineData(2028, 12, 31, true)]
    [InlineData(2029, 1, 1, false)]
    public void Record_WithinTheTermOnly(int y, int m, int d, bool ok)
    {
        var day = new DateOnly(y, m, d);
        if (ok)
        {
            Assert.Equal(day, Meeting(day).HeldOn);
        }
        else
        {
            Assert.Equal("Activity.OutsideTerm", Assert.Throws<DomainRuleException>(() => Meeting(day)).Code);
        }
    }

    [Fact]
    public void Record_NamesEveryMissingField()
    {
        var e = Assert.Throws<DomainRuleException>(() => DelegateActivity.Record(Term(), DelegateActivityKind.Briefing, Today, " ", "", null));
        Assert.Equal(["place", "subject"], e.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Attendance_AbsentNeedsAReason_ReplacesAnEarlierEntry_OnlyDelegatesServingOnTheDay()
    {
        var seats = Seats();
        var a = Meeting();
        Assert.Equal("Input.Required", Assert.Throws<DomainRuleException>(() => a.MarkAttendance(seats[0], false, " ", Today)).Code);
        a.MarkAttendance(seats[0], false, "外出学习", Today);
        a.MarkAttendance(seats[0], true, "ignored", Today);
        var entry = Assert.Single(a.Attendance);
        Assert.Equal((true, (string?)null), (entry.Present, entry.AbsenceReason));
        Assert.Equal("Activity.NotADelegate", Assert.Throws<DomainRuleException>(() => a.MarkAttendance(seats[2], true, null, Today)).Code); // ended before
        var before = Meeting(new DateOnly(2026, 2, 28));
        before.MarkAttendance(seats[2], true, null, Today); // still serving on that day
        Assert.Single(before.Attendance);
        var future = Meeting(Today.AddDays(1));
        Assert.Equal("Activity.NotHeldYet", Assert.Throws<DomainRuleException>(() => future.MarkAttendance(seats[0], true, null, Today)).Code);
    }

    [Fact]
    public void Publish_Once()
    {
        var a = Meeting();
        a.Publish(Today);
        Assert.True(a.Published);
        Assert.Equal("Activity.AlreadyPublished", Assert.Throws<DomainRuleException>(() => a.Publish(Today)).Code);
    }

    [Fact]
    public void AttendanceRate_PresentOfRecorded_NoneWithoutRecords()
    {
        var seats = Seats();
        var a = Meeting();
        var b = Meeting(Today.AddDays(-5));
        var c = Meeting(Today.AddDays(-3));
        a.MarkAttendance(seats[0], true, null, Today);
        b.MarkAttendance(seats[0], false, "病假", Today);
        c.MarkAttendance(seats[0], true, null, Today);
        a.MarkAttendance(seats[1], true, null, Today);
        var rates = AttendanceRate.Of(seats, a.Attendance.Concat(b.Attendance).Concat(c.Attendance));
        Assert.Equal(0.6667m, rates[0].Rate);
        Assert.Equal((3, 2), (rates[0].Recorded, rates[0].Present));
        Assert.Equal(1m, rates[1].Rate);
        Assert.Null(rates[2].Rate);
    }

    [Fact]
    public void WorkReport_AtAnActivityOfTheTerm_NotInTheFuture_LinksAnEvaluation()
    {
        var a = Meeting();
        a.Id = 5;
        var r = WorkReport.Record(Term(), a, 101, "王书记", "镇党委书记", "2026年上半年履职情况", Today, Today);
        Assert.Equal(5, r.ActivityId);
        r.LinkEvaluation(12);
        Assert.Equal(12, r.EvaluationCampaignId);
        r.LinkEvaluation(0);
        Assert.Null(r.EvaluationCampaignId);
        Assert.Equal("WorkReport.InFuture", Assert.Throws<DomainRuleException>(() => WorkReport.Record(Term(), null, null, "王书记", "书记", "述职", Today.AddDays(1), Today)).Code);
        var other = Meeting();
        other.TermId = 4;
        Assert.Equal("WorkReport.ActivityOfAnotherTerm", Assert.Throws<DomainRuleException>(() => WorkReport.Record(Term(), other, null, "王书记", "书记", "述职", Today, Today)).Code);
    }
}
