using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Organizations;

namespace Dangjian.E2E.Pages;

/// <summary>
/// /organizations (ORG-1): the organization tree with a search box, expand/collapse, counts per node,
/// and "new sub-organization". Written before the page landed: the labels are OrganizationText's keys;
/// adapt the locators, not the tests, when the page differs.
/// </summary>
public sealed class TreePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<OrganizationText>("Title", Culture));

    public ILocator Search => Page.GetByLabel(Ui.Text<OrganizationText>("SearchLabel", Culture));

    public ILocator Tree => Page.GetByRole(AriaRole.Tree);

    public ILocator ExpandAll => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<OrganizationText>("ExpandAll", Culture) });

    public ILocator CollapseAll => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<OrganizationText>("CollapseAll", Culture) });

    public ILocator NoMatch => Page.GetByText(Ui.Text<OrganizationText>("NoMatch", Culture));

    /// <summary>A node of the tree, found by the organization's name as shown.</summary>
    public ILocator Node(string name) => Tree.GetByRole(AriaRole.Treeitem).Filter(new() { Has = Page.GetByText(name, new() { Exact = true }) }).Last;

    /// <summary>The "N people (M on its own roll)" text of a node.</summary>
    public static string CountsText(CultureInfo culture, int inSubtree, int onRoll) =>
        Ui.Format<OrganizationText>("Counts", culture, inSubtree, onRoll);

    public ILocator NewChild => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<OrganizationText>("NewChild", Culture) })
        .Or(Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<OrganizationText>("NewChild", Culture) }));

    public async Task<TreePage> OpenAsync()
    {
        await Interactive.GotoAsync(Page, "organizations");
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }

    public async Task SearchAsync(string text)
    {
        await Search.FillAsync(text);
        await Search.PressAsync("Enter");
    }

    /// <summary>Opens an organization from the tree (its name is a link to /organizations/{id}).</summary>
    public async Task<OrganizationForm> NewChildOfAsync(string parentName)
    {
        await Node(parentName).GetByText(parentName, new() { Exact = true }).ClickAsync();
        await NewChild.First.ClickAsync();
        var form = new OrganizationForm(Page, Culture);
        await Assertions.Expect(form.Title).ToBeVisibleAsync();
        return form;
    }
}

/// <summary>The create/edit organization form (a dialog or a page).</summary>
public sealed class OrganizationForm(IPage page, CultureInfo culture)
{
    public ILocator Title => page.GetByText(Ui.Text<OrganizationText>("CreateTitle", culture), new() { Exact = true });

    public ILocator Code => page.GetByLabel(Ui.Text<RuleText>("Field.Code", culture));

    public ILocator Name => page.GetByLabel(Ui.Text<RuleText>("Field.Name", culture), new() { Exact = true });

    public ILocator Kind => page.GetByLabel(Ui.Text<RuleText>("Field.Kind", culture));

    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Save", culture) });

    public ILocator Created(string name) => page.GetByText(Ui.Format<OrganizationText>("Created", culture, name));

    /// <summary>Chooses the kind in a MudSelect: open it, pick the option by its label.</summary>
    public async Task ChooseKindAsync(string kindLabel)
    {
        await Kind.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = kindLabel, Exact = true }).ClickAsync();
    }
}
