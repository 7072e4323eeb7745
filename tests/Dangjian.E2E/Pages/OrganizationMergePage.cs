using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Organizations;

namespace Dangjian.E2E.Pages;

/// <summary>
/// /organizations/{id} with its merge dialog (ORG-1): the 合并 button, the organization to merge into (an autocomplete),
/// what would move, the confirmation, and the notice a merged organization shows.
/// </summary>
public sealed class OrganizationMergePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public async Task<OrganizationMergePage> OpenAsync(int organizationId)
    {
        await Interactive.GotoAsync(Page, $"/organizations/{organizationId}");
        return this;
    }

    public ILocator MergeButton => Page.Locator("#org-merge");

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public ILocator Preview => Page.Locator("#merge-preview");

    public ILocator Submit => Page.Locator("#merge-submit");

    public ILocator MergedNotice => Page.Locator("#org-merged-into");

    public ILocator MergedFrom => Page.Locator("#org-merged-from");

    /// <summary>Types part of the target's name in the autocomplete and picks it from the list.</summary>
    public async Task ChooseTargetAsync(string name)
    {
        await Ui.PickAsync(Dialog.GetByLabel(Text("MergeInto")), name);
    }

    /// <summary>
    /// The confirmation message box's "merge" button: the dialog without the merge form's own submit (which has the same
    /// label), so a locator resolved before the message box has opened cannot fall on the form's button.
    /// </summary>
    public ILocator ConfirmButton => Page.GetByRole(AriaRole.Dialog).Filter(new() { HasNot = Page.Locator("#merge-submit") }).GetByRole(AriaRole.Button, new() { Name = Text("Merge"), Exact = true });

    public Task<bool> ScrollsSidewaysAsync() => Page.EvaluateAsync<bool>("document.scrollingElement.scrollWidth > window.innerWidth");

    public string Text(string key) => Ui.Text<OrganizationText>(key, Culture);

    public string Format(string key, params object[] args) => Ui.Format<OrganizationText>(key, Culture, args);
}
