using System.Globalization;
using Dangjian.Domain.Elections;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Projects;

namespace Dangjian.E2E.Pages.Elections;

/// <summary>
/// /elections/{id}: one election project. Its nominees section nominates (body, person picker, source, joint
/// nominators), records the four vetting checks of a nominee, and fixes a body's candidate list from check boxes.
/// </summary>
public sealed class ElectionProjectPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Stage => Page.Locator("[data-stage]").First;

    /// <summary>A body's candidate list box (data-body="Committee" …).</summary>
    public ILocator List(BodyKind kind) => Page.Locator($"[data-body={kind}]");

    public ILocator Rounds => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text<ElectionText>("Section.Rounds", Culture), Exact = true }).Last;

    /// <summary>Opens the project from the /elections list by its title.</summary>
    public async Task<ElectionProjectPage> OpenFromListAsync(string title)
    {
        await Interactive.GotoAsync(Page, "elections");
        await Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Nominates a person for a body through the form; waits for their row in the nominees table.</summary>
    public async Task NominateAsync(BodyKind body, string person, NominationSource source, string? jointNominators = null)
    {
        await ChooseAsync(Rule("Field.Body"), Enum(body));
        // The form the last nominee was saved from starts clean: no "required" message under its cleared fields.
        await Assertions.Expect(Ui.FieldErrors(Page.Locator(".mud-paper:has(> #nominees-h)"))).ToHaveCountAsync(0);
        await Ui.PickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = Rule("Field.Nominee") }).First, person);
        await ChooseAsync(Rule("Field.Source"), Enum(source));
        if (jointNominators is not null)
        {
            await Page.GetByLabel(Rule("Field.JointNominators")).First.FillAsync(jointNominators);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ElectionText>("Nominate", Culture), Exact = true }).ClickAsync();
        await Assertions.Expect(NomineeRow(person)).ToBeVisibleAsync();
    }

    /// <summary>A nominee's row in the nominees table: the row whose first cell is their name (not the bulk table's row, data-person).</summary>
    public ILocator NomineeRow(string person) =>
        Page.Locator("tr:not([data-person])").Filter(new() { Has = Page.GetByRole(AriaRole.Cell, new() { Name = person, Exact = true }) });

    /// <summary>
    /// Opens a nominee's vetting panel and records the four checks in one save: who checked typed once, "all four
    /// passed", the checks in <paramref name="leaveOpen"/> set back to open, then save; waits for the chips to name each result.
    /// </summary>
    public async Task VetAsync(string person, params VettingKind[] leaveOpen)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Format<ElectionText>("VettingOf", Culture, person), Exact = true }).ClickAsync();
        var panel = Page.Locator("[aria-labelledby=vetting-h]");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = Ui.Format<ElectionText>("VettingOf", Culture, person) })).ToBeVisibleAsync();
        await panel.GetByLabel(Rule("Field.CheckedBy")).First.FillAsync("组织部考察组");
        await panel.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ElectionText>("AllFourPassed", Culture), Exact = true }).ClickAsync();
        var kinds = System.Enum.GetValues<VettingKind>();
        for (var i = 0; i < kinds.Length; i++)
        {
            if (leaveOpen.Contains(kinds[i]))
            {
                var result = panel.Locator($"[data-check={kinds[i]}]").GetByRole(AriaRole.Combobox).First;
                await result.ClickAsync();
                // The open list of this select, not the bulk table's native options of the same names.
                await Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = Enum(VettingResult.Open), Exact = true }).ClickAsync();
                await Assertions.Expect(result).ToHaveValueAsync(Enum(VettingResult.Open));
            }
        }

        await panel.GetByRole(AriaRole.Button, new() { Name = Ui.Text<ElectionText>("SaveChecks", Culture), Exact = true }).ClickAsync();
        for (var i = 0; i < kinds.Length; i++)
        {
            await Assertions.Expect(Chip(person, kinds[i])).ToHaveTextAsync(ChipText(kinds[i], leaveOpen.Contains(kinds[i]) ? VettingResult.Open : VettingResult.Passed));
        }

        await panel.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Close", Culture), Exact = true }).ClickAsync();
    }

    /// <summary>The chip of one check in a nominee's row; its text names the check and its result ("档案 通过").</summary>
    public ILocator Chip(string person, VettingKind kind) =>
        NomineeRow(person).Locator(".mud-chip").Nth(System.Array.IndexOf(System.Enum.GetValues<VettingKind>(), kind));

    /// <summary>A chip's text: the check's short name and its result.</summary>
    public string ChipText(VettingKind kind, VettingResult result) => $"{Rule($"Field.VettingKind.{kind}")} {Enum(result)}";

    /// <summary>
    /// Records one check for many nominees in the bulk table: the check chosen, who checked typed once, the people in
    /// <paramref name="failed"/> set to failed, only <paramref name="people"/> ticked, one save.
    /// </summary>
    public async Task VetManyAsync(VettingKind kind, IReadOnlyCollection<string> people, IEnumerable<string> all, params string[] failed)
    {
        var table = Page.Locator("[aria-labelledby=vetting-table-h]");
        var select = table.GetByRole(AriaRole.Combobox, new() { Name = Rule("Field.CheckKind") }).First;
        await select.ClickAsync();
        await Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = Enum(kind), Exact = true }).ClickAsync();
        await Assertions.Expect(select).ToHaveValueAsync(Enum(kind));
        await table.GetByLabel(Rule("Field.CheckedBy")).First.FillAsync("组织部考察组");
        foreach (var person in all)
        {
            await table.GetByLabel(Ui.Format<ElectionText>("CellOf", Culture, person, Ui.Text<ElectionText>("Tick", Culture)), new() { Exact = true })
                .SetCheckedAsync(people.Contains(person));
        }

        foreach (var person in failed)
        {
            await table.GetByLabel(Ui.Format<ElectionText>("CellOf", Culture, person, Rule("Field.Result")), new() { Exact = true })
                .SelectOptionAsync(new SelectOptionValue { Value = nameof(VettingResult.Failed) });
        }

        await table.GetByRole(AriaRole.Button, new() { Name = Ui.Format<ElectionText>("SaveForTicked", Culture, people.Count), Exact = true }).ClickAsync();
    }

    /// <summary>"Can be a candidate" in a nominee's row, or what blocks them.</summary>
    public ILocator CanBeCandidate(string person) => NomineeRow(person).GetByText(Ui.Text<ElectionText>("CanBeCandidate", Culture));

    public ILocator Blocked(string person) => NomineeRow(person).Locator("[data-blocked=true]");

    /// <summary>Ticks exactly <paramref name="people"/> in the body's list and presses "fix the list".</summary>
    public async Task FixListAsync(BodyKind body, IReadOnlyCollection<string> people, IEnumerable<string> all)
    {
        var list = List(body);
        foreach (var person in all)
        {
            await list.GetByLabel(person, new() { Exact = true }).SetCheckedAsync(people.Contains(person));
        }

        await list.GetByRole(AriaRole.Button, new() { Name = Ui.Format<ElectionText>("FixList", Culture, people.Count) }).ClickAsync();
    }

    public ILocator ListRefusal(BodyKind body) => List(body).GetByRole(AriaRole.Alert);

    public ILocator ListFixed(BodyKind body) => List(body).GetByRole(AriaRole.Button, new() { Name = Ui.Text<ElectionText>("UnfixList", Culture) });

    private async Task ChooseAsync(string label, string option)
    {
        var select = Page.GetByRole(AriaRole.Combobox, new() { Name = label }).First;
        await select.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(select).ToHaveValueAsync(option);
    }

    private string Rule(string key) => Ui.Text<RuleText>(key, Culture);

    private string Enum<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => Ui.Text<EnumText>($"{typeof(TEnum).Name}.{value}", Culture);
}
