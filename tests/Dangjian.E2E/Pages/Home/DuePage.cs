using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Home;

namespace Dangjian.E2E.Pages.Home;

/// <summary>
/// The home page's RPT-1 parts: the "due" section (a picker narrowing it to one organization, a tile per figure that
/// links to the list behind it) and, for a branch secretary, the branch's to-do list above the counts.
/// </summary>
public sealed class DuePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    private string Text(string key) => Ui.Text<HomeText>(key, Culture);

    public ILocator Section => Page.Locator("section[data-section=due]");

    public ILocator Picker => Page.GetByRole(AriaRole.Combobox, new() { Name = Text("Due.Organization") }).First;

    /// <summary>The line under the heading naming what the figures are of (an organization's id, or "all").</summary>
    public ILocator ScopeLine => Section.Locator("[data-due-scope]");

    /// <summary>The tile of a figure, by its key on the due list ("Due.ServicesOverdue").</summary>
    public ILocator Figure(string key) => Section.Locator($"[data-due=\"{key}\"]").GetByRole(AriaRole.Link);

    public ILocator ToDo => Page.Locator("section[data-section=todo]");

    public ILocator ToDoHeading(string branch) => Page.GetByRole(AriaRole.Heading, new() { Name = Ui.Format<HomeText>("ToDo.Title", Culture, branch), Level = 2 });

    public ILocator ToDoLines => ToDo.Locator("[data-todo]");

    public ILocator ToDoEmpty => ToDo.Locator("[data-todo-empty]");

    /// <summary>Narrows the figures to one organization through the picker; the address then names it.</summary>
    public async Task NarrowToAsync(string organizationName, int organizationId)
    {
        await Ui.PickAsync(Picker, organizationName);
        await Assertions.Expect(ScopeLine).ToHaveAttributeAsync("data-due-scope", organizationId.ToString(CultureInfo.InvariantCulture));
    }
}
