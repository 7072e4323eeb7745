using System.Globalization;
using System.Text.RegularExpressions;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Organizations;

namespace Dangjian.E2E.Pages;

/// <summary>
/// /organizations (ORG-1): the organization tree (a list named after the page, a list item per organization,
/// its name a link to /organizations/{id}, an expand/collapse button per node with children), a search box,
/// counts per node, and "new sub-organization" per node, which opens a dialog.
/// </summary>
public sealed class TreePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<OrganizationText>("Title", Culture));

    public ILocator Search => Page.GetByLabel(Ui.Text<OrganizationText>("SearchLabel", Culture));

    public ILocator Tree => Page.GetByRole(AriaRole.List, new() { Name = Ui.Text<OrganizationText>("Title", Culture), Exact = true });

    public ILocator ExpandAll => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<OrganizationText>("ExpandAll", Culture) });

    public ILocator CollapseAll => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<OrganizationText>("CollapseAll", Culture) });

    public ILocator NoMatch => Page.GetByText(Ui.Text<OrganizationText>("NoMatch", Culture));

    /// <summary>The live status line of a search ("N organizations found").</summary>
    public ILocator SearchCount(int count) => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = Ui.Format<OrganizationText>("SearchCount", Culture, count) });

    /// <summary>The link of an organization in the tree: its name.</summary>
    public ILocator Link(string name) => Tree.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>
    /// A node of the tree, found by the organization's name as shown: the innermost list item holding the
    /// name's link (an open node's item also holds its children).
    /// </summary>
    public ILocator Node(string name) =>
        Tree.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) }).Last;

    /// <summary>The node's own "N people (M on its own roll)": the first counts text in its item (its children's come after).</summary>
    public ILocator Counts(string name) => Node(name).GetByText(CountsPattern(Culture)).First;

    /// <summary>The "N people (M on its own roll)" text of a node.</summary>
    public static string CountsText(CultureInfo culture, int inSubtree, int onRoll) =>
        Ui.Format<OrganizationText>("Counts", culture, inSubtree, onRoll);

    private static Regex CountsPattern(CultureInfo culture) =>
        new("^" + Regex.Escape(Ui.Text<OrganizationText>("Counts", culture)).Replace(@"\{0}", @"[\d,]+", StringComparison.Ordinal).Replace(@"\{1}", @"[\d,]+", StringComparison.Ordinal) + "$");

    /// <summary>The button that opens a node (its name in the button's label), shown while the node is closed.</summary>
    public ILocator ExpandButton(string name) => Tree.GetByRole(AriaRole.Button, new() { Name = Ui.Format<OrganizationText>("ExpandNode", Culture, name), Exact = true });

    /// <summary>The button that closes a node, shown while it is open.</summary>
    public ILocator CollapseButton(string name) => Tree.GetByRole(AriaRole.Button, new() { Name = Ui.Format<OrganizationText>("CollapseNode", Culture, name), Exact = true });

    /// <summary>"New sub-organization" on a node's line.</summary>
    public ILocator NewChildOf(string name) => Tree.GetByRole(AriaRole.Button, new() { Name = Ui.Format<OrganizationText>("NewChildOf", Culture, name), Exact = true });

    /// <summary>The message shown once an organization was created (a snackbar).</summary>
    public ILocator Created(string name) => Page.GetByText(Ui.Format<OrganizationText>("Created", Culture, name));

    public async Task<TreePage> OpenAsync()
    {
        await Interactive.GotoAsync(Page, "organizations");
        await Assertions.Expect(Title).ToBeVisibleAsync();
        await Assertions.Expect(Tree).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Types into the search box; the tree filters as one types, and the status line says how many match.</summary>
    public async Task SearchAsync(string text) => await Search.FillAsync(text);

    /// <summary>Opens the "new sub-organization" dialog of a node.</summary>
    public async Task<OrganizationDialog> NewChildOfAsync(string parentName)
    {
        await NewChildOf(parentName).ClickAsync();
        var dialog = new OrganizationDialog(Page, Culture);
        await Assertions.Expect(dialog.Root).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Parent).ToHaveValueAsync(parentName);
        return dialog;
    }

    /// <summary>Follows an organization's link to its page.</summary>
    public async Task<OrganizationPage> OpenOrganizationAsync(string name)
    {
        await Link(name).ClickAsync();
        var organization = new OrganizationPage(Page, Culture);
        await Assertions.Expect(organization.Heading(name)).ToBeVisibleAsync();
        return organization;
    }
}

/// <summary>The "new organization" dialog of the tree page.</summary>
public sealed class OrganizationDialog(IPage page, CultureInfo culture)
{
    public ILocator Root => page.GetByRole(AriaRole.Dialog, new() { Name = Ui.Text<OrganizationText>("CreateTitle", culture) });

    public ILocator Parent => Root.GetByLabel(Ui.Text<RuleText>("Field.Parent", culture), new() { Exact = true });

    public ILocator Code => Root.GetByLabel(Ui.Text<RuleText>("Field.Code", culture), new() { Exact = true });

    public ILocator Name => Root.GetByLabel(Ui.Text<RuleText>("Field.Name", culture), new() { Exact = true });

    public ILocator Kind => Root.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<RuleText>("Field.Kind", culture) });

    public ILocator Create => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Create", culture), Exact = true });

    /// <summary>Chooses the kind in a MudSelect: open it, pick the option by its label.</summary>
    public async Task ChooseKindAsync(string kindLabel)
    {
        await Kind.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = kindLabel, Exact = true }).ClickAsync();
        await Assertions.Expect(Kind).ToHaveValueAsync(kindLabel);
    }
}

/// <summary>/organizations/{id}: one organization, its name the page's heading, its details below.</summary>
public sealed class OrganizationPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator DetailsTitle => Page.GetByRole(AriaRole.Heading, new() { Name = Ui.Text<OrganizationText>("Detail", Culture), Level = 2 });

    /// <summary>A value shown on the page (a code, a parent's name), matched whole.</summary>
    public ILocator Shows(string text) => Page.GetByText(text, new() { Exact = true });
}
