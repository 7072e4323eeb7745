using System.Globalization;

namespace Dangjian.Domain.Common;

/// <summary>
/// The organization's time zone: instants are stored UTC and every page, print and export shows them on this wall clock
/// (DESIGN.md "Time"); the calendar day of an instant ("today", the day a list was fixed) is also taken here. Pure: the
/// instant is always passed in, Domain never reads a clock.
/// </summary>
public sealed class OrgTimeZone
{
    /// <summary>China's one time zone (北京时间), the default of the setting Dangjian:TimeZone.</summary>
    public const string DefaultId = "Asia/Shanghai";

    /// <summary>How an instant is written for people: minutes, invariant digits, whatever the page's language.</summary>
    public const string Pattern = "yyyy-MM-dd HH:mm";

    public const string PatternWithSeconds = "yyyy-MM-dd HH:mm:ss";

    private OrgTimeZone(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>China's zone under any of its ids (the old aliases name the same UTC+08:00 clock).</summary>
    public bool IsChinaStandardTime => Zone.Id is DefaultId or "PRC" or "Asia/Chongqing" or "Asia/Harbin" or "Asia/Chungking" or "China Standard Time";

    public static OrgTimeZone Default { get; } = Find(DefaultId)!;

    /// <summary>
    /// The zone of an IANA id (Asia/Shanghai, Asia/Urumqi), or null when the id is empty or unknown. A machine without
    /// tzdata (a slim container) knows no zone at all; for Asia/Shanghai alone a fixed UTC+08:00 stands in then, which is
    /// exact for every instant since 1991 because China has observed no daylight saving time since then. Any other id
    /// needs tzdata and is refused without it, so a district elsewhere is never shown a silently wrong clock.
    /// </summary>
    public static OrgTimeZone? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return new OrgTimeZone(TimeZoneInfo.FindSystemTimeZoneById(id.Trim()));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return string.Equals(id.Trim(), DefaultId, StringComparison.Ordinal)
                ? new OrgTimeZone(TimeZoneInfo.CreateCustomTimeZone(DefaultId, TimeSpan.FromHours(8), DefaultId, DefaultId))
                : null;
        }
    }

    /// <summary>The instant on the organization's wall clock (its offset is the zone's at that instant).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The calendar day the instant falls on in the organization's zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant at which the organization's wall clock shows <paramref name="time"/> on <paramref name="day"/>.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>"2026-05-01 07:30" on the organization's wall clock.</summary>
    public string Format(DateTimeOffset instant) => ToLocal(instant).ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>The same, or the empty string for none.</summary>
    public string Format(DateTimeOffset? instant) => instant is { } t ? Format(t) : string.Empty;

    /// <summary>With seconds, where entries a second apart must be told apart (the audit log, a change history).</summary>
    public string FormatWithSeconds(DateTimeOffset instant) => ToLocal(instant).ToString(PatternWithSeconds, CultureInfo.InvariantCulture);

    /// <summary>The calendar day of the instant as <see cref="DateText"/> writes days.</summary>
    public string FormatDate(DateTimeOffset instant) => DateText.Format(DateOf(instant));
}
