using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages;

/// <summary>What every staff page shares: the app bar (language switch, sign-out), the navigation menu and the demo banner.</summary>
public class Shell(IPage page, CultureInfo culture)
{
    protected IPage Page { get; } = page;

    protected CultureInfo Culture { get; } = culture;

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = Ui.Text<UiText>("Nav.Menu", Culture) });

    /// <summary>The app bar's button that opens and closes the navigation menu (a drawer that starts closed on a phone).</summary>
    public ILocator MenuButton => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Nav.Menu", Culture), Exact = true });

    /// <summary>The menu entry with the given UiText key (Nav.Home, Nav.Organizations…).</summary>
    public ILocator NavLink(string key) => Navigation.GetByRole(AriaRole.Link, new() { Name = Ui.Text<UiText>(key, Culture), Exact = true });

    /// <summary>The link that switches to the other language; it names that language ("English" / "中文").</summary>
    public ILocator LanguageSwitch => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<UiText>("Nav.Language", Culture), Exact = true });

    public ILocator SignOut => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Nav.SignOut", Culture) });

    public ILocator DemoBanner => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = Ui.Text<UiText>("DemoBanner", Culture) });

    public ILocator Heading(string text) => Page.GetByRole(AriaRole.Heading, new() { Name = text, Level = 1 });

    /// <summary>Clicks the language switch and returns the shell as it reads in the other language.</summary>
    public async Task<Shell> SwitchLanguageAsync()
    {
        var other = Culture.Name.StartsWith("zh", StringComparison.Ordinal) ? Ui.En : Ui.Zh;
        await Interactive.RunAsync(Page, ClickLanguageSwitchAsync);
        var shell = new Shell(Page, other);
        await Assertions.Expect(shell.LanguageSwitch).ToBeVisibleAsync();
        return shell;
    }

    /// <summary>
    /// Clicks the language switch until the browser asks for the switch (at most three times). On a page whose
    /// circuit is still connecting, the click can fall in the instant the circuit swaps the prerendered DOM for its
    /// own: the link under the mouse is replaced between press and release, the browser sees no click on a link, and
    /// nothing happens, so a user clicks again. A test that clicked only once would wait for a page that never comes.
    /// </summary>
    private async Task ClickLanguageSwitchAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Page.RunAndWaitForRequestAsync(
                    () => LanguageSwitch.ClickAsync(),
                    request => request.Url.Contains("/account/culture", StringComparison.Ordinal),
                    new() { Timeout = 5_000 });
                return;
            }
            catch (Exception e) when (attempt < 3 && e is System.TimeoutException or PlaywrightException)
            {
            }
        }
    }
}
