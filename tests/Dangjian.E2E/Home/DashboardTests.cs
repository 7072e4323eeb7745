using System.Globalization;
using Dangjian.Domain.Organizations;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Home;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Home.Due;
using Dangjian.Web.Features.Services.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Home;

/// <summary>
/// RPT-1 dashboards in the browser: the district admin narrows the due figures to a township and drills down from a
/// figure to the list behind it, filtered to that township; the demo secretary's home page is their branch's to-do list.
/// </summary>
public sealed class DashboardTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Admin_NarrowsToATownship_AndAFigureLeadsToTheListBehindIt() => RunAsync(async page =>
    {
        var township = await App.WithDbAsync(db => db.Organizations.Where(o => o.Kind == OrganizationKind.TownshipCommittee && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Id).Select(o => new OrganizationOption(o.Id, o.Name)).FirstAsync());
        var expected = await App.AsUserAsync("admin", sp => sp.GetRequiredService<DueSummary>().GetAsync(township.Id));

        await new LoginPage(page).SignInAsync("admin");
        var due = new DuePage(page, Ui.Zh);
        await Expect(due.ScopeLine).ToHaveAttributeAsync("data-due-scope", "all");
        await due.NarrowToAsync(township.Name, township.Id);

        Assert.Contains($"organizationId={township.Id}", page.Url, StringComparison.Ordinal);
        var figure = due.Figure("Due.ServicesOverdue");
        await Expect(figure).ToContainTextAsync(expected.ServiceRequestsOverdue!.Value.ToString(CultureInfo.InvariantCulture));

        await figure.ClickAsync();
        await Interactive.WaitForAddressAsync(page, u => u.AbsolutePath == "/services");
        Assert.Contains($"organizationId={township.Id}", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Ui.Text<ServiceText>("Title", Ui.Zh), Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<ServiceText>("Organization", Ui.Zh) }).First).ToHaveValueAsync(township.Name);
    });

    [Fact]
    public Task Secretary_HomePage_IsTheBranchToDoList() => RunAsync(async page =>
    {
        var (branch, items) = await App.AsUserAsync(DemoFacts.Secretary, async sp =>
        {
            var due = sp.GetRequiredService<DueSummary>();
            var own = await due.OwnBranchAsync();
            Assert.NotNull(own);
            return (own, DueItems.Of(await due.GetAsync(own.Id)).Where(i => i.Count > 0).ToList());
        });

        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        var home = new DuePage(page, Ui.Zh);
        await Expect(home.ToDoHeading(branch.Name)).ToBeVisibleAsync();
        if (items.Count == 0)
        {
            await Expect(home.ToDoEmpty).ToBeVisibleAsync();
            return;
        }

        await Expect(home.ToDoLines).ToHaveCountAsync(items.Count);
        var first = items.OrderByDescending(i => i.Warn).First();
        var line = home.ToDo.Locator($"[data-todo=\"{DueLabel.KeyOf(first)}\"]");
        await Expect(line).ToContainTextAsync(first.Count.ToString(CultureInfo.InvariantCulture));
        await line.ClickAsync();
        var path = "/" + first.Href.Split('?')[0];
        await Interactive.WaitForAddressAsync(page, u => u.AbsolutePath == path);
    });
}
