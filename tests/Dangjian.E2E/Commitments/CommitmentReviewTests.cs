using Dangjian.Domain.Commitments;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Commitments;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Commitments;

/// <summary>
/// CMT-1 … CMT-4 in the browser: township A's admin opens a campaign from the menu, moves it from 定 to 审, sees the
/// submitted items in the ledger at the branch level, returns one (the comment the server asks for first) and approves
/// the other; the page shows what the server recorded.
/// </summary>
public sealed class CommitmentReviewTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Ledger_ReturnsOneItemWithAComment_ApprovesAnother_AtTheBranchLevel() => RunAsync(async page =>
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var township = tree.Root();
        var branch = tree.BranchWithPeople();
        var person = await App.WithDbAsync(db => db.People.Where(p => p.OrganizationId == branch.Id && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var year = OrgToday.Value.Year;
        var title = $"公开承诺浏览器测试{Guid.NewGuid():N}"[..20];
        var (campaignId, returned, approved) = await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            var id = await sp.GetRequiredService<CampaignCommands>().CreateAsync(new CreateCommitmentCampaignRequest(township.Id, year, title, null));
            var items = sp.GetRequiredService<CommitmentCommands>();
            var deadline = new DateOnly(year, 12, 31);
            var first = await items.CreateAsync(id, new NewCommitmentRequest(person, null, null, "每月走访两户困难群众", "建立走访台账，逐户登记", deadline, null, null, null));
            var second = await items.CreateAsync(id, new NewCommitmentRequest(person, null, null, "带头参加志愿服务", "每季度参加一次社区志愿服务", deadline, null, null, null));
            await items.SubmitAsync(id, new SubmitCommitmentsRequest(person, null));
            return (id, first, second);
        });

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var cmt = await new CommitmentsPage(page, Ui.Zh).OpenFromMenuAsync(title);
        await Expect(cmt.Status).ToHaveAttributeAsync("data-status", nameof(CommitmentCampaignStatus.Defining));
        await Expect(cmt.Count(nameof(CommitmentStatus.AwaitingApproval))).ToHaveAttributeAsync("data-count", "2");
        await Expect(cmt.Item(returned)).ToContainTextAsync("每月走访两户困难群众");
        await Expect(cmt.Item(approved).Locator("[data-level]")).ToHaveAttributeAsync("data-level", nameof(ApprovalLevel.Branch));

        await cmt.AdvanceAsync(nameof(CommitmentCampaignStatus.Approving));

        // A return needs a comment: the server's message shows in the row and nothing changes.
        await cmt.DecideAsync(returned, "Return", null);
        await Expect(cmt.Item(returned).GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(cmt.Item(returned)).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.AwaitingApproval));

        await cmt.DecideAsync(returned, "Return", "走访对象请写明到户");
        await Expect(cmt.Item(returned)).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.Returned));
        await cmt.DecideAsync(approved, "Approve", null);
        // The click returns before the server has saved: wait for the row to move on before reading the database.
        await Expect(cmt.Item(approved).Locator("[data-level]")).Not.ToHaveAttributeAsync("data-level", nameof(ApprovalLevel.Branch));

        var after = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<CommitmentQueries>().ItemAsync(approved));
        Assert.Equal(ApprovalLevel.Branch, Assert.Single(after.Decisions).Level);
        await Expect(cmt.Item(approved)).ToHaveAttributeAsync("data-item-status", after.Status.ToString());
        await Expect(cmt.Item(approved).Locator("[data-status]")).ToHaveTextAsync(cmt.Text($"CommitmentStatus.{after.Status}"));
        var back = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<CommitmentQueries>().ItemAsync(returned));
        Assert.Equal("走访对象请写明到户", Assert.Single(back.Decisions).Comment);
        await Expect(cmt.Count(nameof(CommitmentStatus.Returned))).ToHaveAttributeAsync("data-count", "1");
        Assert.Equal(campaignId, back.CampaignId);

        // The campaign page holds data the page scan's crawl may not reach (the demo seeds no campaign): its words here, in both languages.
        // The page body below the app bar (its account name is data); the allowed words are the scan's own (a button reads in capitals).
        var allowed = new HashSet<string>(["Excel", "English"], StringComparer.OrdinalIgnoreCase);
        var zh = PageScanTests.Check(await page.Locator(".mud-main-content").InnerTextAsync(), Ui.Zh, allowed).ToList();
        Assert.True(zh.Count == 0, string.Join("\n", zh));
        await cmt.SwitchLanguageAsync();
        await Expect(cmt.Item(approved)).ToBeVisibleAsync();
        var en = PageScanTests.Check(await page.Locator(".mud-main-content").InnerTextAsync(), Ui.En, allowed).ToList();
        Assert.True(en.Count == 0, string.Join("\n", en));
    });
}
