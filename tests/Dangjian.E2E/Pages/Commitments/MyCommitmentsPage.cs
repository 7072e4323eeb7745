using System.Globalization;
using System.Text.RegularExpressions;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Commitments.Defining;

namespace Dangjian.E2E.Pages.Commitments;

/// <summary>
/// 定 in the browser: the member's commitments section of /me (one campaign's items, the count against the bound, the add
/// and edit forms, the submit with its confirmation) and, on the campaign page, the ledger's pages.
/// </summary>
public sealed class MyCommitmentsPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>One campaign's part of the section (data-campaign="{id}").</summary>
    public ILocator Campaign(int id) => Page.Locator($"section[data-campaign=\"{BrowserApp.Invariant(id)}\"]");

    /// <summary>The items listed for a campaign (li[data-item], with data-item-status).</summary>
    public ILocator Items(int campaignId) => Campaign(campaignId).Locator("li[data-item]");

    /// <summary>One item of a campaign, found by its content.</summary>
    public ILocator Item(int campaignId, string content) => Items(campaignId).Filter(new() { Has = Page.Locator("[data-content]", new() { HasTextString = content }) });

    /// <summary>The line counting the items against the bound (data-count).</summary>
    public ILocator Count(int campaignId) => Campaign(campaignId).Locator("[data-count]");

    /// <summary>Fills the add form of a campaign and saves it; waits for the item to be listed.</summary>
    public async Task AddAsync(int campaignId, string content, string measures, DateOnly deadline)
    {
        var form = Campaign(campaignId).Locator("form[data-cmt-form=\"cmt-new\"]");
        await FillAsync(form, content, measures, deadline);
        await Assertions.Expect(Item(campaignId, content)).ToBeVisibleAsync();
    }

    /// <summary>Opens the edit of an item, writes new content and saves it.</summary>
    public async Task EditAsync(int campaignId, string content, string newContent)
    {
        // Once opened, the item shows the form in place of its content: it is found again by its id.
        var id = await Item(campaignId, content).GetAttributeAsync("data-item");
        await Item(campaignId, content).Locator("[data-edit]").ClickAsync();
        var form = Items(campaignId).And(Page.Locator($"[data-item=\"{id}\"]")).Locator("form[data-cmt-form]");
        await form.Locator("textarea[id$='-content']").FillAsync(newContent);
        await form.Locator("[data-save]").ClickAsync();
        await Assertions.Expect(Item(campaignId, newContent)).ToBeVisibleAsync();
    }

    /// <summary>The submit button, then the confirmation dialog's button of the same name.</summary>
    public async Task SubmitAsync(int campaignId)
    {
        await Campaign(campaignId).Locator("[data-submit]").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Text("Submit"), Exact = true }).ClickAsync();
    }

    public string Text(string key) => Ui.Text<DefiningText>(key, Culture);

    /// <summary>Whether the page scrolls sideways (wider than the window).</summary>
    public Task<bool> ScrollsSidewaysAsync() => Page.EvaluateAsync<bool>("document.scrollingElement.scrollWidth > window.innerWidth");

    /// <summary>Shows page <paramref name="number"/> of the campaign page's ledger (its pagination's button).</summary>
    public async Task LedgerPageAsync(int number)
    {
        if (number > 1)
        {
            await Page.Locator(".mud-pagination button").Filter(new() { HasTextRegex = Exactly(BrowserApp.Invariant(number)) }).ClickAsync();
        }
    }

    private static async Task FillAsync(ILocator form, string content, string measures, DateOnly deadline)
    {
        await form.Locator("textarea[id$='-content']").FillAsync(content);
        await form.Locator("textarea[id$='-measures']").FillAsync(measures);
        await form.Locator("input[id$='-deadline']").FillAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.Locator("[data-save]").ClickAsync();
    }

    private static Regex Exactly(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");
}
