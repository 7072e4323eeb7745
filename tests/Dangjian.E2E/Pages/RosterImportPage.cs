using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;

namespace Dangjian.E2E.Pages;

/// <summary>
/// /people/import (ORG-6): template download, an .xlsx upload (a labelled file input), progress while the
/// file is checked and imported, then either "N people imported" or the refusal with a table of problems
/// (row, column, reason).
/// </summary>
public sealed class RosterImportPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<PeopleText>("Import.Title", Culture));

    public ILocator Template => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<PeopleText>("Import.Template", Culture) });

    public ILocator FileInput => Page.GetByLabel(Ui.Text<PeopleText>("Import.ChooseFile", Culture));

    /// <summary>The list of bad cells (row, column, reason), shown when the file was refused.</summary>
    public ILocator ErrorTable => Page.GetByRole(AriaRole.Table, new() { Name = Ui.Text<PeopleText>("Import.ErrorsTable", Culture), Exact = true });

    public ILocator ErrorRows => ErrorTable.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });

    /// <summary>"The file has N problems; nobody was imported."</summary>
    public ILocator Rejected(int problems) => Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = Ui.Format<RuleText>("Import.Rejected", Culture, problems) });

    /// <summary>"N people imported."</summary>
    public ILocator Done(int imported) => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = Ui.Format<PeopleText>("Import.Done", Culture, imported) });

    /// <summary>The link from the success message to the roster.</summary>
    public ILocator ViewRoster => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<PeopleText>("Import.ViewRoster", Culture), Exact = true });

    public async Task<RosterImportPage> OpenAsync()
    {
        await Interactive.GotoAsync(Page, "people/import");
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }

    public async Task<byte[]> DownloadTemplateAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Template.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Chooses the file; the page uploads and checks it at once.</summary>
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
