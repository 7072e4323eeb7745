using System.CommandLine;
using System.Globalization;
using Dangjian.Domain.Calendar;

namespace Dangjian.Cli.Calendar;

/// <summary>
/// `dangjian calendar workdays FROM TO`: prints the number of working days d with FROM ≤ d &lt; TO (dates as
/// yyyy-MM-dd) by the shipped holiday calendar . Exit 0 with the number; 2 with a message on
/// standard error for a malformed date or a day in a year the calendar does not cover.
/// </summary>
public static class CalendarCommands
{
    public static Command Build()
    {
        var from = new Argument<string>("FROM") { Description = "First day counted, yyyy-MM-dd" };
        var to = new Argument<string>("TO") { Description = "Day after the last day counted, yyyy-MM-dd" };
        var workdays = new Command("workdays", "Count working days from FROM (included) to TO (excluded).");
        workdays.Arguments.Add(from);
        workdays.Arguments.Add(to);
        workdays.SetAction((result, ct) => WorkdaysAsync(result.GetValue(from)!, result.GetValue(to)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));

        var calendar = new Command("calendar", "The working-day calendar (工作日): official holidays and make-up workdays");
        calendar.Subcommands.Add(workdays);
        return calendar;
    }

    public static async Task<int> WorkdaysAsync(string from, string to, TextWriter output, TextWriter error)
    {
        if (!TryDay(from, out var first) | !TryDay(to, out var end))
        {
            foreach (var (name, value) in new[] { ("FROM", from), ("TO", to) }.Where(p => !TryDay(p.Item2, out _)))
            {
                await error.WriteLineAsync($"{name}: \"{value}\" is not a date as yyyy-MM-dd");
            }

            return ExitCodes.BadInput;
        }

        try
        {
            await output.WriteLineAsync(HolidayCalendar.Shipped.WorkingDays(first, end).ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        }
        catch (CalendarYearMissingException e)
        {
            await error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
