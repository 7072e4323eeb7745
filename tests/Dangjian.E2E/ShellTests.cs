using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Home;
using Dangjian.Web.Features.Teams;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

public sealed class ShellTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] Menu = ["Nav.Home", "Nav.Organizations", "Nav.Terms", "Nav.People", "Nav.Import"];

    [Fact]
    public Task Language_SwitchToEnglish_ShowsEnglishNavigationAndKeepsItAcrossPages() => RunAsync(async page =>
    {
        var home = await new LoginPage(page).SignInAsync("orgadmin.a");
        foreach (var key in Menu)
        {
            await Expect(home.NavLink(key)).ToBeVisibleAsync();
        }

        var english = await home.SwitchLanguageAsync();

        await Expect(english.NavLink("Nav.Home")).ToHaveTextAsync("Home");
        await Expect(english.NavLink("Nav.Organizations")).ToHaveTextAsync("Organizations");
        await Expect(english.NavLink("Nav.People")).ToHaveTextAsync("Roster");
        foreach (var key in Menu)
        {
            await Expect(english.NavLink(key)).ToBeVisibleAsync();
        }

        await Expect(english.Heading(Ui.Text<HomeText>("Title", Ui.En))).ToBeVisibleAsync();
        await Expect(english.DemoBanner).ToContainTextAsync("Demo mode");
        await Expect(page.GetByText("演示模式")).ToHaveCountAsync(0);

        await english.NavLink("Nav.Terms").ClickAsync();
        await Expect(english.Heading(Ui.Text<TeamText>("ExpiringTitle", Ui.En))).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    });

    [Fact]
    public Task SignOut_FromTheAppBar_EndsTheSessionAndShowsTheSignInPage() => RunAsync(async page =>
    {
        var home = await new LoginPage(page).SignInAsync("orgadmin.a");

        await home.SignOut.ClickAsync(); // the app bar's form carries its antiforgery token

        var login = new LoginPage(page);
        await Expect(login.SignInButton).ToBeVisibleAsync();
        await page.GotoAsync("terms");
        await Expect(login.SignInButton).ToBeVisibleAsync(); // signed out for good: a staff page sends back to sign in
    });

    [Fact]
    public Task Language_SwitchBeforeThePageIsInteractive_StillSwitchesEveryLaterPage() => RunAsync(async page =>
    {
        // A circuit keeps the culture it started with; a switch that reused the old circuit would show
        // the next page in Chinese again.
        var home = await new LoginPage(page).SignInAsync("orgadmin.a", waitForInteractive: false);

        var english = await home.SwitchLanguageAsync();
        await english.NavLink("Nav.Terms").ClickAsync();

        await Expect(english.Heading(Ui.Text<TeamText>("ExpiringTitle", Ui.En))).ToBeVisibleAsync();
        await Expect(english.NavLink("Nav.Home")).ToHaveTextAsync("Home");
    });

    [Fact]
    public Task Language_SwitchBackToChinese_ShowsChineseNavigation() => RunAsync(async page =>
    {
        var home = await new LoginPage(page).SignInAsync("orgadmin.a");
        var english = await home.SwitchLanguageAsync();
        await Expect(english.NavLink("Nav.Home")).ToHaveTextAsync("Home");

        var chinese = await english.SwitchLanguageAsync();

        await Expect(chinese.NavLink("Nav.Home")).ToHaveTextAsync("首页");
        await Expect(chinese.NavLink("Nav.People")).ToHaveTextAsync("人员名册");
        await Expect(chinese.DemoBanner).ToContainTextAsync("演示模式");
    });
}
