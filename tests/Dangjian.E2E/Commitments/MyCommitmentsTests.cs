using Dangjian.Domain.Commitments;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Commitments;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Commitments.Defining;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Commitments;

/// <summary>
/// 定 on a phone (CMT-1): the demo member, on /me at 375 × 740, writes one commitment and submits it — below the bound
/// (2—5件) the server's message shows and it stays a draft — then two more and submits the three, each then awaiting the
/// branch; nothing scrolls sideways. The secretary returns one with a comment on the campaign page; the member reads the
/// comment on /me, edits the item and submits it again.
/// </summary>
public sealed class MyCommitmentsTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Member = "member";

    private static readonly ViewportSize SmallPhone = new() { Width = 375, Height = 740 };

    [Fact]
    public Task Member_AtPhoneWidth_SetsThreeCommitments_Submits_SecretaryReturnsOne_MemberEditsAndResubmits() => RunAsync(SmallPhone, async page =>
    {
        var campaign = (await App.AsUserAsync(Member, sp => sp.GetRequiredService<CommitmentQueries>().MineAsync())).First(c => c.AcceptsSubmissions);
        Assert.Empty(campaign.Items);
        var deadline = new DateOnly(campaign.Year, 12, 31);
        var contents = new[] { "每月走访两户困难群众", "带头参加河道清理志愿服务", "为留守老人代购药品" };

        await new LoginPage(page).SignInAsync(Member);
        await Interactive.GotoAsync(page, "me");
        await Expect(new MinePage(page, Ui.Zh).Title).ToBeVisibleAsync();
        var me = new MyCommitmentsPage(page, Ui.Zh);

        // One item is below the bound of 2: the server's message, and the item stays a draft.
        await me.AddAsync(campaign.Id, contents[0], "建立走访台账，逐户登记诉求", deadline);
        await Expect(me.Count(campaign.Id)).ToHaveAttributeAsync("data-count", "1");
        await me.SubmitAsync(campaign.Id);
        var tooFew = Ui.Format<RuleText>("Commitment.TooFew", Ui.Zh, campaign.MinPerMember, campaign.MaxPerMember, 1);
        await Expect(me.Campaign(campaign.Id).Locator("[data-submit-error]")).ToHaveTextAsync(tooFew);
        await Expect(me.Item(campaign.Id, contents[0])).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.Draft));

        await me.AddAsync(campaign.Id, contents[1], "每季度参加一次，留存照片", deadline);
        await me.AddAsync(campaign.Id, contents[2], "每月一次，登记在册", deadline);
        await Expect(me.Count(campaign.Id)).ToHaveTextAsync(Ui.Format<DefiningText>("Count", Ui.Zh, 3, campaign.MinPerMember, campaign.MaxPerMember));
        await me.SubmitAsync(campaign.Id);

        await Expect(me.Items(campaign.Id).Locator($"[data-status={nameof(CommitmentStatus.AwaitingApproval)}][data-level={nameof(ApprovalLevel.Branch)}]")).ToHaveCountAsync(3);
        foreach (var content in contents)
        {
            await Expect(me.Item(campaign.Id, content).Locator("[data-status]")).ToHaveTextAsync(me.Text("Awaiting.Branch"));
        }

        Assert.False(await me.ScrollsSidewaysAsync(), "the page scrolls sideways at 375 px");
        await PageLayout.ShotAsync(page, "me-commitments-phone");

        // The secretary sees the three awaiting the branch and returns one with a comment.
        var mine = (await App.AsUserAsync(Member, sp => sp.GetRequiredService<CommitmentQueries>().MineAsync())).Single(c => c.Id == campaign.Id).Items;
        var returned = mine.Single(i => i.Content == contents[1]);
        const string comment = "请写明清理的河段和次数";
        await using (var context = await App.NewContextAsync())
        {
            var secretary = await context.NewPageAsync();
            await new LoginPage(secretary).SignInAsync(DemoFacts.Secretary);
            await Interactive.GotoAsync(secretary, $"commitments/{BrowserApp.Invariant(campaign.Id)}");
            var cmt = new CommitmentsPage(secretary, Ui.Zh);
            var ledger = new MyCommitmentsPage(secretary, Ui.Zh);
            foreach (var item in mine)
            {
                await ledger.LedgerPageAsync(await LedgerPageOfAsync(campaign.Id, item.Id));
                await Expect(cmt.Item(item.Id)).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.AwaitingApproval));
                await Expect(cmt.Item(item.Id).Locator("[data-level]")).ToHaveAttributeAsync("data-level", nameof(ApprovalLevel.Branch));
            }

            await ledger.LedgerPageAsync(await LedgerPageOfAsync(campaign.Id, returned.Id));
            await cmt.DecideAsync(returned.Id, "Return", comment);
            await Expect(cmt.Item(returned.Id)).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.Returned));
        }

        // The member reads the comment, edits the item and submits it again: it waits for the branch once more.
        await Interactive.RunAsync(page, () => page.ReloadAsync());
        var back = me.Item(campaign.Id, contents[1]);
        await Expect(back).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.Returned));
        await Expect(back.Locator("[data-comment]")).ToContainTextAsync(comment);
        const string edited = "每季度清理村东河段一公里，全年四次";
        await me.EditAsync(campaign.Id, contents[1], edited);
        await me.SubmitAsync(campaign.Id);
        await Expect(me.Item(campaign.Id, edited)).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.AwaitingApproval));
        await Expect(me.Item(campaign.Id, edited).Locator("[data-status]")).ToHaveTextAsync(me.Text("Awaiting.Branch"));

        var after = await App.AsUserAsync(DemoFacts.Secretary, sp => sp.GetRequiredService<CommitmentQueries>().ItemAsync(returned.Id));
        Assert.Equal((edited, CommitmentStatus.AwaitingApproval, ApprovalLevel.Branch), (after.Content, after.Status, after.CurrentLevel!.Value));
        Assert.Equal(comment, Assert.Single(after.Decisions).Comment);

        // The section with items in every state shown here is beyond the page scan's crawl (its accounts have no
        // commitments): its words in both languages, as the scan checks them.
        await using (var desktop = await App.NewContextAsync())
        {
            var wide = await desktop.NewPageAsync();
            await new LoginPage(wide).SignInAsync(Member);
            await Interactive.GotoAsync(wide, "me");
            var section = wide.Locator("#me-commitments-section");
            await Expect(section.Locator("li[data-item]")).ToHaveCountAsync(3);
            var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var zh = PageScanTests.Check(await section.InnerTextAsync(), Ui.Zh, allowed).ToList();
            Assert.True(zh.Count == 0, string.Join("\n", zh));
            await new MinePage(wide, Ui.Zh).SwitchLanguageAsync();
            await Expect(section.GetByRole(AriaRole.Heading, new() { Name = Ui.Text<DefiningText>("Mine.Title", Ui.En) })).ToBeVisibleAsync();
            var en = PageScanTests.Check(await section.InnerTextAsync(), Ui.En, allowed).ToList();
            Assert.True(en.Count == 0, string.Join("\n", en));
        }
    });

    /// <summary>The page of the secretary's ledger (unfiltered, default page size) that lists the item.</summary>
    private async Task<int> LedgerPageOfAsync(int campaignId, int itemId)
    {
        var all = await App.AsUserAsync(DemoFacts.Secretary, sp => sp.GetRequiredService<CommitmentQueries>().LedgerAllAsync(
            campaignId, new LedgerFilter(null, null, null, null, null, null, null, null)));
        var index = all.Select(i => i.Id).ToList().IndexOf(itemId);
        Assert.True(index >= 0, "the secretary's ledger lists the item");
        return (index / Paging.DefaultPageSize) + 1;
    }
}
