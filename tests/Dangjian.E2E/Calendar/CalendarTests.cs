using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Calendar;

public sealed class CalendarTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly DateOnly Wednesday = new(2026, 12, 9);

    [Fact]
    public Task Calendar_AdminAddsAHoliday_DecemberLosesADay_ThenRemovesItAfterConfirming() => RunAsync(async page =>
    {
        var before = await App.AsUserAsync("admin", sp => sp.GetRequiredService<CalendarQueries>().YearAsync(2026));
        var december = before.Months[11].WorkingDays;
        try
        {
            await new Pages.LoginPage(page).SignInAsync("admin");
            var calendar = await new CalendarPageObject(page, Ui.Zh).OpenAsync(2026);
            await Expect(calendar.Month(12)).ToContainTextAsync(calendar.MonthCount(december));

            // From the button at the top: the date typed in.
            await calendar.AddDay.ClickAsync();
            await calendar.Date.FillAsync("2026-12-09");
            await calendar.Date.PressAsync("Tab");
            await calendar.Name.FillAsync("测试纪念日");
            await calendar.Save.ClickAsync();

            await Expect(calendar.Month(12)).ToContainTextAsync(calendar.MonthCount(december - 1));
            await Expect(calendar.Month(12)).ToContainTextAsync("测试纪念日");

            // From the day in December's grid: the form opens there, editing it, with a delete button and a confirmation.
            await calendar.Day(Wednesday).ClickAsync();
            await Expect(calendar.Month(12).GetByLabel(Ui.Text<CalendarText>("Name", Ui.Zh))).ToHaveValueAsync("测试纪念日");
            await calendar.Remove.ClickAsync();
            await calendar.ConfirmRemove.ClickAsync();
            await Expect(calendar.Month(12)).ToContainTextAsync(calendar.MonthCount(december));
            await Expect(calendar.Month(12)).Not.ToContainTextAsync("测试纪念日");
        }
        finally
        {
            await App.WithDbAsync(db => db.CalendarDays.Where(d => d.Date == Wednesday).ExecuteDeleteAsync());
        }
    });

    [Fact]
    public Task Calendar_ImportWithErrors_ListsEachEntry_ThenACleanImportShowsTheYear() => RunAsync(async page =>
    {
        await new Pages.LoginPage(page).SignInAsync("admin");
        var calendar = await new CalendarPageObject(page, Ui.Zh).OpenAsync(2026);
        await calendar.ImportYear.ClickAsync();

        await calendar.Json.FillAsync("""
            { "year": 2034, "holidays": [ { "name": "元旦", "from": "2034-01-01", "to": "2034-01-01" },
                                          { "name": "春节", "from": "2034-02-30", "to": "2034-02-20" } ],
              "workdays": [ "2034-01-01" ] }
            """);
        await calendar.ImportButton.ClickAsync();

        await Expect(calendar.Problems).ToContainTextAsync(Ui.Format<CalendarText>("Entry.Holiday", Ui.Zh, 2));
        await Expect(calendar.Problems).ToContainTextAsync("2034-02-30");
        await Expect(calendar.Problems).ToContainTextAsync(Ui.Format<CalendarText>("Entry.Workday", Ui.Zh, 1));
        Assert.False(await App.WithDbAsync(db => db.CalendarYears.AnyAsync(y => y.Year == 2034)));

        await calendar.Json.FillAsync("""
            { "year": 2034, "source": "测试", "holidays": [ { "name": "元旦", "from": "2034-01-01", "to": "2034-01-02" } ], "workdays": [ "2034-01-07" ] }
            """);
        await calendar.ImportButton.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = Ui.Format<CalendarText>("Imported", Ui.Zh, 2034, 2, 1) })).ToBeVisibleAsync();
        await Expect(calendar.Month(1)).ToContainTextAsync("2034-01-07");
    });
}
