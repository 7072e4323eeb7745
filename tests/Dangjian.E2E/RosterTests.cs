using System.Text.RegularExpressions;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.People;
using Xunit.Abstractions;
using RosterPage = Dangjian.E2E.Pages.RosterPage;
using static Dangjian.E2E.Infrastructure.DemoFacts;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

public sealed class RosterTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Roster_ExportWithNameFilter_DownloadsExactlyTheFilteredRowsAsExcel() => RunAsync(async page =>
    {
        const string surname = "王";
        var expected = await App.RosterAsync(OrgAdminA, new RosterFilter(Name: surname));
        Assert.InRange(expected.Count, 2, 10_000);

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var roster = await new RosterPage(page, Ui.Zh).OpenAsync();
        await roster.FilterByNameAsync(surname);
        await Expect(roster.Total(expected.Count)).ToBeVisibleAsync();
        await Expect(roster.Export).ToHaveAttributeAsync("href", new Regex("name=" + Regex.Escape(Uri.EscapeDataString(surname))));

        var (fileName, content) = await roster.ExportAsync();

        Assert.EndsWith(".xlsx", fileName, StringComparison.Ordinal);
        var sheet = RosterFile.Read(content);
        var name = Ui.Text<PeopleText>("Col.Name", Ui.Zh);
        var idNumber = Ui.Text<PeopleText>("Col.IdNumber", Ui.Zh);
        var code = Ui.Text<PeopleText>("Col.OrganizationCode", Ui.Zh);
        Assert.Equal(expected.Count, sheet.Count);
        Assert.All(sheet, r => Assert.Contains(surname, r[name]?.ToString(), StringComparison.Ordinal));
        Assert.Equal(
            expected.Select(e => ((string?)e.Name, (string?)e.IdNumber, (string?)e.OrganizationCode)).Order().ToList(),
            sheet.Select(r => (r[name]?.ToString(), r[idNumber]?.ToString(), r[code]?.ToString())).Order().ToList());
        Assert.All(sheet, r => Assert.Contains("*", r[idNumber]?.ToString(), StringComparison.Ordinal)); // masked for an org admin
    });

    [Fact]
    public Task Roster_AtPhoneWidth_ShowsCardsAndTheMenuOpensFromTheAppBar() => RunAsync(BrowserApp.Phone, async page =>
    {
        var total = await App.RosterTotalAsync(OrgAdminA, new RosterFilter());

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var roster = await new RosterPage(page, Ui.Zh).OpenAsync();

        // Cards: the rows show, the column headers do not (each cell carries its own label), nothing is wider than the phone.
        await Expect(roster.Total(total)).ToBeVisibleAsync();
        await Expect(roster.Rows).ToHaveCountAsync(Math.Min(total, 20));
        await Expect(roster.Rows.First.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await Expect(roster.Table.GetByRole(AriaRole.Columnheader).First).ToBeHiddenAsync();
        var first = await roster.Rows.First.BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.True(first.Height > first.Width / 2, $"a row should be a card of stacked cells, not a line: {first.Width} x {first.Height}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at phone width");

        // The menu is closed on a phone; the app bar's button opens it.
        await Expect(roster.NavLink("Nav.Organizations")).Not.ToBeInViewportAsync();
        await roster.MenuButton.ClickAsync();
        await Expect(roster.NavLink("Nav.Organizations")).ToBeInViewportAsync();
        await roster.NavLink("Nav.Organizations").ClickAsync();
        await Expect(new TreePage(page, Ui.Zh).Title).ToBeVisibleAsync();
    });
}
