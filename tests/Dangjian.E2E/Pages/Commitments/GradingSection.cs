using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Commitments.Grading;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages.Commitments;

/// <summary>The grading section of /commitments/{id} (评): one panel per gradable item, its grade radios, paper counts and button.</summary>
public sealed class GradingSection(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>One item's panel (data-grade-item="{id}", data-item-status the item's status).</summary>
    public ILocator Item(int id) => Page.Locator($"[data-grade-item=\"{BrowserApp.Invariant(id)}\"]");

    public async Task OpenAsync(int campaignId)
    {
        await Interactive.GotoAsync(Page, $"commitments/{BrowserApp.Invariant(campaignId)}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = Text("Section"), Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Grades one item with paper counts: the grade, the three counts, then the button.</summary>
    public async Task GradeAsync(int itemId, string grade, int satisfied, int basically, int dissatisfied)
    {
        var item = Item(itemId);
        await item.GetByRole(AriaRole.Radio, new() { Name = Text($"Grade.{grade}"), Exact = true }).CheckAsync();
        await item.GetByLabel(Ui.Text<RuleText>("Field.Commitment.Satisfied", Culture), new() { Exact = true }).FillAsync(BrowserApp.Invariant(satisfied));
        await item.GetByLabel(Ui.Text<RuleText>("Field.Commitment.BasicallySatisfied", Culture), new() { Exact = true }).FillAsync(BrowserApp.Invariant(basically));
        await item.GetByLabel(Ui.Text<RuleText>("Field.Commitment.Dissatisfied", Culture), new() { Exact = true }).FillAsync(BrowserApp.Invariant(dissatisfied));
        await item.GetByLabel(Ui.Text<RuleText>("Field.Commitment.Dissatisfied", Culture), new() { Exact = true }).BlurAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = Text("DoGrade"), Exact = true }).ClickAsync();
    }

    public string Text(string key) => Ui.Text<GradingText>(key, Culture);
}
