using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>
/// When a rectification measure's owner is reminded (<see cref="DemocraticLifeRectification.ToRemind"/>, compiled as the
/// database applies it, and <see cref="DemocraticLifeRectification.IsToRemindOn"/>): open with the deadline at most
/// <see cref="DemocraticLifeRectification.ReminderDays"/> days ahead, or past it; never once done.
/// </summary>
public sealed class RectificationReminderTests
{
    private static readonly DateOnly Today = new(2026, 5, 11);

    private static DemocraticLifeRectification Measure(int days, RectificationStatus status = RectificationStatus.Open) =>
        new() { Measure = "建立班子成员联系群众台账", Owner = "张伟", Deadline = Today.AddDays(days), Status = status };

    [Theory]
    [InlineData(DemocraticLifeRectification.ReminderDays + 1, false)] // the day after the window's last: not yet
    [InlineData(DemocraticLifeRectification.ReminderDays, true)] // the window's last day
    [InlineData(0, true)] // due today
    [InlineData(-1, true)] // overdue since yesterday
    [InlineData(-400, true)] // long overdue
    public void Open_WithinTheWindowOrPast_Reminded(int days, bool expected)
    {
        Assert.Equal(expected, DemocraticLifeRectification.ToRemind(Today).Compile()(Measure(days)));
        Assert.Equal(expected, Measure(days).IsToRemindOn(Today));
    }

    [Theory]
    [InlineData(DemocraticLifeRectification.ReminderDays)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Done_NeverReminded(int days)
    {
        Assert.False(DemocraticLifeRectification.ToRemind(Today).Compile()(Measure(days, RectificationStatus.Done)));
        Assert.False(Measure(days, RectificationStatus.Done).IsToRemindOn(Today));
    }

    [Fact]
    public void Window_IsAWeek() => Assert.Equal(7, DemocraticLifeRectification.ReminderDays);
}
