using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Awards;
using Dangjian.Web.Features.Common;

namespace Dangjian.E2E.Pages.Awards;

/// <summary>/awards (the list and the new-selection form) and /awards/{id} (nominations, the check, the reasons refused).</summary>
public sealed class AwardPages(IPage page, CultureInfo culture) : Shell(page, culture)
{
    /// <summary>The nominations table's row of a nominee.</summary>
    public ILocator Nominee(string name) => Page.Locator("tr").Filter(new() { Has = Page.Locator($"[data-nominee=\"{name}\"]") });

    public ILocator Eligibility(string name) => Nominee(name).Locator("[data-eligibility]");

    public ILocator Reasons(string name) => Page.Locator($"[data-reasons=\"{name}\"] li");

    public ILocator Status => Page.Locator(".mud-chip[data-status]").First;

    /// <summary>Opens a selection for an organization picked by name on /awards, with the title given; lands on its page.</summary>
    public async Task OpenSelectionAsync(string organizationName, string title)
    {
        await Interactive.GotoAsync(Page, "awards");
        await Assertions.Expect(Heading(Text("Title"))).ToBeVisibleAsync();
        await Ui.PickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = Text("Col.Organization") }).First, organizationName);
        var titleField = Page.GetByLabel(Text("Col.Title"), new() { Exact = true }).First;
        await titleField.FillAsync(title);
        await Page.GetByRole(AriaRole.Button, new() { Name = Text("OpenButton"), Exact = true }).ClickAsync();
        await Interactive.WaitForAddressAsync(Page, u => System.Text.RegularExpressions.Regex.IsMatch(u.AbsolutePath, "^/awards/[^/]+$"));
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
    }

    /// <summary>推荐 a person (the default category, 优秀共产党员) found by name, with who nominated and the statement.</summary>
    public async Task NominatePersonAsync(string name, string by, string statement)
    {
        await Ui.PickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = Text("NomineePerson") }).First, name);
        await Page.GetByLabel(Text("Col.NominatedBy")).First.FillAsync(by);
        await Page.GetByLabel(Text("Col.Statement")).First.FillAsync(statement);
        await Page.GetByRole(AriaRole.Button, new() { Name = Text("NominateButton"), Exact = true }).ClickAsync();
        await Assertions.Expect(Nominee(name)).ToBeVisibleAsync();
    }

    /// <summary>资格审查.</summary>
    public Task CheckAsync() => Page.GetByRole(AriaRole.Button, new() { Name = Text("Check"), Exact = true }).ClickAsync();

    public string Text(string key) => Ui.Text<AwardText>(key, Culture);

    public string Rule(string key, params object[] args) => Ui.Format<RuleText>(key, Culture, args);
}
