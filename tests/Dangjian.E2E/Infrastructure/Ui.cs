using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

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
}
