using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// The app's own UI strings (XxxText.resx, XxxText.en.resx), so a test finds a button by the label a
/// user reads, in either language, without copying the wording. A missing key fails the test.
/// </summary>
public static class Ui
{
    public static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private static readonly ConcurrentDictionary<Type, ResourceManager> Managers = new();

    public static string Text<TResource>(string key, CultureInfo culture)
    {
        var manager = Managers.GetOrAdd(typeof(TResource), t => new ResourceManager(t.FullName!, t.Assembly));
        return manager.GetString(key, culture)
            ?? throw new KeyNotFoundException($"{typeof(TResource).Name} has no string {key}.");
    }

    /// <summary>A resource text with its placeholders filled in.</summary>
    public static string Format<TResource>(string key, CultureInfo culture, params object[] args) =>
        string.Format(culture, Text<TResource>(key, culture), args);

    /// <summary>The messages under a form's fields: MudBlazor's own ("必填") or the server's, as the user reads them.</summary>
    public static ILocator FieldErrors(ILocator form) => form.Locator(".mud-input-helper-text.mud-input-error");

    /// <summary>
    /// Types into a MudAutocomplete and picks the option that shows the text, then waits until the list has closed on the
    /// choice. On a loaded machine the autocomplete's debounced search can come back after the click and reopen the list
    /// without the choice, so a pick that did not hold is made again (at most three times).
    /// </summary>
    public static async Task PickAsync(ILocator combobox, string text)
    {
        var page = combobox.Page;
        for (var attempt = 1; ; attempt++)
        {
            await combobox.ClickAsync();
            await combobox.FillAsync(text);
            await page.GetByRole(AriaRole.Option).Filter(new() { HasText = text }).First.ClickAsync();
            try
            {
                await Assertions.Expect(page.Locator(".mud-popover-open [role=option]")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
                await Assertions.Expect(combobox).ToHaveValueAsync(new Regex(Regex.Escape(text)), new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }
}
