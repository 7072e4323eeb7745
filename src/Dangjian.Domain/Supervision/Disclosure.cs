using Dangjian.Domain.Common;

namespace Dangjian.Domain.Supervision;

/// <summary>三务: the three kinds of affairs a village organization makes public.</summary>
public enum DisclosureCategory
{
    /// <summary>党务公开.</summary>
    PartyAffairs,

    /// <summary>村务公开.</summary>
    VillageAffairs,

    /// <summary>财务公开.</summary>
    Finance,
}

/// <summary>
/// One item of 三务公开 (SUP-4) posted by an organization on its public board: seed 004, 四 (事后干部述职评议、"三务"公开的民主管理
/// 制度) and 五 (镇乡(街道)主要领导每年向群众公布一次财政运行情况). The item is what was published and the day it was; the public
/// page lists it, and the archive groups items by calendar quarter (<see cref="DisclosureQuarter"/>).
/// </summary>
public sealed class Disclosure : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxContentLength = 8000;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public DisclosureCategory Category { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Content { get; set; } = string.Empty;

    /// <summary>The day it went up on the board (公开日期).</summary>
    public DateOnly PublishedOn { get; set; }

    public int Version { get; set; }

    public DisclosureQuarter Quarter => DisclosureQuarter.Of(PublishedOn);

    /// <summary>An item published on <paramref name="publishedOn"/>, which has happened (not after today).</summary>
    public static Disclosure Publish(int organizationId, DisclosureCategory category, string title, string content, DateOnly publishedOn, DateOnly today)
    {
        if (organizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "organizationId", "Field.Disclosure.Organization");
        }

        if (!Enum.IsDefined(category))
        {
            throw new DomainRuleException("Input.Invalid", "category", "Field.Disclosure.Category");
        }

        return new()
        {
            OrganizationId = organizationId,
            Category = category,
            Title = TextInput.Required(title, MaxTitleLength, "title", "Field.Disclosure.Title"),
            Content = TextInput.Required(content, MaxContentLength, "content", "Field.Disclosure.Content"),
            PublishedOn = SupervisionDays.Done(publishedOn, "publishedOn", "Field.Disclosure.PublishedOn", today),
        };
    }
}

/// <summary>A calendar quarter: 1 is January–March, 2 April–June, 3 July–September, 4 October–December.</summary>
public readonly record struct DisclosureQuarter(int Year, int Number) : IComparable<DisclosureQuarter>
{
    public static DisclosureQuarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>A quarter asked for (a page's or an export's), refused naming <c>quarter</c> unless 1–4 of a year in the sane range.</summary>
    public static DisclosureQuarter Demand(int year, int number) =>
        number is >= 1 and <= 4 && year >= SaneDates.MinDay.Year && year <= SaneDates.MaxDay.Year
            ? new(year, number)
            : throw new DomainRuleException("Input.Invalid", "quarter", "Field.Disclosure.Quarter");

    public DateOnly FirstDay => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public bool Contains(DateOnly day) => Of(day) == this;

    public int CompareTo(DisclosureQuarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(DisclosureQuarter left, DisclosureQuarter right) => left.CompareTo(right) < 0;

    public static bool operator >(DisclosureQuarter left, DisclosureQuarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(DisclosureQuarter left, DisclosureQuarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DisclosureQuarter left, DisclosureQuarter right) => left.CompareTo(right) >= 0;
}

/// <summary>One quarter of an organization's archive, its items newest first.</summary>
public sealed record DisclosureArchiveQuarter(DisclosureQuarter Quarter, IReadOnlyList<Disclosure> Items);

/// <summary>The archive and the list of SUP-4.</summary>
public static class Disclosures
{
    /// <summary>The items by quarter, the latest quarter first, each quarter's items newest first (then by id).</summary>
    public static IReadOnlyList<DisclosureArchiveQuarter> Archive(IEnumerable<Disclosure> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.GroupBy(i => i.Quarter).OrderByDescending(g => g.Key)
            .Select(g => new DisclosureArchiveQuarter(g.Key, [.. g.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)]))];
    }

    /// <summary>
    /// The organizations (in the order given, each once) with nothing published in <paramref name="quarter"/>, or nothing of
    /// <paramref name="category"/> when one is named (a village organization owes all three kinds).
    /// </summary>
    public static IReadOnlyList<int> NotPublished(IEnumerable<int> organizations, IEnumerable<Disclosure> items, DisclosureQuarter quarter, DisclosureCategory? category = null)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(items);
        var published = items.Where(i => i.Quarter == quarter && (category is null || i.Category == category)).Select(i => i.OrganizationId).ToHashSet();
        return [.. organizations.Distinct().Where(o => !published.Contains(o))];
    }
}
