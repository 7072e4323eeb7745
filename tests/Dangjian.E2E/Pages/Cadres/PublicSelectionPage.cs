using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Cadres.Selection;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages.Cadres;

/// <summary>/public/selection/{id}: a case's pre-appointment publicity, and the objection form (anonymous when no name is given).</summary>
public sealed class PublicSelectionPage(IPage page, CultureInfo culture)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.Locator("main.sel-public");

    public ILocator Accepted => Page.Locator("[data-outcome=accepted]");

    public async Task<PublicSelectionPage> OpenAsync(Uri baseUrl, int id)
    {
        await Page.GotoAsync($"{baseUrl}public/selection/{BrowserApp.Invariant(id)}");
        return this;
    }

    public async Task ObjectAsync(string text)
    {
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Selection.ObjectionText", culture)).FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<SelectionText>("Public.Submit", culture), Exact = true }).ClickAsync();
    }
}
