using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>The app's own strings as its localizers give them in a culture, so a test compares with what a user reads.</summary>
public static class AppText
{
    /// <summary>The string <paramref name="key"/> of <typeparamref name="TResource"/> in <paramref name="culture"/> (zh-CN is the app's default).</summary>
    public static string Text<TResource>(this AppFixture app, string culture, string key, params object[] arguments)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return app.Services.GetRequiredService<IStringLocalizer<TResource>>()[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
