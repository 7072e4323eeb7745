using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Delegates;

namespace Dangjian.E2E.Pages.Delegates;

/// <summary>
/// 提案 in the browser (DEL-2): a delegate's proposals section of /me (the filing form with its co-signers, each proposal's
/// status and the rating of an answer) and the staff's page of one proposal (register, assign to an organization picked by
/// name, answer).
/// </summary>
public sealed class ProposalPages(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>The proposals section of /me.</summary>
    public ILocator Section => Page.Locator("[aria-labelledby=me-proposals]").First;

    /// <summary>One proposal listed on /me (li[data-proposal], with data-status).</summary>
    public ILocator Mine(int id) => Section.Locator($"li[data-proposal=\"{BrowserApp.Invariant(id)}\"]");

    /// <summary>The proposal listed on /me with the given title.</summary>
    public ILocator MineTitled(string title) => Section.Locator("li[data-proposal]").Filter(new() { HasText = title });

    /// <summary>The status line of the staff's proposal page (data-status).</summary>
    public ILocator Status => Page.Locator("h1 ~ * [data-status]").First;

    /// <summary>Files a proposal from /me: co-signers picked by name in the multiple choice, then the title and the content.</summary>
    public async Task FileAsync(IEnumerable<string> coSigners, string title, string content)
    {
        var form = Page.Locator("[aria-labelledby=me-file-proposal]");
        await form.GetByRole(AriaRole.Combobox, new() { Name = Text("CoSigners") }).First.ClickAsync();
        foreach (var name in coSigners)
        {
            await Page.GetByRole(AriaRole.Option, new() { Name = name, Exact = true }).ClickAsync();
        }

        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await form.Locator("input#me-proposal-title, #me-proposal-title input").First.FillAsync(title);
        await form.Locator("textarea#me-proposal-content, #me-proposal-content textarea").First.FillAsync(content);
        await form.Locator("[data-action=file-proposal]").ClickAsync();
        await Assertions.Expect(MineTitled(title)).ToBeVisibleAsync();
    }

    /// <summary>Rates the answer of a proposal on /me.</summary>
    public async Task RateAsync(int id, string ratingKey)
    {
        var item = Mine(id);
        await item.GetByText(Text(ratingKey), new() { Exact = true }).ClickAsync();
        await item.Locator("[data-action=rate]").ClickAsync();
    }

    /// <summary>立案 on the staff's page.</summary>
    public async Task RegisterAsync()
    {
        await Page.Locator("[data-action=register]").ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Registered");
    }

    /// <summary>交办 to an organization picked by name, due in the given working days.</summary>
    public async Task AssignAsync(string organizationName, int workingDays)
    {
        await Ui.PickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = Text("HandlingOrganization") }).First, organizationName);
        await Page.GetByLabel(Text("WorkingDays")).First.FillAsync(workingDays.ToString(CultureInfo.InvariantCulture));
        await Page.Locator("[data-action=assign]").ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Assigned");
    }

    /// <summary>答复 by the handling unit on the staff's page.</summary>
    public async Task AnswerAsync(string text)
    {
        await Page.GetByLabel(Text("AnswerText")).First.FillAsync(text);
        await Page.Locator("[data-action=answer]").ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Answered");
    }

    /// <summary>Whether the page scrolls sideways (wider than the window).</summary>
    public Task<bool> ScrollsSidewaysAsync() => Page.EvaluateAsync<bool>("document.scrollingElement.scrollWidth > window.innerWidth");

    public string Text(string key) => Ui.Text<DelegatesText>(key, Culture);
}
