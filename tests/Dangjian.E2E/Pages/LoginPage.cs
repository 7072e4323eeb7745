using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages;

/// <summary>/account/login: a plain form (user name, password, sign-in button).</summary>
public sealed class LoginPage(IPage page, System.Globalization.CultureInfo? culture = null)
{
    private readonly System.Globalization.CultureInfo _culture = culture ?? Ui.Zh;

    public ILocator UserName => page.GetByLabel(Ui.Text<AccountText>("UserName", _culture), new() { Exact = true });

    public ILocator Password => page.GetByLabel(Ui.Text<AccountText>("Password", _culture), new() { Exact = true });

    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<AccountText>("SignIn", _culture) });

    /// <summary>The message shown when sign-in fails.</summary>
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Name = Ui.Text<UiText>("AppTitle", _culture) });

    public async Task<LoginPage> OpenAsync()
    {
        await page.GotoAsync("account/login");
        return this;
    }

    public async Task SubmitAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
    }

    /// <summary>
    /// Signs in through the form and waits for the home page; unless <paramref name="waitForInteractive"/> is
    /// false, also for its circuit (a hasty user clicks before it connects).
    /// </summary>
    public async Task<HomePage> SignInAsync(string userName, string password = StartupAccounts.DemoPassword, bool waitForInteractive = true)
    {
        await OpenAsync();
        if (waitForInteractive)
        {
            await Interactive.RunAsync(page, () => SubmitAsync(userName, password));
        }
        else
        {
            await SubmitAsync(userName, password);
        }

        await Interactive.WaitForAddressAsync(page, u => u.AbsolutePath == "/");
        var home = new HomePage(page, _culture);
        await home.WaitAsync();
        return home;
    }
}
