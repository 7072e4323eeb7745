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
        await Interactive.RunAsync(Page, () => LanguageSwitch.ClickAsync());
        var shell = new Shell(Page, other);
        await Assertions.Expect(shell.LanguageSwitch).ToBeVisibleAsync();
        return shell;
    }
}
