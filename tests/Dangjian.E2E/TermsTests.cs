using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Teams;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

public sealed class TermsTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Terms_OrgAdmin_ListsTheOrganizationsOfOwnScopeWhoseTermsEnd() => RunAsync(async page =>
    {
        var expected = await App.AsUserAsync("orgadmin.a", sp => sp.GetRequiredService<TeamQueries>().ExpiringAsync(TeamQueries.DefaultExpiryMonths));
        var outside = await App.AsUserAsync("orgadmin.b", sp => sp.GetRequiredService<TeamQueries>().ExpiringAsync(TeamQueries.DefaultExpiryMonths));
        Assert.NotEmpty(expected); // the demo district has terms ending soon in every township

        await new LoginPage(page).SignInAsync("orgadmin.a");
        var terms = await new ExpiringTermsPage(page, Ui.Zh).OpenAsync();

        await Expect(terms.Rows).ToHaveCountAsync(expected.Count);
        var shown = (await terms.Table.GetByRole(AriaRole.Link).AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(expected.Select(e => e.OrganizationName).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(shown, name => outside.Any(o => o.OrganizationName == name));

        var first = expected[0];
        var row = terms.Rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = first.OrganizationName, Exact = true }) }).First;
        await Expect(row).ToContainTextAsync(first.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(row).ToContainTextAsync(Ui.Format<TeamText>("TermLabel", Ui.Zh, first.TermNumber));
    });
}
