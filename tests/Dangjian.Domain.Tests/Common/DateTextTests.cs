using System.Globalization;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Tests.Common;

/// <summary>A day is written yyyy-MM-dd in every culture, and only that text reads back as a day.</summary>
public sealed class DateTextTests
{
    [Theory]
    [InlineData("th-TH")] // Buddhist era calendar: 2567 for 2024
    [InlineData("ar-SA")] // Hijri calendar
    [InlineData("zh-CN")]
    public void Format_AnyCulture_IsIsoWithPaddedMonthAndDay(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Assert.Equal("2024-02-03", DateText.Format(new DateOnly(2024, 2, 3)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Format_NoDay_IsEmpty() => Assert.Equal(string.Empty, DateText.Format((DateOnly?)null));

    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData(" 2024-02-29 ", 2024, 2, 29)]
    public void TryParse_IsoDay_IsThatDay(string text, int year, int month, int day)
    {
        Assert.True(DateText.TryParse(text, out var parsed));
        Assert.Equal(new DateOnly(year, month, day), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2023-02-29")] // no such day
    [InlineData("2024-2-3")] // unpadded
    [InlineData("2024/02/03")]
    [InlineData("03-02-2024")]
    [InlineData("2024-02-03T00:00")]
    public void TryParse_NotExactlyAnIsoDay_IsNoDay(string? text) => Assert.False(DateText.TryParse(text, out _));
}
