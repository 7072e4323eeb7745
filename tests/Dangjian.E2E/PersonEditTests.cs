using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Dangjian.E2E.Infrastructure.DemoFacts;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

public sealed class PersonEditTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Person_TwoEditorsSavePhone_SecondGetsConflictAndKeepsInput() => RunAsync(async (first, second) =>
    {
        var branch = (await App.TreeOfAsync(OrgAdminA)).BranchWithPeople(skip: 2);
        var person = await App.WithDbAsync(db => db.People.AsNoTracking()
            .Where(p => p.OrganizationId == branch.Id && !p.IsRemoved).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Phone }).FirstAsync());
        var firstPhone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var secondPhone = "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

        // Both open the same person and start editing before either saves.
        var pages = new List<PersonPage>();
        foreach (var page in new[] { first, second })
        {
            await new LoginPage(page).SignInAsync(OrgAdminA);
            var personPage = await new PersonPage(page, Ui.Zh).OpenAsync(person.Id, person.Name);
            await personPage.StartEditAsync();
            await Expect(personPage.Phone).ToHaveValueAsync(person.Phone ?? string.Empty);
            pages.Add(personPage);
        }

        await pages[0].Phone.FillAsync(firstPhone);
        await pages[1].Phone.FillAsync(secondPhone);

        await pages[0].Save.ClickAsync();
        await Expect(pages[0].Saved).ToBeVisibleAsync();
        await Expect(pages[0].Detail("Col.Phone")).ToHaveTextAsync(firstPhone);

        await pages[1].Save.ClickAsync();
        await Expect(pages[1].Conflict).ToBeVisibleAsync();
        await Expect(pages[1].Phone).ToHaveValueAsync(secondPhone); // the input is still there to copy
        await Expect(pages[1].Saved).ToHaveCountAsync(0);
        Assert.Equal(firstPhone, await App.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.Phone).SingleAsync()));

        // "Load the latest" replaces the form with what the first editor saved.
        await pages[1].ReloadLatest.ClickAsync();
        await Expect(pages[1].Conflict).ToHaveCountAsync(0);
        await Expect(pages[1].Phone).ToHaveValueAsync(firstPhone);
    });
}
