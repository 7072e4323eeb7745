using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Tests.Common;

/// <summary>
/// A page's date field: empty is no day and no error; text that is no day, or a day outside SaneDates
/// (1900-01-01 … 2199-12-31), is named on its field with the page's label and read as no day.
/// </summary>
public sealed class DateInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_IsNoDayAndNoError(string? text)
    {
        var errors = new FieldErrors();

        Assert.Null(DateInput.Parse(errors, "date", "Field.Meeting.Date", text));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2199-12-31")]
    public void Parse_DayAtTheEndsOfTheRange_IsThatDay(string text)
    {
        var errors = new FieldErrors();

        Assert.Equal(DateOnly.ParseExact(text, "yyyy-MM-dd"), DateInput.Parse(errors, "date", "Field.Meeting.Date", text));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    public void Parse_DayJustOutsideTheRange_IsNamedWithTheRange(string text)
    {
        var errors = new FieldErrors();

        Assert.Null(DateInput.Parse(errors, "noticeDate", "Field.Meeting.Date", text));
        var error = Assert.Single(errors.Items);
        Assert.Equal(("noticeDate", "Input.DateOutOfRange"), (error.Field, error.Code));
        Assert.Equal(["Field.Meeting.Date", "1900-01-01", "2199-12-31"], error.Arguments);
    }

    [Theory]
    [InlineData("2024-2-3")]
    [InlineData("2023-02-29")]
    [InlineData("明天")]
    public void Parse_TextThatIsNoDay_IsNamedAsABadDate(string text)
    {
        var errors = new FieldErrors();

        Assert.Null(DateInput.Parse(errors, "deadline", "Field.DemocraticLife.Deadline", text));
        var error = Assert.Single(errors.Items);
        Assert.Equal(("deadline", "Input.BadDate"), (error.Field, error.Code));
        Assert.Equal(["Field.DemocraticLife.Deadline"], error.Arguments);
    }
}
