using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Cadres.Selection;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages.Cadres;

/// <summary>
/// /cadres/selection/{id}: one selection case with the form of the step it waits for, the objections and the trace; and
/// its printable dossier /cadres/selection/{id}/dossier.
/// </summary>
public sealed class SelectionCasePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>The case's phase chip (data-phase="Inspecting", "InPublicity", "Appointed", "Stopped" …).</summary>
    public ILocator Phase => Page.Locator(".mud-chip[data-phase]").First;

    /// <summary>The trace's rows, in order (data-step="Call" …).</summary>
    public ILocator TraceRows => Page.Locator("table.sel-trace tr[data-sequence]");

    public ILocator Objection(int number) => Page.Locator($"[data-objection=\"{BrowserApp.Invariant(number)}\"]");

    public async Task<SelectionCasePage> OpenAsync(int id, string post)
    {
        await Interactive.GotoAsync(Page, $"cadres/selection/{BrowserApp.Invariant(id)}");
        await Assertions.Expect(Heading(post)).ToBeVisibleAsync();
        return this;
    }

    /// <summary>考察材料: the candidate chosen by name, the text, then 记录 in that section.</summary>
    public async Task RecordFindingAsync(string candidate, string finding)
    {
        var section = Section("inspection-finding");
        await ChooseAsync(section, Rule("Field.Selection.Person"), candidate);
        await section.GetByLabel(Text("WrittenFinding")).FillAsync(finding);
        await section.GetByRole(AriaRole.Button, new() { Name = Text("Record"), Exact = true }).ClickAsync();
    }

    /// <summary>开始公示 from today (the start day left empty).</summary>
    public Task StartPublicityAsync() =>
        Section("publicity").GetByRole(AriaRole.Button, new() { Name = Text("StartPublicity"), Exact = true }).ClickAsync();

    /// <summary>Concludes an open objection: not upheld, what was found and the answer.</summary>
    public async Task ConcludeNotUpheldAsync(int number, string finding, string answer)
    {
        var item = Objection(number);
        await ChooseAsync(item, Rule("Field.Selection.ObjectionOutcome"), Text("ObjectionOutcome.NotUpheld"));
        await item.GetByLabel(Rule("Field.Selection.ObjectionFinding")).FillAsync(finding);
        await item.GetByLabel(Rule("Field.Selection.ObjectionAnswer")).FillAsync(answer);
        await item.GetByRole(AriaRole.Button, new() { Name = Ui.Format<SelectionText>("Conclude", Culture, number), Exact = true }).ClickAsync();
    }

    /// <summary>任职 on a day, confirmed in the dialog.</summary>
    public async Task AppointAsync(DateOnly day)
    {
        var section = Section("appointment");
        await section.GetByLabel(Rule("Field.Selection.AppointedOn")).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await section.GetByRole(AriaRole.Button, new() { Name = Text("Appoint"), Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Text("Appoint"), Exact = true }).ClickAsync();
    }

    public async Task OpenDossierAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = Text("Dossier") }).ClickAsync();
        await Interactive.WaitForAddressAsync(Page, u => System.Text.RegularExpressions.Regex.IsMatch(u.AbsolutePath, "^/cadres/selection/[^/]+/dossier$"));
    }

    private ILocator Section(string name) => Page.Locator($"[data-section=\"{name}\"]");

    private async Task ChooseAsync(ILocator within, string label, string option)
    {
        await within.GetByRole(AriaRole.Combobox, new() { Name = label }).First.ClickAsync();
        var choice = Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        await Assertions.Expect(choice).ToHaveCountAsync(0);
    }

    private string Text(string key) => Ui.Text<SelectionText>(key, Culture);

    private string Rule(string key) => Ui.Text<RuleText>(key, Culture);
}
