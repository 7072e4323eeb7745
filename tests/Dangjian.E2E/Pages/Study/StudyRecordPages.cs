using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Records;

namespace Dangjian.E2E.Pages.Study;

/// <summary>
/// /study (STU-1) and 我的学习 on /me: the entry form (a person picked by name for the clerk, the kind, the day and hours,
/// the topic or notes), the approval queue, and the Excel import.
/// </summary>
public sealed class StudyRecordPages(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Form => Page.GetByRole(AriaRole.Region, new() { Name = Text("Entry"), Exact = true });

    public ILocator Queue => Page.GetByRole(AriaRole.Region, new() { Name = Text("Queue"), Exact = true });

    public ILocator MyStudy => Page.GetByRole(AriaRole.Region, new() { Name = Text("MyStudy"), Exact = true });

    public ILocator Record(int id) => Page.Locator($"tr[data-record=\"{id.ToString(CultureInfo.InvariantCulture)}\"]");

    public async Task OpenAsync(int organizationId)
    {
        await Interactive.GotoAsync(Page, $"study?organizationId={organizationId.ToString(CultureInfo.InvariantCulture)}");
        await Assertions.Expect(Heading(Text("Title"))).ToBeVisibleAsync();
    }

    /// <summary>Fills the entry form for a session (the person only when the clerk enters it) and saves.</summary>
    public async Task EnterSessionAsync(string? person, string kind, DateOnly day, decimal hours, string? topic, string? notes, string? content = null)
    {
        if (person is not null)
        {
            await Ui.PickAsync(Form.GetByRole(AriaRole.Combobox, new() { Name = Text("Person") }).First, person);
        }

        await Form.GetByRole(AriaRole.Combobox, new() { Name = Text("Kind") }).First.ClickAsync();
        var choice = Page.GetByRole(AriaRole.Option, new() { Name = kind, Exact = true });
        await choice.ClickAsync();
        await Assertions.Expect(choice).ToHaveCountAsync(0);
        await Form.GetByLabel(Text("Import.Date")).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Form.GetByLabel(Text("Import.Hours")).FillAsync(hours.ToString(CultureInfo.InvariantCulture));
        if (topic is not null)
        {
            await Form.GetByLabel(Text("Import.Topic")).FillAsync(topic);
        }

        if (notes is not null)
        {
            await Form.GetByLabel(Text("Import.Notes")).FillAsync(notes);
        }

        if (content is not null)
        {
            // Each choice names its category and the factor it multiplies credits by, so the option is found by its name.
            await Form.GetByRole(AriaRole.Combobox, new() { Name = Text("Import.Content") }).First.ClickAsync();
            var option = Page.GetByRole(AriaRole.Option).Filter(new() { HasText = content });
            await option.ClickAsync();
            await Assertions.Expect(option).ToHaveCountAsync(0);
        }

        await Form.GetByRole(AriaRole.Button, new() { Name = Text("Save"), Exact = true }).ClickAsync();
    }

    /// <summary>Chooses the .xlsx; the page imports it at once.</summary>
    public Task UploadAsync(byte[] xlsx) =>
        Page.GetByLabel(Text("Import")).SetInputFilesAsync(new FilePayload { Name = "study.xlsx", MimeType = ExcelFile.ContentType, Buffer = xlsx });

    public ILocator ImportResult => Page.Locator("[data-import-result]");

    public string Text(string key) => Ui.Text<StudyRecordText>(key, Culture);

    public string Format(string key, params object[] args) => Ui.Format<StudyRecordText>(key, Culture, args);
}
