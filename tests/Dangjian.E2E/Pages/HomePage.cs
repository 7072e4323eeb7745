using System.Globalization;
using System.Text.RegularExpressions;
using Dangjian.E2E.Infrastructure;
using Dangjian.Web.Features.Home;

namespace Dangjian.E2E.Pages;

/// <summary>The home dashboard ("/"): a heading and a tile per count, each a link reading "&lt;number&gt; &lt;label&gt;".</summary>
public sealed class HomePage(IPage page, CultureInfo culture) : Shell(page, culture)
{
    public ILocator Title => Heading(Ui.Text<HomeText>("Title", Culture));

    public async Task WaitAsync() => await Assertions.Expect(Title).ToBeVisibleAsync();

    /// <summary>The tile labelled with the HomeText key (Organizations, FullMembers…).</summary>
    public ILocator Tile(string key) =>
        Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($@"^\s*[\d,]+\s+{Regex.Escape(Ui.Text<HomeText>(key, Culture))}\s*$") });

    /// <summary>The number a tile shows.</summary>
    public async Task<int> CountAsync(string key)
    {
        var text = await Tile(key).InnerTextAsync();
        var digits = Regex.Match(text, @"[\d,]+").Value.Replace(",", string.Empty, StringComparison.Ordinal);
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }
}
