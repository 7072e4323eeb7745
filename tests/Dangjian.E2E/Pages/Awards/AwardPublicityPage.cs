using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Awards;

namespace Dangjian.E2E.Pages.Awards;

/// <summary>/public/awards/{id}: a selection's 公示 (the chosen and the period) and, while it runs, the anonymous objection form.</summary>
public sealed class AwardPublicityPage(IPage page, CultureInfo culture)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.Locator("main.awd-public");

    public ILocator Chosen(string name) => Page.Locator($"[data-chosen=\"{name}\"]");

    public ILocator Accepted => Page.Locator("[data-outcome=accepted]");

    public async Task<AwardPublicityPage> OpenAsync(Uri baseUrl, int id)
    {
        await Page.GotoAsync($"{baseUrl}public/awards/{BrowserApp.Invariant(id)}");
        return this;
    }

    /// <summary>Picks the nominee objected to, writes the objection and sends it.</summary>
    public async Task ObjectAsync(string nominee, string text)
    {
        await Page.GetByLabel(Text("Col.Nominee"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = nominee });
        await Page.GetByLabel(Text("Col.Objection"), new() { Exact = true }).FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = Text("Public.Submit"), Exact = true }).ClickAsync();
    }

    public string Text(string key) => Ui.Text<AwardText>(key, culture);
}
