using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>
/// The one rule of an upcoming meeting to attend (<see cref="Meeting.ToAttend"/>), compiled here as the database applies
/// it: today and the window's last day are in, the day before and the day after are out; held and called-off meetings
/// are never in; <see cref="Meeting.NotToAttend"/> is exactly the rest.
/// </summary>
public sealed class MeetingToAttendTests
{
    private static readonly DateOnly Today = new(2026, 5, 11);
    private static readonly DateOnly Last = Today.AddDays(3);

    private static Meeting On(DateOnly date, MeetingStatus status = MeetingStatus.Notified) =>
        new() { Title = "支部党员大会", Date = date, Status = status };

    private static bool InWindow(Meeting m) => Meeting.ToAttend(Today, Last).Compile()(m);

    private static bool Upcoming(Meeting m) => Meeting.ToAttend(Today).Compile()(m);

    [Theory]
    [InlineData(0, true)] // the first day of the window: today
    [InlineData(-1, false)] // yesterday
    [InlineData(3, true)] // the last day of the window
    [InlineData(4, false)] // the day after it
    public void Window_BothEndsIn_TheDaysOutsideOut(int days, bool expected) =>
        Assert.Equal(expected, InWindow(On(Today.AddDays(days))));

    [Theory]
    [InlineData(MeetingStatus.Planned, true)]
    [InlineData(MeetingStatus.Notified, true)]
    [InlineData(MeetingStatus.InProgress, true)]
    [InlineData(MeetingStatus.Closed, false)] // already held
    [InlineData(MeetingStatus.Cancelled, false)] // called off
    public void Window_HeldOrCalledOff_NeverToAttend(MeetingStatus status, bool expected)
    {
        Assert.Equal(expected, InWindow(On(Today, status)));
        Assert.Equal(expected, InWindow(On(Last, status)));
        Assert.Equal(expected, Upcoming(On(Today.AddDays(200), status)));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(365, true)] // no last day: any day ahead
    public void NoLastDay_FromTodayOn(int days, bool expected) =>
        Assert.Equal(expected, Upcoming(On(Today.AddDays(days))));

    [Fact]
    public void NotToAttend_IsExactlyTheRest()
    {
        var rest = Meeting.NotToAttend(Today).Compile();
        foreach (var status in Enum.GetValues<MeetingStatus>())
        {
            foreach (var days in new[] { -30, -1, 0, 1, 30 })
            {
                var m = On(Today.AddDays(days), status);
                Assert.NotEqual(Upcoming(m), rest(m));
            }
        }
    }
}
