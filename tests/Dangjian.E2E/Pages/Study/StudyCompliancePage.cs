using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Exams;

namespace Dangjian.E2E.Pages.Study;

/// <summary>
/// /study/compliance and /study/compliance/person/{id}: an organization's members with their shortfalls (only
/// shortfalls, export), and one person's study with the exam history and the entry of an exam.
/// </summary>
public sealed class StudyCompliancePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>The people marked as falling short (data-shortfall="true") in the list.</summary>
    public ILocator Shortfalls => Page.Locator("a[data-shortfall=true]");

    /// <summary>The person page's exam section, whose data-exam-state is the state (Ok / MakeUpDue / Suspended).</summary>
    public ILocator ExamSection => Page.Locator("[aria-labelledby=person-exam-history]");

    public ILocator ExamRows => ExamSection.Locator("tr[data-exam-id]");

    public async Task OpenShortfallsAsync(int organizationId) =>
        await Interactive.GotoAsync(Page, $"study/compliance?organizationId={BrowserApp.Invariant(organizationId)}&shortfallsOnly=true");

    public async Task OpenPersonAsync(int personId) =>
        await Interactive.GotoAsync(Page, $"study/compliance/person/{BrowserApp.Invariant(personId)}");

    public async Task<IDownload> ExportAsync() =>
        await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<UiText>("Export", Culture) }).ClickAsync());

    /// <summary>Records an exam through the person page's form: day, kind, score.</summary>
    public async Task RecordExamAsync(string date, string kindKey, int score)
    {
        var form = Page.Locator("[aria-labelledby=exam-entry]");
        await form.GetByLabel(Text("Date")).FillAsync(date);
        await form.GetByRole(AriaRole.Combobox, new() { Name = Text("Kind") }).First.ClickAsync();
        var choice = Page.GetByRole(AriaRole.Option, new() { Name = Text(kindKey), Exact = true });
        await choice.ClickAsync();
        await Assertions.Expect(choice).ToHaveCountAsync(0);
        await form.GetByLabel(Text("Score")).FillAsync(score.ToString(CultureInfo.InvariantCulture));
        await form.Locator("[data-action=record-exam]").ClickAsync();
    }

    /// <summary>The refusal the form shows under a field (the make-up nobody owes names the kind).</summary>
    public ILocator FormErrors => Ui.FieldErrors(Page.Locator("[aria-labelledby=exam-entry]"));

    private string Text(string key) => Ui.Text<StudyExamText>(key, Culture);
}
