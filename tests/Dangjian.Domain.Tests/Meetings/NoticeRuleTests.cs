using Dangjian.Domain.Calendar;
using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>MTG-2: two working days' notice by the holiday calendar, across the Spring Festival and National Day.</summary>
public sealed class NoticeRuleTests
{
    private static NoticeCheck Check(string notice, string meeting, bool emergency = false) =>
        NoticeRule.Check(HolidayCalendar.Shipped, DateOnly.Parse(notice, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture), emergency);

    [Fact]
    public void AcrossNationalDay_TheHolidaysDoNotCount()
    {
        // 9/28, 9/29, 9/30 and 10/8 (the holiday is 10/1–7).
        Assert.Equal(new NoticeCheck(4, true), Check("2026-09-28", "2026-10-09"));
    }

    [Fact]
    public void NoticeOnTheLastDayBeforeNationalDay_IsOneWorkingDay()
    {
        // 9/30 counts, 10/1–7 are holidays: a meeting on 10/8 has one working day's notice.
        Assert.Equal(new NoticeCheck(1, false), Check("2026-09-30", "2026-10-08"));
    }

    [Fact]
    public void TheMakeUpSaturdayCounts()
    {
        // 2026-10-10 is a Saturday worked (调休上班日): notice on 10/9 (Fri) gives 10/9 and 10/10 before Sunday's meeting.
        Assert.Equal(new NoticeCheck(2, true), Check("2026-10-09", "2026-10-11"));
    }

    [Fact]
    public void AcrossSpringFestival_OnlyTheMakeUpDaysCount()
    {
        // 2/13 (Fri), 2/14 (Saturday worked); 2/15–23 off; 2/24 (Tue) is the meeting.
        Assert.Equal(new NoticeCheck(2, true), Check("2026-02-13", "2026-02-24"));
        Assert.Equal(new NoticeCheck(1, false), Check("2026-02-14", "2026-02-24"));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-25", 2, true)] // Mon notice, Wed meeting
    [InlineData("2026-11-24", "2026-11-25", 1, false)]
    [InlineData("2026-11-20", "2026-11-24", 2, true)] // Fri, (weekend), Mon
    [InlineData("2026-11-21", "2026-11-24", 1, false)] // Sat notice: only Mon counts
    public void Boundary_TwoWorkingDays(string notice, string meeting, int days, bool ok)
    {
        Assert.Equal(new NoticeCheck(days, ok), Check(notice, meeting));
    }

    [Fact]
    public void Emergency_IsOkWithAnyNotice()
    {
        Assert.Equal(new NoticeCheck(0, true), Check("2026-11-25", "2026-11-25", emergency: true));
    }

    [Fact]
    public void ThePeriodIsASetting()
    {
        Assert.False(NoticeRule.Check(HolidayCalendar.Shipped, new(2026, 11, 23), new(2026, 11, 26), false, requiredWorkingDays: 5).Ok);
        Assert.True(NoticeRule.Check(HolidayCalendar.Shipped, new(2026, 11, 23), new(2026, 11, 30), false, requiredWorkingDays: 5).Ok);
    }
}
