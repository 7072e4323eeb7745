using System.Text.RegularExpressions;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Surveys;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Surveys;
using Dangjian.Web.Features.Commitments.Fulfilment;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Commitments;

/// <summary>
/// 履 in the browser (CMT-4, CMT-5): the clerk records progress with an evidence file on the item's page and sees it listed
/// with its download link; the ledger's filter lives in the address, so a reload shows the same rows.
/// </summary>
public sealed partial class FulfilmentPageTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task ItemPage_ClerkRecordsProgressWithAFile_SeesItListed() => RunAsync(async page =>
    {
        var (_, items) = await FulfillingAsync(OrgToday.Value.AddDays(20));
        var item = items[0];

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"commitments/items/{BrowserApp.Invariant(item)}");
        await Expect(page.Locator("#item-content")).ToHaveTextAsync("浏览器履诺测试事项");
        await page.Locator("#evidence-file").SetInputFilesAsync(new FilePayload { Name = "走访记录.txt", MimeType = "text/plain", Buffer = "走访三户"u8.ToArray() });
        await Expect(page.Locator("[data-uncited]")).ToHaveCountAsync(1);
        await page.GetByLabel(Ui.Text<RuleText>("Field.Commitment.Steps", Ui.Zh)).FillAsync("上门走访三户困难群众");
        await page.Locator("#progress-save").ClickAsync();

        var record = page.Locator("[data-progress]");
        await Expect(record).ToHaveCountAsync(1);
        await Expect(record).ToContainTextAsync("上门走访三户困难群众");
        await Expect(record.Locator("[data-evidence]")).ToHaveTextAsync("走访记录.txt");
        var stored = await App.WithDbAsync(db => db.FulfilmentRecords.AsNoTracking().Where(p => p.CommitmentId == item).Select(p => p.EvidenceFileIds).SingleAsync());
        var file = await App.WithDbAsync(db => db.CommitmentEvidenceFiles.AsNoTracking().Where(f => f.CommitmentId == item).Select(f => new { f.Id, f.Content }).SingleAsync());
        Assert.Equal([file.Id], stored);
        Assert.Equal("走访三户"u8.ToArray(), file.Content);
    });

    [Fact]
    public Task ItemPage_SatisfactionCard_StartsAVoteOnTheItem() => RunAsync(async page =>
    {
        // 群众满意票反馈制 (SRV-3) on one commitment: the vote its 评 counts is started from the item's own page.
        var (_, items) = await FulfillingAsync(OrgToday.Value.AddDays(20));
        var item = items[0];

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"commitments/items/{BrowserApp.Invariant(item)}");
        var card = new SatisfactionCardPart(page, Ui.Zh, SurveyTargetKind.Commitment);
        await Expect(card.Heading).ToBeVisibleAsync();
        await Expect(card.Card).ToHaveAttributeAsync("data-satisfaction", "none");

        await card.StartWithCodesAsync();

        await Expect(card.Card).Not.ToHaveAttributeAsync("data-satisfaction", "none");
        var survey = await App.WithDbAsync(db => db.Surveys.AsNoTracking().Where(s => s.TargetKind == SurveyTargetKind.Commitment && s.TargetId == item)
            .Select(s => new { s.Id, s.Status }).SingleAsync());
        await Expect(card.Card).ToHaveAttributeAsync("data-satisfaction", BrowserApp.Invariant(survey.Id));
        Assert.Equal(SurveyStatus.Open, survey.Status);
    });

    [Fact]
    public Task Ledger_OverdueFilter_InTheAddress_SurvivesAReload() => RunAsync(async page =>
    {
        var (campaign, items) = await FulfillingAsync(OrgToday.Value.AddDays(-1), OrgToday.Value.AddDays(20));
        var (overdue, later) = (items[0], items[1]);

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"commitments/{BrowserApp.Invariant(campaign)}");
        var row = (int id) => page.Locator($"tr[data-item=\"{BrowserApp.Invariant(id)}\"]");
        await Expect(row(later)).ToBeVisibleAsync();
        await page.GetByLabel(Ui.Text<Dangjian.Web.Features.Commitments.CommitmentText>("Filter.Overdue", Ui.Zh)).CheckAsync();
        await Expect(page).ToHaveURLAsync(OverdueInAddress());
        await Expect(row(later)).ToHaveCountAsync(0);
        await Expect(row(overdue).Locator("[data-overdue]")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(row(overdue)).ToBeVisibleAsync();
        await Expect(row(later)).ToHaveCountAsync(0);
        await Expect(page.GetByLabel(Ui.Text<Dangjian.Web.Features.Commitments.CommitmentText>("Filter.Overdue", Ui.Zh))).ToBeCheckedAsync();
        await Expect(row(overdue).Locator("[data-item-link]")).ToHaveAttributeAsync("href", $"commitments/items/{BrowserApp.Invariant(overdue)}");
    });

    [GeneratedRegex("overdue=true")]
    private static partial Regex OverdueInAddress();

    /// <summary>A campaign of township A at 履 with one approved item of a branch member per deadline given.</summary>
    private async Task<(int Campaign, List<int> Items)> FulfillingAsync(params DateOnly[] deadlines)
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var township = tree.Root().Id;
        var branch = tree.BranchWithPeople().Id;
        var today = OrgToday.Value;
        return await App.WithDbAsync(async db =>
        {
            var person = await db.People.Where(p => p.OrganizationId == branch && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var campaign = new CommitmentCampaign { OrganizationId = township };
            campaign.Describe(today.Year, $"履诺浏览器测试{Guid.NewGuid():N}"[..16]);
            db.CommitmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            var items = deadlines.Select(d =>
            {
                var item = Commitment.ForMember(campaign, person, new CommitmentContent("浏览器履诺测试事项", "每月推进", new DateOnly(today.Year, 12, 31), "张伟"), today);
                (item.Status, item.Deadline) = (CommitmentStatus.Approved, d);
                return item;
            }).ToList();
            campaign.Status = CommitmentCampaignStatus.Fulfilling;
            db.Commitments.AddRange(items);
            await db.SaveChangesAsync();
            return (campaign.Id, items.Select(i => i.Id).ToList());
        });
    }
}
