using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Calendar;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Calendar;

/// <summary>/calendar: a year of the working-day calendar, one card per month; district admins add, edit, remove and import.</summary>
public sealed class CalendarPageObject(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<CalendarText>("Title", Culture));

    public ILocator AddDay => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<CalendarText>("AddDay", Culture), Exact = true });

    public ILocator ImportYear => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<CalendarText>("ImportYear", Culture), Exact = true });

    public ILocator Date => Page.GetByLabel(Ui.Text<CalendarText>("Date", Culture));

    public ILocator Name => Page.GetByLabel(Ui.Text<CalendarText>("Name", Culture));

    public ILocator Save => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Save", Culture), Exact = true });

    public ILocator Json => Page.GetByLabel(Ui.Text<CalendarText>("JsonLabel", Culture));

    public ILocator ImportButton => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<CalendarText>("ImportButton", Culture), Exact = true });

    public ILocator Problems => Page.GetByRole(AriaRole.Table).Filter(new() { HasText = Ui.Text<CalendarText>("Problem", Culture) });

    /// <summary>The card of one month (1–12).</summary>
    public ILocator Month(int month) => Page.Locator($"[data-month='{month.ToString(CultureInfo.InvariantCulture)}']");

    public string MonthCount(int workingDays) => Ui.Format<CalendarText>("MonthWorkingDays", Culture, workingDays);

    /// <summary>A day of a month's grid, a button for district admins (its name starts with the date).</summary>
    public ILocator Day(DateOnly day) =>
        Page.GetByRole(AriaRole.Button, new() { Name = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

    /// <summary>The day form's delete button (before the confirmation opens).</summary>
    public ILocator Remove => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Delete", Culture), Exact = true });

    /// <summary>The confirmation dialog's button.</summary>
    public ILocator ConfirmRemove => Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Delete", Culture), Exact = true });

    public async Task<CalendarPageObject> OpenAsync(int year)
    {
        await Interactive.GotoAsync(Page, $"calendar?year={year.ToString(CultureInfo.InvariantCulture)}");
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }
}
