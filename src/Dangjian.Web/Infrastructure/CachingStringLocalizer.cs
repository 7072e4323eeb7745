using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// The platform's resource localizers, with each string found kept per culture. A page asks for a dozen or more strings
/// per render, and every <see cref="System.Resources.ResourceManager.GetString(string, CultureInfo)"/> takes a lock that
/// many requests contend for at once (issue 18 "Speed": 9 % of the lock contention in the ballot run's profile). Only
/// strings that exist are kept, so the cache is bounded by the resource files, whatever names callers pass; a missing
/// name is looked up every time, as before. The values and fallbacks are exactly the inner localizer's.
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type, string), IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string, string), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _byType.GetOrAdd((resourceSource, string.Empty), k => new CachingStringLocalizer(inner.Create(k.Item1)));

    public IStringLocalizer Create(string baseName, string location) =>
        _byName.GetOrAdd((baseName, location), k => new CachingStringLocalizer(inner.Create(k.Item1, k.Item2)));
}

/// <summary>One resource's strings, each kept once found for the current UI culture (see <see cref="CachingStringLocalizerFactory"/>).</summary>
public sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _found = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_found.TryGetValue(key, out var found))
            {
                return found;
            }

            var value = inner[name];
            if (!value.ResourceNotFound)
            {
                _found.TryAdd(key, value);
            }

            return value;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            // As ResourceManagerStringLocalizer formats: the found text (or the name) with the current culture.
            var format = this[name];
            return format.ResourceNotFound
                ? inner[name, arguments]
                : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), false, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
