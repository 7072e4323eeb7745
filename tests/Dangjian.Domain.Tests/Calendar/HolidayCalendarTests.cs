using Dangjian.Domain.Calendar;

namespace Dangjian.Domain.Tests.Calendar;

/// <summary>The shipped working-day calendar (MTG-2): weekends, official holidays, make-up workdays.</summary>
public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar Cal = HolidayCalendar.Shipped;

    private static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23", true)]  // Monday
    [InlineData("2026-11-21", false)] // Saturday
    [InlineData("2026-11-22", false)] // Sunday
    [InlineData("2026-01-01", false)] // 元旦, a Thursday
    [InlineData("2026-01-04", true)]  // Sunday worked (调休上班)
    [InlineData("2026-02-14", true)]  // Saturday worked before 春节
    [InlineData("2026-02-23", false)] // last day of 春节, a Monday
    [InlineData("2026-02-24", true)]  // the Tuesday after
    [InlineData("2026-02-28", true)]  // Saturday worked after 春节
    [InlineData("2026-05-05", false)] // 劳动节, a Tuesday
    [InlineData("2026-05-09", true)]  // Saturday worked
    [InlineData("2026-09-20", true)]  // Sunday worked before 国庆
    [InlineData("2026-10-07", false)] // 国庆, a Wednesday
    [InlineData("2026-10-08", true)]  // the Thursday after
    [InlineData("2026-10-10", true)]  // Saturday worked
    [InlineData("2026-10-11", false)] // an ordinary Sunday
    [InlineData("2025-02-04", false)] // 春节 2025, a Tuesday
    [InlineData("2025-01-26", true)]  // Sunday worked, 2025
    [InlineData("2025-10-08", false)] // 国庆中秋 2025, a Wednesday
    [InlineData("2025-10-11", true)]  // Saturday worked, 2025
    public void IsWorkingDay_FollowsTheOfficialNotice(string day, bool working)
    {
        Assert.Equal(working, Cal.IsWorkingDay(D(day)));
    }

    [Fact]
    public void WorkingDays_FromIncludedToExcluded()
    {
        // The worked example of a decision's notice: notice on Monday 28 September, meeting on Friday 9 October 2026.
        // 28, 29, 30 September and 8 October are working days; 1–7 October are 国庆; 9 October is excluded.
        Assert.Equal(4, Cal.WorkingDays(D("2026-09-28"), D("2026-10-09")));
        Assert.Equal(5, Cal.WorkingDays(D("2026-09-28"), D("2026-10-10")));
        Assert.Equal(1, Cal.WorkingDays(D("2026-10-10"), D("2026-10-11"))); // the make-up Saturday alone
        Assert.Equal(0, Cal.WorkingDays(D("2026-10-11"), D("2026-10-12"))); // an ordinary Sunday alone
    }

    [Fact]
    public void WorkingDays_EmptyOrBackwardRange_IsZero()
    {
        Assert.Equal(0, Cal.WorkingDays(D("2026-11-23"), D("2026-11-23")));
        Assert.Equal(0, Cal.WorkingDays(D("2026-11-24"), D("2026-11-23")));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void WholeYear_Has248WorkingDays(int year)
    {
        // 261 weekdays, less the 13 days of statutory holidays net of make-up workdays (both years: 248).
        Assert.Equal(248, Cal.WorkingDays(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1)));
    }

    [Fact]
    public void DayOutsideTheShippedYears_IsRefusedNotGuessed()
    {
        var e = Assert.Throws<CalendarYearMissingException>(() => Cal.WorkingDays(D("2026-12-30"), D("2027-01-05")));
        Assert.Equal(2027, e.Year);
        Assert.Throws<CalendarYearMissingException>(() => Cal.IsWorkingDay(D("2024-12-31")));
    }

    [Fact]
    public void DayBothHolidayAndWorkday_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new HolidayCalendar([2026], [D("2026-10-10")], [D("2026-10-10")]));
    }

    [Theory]
    [InlineData("2026-12-31", true)]  // Thursday, a held year
    [InlineData("2026-10-01", false)] // 国庆节, a held year: the calendar decides
    [InlineData("2027-01-01", true)]  // Friday of a year not held: Monday to Friday counts
    [InlineData("2027-01-02", false)] // Saturday of a year not held
    public void IsWorkingDayOrWeekday_TheCalendarWhereItHoldsTheYear_MondayToFridayBeyond(string day, bool working) =>
        Assert.Equal(working, Cal.IsWorkingDayOrWeekday(D(day)));

    [Theory]
    [InlineData("2026-09-29", 1, "2026-09-30")] // the day itself does not count
    [InlineData("2026-09-30", 1, "2026-10-08")] // across 国庆节 to the first working day after it
    [InlineData("2026-12-30", 2, "2027-01-01")] // into a year not held
    [InlineData("2026-12-30", 3, "2027-01-04")] // over its first weekend
    public void AfterWorkingDays_CountsFromTheDayAfter_AcrossHolidaysAndIntoAYearNotHeld(string from, int days, string due) =>
        Assert.Equal(D(due), Cal.AfterWorkingDays(D(from), days));

    [Fact]
    public void AfterWorkingDays_NoneOrFewer_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AfterWorkingDays(D("2026-09-29"), 0));
}
