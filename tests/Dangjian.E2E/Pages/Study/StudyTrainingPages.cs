using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Features.Study.Lectures;
using Dangjian.Web.Features.Study.Menu;

namespace Dangjian.E2E.Pages.Study;

/// <summary>
/// The superior's study pages: /study/inspections (the "not inspected" list and the entry of one inspection, its rows
/// labelled "name：column"), /study/menus (picks and attendance, and the training statistics table) and /study/lectures
/// (a planned lecture's hours and its "given" button, labelled "name：column").
/// </summary>
public sealed class StudyTrainingPages(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public Task OpenInspectionsAsync(int organizationId) => Interactive.GotoAsync(Page, $"study/inspections?organizationId={BrowserApp.Invariant(organizationId)}&kind=Notes");

    public Task OpenMenusAsync(int organizationId, int year) =>
        Interactive.GotoAsync(Page, $"study/menus?organizationId={BrowserApp.Invariant(organizationId)}&year={BrowserApp.Invariant(year)}");

    /// <summary>A person on the "not inspected" list.</summary>
    public ILocator NotInspected(int personId) => Page.Locator($"[data-not-inspected] tr[data-person=\"{BrowserApp.Invariant(personId)}\"]");

    /// <summary>Picks the organization an inspection is of; its leaders become the form's rows.</summary>
    public async Task ChooseInspectedAsync(string organization)
    {
        var select = Page.GetByRole(AriaRole.Combobox, new() { Name = Inspection("Inspected") }).First;
        await select.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = organization, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-rows]")).ToBeVisibleAsync();
    }

    /// <summary>A cell's control of the entry table, by the row's name and the column ("张三：合格").</summary>
    public ILocator EntryCell(string name, string column) => Labelled(name + Ui.Text<UiText>("Punct.Colon", Culture) + Inspection(column));

    public ILocator SaveInspection => Page.Locator("#save-inspection");

    /// <summary>The server's message under a row's note.</summary>
    public ILocator NoteError(string name) =>
        Page.Locator(".mud-input-control").Filter(new() { Has = EntryCell(name, "Col.Note") }).Last.Locator(".mud-input-helper-text.mud-input-error");

    /// <summary>An attendance checkbox of the picks table ("张三：课程：参训").</summary>
    public ILocator Attended(string name, string course)
    {
        var colon = Ui.Text<UiText>("Punct.Colon", Culture);
        return Labelled(name + colon + course + colon + Menu("Col.Attended"));
    }

    /// <summary>The input a control's aria-label names, whether MudBlazor puts the label on the input or around it.</summary>
    private ILocator Labelled(string label) => Page.Locator($"input[aria-label=\"{label}\"], [aria-label=\"{label}\"] input").First;

    public ILocator SaveAttendance => Page.Locator("#save-attendance");

    /// <summary>The people counted in a band of the statistics table ("ThreeOrMore", "Twice", "Once", "Never").</summary>
    public ILocator BandCount(string band) => Page.Locator($"[data-statistics] tr[data-band=\"{band}\"] td[data-count]");

    public Task OpenLecturesAsync(int organizationId, int year) =>
        Interactive.GotoAsync(Page, $"study/lectures?organizationId={BrowserApp.Invariant(organizationId)}&year={BrowserApp.Invariant(year)}");

    /// <summary>A lecture's row, whose data-status is its status.</summary>
    public ILocator LectureRow(int lectureId) => Page.Locator($"tr[data-lecture=\"{BrowserApp.Invariant(lectureId)}\"]");

    /// <summary>The hours a planned lecture of the cadre lasted ("张三：学时").</summary>
    public ILocator LectureHours(string name) => Labelled(name + Ui.Text<UiText>("Punct.Colon", Culture) + Lecture("Hours"));

    /// <summary>The server's message under a planned lecture's hours.</summary>
    public ILocator LectureHoursError(string name) =>
        Page.Locator(".mud-input-control").Filter(new() { Has = LectureHours(name) }).Last.Locator(".mud-input-helper-text.mud-input-error");

    public ILocator MarkGiven(string name) =>
        Page.GetByRole(AriaRole.Button, new() { Name = name + Ui.Text<UiText>("Punct.Colon", Culture) + Lecture("MarkGiven"), Exact = true });

    public string Lecture(string key) => Ui.Text<TheoryLectureText>(key, Culture);

    public string Inspection(string key) => Ui.Text<StudyInspectionText>(key, Culture);

    public string Menu(string key) => Ui.Text<CourseMenuText>(key, Culture);
}
