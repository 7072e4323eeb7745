using Dangjian.Domain.Commitments;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Commitments;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Commitments;

/// <summary>
/// CMT-6 in the browser: township A's admin grades an item 好 with paper votes of 2 满意 of 3 on the campaign page; the
/// section previews 销号, the server records it, and the item shows 已销号 with its round.
/// </summary>
public sealed class CommitmentGradingTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task GradingSection_GradesAnItem_ShowsClosed() => RunAsync(async page =>
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var township = tree.Root();
        var branch = tree.BranchWithPeople();
        var year = OrgToday.Value.Year;
        var (campaignId, itemId) = await App.WithDbAsync(async db =>
        {
            var person = await db.People.Where(p => p.OrganizationId == branch.Id && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            var campaign = new CommitmentCampaign { OrganizationId = township.Id };
            campaign.Describe(year, $"评诺浏览器测试{Guid.NewGuid():N}"[..16]);
            db.CommitmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            var items = new[] { "每月走访两户困难群众", "带头参加志愿服务" }
                .Select(c => Commitment.ForMember(campaign, person, new CommitmentContent(c, "每季度一次", new DateOnly(year, 12, 31), "党员"), OrgToday.Value)).ToList();
            campaign.Submit(items, "test", now);
            campaign.StartApproval(items.Select(i => i.Status));
            foreach (var item in items)
            {
                item.Approve(campaign, ApprovalLevel.Branch, "test", now);
                item.Approve(campaign, ApprovalLevel.Committee, "test", now);
            }

            campaign.StartFulfilment(items.Select(i => i.Status));
            campaign.StartEvaluation();
            db.Commitments.AddRange(items);
            await db.SaveChangesAsync();
            return (campaign.Id, items[0].Id);
        });

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var grading = new GradingSection(page, Ui.Zh);
        await grading.OpenAsync(campaignId);
        await Expect(grading.Item(itemId)).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.Approved));

        await grading.GradeAsync(itemId, nameof(CommitmentGrade.Good), 2, 1, 0);

        await Expect(grading.Item(itemId)).ToHaveAttributeAsync("data-item-status", nameof(CommitmentStatus.Closed));
        await Expect(grading.Item(itemId).Locator(".mud-chip[data-status]")).ToHaveTextAsync(Ui.Text<CommitmentText>("CommitmentStatus.Closed", Ui.Zh));
        await Expect(grading.Item(itemId).Locator("[data-round]")).ToHaveAttributeAsync("data-outcome", nameof(CommitmentOutcome.Closed));
        Assert.Equal(CommitmentStatus.Closed, await App.WithDbAsync(db => db.Commitments.Where(c => c.Id == itemId).Select(c => c.Status).FirstAsync()));
    });
}
