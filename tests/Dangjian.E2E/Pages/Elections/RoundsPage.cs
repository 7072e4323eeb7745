using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Elections.Rounds;

namespace Dangjian.E2E.Pages.Elections;

/// <summary>/elections/{projectId}/rounds: a project's rounds and the form for a new one (formal, members, by default).</summary>
public sealed class RoundsPage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<RoundText>("RoundsTitle", Culture));

    /// <summary>Creates a round for the body whose option starts with the body's name; the page moves to the new round.</summary>
    public async Task<RoundPage> CreateAsync(string bodyOption, string title)
    {
        var body = Page.GetByRole(AriaRole.Combobox, new() { Name = Ui.Text<RuleText>("Field.Round.Body", Culture) });
        await body.ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = bodyOption }).First.ClickAsync();
        await Page.GetByLabel(Ui.Text<RuleText>("Field.Round.Title", Culture)).FillAsync(title);
        await Page.Locator("#round-create").ClickAsync();
        await Assertions.Expect(Heading(title)).ToBeVisibleAsync();
        return new RoundPage(Page, Culture);
    }
}
