using Dangjian.Domain.Common;

namespace Dangjian.Domain.Tests.Common;

/// <summary>
/// Instants are stored UTC and read on the organization's wall clock (DESIGN.md "Time"): Beijing is UTC+8, so the
/// Beijing day turns at 16:00 UTC.
/// </summary>
public sealed class OrgTimeZoneTests
{
    private static readonly OrgTimeZone Beijing = OrgTimeZone.Default;

    [Fact]
    public void DateOf_2330Utc_IsTheNextDayInShanghai()
    {
        var instant = new DateTimeOffset(2026, 5, 1, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 5, 2), Beijing.DateOf(instant));
        Assert.Equal("2026-05-02 07:30", Beijing.Format(instant));
    }

    [Fact]
    public void DateOf_1559Utc_IsStillTheSameDay()
    {
        var instant = new DateTimeOffset(2026, 12, 31, 15, 59, 59, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 12, 31), Beijing.DateOf(instant));
        Assert.Equal("2026-12-31 23:59:59", Beijing.FormatWithSeconds(instant));
    }

    [Fact]
    public void DateOf_1600Utc_IsTheNextDay_AndTheNextYear()
    {
        var instant = new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 1, 1), Beijing.DateOf(instant));
        Assert.Equal("2027-01-01", Beijing.FormatDate(instant));
    }

    [Fact]
    public void Format_AnInstantGivenWithAnotherOffset_IsShownOnTheOrganizationsClock()
    {
        var instant = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("2026-05-01 22:00", Beijing.Format(instant));
    }

    [Fact]
    public void Format_None_IsEmpty() => Assert.Equal(string.Empty, Beijing.Format((DateTimeOffset?)null));

    [Fact]
    public void At_BeijingWallClock_IsEightHoursBeforeInUtc()
    {
        var instant = Beijing.At(new DateOnly(2026, 5, 2), new TimeOnly(7, 30));

        Assert.Equal(new DateTimeOffset(2026, 5, 1, 23, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.FromHours(8), instant.Offset);
    }

    [Fact]
    public void At_AndFormat_RoundTrip()
    {
        var instant = Beijing.At(new DateOnly(2026, 1, 1), new TimeOnly(0, 0));

        Assert.Equal("2026-01-01 00:00", Beijing.Format(instant));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Asia/Beijing")] // not an IANA id: China's zone is Asia/Shanghai
    [InlineData("Mars/Olympus")]
    public void Find_EmptyOrUnknownId_IsNone(string? id) => Assert.Null(OrgTimeZone.Find(id));

    [Fact]
    public void Find_AnotherZone_ReadsItsOwnOffset()
    {
        var urumqi = OrgTimeZone.Find("Asia/Urumqi");

        Assert.NotNull(urumqi);
        Assert.Equal("2026-05-01 05:30", urumqi.Format(new DateTimeOffset(2026, 4, 30, 23, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("PRC")]
    public void IsChinaStandardTime_ChinasZone_IsTrue(string id) => Assert.True(OrgTimeZone.Find(id)!.IsChinaStandardTime);

    [Theory]
    [InlineData("Asia/Urumqi")]
    [InlineData("Asia/Hong_Kong")]
    public void IsChinaStandardTime_AnotherZone_IsFalse_EvenAtTheSameOffset(string id) => Assert.False(OrgTimeZone.Find(id)!.IsChinaStandardTime);
}
