using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Supervision.Disclosures;

namespace Dangjian.E2E.Pages.Supervision;

/// <summary>/public/disclosures/{organizationId}: an organization's 三务公开 board, this quarter's items and the archive by quarter.</summary>
public sealed class PublicDisclosureBoardPage(IPage page, CultureInfo culture)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.Locator("main.dsc-board");

    /// <summary>The items of the current quarter.</summary>
    public ILocator Current => Page.GetByRole(AriaRole.Region, new() { Name = Ui.Text<DisclosureText>("Board.Current", culture) }).Locator("article");

    /// <summary>An earlier quarter of the archive, by its heading ("2024 年第 1 季度").</summary>
    public ILocator Quarter(string label) => Page.Locator("details").Filter(new() { Has = Page.Locator("summary", new() { HasText = label }) });

    public async Task<PublicDisclosureBoardPage> OpenAsync(Uri baseUrl, int organizationId)
    {
        await Page.GotoAsync($"{baseUrl}public/disclosures/{BrowserApp.Invariant(organizationId)}");
        return this;
    }
}
