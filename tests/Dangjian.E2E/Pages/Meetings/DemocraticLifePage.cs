using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.DemocraticLife;

namespace Dangjian.E2E.Pages.Meetings;

/// <summary>
/// /meetings/democratic-life and /meetings/democratic-life/{id}: the list filtered by organization, and one meeting with
/// the carried-over rectifications at the top, the 三到位 checklist, and the quality table over the years.
/// </summary>
public sealed class DemocraticLifePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator CarryOver => Page.Locator("[data-carry-over]");

    /// <summary>The meeting's status chip (data-status="Preparing" / "Held" / "Postponed").</summary>
    public ILocator Status => Page.Locator(".mud-chip[data-status]").First;

    /// <summary>One rectification measure (data-rectification="{id}").</summary>
    public ILocator Rectification(int id) => Page.Locator($"[data-rectification=\"{BrowserApp.Invariant(id)}\"]");

    /// <summary>A checklist line (data-item="People" / "Time" / "Opinions").</summary>
    public ILocator ChecklistItem(string item) => Page.Locator($"li[data-item={item}]");

    public ILocator QualityRow(int meetingId) => Page.Locator($"tr[data-quality-row=\"{BrowserApp.Invariant(meetingId)}\"]");

    /// <summary>Opens the list of the organization's meetings and, from it, the meeting with this theme.</summary>
    public async Task<DemocraticLifePage> OpenFromListAsync(int organizationId, string theme)
    {
        await Interactive.GotoAsync(Page, $"meetings/democratic-life?organizationId={BrowserApp.Invariant(organizationId)}");
        await Page.GetByRole(AriaRole.Link, new() { Name = theme, Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(theme)).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Marks a measure done with its evidence, through its own form.</summary>
    public async Task CompleteAsync(int rectificationId, string evidence)
    {
        var item = Rectification(rectificationId);
        await item.GetByRole(AriaRole.Button, new() { Name = Text("Complete"), Exact = true }).ClickAsync();
        await item.GetByLabel(Rule("Field.DemocraticLife.Evidence")).FillAsync(evidence);
        await item.GetByRole(AriaRole.Button, new() { Name = Text("Complete"), Exact = true }).ClickAsync();
    }

    /// <summary>Ticks every open carried measure at once and completes them in one save with one evidence.</summary>
    public async Task CompleteAllCarriedAsync(string evidence)
    {
        var bulk = CarryOver.Locator("[data-bulk=rectifications]");
        await bulk.Locator("input[data-tick-all=true], [data-tick-all=true] input").ClickAsync();
        await bulk.GetByLabel(Rule("Field.DemocraticLife.Evidence")).FillAsync(evidence);
        await bulk.Locator("[data-complete-ticked=true]").ClickAsync();
    }

    /// <summary>Confirms one 到位 item.</summary>
    public async Task ConfirmAsync(string item)
    {
        await ChecklistItem(item).GetByRole(AriaRole.Button, new() { Name = Text("Confirm"), Exact = true }).ClickAsync();
        await Assertions.Expect(ChecklistItem(item)).ToHaveAttributeAsync("data-confirmed", "true");
    }

    /// <summary>Marks the meeting held today: the form, then the confirmation dialog.</summary>
    public async Task MarkHeldAsync()
    {
        await Page.Locator("#dlm-held").ClickAsync();
        await Page.Locator("#checklist").GetByRole(AriaRole.Button, new() { Name = Text("MarkHeld"), Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = Text("MarkHeld"), Exact = true }).ClickAsync();
    }

    private string Text(string key) => Ui.Text<DemocraticLifeText>(key, Culture);

    private string Rule(string key) => Ui.Text<RuleText>(key, Culture);
}
