using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages;

/// <summary>
/// /people/import (ORG-6): template download, an .xlsx upload, per-row errors (row, column, reason) or a
/// summary of what was imported. Written before the page landed: its heading is the menu's name for it,
/// other texts are matched loosely; adapt the locators when the page differs.
/// </summary>
public sealed class RosterImportPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<UiText>("Nav.Import", Culture));

    /// <summary>The template link or button ("…模板…" / "…template…").</summary>
    public ILocator Template => Page.GetByRole(AriaRole.Link, new() { NameRegex = TemplateName })
        .Or(Page.GetByRole(AriaRole.Button, new() { NameRegex = TemplateName }));

    private System.Text.RegularExpressions.Regex TemplateName => new(Culture.Name.StartsWith("zh", StringComparison.Ordinal) ? "模板" : "(?i)template");

    /// <summary>A file input has no role; MudFileUpload keeps it hidden behind its button.</summary>
    public ILocator FileInput => Page.Locator("input[type=file]");

    /// <summary>The list of bad cells (row, column, reason), shown when the file was refused.</summary>
    public ILocator ErrorTable => Page.GetByRole(AriaRole.Table);

    public ILocator ErrorRows => ErrorTable.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });

    public ILocator Alerts => Page.GetByRole(AriaRole.Alert);

    public async Task<RosterImportPage> OpenAsync()
    {
        await Interactive.GotoAsync(Page, "people/import");
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }

    public async Task<byte[]> DownloadTemplateAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Template.First.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public async Task UploadAsync(string fileName, byte[] content)
    {
        await FileInput.SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = ExcelFile.ContentType,
            Buffer = content,
        });
    }
}
