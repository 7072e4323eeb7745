using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages.Meetings;
using Dangjian.Web.Features.Mine;

namespace Dangjian.E2E.Pages;

/// <summary>/me, the member's own page: their meetings, the measures they own, their follow-ups, their record.</summary>
public sealed class MinePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Text("Title"));

    /// <summary>The menu's 我的 entry (shown to accounts linked to a person).</summary>
    public ILocator MenuEntry => Navigation.GetByRole(AriaRole.Link, new() { Name = Text("Nav"), Exact = true });

    /// <summary>The measures listed (each data-rectification="{id}", with data-status and data-overdue).</summary>
    public ILocator Measures => Page.Locator("[data-rectification]");

    public ILocator Measure(int id) => Page.Locator($"[data-rectification=\"{BrowserApp.Invariant(id)}\"]");

    /// <summary>The tick box of an open measure (the bulk 整改完成 row selection).</summary>
    public ILocator Tick(int id) => Page.Locator($"input[data-tick=\"{BrowserApp.Invariant(id)}\"], [data-tick=\"{BrowserApp.Invariant(id)}\"] input");

    /// <summary>The one button that marks the ticked measures done.</summary>
    public ILocator CompleteTicked => Page.Locator("[data-complete-ticked]");

    /// <summary>The meetings listed (data-meeting="{id}", data-upcoming).</summary>
    public ILocator Meetings => Page.Locator("[data-meeting]");

    public ILocator FollowUps => Page.Locator("[data-follow-up]");

    /// <summary>The line a section shows when it has nothing (data-empty="meetings" / "rectifications" / "follow-ups").</summary>
    public ILocator Empty(string section) => Page.Locator($"[data-empty=\"{section}\"]");

    public ILocator NoPerson => Page.Locator("[data-no-person]");

    /// <summary>A section of the page by the id of its heading ("me-activities", "me-motions", "me-matters").</summary>
    public ILocator Section(string headingId) => Page.Locator($"[role=region][aria-labelledby=\"{headingId}\"]");

    /// <summary>A delegate's activities listed (data-my-activity="{id}", with data-present).</summary>
    public ILocator Activities => Page.Locator("[data-my-activity]");

    /// <summary>The 质询 and 罢免 a delegate signed or may co-sign (data-my-motion="{id}", data-status).</summary>
    public ILocator Motions => Page.Locator("[data-my-motion]");

    /// <summary>The matters raised on the teams the person sits on (data-matter="{id}", data-status).</summary>
    public ILocator Matters => Page.Locator("[data-matter]");

    /// <summary>Whether the page is wider than the window (a phone user would scroll sideways).</summary>
    public Task<bool> ScrollsSidewaysAsync() => Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");

    /// <summary>
    /// Opens the menu from the app bar. On a phone the drawer is rendered open and closes itself once the page has measured
    /// the window; a click before that would be undone, so this waits for it to close first, as a user waits for the page.
    /// </summary>
    public async Task OpenMenuAsync()
    {
        await Assertions.Expect(NavLink("Nav.Home")).Not.ToBeInViewportAsync();
        await MenuButton.ClickAsync();
        await Assertions.Expect(NavLink("Nav.Home")).ToBeInViewportAsync();
    }

    /// <summary>Opens the menu and follows 我的.</summary>
    public async Task<MinePage> OpenFromMenuAsync()
    {
        await OpenMenuAsync();
        await MenuEntry.ClickAsync();
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }

    /// <summary>The ids of the elements a locator finds, from the data attribute that carries them.</summary>
    public static async Task<IReadOnlyList<int>> IdsAsync(ILocator items, string attribute) =>
        [.. (await items.EvaluateAllAsync<string[]>($"els => els.map(e => e.getAttribute('{attribute}'))")).Select(v => int.Parse(v, CultureInfo.InvariantCulture))];

    /// <summary>Marks one of the measures done with its evidence, through the same form as the meeting's page.</summary>
    public Task CompleteAsync(int rectificationId, string evidence) => new DemocraticLifePage(Page, Culture).CompleteAsync(rectificationId, evidence);

    private string Text(string key) => Ui.Text<MineText>(key, Culture);
}
