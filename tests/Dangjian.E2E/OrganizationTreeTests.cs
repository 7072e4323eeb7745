using Dangjian.Domain.Organizations;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Dangjian.E2E.Infrastructure.DemoFacts;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

public sealed class OrganizationTreeTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Tree_SearchByBranchName_ShowsTheBranchWithItsCountsAndOpensAndClosesANode() => RunAsync(async page =>
    {
        var tree = await App.TreeOfAsync(OrgAdminA);
        var township = tree.Root();
        var otherTownship = (await App.TreeOfAsync(OrgAdminB)).Root();

        // A branch with party groups, so its node can be opened and closed; a search by its name finds it and
        // nothing outside it (its party groups are named after it, so they match too).
        var branch = tree.Where(n => n.Kind == OrganizationKind.Branch && tree.Any(c => c.ParentId == n.Id))
            .Where(n => tree.Where(o => o.Name.Contains(n.Name, StringComparison.OrdinalIgnoreCase)).All(o => o.Id == n.Id || o.ParentId == n.Id))
            .OrderBy(n => n.Id).First();
        var child = tree.Where(c => c.ParentId == branch.Id).OrderBy(c => c.Id).First();
        var sibling = tree.Where(n => n.ParentId == township.Id && n.Id != branch.Id && !n.Name.Contains(branch.Name, StringComparison.Ordinal)).OrderBy(n => n.Id).First();
        var matches = tree.Count(n => n.Name.Contains(branch.Name, StringComparison.OrdinalIgnoreCase) || n.Code.Contains(branch.Name, StringComparison.OrdinalIgnoreCase));

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var treePage = await new TreePage(page, Ui.Zh).OpenAsync();

        // The township, open, with its counts; nothing of the other township.
        await Expect(treePage.Node(township.Name)).ToBeVisibleAsync();
        await Expect(treePage.Counts(township.Name)).ToHaveTextAsync(TreePage.CountsText(Ui.Zh, township.PeopleInSubtree, township.PeopleOnRoll));
        await Expect(treePage.CollapseButton(township.Name)).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(treePage.Link(sibling.Name)).ToBeVisibleAsync();
        await Expect(page.GetByText(otherTownship.Name, new() { Exact = true })).ToHaveCountAsync(0);

        await treePage.SearchAsync(branch.Name);

        await Expect(treePage.SearchCount(matches)).ToBeVisibleAsync();
        await Expect(treePage.Node(branch.Name)).ToBeVisibleAsync();
        await Expect(treePage.Counts(branch.Name)).ToHaveTextAsync(TreePage.CountsText(Ui.Zh, branch.PeopleInSubtree, branch.PeopleOnRoll));
        await Expect(treePage.Link(township.Name)).ToBeVisibleAsync(); // the way down to it stays
        await Expect(treePage.Link(sibling.Name)).ToHaveCountAsync(0);

        // The search opened the way to the matching party groups; close the branch: they go; open it: they are back.
        await Expect(treePage.CollapseButton(branch.Name)).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(treePage.Link(child.Name)).ToBeVisibleAsync();
        await Expect(treePage.Counts(child.Name)).ToHaveTextAsync(TreePage.CountsText(Ui.Zh, child.PeopleInSubtree, child.PeopleOnRoll));
        await treePage.CollapseButton(branch.Name).ClickAsync();
        await Expect(treePage.Link(child.Name)).ToHaveCountAsync(0);
        await Expect(treePage.ExpandButton(branch.Name)).ToHaveAttributeAsync("aria-expanded", "false");
        await treePage.ExpandButton(branch.Name).ClickAsync();
        await Expect(treePage.Link(child.Name)).ToBeVisibleAsync();
        await Expect(treePage.CollapseButton(branch.Name)).ToHaveAttributeAsync("aria-expanded", "true");

        await treePage.SearchAsync("没有这个组织" + Guid.NewGuid().ToString("N")[..6]);
        await Expect(treePage.NoMatch).ToBeVisibleAsync();
        await Expect(treePage.Tree).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Tree_CreateBranchUnderTownship_ShowsItInTheTreeAndItsPageOpens() => RunAsync(async page =>
    {
        var township = (await App.TreeOfAsync(OrgAdminA)).Root();
        var suffix = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = $"{township.Code}.E{suffix}";
        var name = $"测试{suffix}党支部";
        var kind = Label(OrganizationKind.Branch, Ui.Zh);

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var treePage = await new TreePage(page, Ui.Zh).OpenAsync();
        var dialog = await treePage.NewChildOfAsync(township.Name);
        await dialog.Code.FillAsync(code);
        await dialog.Name.FillAsync(name);
        await dialog.ChooseKindAsync(kind);
        await dialog.Create.ClickAsync();

        await Expect(treePage.Created(name)).ToBeVisibleAsync();
        await Expect(dialog.Root).ToBeHiddenAsync();
        await Expect(treePage.Node(name)).ToBeVisibleAsync();
        await Expect(treePage.Counts(name)).ToHaveTextAsync(TreePage.CountsText(Ui.Zh, 0, 0));
        await Expect(treePage.Node(name)).ToContainTextAsync(code);
        await Expect(treePage.Node(name)).ToContainTextAsync(kind);

        var saved = await App.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Code == code));
        Assert.Equal((township.Id, name, OrganizationKind.Branch, OrganizationStatus.Active), (saved.ParentId!.Value, saved.Name, saved.Kind, saved.Status));

        // A search finds it under its township.
        await treePage.SearchAsync(name);
        await Expect(treePage.SearchCount(1)).ToBeVisibleAsync();
        await Expect(treePage.Link(township.Name)).ToBeVisibleAsync();

        var organization = await treePage.OpenOrganizationAsync(name);
        await Interactive.WaitForAddressAsync(page, u => u.AbsolutePath == $"/organizations/{saved.Id}");
        await Expect(organization.DetailsTitle).ToBeVisibleAsync();
        await Expect(organization.Shows(code)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = township.Name, Exact = true }).First).ToBeVisibleAsync();
    });

    /// <summary>
    /// ORG-1 at phone width: an organization admin merges one new branch of their township into another from the branch's
    /// page; the dialog says what moves before asking, and afterwards the branch shows it was merged and the other lists it.
    /// </summary>
    [Fact]
    public Task Organization_MergeIntoAnotherBranch_ShowsWhatMovesThenMarksItMerged() => RunAsync(BrowserApp.Phone, async page =>
    {
        var township = (await App.TreeOfAsync(OrgAdminA)).Root();
        var suffix = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (keep, merge) = await App.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.SingleAsync(o => o.Id == township.Id);
            var a = new Organization { Code = $"{township.Code}.MA{suffix}", Name = $"留存{suffix}党支部", Kind = OrganizationKind.Branch, ParentId = parent.Id, Path = parent.Path };
            var b = new Organization { Code = $"{township.Code}.MB{suffix}", Name = $"并入{suffix}党支部", Kind = OrganizationKind.Branch, ParentId = parent.Id, Path = parent.Path };
            db.Organizations.AddRange(a, b);
            await db.SaveChangesAsync();
            a.Path = OrganizationTree.PathOf(parent.Path, a.Id);
            b.Path = OrganizationTree.PathOf(parent.Path, b.Id);
            db.People.Add(new Dangjian.Domain.People.Person { Name = $"合并{suffix}", Status = Dangjian.Domain.People.MemberStatus.Full, OrganizationId = b.Id });
            await db.SaveChangesAsync();
            return (a, b);
        });

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var orgPage = await new OrganizationMergePage(page, Ui.Zh).OpenAsync(merge.Id);
        await orgPage.MergeButton.ClickAsync();
        await orgPage.ChooseTargetAsync(keep.Name);

        await Expect(orgPage.Preview).ToContainTextAsync(orgPage.Format("MergeMovesPeople", 1));
        await Expect(orgPage.Submit).ToBeEnabledAsync();
        Assert.False(await orgPage.ScrollsSidewaysAsync(), "the merge dialog scrolls sideways at phone width");
        await orgPage.Submit.ClickAsync();
        await orgPage.ConfirmButton.ClickAsync();

        await Expect(orgPage.MergedNotice).ToBeVisibleAsync();
        await Expect(orgPage.MergedNotice.GetByRole(AriaRole.Link, new() { Name = keep.Name })).ToBeVisibleAsync();
        var saved = await App.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == merge.Id));
        Assert.Equal((OrganizationStatus.Dissolved, (int?)keep.Id), (saved.Status, saved.MergedIntoId));
        Assert.Equal(keep.Id, await App.WithDbAsync(db => db.People.Where(p => p.Name == $"合并{suffix}").Select(p => p.OrganizationId).SingleAsync()));

        await orgPage.OpenAsync(keep.Id);
        await Expect(orgPage.MergedFrom.GetByRole(AriaRole.Link)).ToContainTextAsync(merge.Name);
    });
}
