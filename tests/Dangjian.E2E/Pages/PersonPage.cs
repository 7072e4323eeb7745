using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;

namespace Dangjian.E2E.Pages;

/// <summary>/people/{id}: a person's details, an edit button that turns them into a form, its save and messages.</summary>
public sealed class PersonPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Edit => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Edit", Culture), Exact = true });

    public ILocator Phone => Page.GetByLabel(Ui.Text<PeopleText>("Col.Phone", Culture), new() { Exact = true });

    public ILocator Save => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text<UiText>("Save", Culture), Exact = true });

    public ILocator Saved => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = Ui.Text<UiText>("Saved", Culture) });

    /// <summary>The form's summary alert when someone else saved the record first, with its "load the latest" button.</summary>
    public ILocator Conflict => Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = Ui.Text<RuleText>("Problem.Conflict", Culture) });

    public ILocator ReloadLatest => Conflict.GetByRole(AriaRole.Button, new() { Name = Ui.Text<PeopleText>("ReloadLatest", Culture) });

    /// <summary>A value in the details table (the row headed by the PeopleText column key).</summary>
    public ILocator Detail(string columnKey) =>
        Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = Ui.Text<PeopleText>(columnKey, Culture), Exact = true }) })
            .GetByRole(AriaRole.Cell);

    public async Task<PersonPage> OpenAsync(int id, string name)
    {
        await Interactive.GotoAsync(Page, $"people/{id.ToString(CultureInfo.InvariantCulture)}");
        await Assertions.Expect(Heading(name)).ToBeVisibleAsync();
        return this;
    }

    public async Task StartEditAsync()
    {
        await Edit.ClickAsync();
        await Assertions.Expect(Phone).ToBeEditableAsync();
    }
}
