using Dangjian.Domain.Surveys;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

/// <summary>
/// The pages under the content security policy: every page of the menu, a survey's charts and a public voting form
/// load, become interactive and report no violation; the print buttons print without inline handlers.
/// </summary>
public sealed class SecurityTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] MenuPages =
    [
        "", "organizations", "terms", "elections", "surveys", "evaluations", "meetings", "meetings/rulings", "meetings/decisions",
        "meetings/minutes", "meetings/compliance", "meetings/democratic-life", "people", "people/import", "coverage", "calendar",
        "accounts", "audit",
    ];

    [Fact]
    public async Task Watch_ReportsAViolation_WhenThereIsOne()
    {
        // In a context of its own, outside RunAsync (which fails any test whose pages report a violation).
        await using var context = await App.NewContextAsync();
        var page = await context.NewPageAsync();
        var log = Watch(page);
        await new LoginPage(page).OpenAsync();

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.appendChild(s); }");

        Assert.True(await WaitForAsync(() => CspViolations(log).Count == 1), "the refused inline script was not reported");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected"));
    }

    [Fact]
    public Task MainPages_UnderThePolicy_ReportNoViolation() => RunAsync(async page =>
    {
        var log = Watch(page);
        var closedSurvey = await App.WithDbAsync(db => db.Surveys.Where(s => s.Status == SurveyStatus.Closed).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

        await new LoginPage(page).SignInAsync("admin");
        foreach (var path in MenuPages.Append($"surveys/{closedSurvey}"))
        {
            await Interactive.GotoAsync(page, path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            Assert.True(CspViolations(log).Count == 0, $"{path}: {string.Join("\n", CspViolations(log))}");
        }

        await Expect(page.Locator("[data-chart] svg").First).ToBeVisibleAsync();

        await page.GotoAsync("vote");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(CspViolations(log));
    });

    [Fact]
    public Task PrintButton_WithoutInlineHandler_StillPrints() => RunAsync(async page =>
    {
        // Headless Chromium has no print dialog: count the calls instead (an init script runs outside the page's policy).
        await page.AddInitScriptAsync("window.printed = 0; window.print = () => { window.printed++; };");
        await new LoginPage(page).SignInAsync("orgadmin.a");
        await Interactive.GotoAsync(page, "terms");

        await page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Print", Ui.Zh), Exact = true }).ClickAsync();

        Assert.True(await WaitForAsync(async () => await page.EvaluateAsync<int>("() => window.printed") == 1), "the print button did not print");
    });

    private static Task<bool> WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
