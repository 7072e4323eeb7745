using Dangjian.Domain.Units;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Units;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Units;

/// <summary>
/// Units (ORG-4) on a phone (375 × 812): township A's admin opens /units, adds an enterprise through the form (the area is
/// their township, filled in for them), finds it by searching its name (the search is kept in the address) and reads it as
/// a card with its kind and headcount; nothing on the page scrolls sideways, before or after.
/// </summary>
public sealed class UnitPageTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public Task Admin_AtPhoneWidth_AddsAUnit_AndFindsItBySearch_NothingScrollsSideways() => RunAsync(Phone, async page =>
    {
        var name = "鑫源机械制造有限公司" + Guid.NewGuid().ToString("N")[..6];

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var units = await new UnitsPage(page, Ui.Zh).OpenAsync();
        Assert.Equal(0, await PageLayout.OverflowAsync(page, "body"));

        await units.AddAsync(name, $"UnitKind.{UnitKind.Enterprise}", 86);
        Assert.Equal(0, await PageLayout.OverflowAsync(page, "body"));

        await units.SearchAsync(name);
        await Interactive.WaitForAddressAsync(page, u => u.AbsolutePath == "/units" && u.Query.StartsWith("?search=", StringComparison.Ordinal));
        await Expect(units.Rows).ToHaveCountAsync(1);
        var row = units.Row(name);
        await Expect(row).ToContainTextAsync(Ui.Text<Dangjian.Web.Features.Common.EnumText>("UnitKind.Enterprise", Ui.Zh));
        await Expect(row).ToContainTextAsync("86");
        Assert.Equal(0, await PageLayout.OverflowAsync(page, "body"));
        await PageLayout.ShotAsync(page, "units-phone");

        var stored = await App.WithDbAsync(db => db.Units.AsNoTracking().Where(u => u.Name == name).Select(u => new { u.Kind, u.Headcount }).SingleAsync());
        Assert.Equal((UnitKind.Enterprise, 86), (stored.Kind, stored.Headcount));
    });
}
