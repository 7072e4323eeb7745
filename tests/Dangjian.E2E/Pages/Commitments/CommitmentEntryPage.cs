using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Commitments.Defining;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages.Commitments;

/// <summary>
/// The clerk's entry on a campaign page (定): the owner chosen (a member by name, or an organization with a direction),
/// that owner's items added and submitted, and a ledger row's edit in its dialog.
/// </summary>
public sealed class CommitmentEntryPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Section => Page.Locator("#cmt-entry");

    /// <summary>The chosen owner's items (li[data-item], data-item-status).</summary>
    public ILocator Items => Section.Locator("li[data-item]");

    /// <summary>The dialog a ledger row's edit opens.</summary>
    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public async Task ChooseMemberAsync(string name)
    {
        await Ui.PickAsync(Section.GetByRole(AriaRole.Combobox, new() { Name = Text("Entry.Person") }).First, name);
        await Assertions.Expect(Section.GetByRole(AriaRole.Heading, new() { Name = Ui.Format<DefiningText>("Entry.ItemsOf", Culture, name) })).ToBeVisibleAsync();
    }

    public async Task ChooseOrganizationAsync(string name, string direction)
    {
        await Section.Locator("[data-owner-kind=organization]").ClickAsync();
        await Ui.PickAsync(Section.GetByRole(AriaRole.Combobox, new() { Name = Text("Entry.Org") }).First, name);
        await Assertions.Expect(Section.GetByRole(AriaRole.Heading, new() { Name = Ui.Format<DefiningText>("Entry.ItemsOf", Culture, name) })).ToBeVisibleAsync();
        await Section.Locator("#cmt-entry-direction").ClickAsync();
        await Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = Ui.Text<CommitmentText>($"Direction.{direction}", Culture), Exact = true }).ClickAsync();
    }

    /// <summary>Adds an item for the chosen owner; waits for it to be listed.</summary>
    public async Task AddAsync(string content, string measures, DateOnly deadline, string? responsible = null)
    {
        var form = Section.Locator("form[data-cmt-form=\"cmt-new\"]");
        await form.Locator("textarea[id$='-content']").FillAsync(content);
        await form.Locator("textarea[id$='-measures']").FillAsync(measures);
        await form.Locator("input[id$='-deadline']").FillAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (responsible is not null)
        {
            await form.Locator("input[id$='-responsible']").FillAsync(responsible);
        }

        await form.Locator("[data-save]").ClickAsync();
        await Assertions.Expect(Items.Filter(new() { HasTextString = content })).ToBeVisibleAsync();
    }

    /// <summary>Submits the chosen owner's items: the button, then the confirmation's button of the same name.</summary>
    public async Task SubmitAsync()
    {
        await Section.Locator("#cmt-entry-submit").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Text("Entry.SubmitOwner"), Exact = true }).ClickAsync();
    }

    /// <summary>Opens a ledger row's edit, writes new content and saves.</summary>
    public async Task EditFromLedgerAsync(int itemId, string content)
    {
        await Page.Locator($"tr[data-item=\"{BrowserApp.Invariant(itemId)}\"] [data-edit]").ClickAsync();
        await Dialog.Locator("textarea[id$='-content']").FillAsync(content);
        await Dialog.Locator("[data-save]").ClickAsync();
    }

    public string Conflict => Ui.Text<RuleText>("Problem.Conflict", Culture);

    public string Text(string key) => Ui.Text<DefiningText>(key, Culture);
}
