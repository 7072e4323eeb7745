using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>MTG-12: the comment period on the holiday calendar, its bounds, comments only within it, no vote while it runs.</summary>
public sealed class ConsultationTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);

    // 2026-12-07 is a Monday: 5 working days after it is Monday 12-14.
    private static readonly HolidayCalendar Calendar = new([2026, 2027], [], []);

    private static AgendaItem Major() => new() { Id = 3, Title = "村集体资产处置方案", Category = ItemCategory.Major };

    private static Consultation Open(int days = 5) => Consultation.Open(Major(), 10, "征求意见稿", Monday, days, Monday, Calendar);

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Open_WorkingDaysWithinTheRule(int days, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(Calendar.AfterWorkingDays(Monday, days), Open(days).ClosesOn);
        }
        else
        {
            Assert.Equal("Consultation.WorkingDays", Assert.Throws<DomainRuleException>(() => Open(days)).Problems.Single().Code);
        }
    }

    [Fact]
    public void Open_SkipsTheWeekend()
    {
        Assert.Equal(new DateOnly(2026, 12, 14), Open().ClosesOn);
    }

    [Fact]
    public void Open_RoutineItemOrPastDay_Refused()
    {
        var routine = new AgendaItem { Title = "x", Category = ItemCategory.Routine };
        Assert.Equal("Consultation.NotMajor", Assert.Throws<DomainRuleException>(() => Consultation.Open(routine, 10, "s", Monday, 5, Monday, Calendar)).Problems.Single().Code);
        Assert.Equal("Consultation.OpensInPast", Assert.Throws<DomainRuleException>(() => Consultation.Open(Major(), 10, "s", Monday.AddDays(-1), 5, Monday, Calendar)).Problems.Single().Code);
    }

    [Fact]
    public void Comment_OnlyFromOpeningToClosingDay()
    {
        var c = Open();

        Assert.Equal("Consultation.NotYetOpen", Assert.Throws<DomainRuleException>(() => c.Comment("意见", Monday.AddDays(-1))).Code);
        c.Comment("建议公开评估报告", Monday);
        c.Comment("同意", c.ClosesOn);
        Assert.Equal("Consultation.Closed", Assert.Throws<DomainRuleException>(() => c.Comment("晚了", c.ClosesOn.AddDays(1))).Code);
        Assert.Equal(2, c.Comments.Count);
        Assert.All(c.Comments, x => Assert.Equal(CommentStatus.Published, x.Status));
    }

    [Fact]
    public void DemandEndedBy_RefusedThroughTheClosingDay_AllowedAfter()
    {
        var c = Open();

        Assert.Equal("Consultation.StillOpen", Assert.Throws<DomainRuleException>(() => c.DemandEndedBy(c.ClosesOn)).Code);
        c.DemandEndedBy(c.ClosesOn.AddDays(1));
    }

    [Fact]
    public void RecordHearing_FutureDayOrNoParticipants_Refused_ThenRecorded()
    {
        var c = Open();

        var e = Assert.Throws<DomainRuleException>(() => c.RecordHearing(Monday.AddDays(1), 0, "", Monday));
        Assert.Equal(["hearingOn", "participants", "summary"], e.Problems.Select(p => p.Field));
        Assert.Null(c.HearingOn);

        c.RecordHearing(Monday, 1, "与会代表多数赞成", Monday);
        Assert.Equal(1, c.HearingParticipants);
    }

    [Fact]
    public void AddExpertOpinion_NeedsNameFieldAndOpinion()
    {
        var c = Open();

        Assert.Throws<DomainRuleException>(() => c.AddExpertOpinion("王教授", "", "可行"));
        c.AddExpertOpinion("王教授", "农村经济", "方案可行");
        Assert.Single(c.ExpertOpinions);
        Assert.Equal((0, 0, false, 1), c.Summary());
    }
}
