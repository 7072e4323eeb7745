using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;

namespace Dangjian.E2E.Pages;

/// <summary>
/// /people (ORG-3): the paged roster with filters and an export link. Written before the page landed:
/// labels are PeopleText's and UiText's keys; adapt the locators when the page differs.
/// </summary>
public sealed class RosterPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<PeopleText>("Title", Culture));

    public ILocator NameFilter => Page.GetByLabel(Ui.Text<PeopleText>("Col.Name", Culture), new() { Exact = true });

    public ILocator Table => Page.GetByRole(AriaRole.Table);

    public ILocator Rows => Table.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });

    public ILocator Export => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<UiText>("Export", Culture) })
        .Or(Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Export", Culture) }));

    public async Task<RosterPage> OpenAsync(string query = "")
    {
        await Interactive.GotoAsync(Page, "people" + query);
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }

    public async Task FilterByNameAsync(string name)
    {
        await NameFilter.FillAsync(name);
        await NameFilter.PressAsync("Enter");
    }

    /// <summary>Clicks export and returns the downloaded file's bytes.</summary>
    public async Task<(string FileName, byte[] Content)> ExportAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Export.First.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }
}
