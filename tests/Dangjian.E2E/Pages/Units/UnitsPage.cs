using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Units;

namespace Dangjian.E2E.Pages.Units;

/// <summary>/units (ORG-4): the list with its search, and the form that adds or edits a unit.</summary>
public sealed class UnitsPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Text("Units.Title"));

    /// <summary>The "saved" line shown once the form is sent.</summary>
    public ILocator Saved => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = Text("Units.Saved") });

    /// <summary>The list's rows (cards at phone width) that hold a unit's name.</summary>
    public ILocator Row(string name) => Page.Locator("table tbody tr").Filter(new() { HasText = name });

    public ILocator Rows => Page.Locator("table tbody tr");

    public async Task<UnitsPage> OpenAsync()
    {
        await Interactive.GotoAsync(Page, "units");
        await Assertions.Expect(Title).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Adds a unit through the form (the area is the admin's own township, filled in by the form); waits for "saved".</summary>
    public async Task AddAsync(string name, string kindKey, int headcount)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = Text("Units.Add"), Exact = true }).ClickAsync();
        await Page.GetByLabel(Text("Col.Name") + " *", new() { Exact = true }).FillAsync(name);
        await Page.GetByRole(AriaRole.Combobox, new() { Name = Text("Col.Kind") }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = Ui.Text<EnumText>(kindKey, Culture) }).First.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await Page.GetByLabel(Text("Col.Headcount"), new() { Exact = true }).FillAsync(headcount.ToString(CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Save", Culture), Exact = true }).ClickAsync();
        await Assertions.Expect(Saved).ToBeVisibleAsync();
    }

    /// <summary>Types into the list's search box; the list follows after its short pause.</summary>
    public Task SearchAsync(string text) => Page.GetByLabel(Text("Search"), new() { Exact = true }).FillAsync(text);

    public string Text(string key) => Ui.Text<UnitText>(key, Culture);
}
