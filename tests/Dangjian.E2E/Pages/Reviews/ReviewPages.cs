using System.Globalization;
using System.Text.RegularExpressions;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Reviews;

namespace Dangjian.E2E.Pages.Reviews;

/// <summary>
/// 复盘 in the browser: the reviews card on a record's page (its "写复盘" link and the reviews listed), the review form
/// (fields found by the template's own labels), the read view and the printable sheet.
/// </summary>
public sealed partial class ReviewPages(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>The reviews card of a record's page (data-reviews-card="Meeting", …).</summary>
    public ILocator Card(string kind) => Page.Locator($"[data-reviews-card=\"{kind}\"]");

    /// <summary>A review field by its label as the template names it (Field.Review.Purpose → 目的或期望).</summary>
    public ILocator Field(string name) => Page.GetByLabel(Ui.Text<RuleText>(ReviewTemplate.Label(name), Culture));

    /// <summary>The server's message under a field.</summary>
    public ILocator FieldError(string name) =>
        Page.Locator(".mud-input-control").Filter(new() { Has = Field(name) }).Locator(".mud-input-helper-text.mud-input-error");

    public ILocator Save => Page.Locator("[data-action=save-review]");

    /// <summary>Opens the record's page and follows its card's "写复盘" link to the form.</summary>
    public async Task StartFromCardAsync(string recordPath, string kind)
    {
        await Interactive.GotoAsync(Page, recordPath);
        await Card(kind).Locator("[data-action=write-review]").ClickAsync();
        await Assertions.Expect(Heading(Text("New"))).ToBeVisibleAsync();
    }

    public async Task FillAsync(string name, string text) => await Field(name).FillAsync(text);

    /// <summary>Saves and waits for the read view of the saved review; its id from the address.</summary>
    public async Task<int> SaveAndOpenAsync(string title)
    {
        await Save.ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        return int.Parse(ReviewAddress().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the printable sheet (a static page: no circuit to wait for).</summary>
    public async Task OpenPrintAsync(int id)
    {
        await Page.GotoAsync($"reviews/{BrowserApp.Invariant(id)}/print");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = Text("TemplateName"), Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The headings the printed template shows, in its order: the event's rows, 复盘四步法, each step and its rows.</summary>
    public IReadOnlyList<string> TemplateHeadings() =>
    [
        .. new[] { "summary", "participants", "heldOn", "place" }.Select(f => Ui.Text<RuleText>(ReviewTemplate.Label(f), Culture)),
        Text("FourSteps"),
        .. ReviewTemplate.Steps.SelectMany(s => s.Fields.Select(f => Ui.Text<RuleText>(ReviewTemplate.Label(f), Culture)).Prepend(Text($"Step.{s.Name}"))),
    ];

    /// <summary>The number of pages of a PDF: its page objects ("/Type /Page", not the "/Type /Pages" tree nodes).</summary>
    public static int PdfPages(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    public string Text(string key) => Ui.Text<ReviewText>(key, Culture);

    [GeneratedRegex(@"/reviews/(\d+)(?:$|[?#])")]
    private static partial Regex ReviewAddress();

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
