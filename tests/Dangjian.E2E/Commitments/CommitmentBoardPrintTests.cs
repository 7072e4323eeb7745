using System.Text;
using System.Text.RegularExpressions;
using Dangjian.Domain.Commitments;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Commitments.Opinions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Commitments;

/// <summary>
/// CMT-1 and CMT-3 in the browser: the campaign page's opinions (counts per channel, the suggestion box's address while
/// in 定) and 备案 sections; then, once approved, the public board links the A4 notice, which prints to a PDF of one or
/// two A4 pages with the title, the organization and every item.
/// </summary>
public sealed partial class CommitmentBoardPrintTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task CampaignPage_ShowsOpinions_ThenTheBoardPrintsAsAnA4Notice() => RunAsync(async page =>
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var township = tree.Root();
        var branch = tree.BranchWithPeople();
        var person = await App.WithDbAsync(db => db.People.Where(p => p.OrganizationId == branch.Id && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var year = OrgToday.Value.Year;
        var title = $"公开承诺打印测试{Guid.NewGuid():N}"[..20];
        string[] contents = ["每月走访两户困难群众", "带头参加志愿服务", "每季度讲一次党课"];
        var (campaignId, items) = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var id = await sp.GetRequiredService<CampaignCommands>().CreateAsync(new CreateCommitmentCampaignRequest(township.Id, year, title, null));
            await sp.GetRequiredService<CampaignOpinions>().AddAsync(id, new CommitmentOpinionRequest(OpinionChannel.Meeting, "座谈会：希望多走访", OrgToday.Value, null));
            var commands = sp.GetRequiredService<CommitmentCommands>();
            var ids = new List<int>();
            foreach (var content in contents)
            {
                ids.Add(await commands.CreateAsync(id, new NewCommitmentRequest(person, null, null, content, "建立台账，逐月推进", new DateOnly(year, 12, 31), null, null, null)));
            }

            await commands.SubmitAsync(id, new SubmitCommitmentsRequest(person, null));
            return (id, ids);
        });

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"{App.BaseUrl}commitments/{campaignId}");
        await Expect(page.Locator("[data-opinion-count=Meeting]")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-suggest-link]")).ToContainTextAsync($"/public/commitments/{campaignId}/suggest");
        await Expect(page.Locator("#cmt-filing-h")).ToBeVisibleAsync();
        // The address is shown as code (the page scan leaves code out): its letters are not words of the page.
        var body = (await page.Locator(".mud-main-content").InnerTextAsync()).Replace(await page.Locator("[data-suggest-link] code").InnerTextAsync(), " ", StringComparison.Ordinal);
        var zh = PageScanTests.Check(body, Ui.Zh, new HashSet<string>(["Excel", "English"], StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(zh.Count == 0, string.Join("\n", zh));

        // 审: both levels approve every item, so the board shows them.
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var campaign = await sp.GetRequiredService<CommitmentQueries>().GetCampaignAsync(campaignId);
            await sp.GetRequiredService<CampaignCommands>().AdvanceAsync(campaignId, new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Approving, campaign.Version));
            return 0;
        });
        foreach (var (user, level) in new[] { (DemoFacts.OrgAdminA, ApprovalLevel.Branch), (DemoFacts.OrgAdminA, ApprovalLevel.Committee) })
        {
            await App.AsUserAsync(user, async sp =>
            {
                foreach (var item in items)
                {
                    var v = await sp.GetRequiredService<CommitmentQueries>().ItemAsync(item);
                    await sp.GetRequiredService<CommitmentCommands>().DecideAsync(campaignId, item, new DecideCommitmentRequest(level, ApprovalDecision.Approve, null, v.Version));
                }

                return 0;
            });
        }

        await page.GotoAsync($"{App.BaseUrl}public/commitments/{branch.Id}");
        await page.Locator("[data-board-print]").ClickAsync();
        await Interactive.WaitForAddressAsync(page, u => u.AbsolutePath == $"/public/commitments/{branch.Id}/print");
        await Expect(page.Locator("h1")).ToContainTextAsync("公开承诺");
        await Expect(page.Locator("h1")).ToContainTextAsync(branch.Name);
        foreach (var content in contents)
        {
            await Expect(page.Locator(".cmt-notice-table")).ToContainTextAsync(content);
        }

        await Expect(page.Locator(".cmt-notice-foot")).ToContainTextAsync("（盖章）");
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        Assert.InRange(pages, 1, 2);
    });

    /// <summary>A page object of the PDF ("/Type /Page", not the "/Type /Pages" tree).</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();
}
