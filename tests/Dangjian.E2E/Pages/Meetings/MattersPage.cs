using System.Globalization;

namespace Dangjian.E2E.Pages.Meetings;

/// <summary>提议上会事项 (MTG-4): the raise form and the matters on /me, and the secretary's list /meetings/matters.</summary>
public sealed class MattersPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>One matter, on /me or the list (data-matter="{id}", data-status, data-mandatory), by its title.</summary>
    public ILocator Matter(string title) => Page.Locator("[data-matter]").Filter(new() { HasText = title });

    public async Task RaiseOnMeAsync(string title, string reason)
    {
        await Page.Locator("#me-matter-title").FillAsync(title);
        await Page.Locator("#me-matter-reason").FillAsync(reason);
        await Page.Locator("[data-action=raise-matter]").ClickAsync();
    }

    /// <summary>Puts the matter on the first open meeting offered, as a routine item.</summary>
    public async Task ScheduleAsync(string title)
    {
        await Matter(title).Locator("[data-action=schedule]").ClickAsync();
        await Matter(title).Locator("[data-action=confirm-schedule]").ClickAsync();
    }
}
