using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Home;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

public sealed class SignInTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task SignIn_DemoOrgAdmin_SeesDashboardWithCountsOfOwnScopeAndDemoBanner() => RunAsync(async page =>
    {
        var expected = await App.AsUserAsync("orgadmin.a", sp => sp.GetRequiredService<Dashboard>().GetAsync());

        var home = await new LoginPage(page).SignInAsync("orgadmin.a");

        await Expect(home.DemoBanner).ToBeVisibleAsync();
        await Expect(home.DemoBanner).ToContainTextAsync("演示模式");
        await Expect(page.GetByText("orgadmin.a", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(expected.Organizations.Sum(k => k.Count), await home.CountAsync("Organizations"));
        Assert.Equal(expected.FullMembers, await home.CountAsync("FullMembers"));
        Assert.Equal(expected.ProbationaryMembers, await home.CountAsync("ProbationaryMembers"));
        Assert.Equal(expected.Residents, await home.CountAsync("Residents"));
        // Township A's counts, not the district's: the whole district has far more members.
        Assert.InRange(expected.FullMembers, 1, 2_000);
    });

    [Fact]
    public Task SignIn_WrongPassword_ShowsMessageAndStaysSignedOut() => RunAsync(async page =>
    {
        var login = await new LoginPage(page).OpenAsync();
        await Expect(login.Title).ToBeVisibleAsync();

        await login.SubmitAsync("orgadmin.b", "not-the-password-1");

        await Expect(login.Error).ToHaveTextAsync(Ui.Text<AccountText>("Failed", Ui.Zh));
        await Expect(login.Password).ToBeVisibleAsync();
        await page.GotoAsync("");
        await Interactive.WaitForAddressAsync(page, u => u.AbsolutePath == "/account/login");
        await Expect(login.SignInButton).ToBeVisibleAsync();
    });

    [Fact]
    public Task SignIn_UnknownName_ShowsTheSameMessageAsAWrongPassword() => RunAsync(async page =>
    {
        var login = await new LoginPage(page).OpenAsync();
        await login.SubmitAsync("orgadmin.b", "not-the-password-2");
        await Expect(login.Error).ToHaveTextAsync(Ui.Text<AccountText>("Failed", Ui.Zh));
        var forKnown = await login.Error.TextContentAsync();

        await login.SubmitAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "not-the-password-2");

        await Expect(login.Error).ToHaveTextAsync(forKnown!);
        await Expect(login.SignInButton).ToBeVisibleAsync();
    });

    [Fact]
    public Task Home_Anonymous_IsSentToSignInAndBackAfterwards() => RunAsync(async page =>
    {
        await page.GotoAsync("terms");

        await Interactive.WaitForAddressAsync(page, u => u.AbsolutePath == "/account/login");
        var login = new LoginPage(page);
        await Expect(login.Password).ToBeVisibleAsync();
        await Expect(page.GetByText(Ui.Text<UiText>("Nav.Terms", Ui.Zh))).ToHaveCountAsync(0);
        await login.SubmitAsync("orgadmin.a", StartupAccounts.DemoPassword);
        await Expect(new ExpiringTermsPage(page, Ui.Zh).Title).ToBeVisibleAsync();
    });
}
