namespace Dangjian.E2E.Infrastructure;

/// <summary>What a phone user sees of a page's layout: whether anything runs past the screen, and which cells wrap.</summary>
public static class PageLayout
{
    /// <summary>The folder that screenshots for a person to look at go to; unset, none are taken.</summary>
    public const string ShotsVariable = "DANGJIAN_SHOTS";

    /// <summary>
    /// How many CSS pixels the element (or the page itself) runs past the window's width: 0 when a phone user never has
    /// to scroll sideways to read it.
    /// </summary>
    public static Task<int> OverflowAsync(IPage page, string selector) => page.EvalOnSelectorAsync<int>(selector, """
        e => Math.max(0,
            Math.ceil(e.getBoundingClientRect().right - document.documentElement.clientWidth),
            e.scrollWidth - e.clientWidth,
            document.documentElement.scrollWidth - document.documentElement.clientWidth)
        """);

    /// <summary>The text of each cell among <paramref name="selector"/> that breaks over more than one line.</summary>
    public static Task<string[]> WrappedAsync(IPage page, string selector) => page.EvalOnSelectorAllAsync<string[]>(selector, """
        cells => cells.filter(c => {
            const range = document.createRange();
            range.selectNodeContents(c);
            return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1;
        }).map(c => c.textContent.trim())
        """);

    /// <summary>Saves a full-page screenshot as name.png when DANGJIAN_SHOTS names a folder; never part of an assertion.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable(ShotsVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
