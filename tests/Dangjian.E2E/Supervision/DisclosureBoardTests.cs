using Dangjian.Domain.Supervision;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages.Supervision;
using Dangjian.Web.Features.Supervision.Disclosures;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Supervision;

/// <summary>
/// 三务公开 (SUP-4) in the browser: a villager opens an organization's public board on a phone with JavaScript off, reads
/// this quarter's item and opens an earlier quarter of the archive; another organization's item is not there.
/// </summary>
public sealed class DisclosureBoardTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task PublicBoard_OnAPhoneWithoutJavaScript_ShowsThisQuarter_AndOpensTheArchive()
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var (branch, other) = (tree.BranchWithPeople(), tree.BranchWithPeople(1));
        var tag = Guid.NewGuid().ToString("N")[..6];
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var commands = sp.GetRequiredService<DisclosureCommands>();
            await commands.PublishAsync(new PublishDisclosureRequest(branch.Id, DisclosureCategory.VillageAffairs, "本季度村务公开" + tag, "道路修缮项目预算与工期。", OrgToday.Value));
            await commands.PublishAsync(new PublishDisclosureRequest(branch.Id, DisclosureCategory.Finance, "往期财务公开" + tag, "第一季度收支明细。", new DateOnly(2024, 3, 31)));
            await commands.PublishAsync(new PublishDisclosureRequest(other.Id, DisclosureCategory.Finance, "别的支部公开" + tag, "不应出现。", OrgToday.Value));
            return 0;
        });

        var phone = await App.NewContextAsync(viewport: BrowserApp.Phone, javaScriptEnabled: false);
        try
        {
            var board = await new PublicDisclosureBoardPage(await phone.NewPageAsync(), Ui.Zh).OpenAsync(App.BaseUrl, branch.Id);
            await Expect(board.Current.Filter(new() { HasText = "本季度村务公开" + tag })).ToBeVisibleAsync();
            await Expect(board.Main).Not.ToContainTextAsync("别的支部公开" + tag);

            var archived = board.Quarter("2024 年第 1 季度");
            await Expect(archived.GetByText("往期财务公开" + tag)).Not.ToBeVisibleAsync();
            await archived.Locator("summary").ClickAsync();
            await Expect(archived.GetByText("往期财务公开" + tag)).ToBeVisibleAsync();

            // It fits the phone: nothing wider than the screen.
            var box = await board.Main.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= BrowserApp.Phone.Width, $"{box.X} + {box.Width}");
        }
        finally
        {
            await phone.CloseAsync();
        }
    }
}
