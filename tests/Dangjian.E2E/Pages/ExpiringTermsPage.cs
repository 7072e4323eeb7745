using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Teams;

namespace Dangjian.E2E.Pages;

/// <summary>/terms: organizations whose leadership team's term ends within N months, one table row each.</summary>
public sealed class ExpiringTermsPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<TeamText>("ExpiringTitle", Culture));

    /// <summary>The list (MudTable puts its aria-label on a wrapper, so the table itself has no name).</summary>
    public ILocator Table => Page.GetByRole(AriaRole.Table);

    /// <summary>Data rows (the header row has column headers, not cells).</summary>
    public ILocator Rows => Table.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });

    public ILocator NoneMessage => Page.GetByText(Ui.Text<TeamText>("NoneExpiring", Culture));

    public ILocator Months => Page.GetByLabel(Ui.Text<TeamText>("Months", Culture));

    public async Task<ExpiringTermsPage> OpenAsync()
    {
        await Interactive.GotoAsync(Page, "terms");
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }

    /// <summary>The organization link in a row.</summary>
    public ILocator OrganizationIn(ILocator row) => row.GetByRole(AriaRole.Link);
}
