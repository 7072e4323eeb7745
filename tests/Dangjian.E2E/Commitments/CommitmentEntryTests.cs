using Dangjian.Domain.Commitments;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
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
/// The clerk's entry (定, CMT-1): township A's admin, on the demo campaign's page, finds a member by name, enters two
/// commitments for them and submits them; a ledger row's edit made on a stale read shows the conflict message and changes
/// nothing; an organization's commitment to those below it (三级双向) is entered with its direction.
/// </summary>
public sealed class CommitmentEntryTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Clerk_EntersAndSubmitsForAMember_StaleLedgerEditIsRefused_EntersAnOrganizationsDownward() => RunAsync(async page =>
    {
        var tree = await App.TreeOfAsync(DemoFacts.OrgAdminA);
        var treeIds = tree.Select(n => n.Id).ToList();
        var campaignId = await App.WithDbAsync(db => db.CommitmentCampaigns
            .Where(c => treeIds.Contains(c.OrganizationId) && c.Year == OrgToday.Value.Year && c.Status == CommitmentCampaignStatus.Approving)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var campaign = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<CommitmentQueries>().GetCampaignAsync(campaignId));
        // A member of the campaign's subtree with no commitments in it, whose name no one else on the rolls has (a search finds them alone).
        var person = await App.WithDbAsync(async db =>
        {
            var owners = await db.Commitments.Where(i => i.CampaignId == campaignId && i.OwnerPersonId != null).Select(i => i.OwnerPersonId!.Value).ToListAsync();
            var people = await db.People.Where(p => !p.IsRemoved && p.Status != MemberStatus.Resident && treeIds.Contains(p.OrganizationId)).Select(p => new { p.Id, p.Name }).ToListAsync();
            var names = await db.People.GroupBy(p => p.Name).Where(g => g.Count() == 1).Select(g => g.Key).ToListAsync();
            return people.Where(p => !owners.Contains(p.Id) && names.Contains(p.Name)).OrderBy(p => p.Id).First();
        });
        var branch = tree.Where(n => n.Kind == OrganizationKind.Branch && n.Status == OrganizationStatus.Active)
            .Where(n => tree.Count(o => o.Name.Contains(n.Name, StringComparison.OrdinalIgnoreCase)) == 1).OrderByDescending(n => n.Id).First();
        var deadline = new DateOnly(campaign.Year, 12, 31);

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        await Interactive.GotoAsync(page, $"commitments/{BrowserApp.Invariant(campaignId)}");
        var entry = new CommitmentEntryPage(page, Ui.Zh);
        await entry.ChooseMemberAsync(person.Name);
        await entry.AddAsync("每月走访联系户一次", "走访情况登记在册", deadline);
        await entry.AddAsync("协助开展防汛巡查", "汛期每周巡查两次", deadline);
        await Expect(entry.Items.Locator($"[data-status={nameof(CommitmentStatus.Draft)}]")).ToHaveCountAsync(2);

        // The ledger row's edit, read before someone else's edit: refused with the conflict message, nothing changed.
        var items = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<CommitmentQueries>().LedgerAllAsync(
            campaignId, new LedgerFilter(null, person.Id, null, null, null, null, null, null)));
        var first = items.Single(i => i.Content == "每月走访联系户一次");
        var all = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<CommitmentQueries>().LedgerAllAsync(
            campaignId, new LedgerFilter(null, null, null, null, null, null, null, null)));
        await new MyCommitmentsPage(page, Ui.Zh).LedgerPageAsync((all.Select(i => i.Id).ToList().IndexOf(first.Id) / Paging.DefaultPageSize) + 1);
        await Expect(page.Locator($"tr[data-item=\"{BrowserApp.Invariant(first.Id)}\"]")).ToBeVisibleAsync();
        await App.AsUserAsync(DemoFacts.OrgAdminA, async sp =>
        {
            await sp.GetRequiredService<CommitmentCommands>().UpdateAsync(campaignId, first.Id,
                new UpdateCommitmentRequest("每月走访联系户两次", first.Measures, first.Deadline, first.ResponsibleName, first.ResponsiblePersonId, null, first.Version));
            return true;
        });
        await entry.EditFromLedgerAsync(first.Id, "每月走访联系户三次");
        await Expect(entry.Dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync(entry.Conflict);
        var kept = await App.AsUserAsync(DemoFacts.OrgAdminA, sp => sp.GetRequiredService<CommitmentQueries>().ItemAsync(first.Id));
        Assert.Equal("每月走访联系户两次", kept.Content);
        await entry.Dialog.Locator("[data-cancel]").ClickAsync();

        await entry.SubmitAsync();
        await Expect(entry.Items.Locator($"[data-status={nameof(CommitmentStatus.AwaitingApproval)}][data-level={nameof(ApprovalLevel.Branch)}]")).ToHaveCountAsync(2);

        // An organization's own commitment to those below it.
        await entry.ChooseOrganizationAsync(branch.Name, nameof(CommitmentDirection.Downward));
        await entry.AddAsync("支部每季度公开一次党费收缴情况", "在党务公开栏公示", deadline, "支部委员会");
        var own = await App.WithDbAsync(db => db.Commitments.Where(i => i.CampaignId == campaignId && i.OwnerOrganizationId == branch.Id && i.Content == "支部每季度公开一次党费收缴情况")
            .Select(i => new { i.Direction, i.Status, i.ResponsibleName }).SingleAsync());
        Assert.Equal((CommitmentDirection.Downward, CommitmentStatus.Draft, "支部委员会"), (own.Direction, own.Status, own.ResponsibleName));
    });
}
