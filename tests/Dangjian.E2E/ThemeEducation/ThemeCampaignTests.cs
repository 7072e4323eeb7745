using Dangjian.Domain.ThemeEducation;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.ThemeEducation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.ThemeEducation;

/// <summary>
/// A theme education campaign's draft in the browser (MTG-13): its organizer corrects the title and days in place —
/// a day outside the campaign's own order is refused on its field and nothing changes — adds a phase, and launches it once an activity is planned, it
/// after the confirmation.
/// </summary>
public sealed class ThemeCampaignTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Draft_IsEditedInPlace_RefusingAnEndBeforeTheStart_ThenLaunched() => RunAsync(async page =>
    {
        var township = (await App.TreeOfAsync(DemoFacts.OrgAdminA)).Root();
        var tag = Guid.NewGuid().ToString("N")[..5];
        var draft = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<ThemeCampaignCommands>().CreateAsync(
            new CreateThemeCampaignRequest(township.Id, "主题教育草稿" + tag, "学思想、强党性", new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30))));

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"theme-education/{draft.Id}");
        await page.Locator("[data-action=edit-campaign]").ClickAsync();
        await Expect(page.Locator("#thm-edit-title")).ToHaveValueAsync("主题教育草稿" + tag);

        // An end before the start: refused on the form, the stored campaign unchanged.
        await page.Locator("#thm-edit-title").FillAsync("学习贯彻主题教育" + tag);
        await page.Locator("#thm-edit-end").FillAsync("2027-02-01");
        await page.Locator("#thm-edit-save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.Equal("主题教育草稿" + tag, await App.WithDbAsync(db => db.ThemeCampaigns.Where(c => c.Id == draft.Id).Select(c => c.Title).SingleAsync()));

        await page.Locator("#thm-edit-end").FillAsync("2027-07-15");
        await page.Locator("#thm-edit-save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "学习贯彻主题教育" + tag, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("2027-07-15")).ToBeVisibleAsync();
        var saved = await App.WithDbAsync(db => db.ThemeCampaigns.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        Assert.Equal(("学习贯彻主题教育" + tag, new DateOnly(2027, 7, 15)), (saved.Title, saved.EndsOn));

        await page.Locator("#thm-phase-name").FillAsync("学习教育");
        await page.Locator("#thm-phase-start").FillAsync("2027-03-01");
        await page.Locator("#thm-phase-end").FillAsync("2027-04-30");
        await page.Locator("[data-action=add-phase]").ClickAsync();
        await Expect(page.Locator("[data-phase]")).ToContainTextAsync("学习教育");

        // Its required activity through the API (the activity form has its own test in the HTTP suite), then the launch.
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var view = await sp.GetRequiredService<ThemeEducationQueries>().GetAsync(draft.Id);
            return await sp.GetRequiredService<ThemeCampaignCommands>().AddActivityAsync(draft.Id, view.Phases[0].Id,
                new AddRequiredActivityRequest(RequiredActivityKind.ThemedPartyLecture, "专题党课", new DateOnly(2027, 4, 15), ThemeActivityLevels.All, view.Version));
        });
        await Interactive.GotoAsync(page, $"theme-education/{draft.Id}");
        await Expect(page.Locator("[data-activity]")).ToContainTextAsync("专题党课");

        await page.Locator("[data-action=launch]").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Ui.Text<ThemeEducationText>("Launch", Ui.Zh) }).ClickAsync();
        await Expect(page.Locator("[data-action=edit-campaign]")).ToHaveCountAsync(0);
        Assert.Equal(ThemeCampaignStatus.Launched, await App.WithDbAsync(db => db.ThemeCampaigns.Where(c => c.Id == draft.Id).Select(c => c.Status).SingleAsync()));
    });
}
