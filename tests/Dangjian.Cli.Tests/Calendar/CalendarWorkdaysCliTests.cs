namespace Dangjian.Cli.Tests.Calendar;

/// <summary>The contract of `dangjian calendar workdays FROM TO`: the count on standard output, exit 0 / 2.</summary>
public sealed class CalendarWorkdaysCliTests
{
    [Theory]
    [InlineData("2026-09-28", "2026-10-09", "4")] // 国庆 in between
    [InlineData("2026-11-23", "2026-11-30", "5")] // an ordinary week
    [InlineData("2026-11-23", "2026-11-23", "0")] // TO excluded
    public async Task Workdays_PrintsTheCount(string from, string to, string expected)
    {
        var result = await CliProcess.RunAsync("calendar", "workdays", from, to);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Output.Trim());
    }

    [Theory]
    [InlineData("2026-9-28", "2026-10-09", "FROM")]
    [InlineData("2026-09-28", "2026-10-32", "TO")]
    public async Task Workdays_MalformedDate_ExitsTwoNamingTheArgument(string from, string to, string named)
    {
        var result = await CliProcess.RunAsync("calendar", "workdays", from, to);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output.Trim());
    }

    [Fact]
    public async Task Workdays_YearNotInTheCalendar_ExitsTwoNamingTheYear()
    {
        var result = await CliProcess.RunAsync("calendar", "workdays", "2026-12-28", "2027-01-08");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2027", result.Error, StringComparison.Ordinal);
    }
}
