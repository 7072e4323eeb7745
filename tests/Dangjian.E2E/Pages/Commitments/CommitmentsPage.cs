using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages.Commitments;

/// <summary>
/// /commitments and /commitments/{id}: the campaigns reached from the navigation menu, and one campaign with its step, the
/// button to its next step, its counts by status and the ledger, where an item awaiting approval is reviewed in its row.
/// </summary>
public sealed class CommitmentsPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator MenuEntry => Navigation.GetByRole(AriaRole.Link, new() { Name = Text("Nav"), Exact = true });

    /// <summary>The campaign's step chip (data-status="Defining" / "Approving" / …).</summary>
    public ILocator Status => Page.Locator(".mud-chip[data-status]").First;

    /// <summary>The number of items in one status, as the counts show it (data-count).</summary>
    public ILocator Count(string status) => Page.Locator($"[data-count-status={status}]");

    /// <summary>One ledger row (data-item="{id}").</summary>
    public ILocator Item(int id) => Page.Locator($"tr[data-item=\"{BrowserApp.Invariant(id)}\"]");

    /// <summary>Opens the campaign list from the menu and, from it, the campaign with this title.</summary>
    public async Task<CommitmentsPage> OpenFromMenuAsync(string title)
    {
        await Interactive.GotoAsync(Page, string.Empty);
        await MenuEntry.ClickAsync();
        await Assertions.Expect(Heading(Text("Title"))).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Moves the campaign on to its next step: the button, then the confirmation dialog.</summary>
    public async Task AdvanceAsync(string nextStep)
    {
        var label = Text($"Advance.{nextStep}");
        await Page.Locator("#cmt-advance").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", nextStep);
    }

    /// <summary>Decides one item at its current level: the comment (if any), then Approve / Return / Reject in its row.</summary>
    public async Task DecideAsync(int itemId, string decision, string? comment)
    {
        var row = Item(itemId);
        if (comment is not null)
        {
            await row.GetByLabel(Ui.Text<RuleText>("Field.Commitment.Comment", Culture)).FillAsync(comment);
        }

        await row.GetByRole(AriaRole.Button, new() { Name = Text(decision), Exact = true }).ClickAsync();
    }

    public string Text(string key) => Ui.Text<CommitmentText>(key, Culture);
}
