using System.Globalization;
using System.Text.RegularExpressions;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;

namespace Dangjian.E2E.Pages;

/// <summary>
/// /people (ORG-3): the paged roster (a table named after the page; cards at phone width) with filters
/// that live in the address, a pager reading "first–last of total", and an export link carrying the filter.
/// </summary>
public sealed class RosterPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<PeopleText>("Title", Culture));

    public ILocator NameFilter => Page.GetByLabel(Ui.Text<PeopleText>("Filter.Name", Culture), new() { Exact = true });

    public ILocator Table => Page.GetByRole(AriaRole.Table, new() { Name = Ui.Text<PeopleText>("Title", Culture), Exact = true });

    /// <summary>A row per person: the rows with links (the name's, the organization's), not the header, empty or loading row.</summary>
    public ILocator Rows => Table.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link) });

    public ILocator Row(string name) => Rows.Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public ILocator NoneFound => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = Ui.Text<PeopleText>("NoneFound", Culture) });

    /// <summary>The pager's "first–last of total" for the given total (any page).</summary>
    public ILocator Total(int total) => Page.GetByText(new Regex(
        "^" + Regex.Escape(Ui.Text<UiText>("PageSummary", Culture))
            .Replace(@"\{0}", @"\d+", StringComparison.Ordinal)
            .Replace(@"\{1}", @"\d+", StringComparison.Ordinal)
            .Replace(@"\{2}", total.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) + "$"));

    public ILocator Export => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<UiText>("Export", Culture) });

    public async Task<RosterPage> OpenAsync(string query = "")
    {
        await Interactive.GotoAsync(Page, "people" + query);
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Types a name; the list follows once the typing pauses, and the address takes the filter.</summary>
    public async Task FilterByNameAsync(string name)
    {
        await NameFilter.FillAsync(name);
        await Interactive.WaitForAddressAsync(Page, u => Uri.UnescapeDataString(u.Query).Contains("name=" + name, StringComparison.Ordinal));
    }

    /// <summary>Clicks export and returns the downloaded file's name and bytes.</summary>
    public async Task<(string FileName, byte[] Content)> ExportAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Export.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }
}
