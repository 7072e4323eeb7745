using System.Globalization;
using Dangjian.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Common;

/// <summary>
/// The one place the web app turns an instant into what people read, and takes "today": the app's
/// <see cref="TimeProvider"/> (tests replace it) read on the organization's wall clock, the setting Dangjian:TimeZone
/// (default Asia/Shanghai). Pages, prints, exports and deadlines all use it, never the server's own zone, which on a
/// server is usually UTC.
/// </summary>
public sealed class OrgClock(TimeProvider time, OrgTimeZone zone, IStringLocalizer<UiText> text)
{
    /// <summary>
    /// What a time on a page is in, for labels beside it: 北京时间 for China's zone (the default), otherwise the zone's id
    /// and its current offset from UTC, so a district configured elsewhere is never told its times are Beijing's.
    /// </summary>
    public string ZoneName => zone.IsChinaStandardTime
        ? text["Time.ZoneChina"]
        : text["Time.ZoneOther", zone.Zone.Id, zone.ToLocal(time.GetUtcNow()).ToString("zzz", CultureInfo.InvariantCulture)];

    public OrgTimeZone Zone => zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>Now on the organization's wall clock.</summary>
    public DateTimeOffset Now => zone.ToLocal(time.GetUtcNow());

    /// <summary>Today's calendar day in the organization's zone: deadlines, "overdue", the default of a date field.</summary>
    public DateOnly Today => zone.DateOf(time.GetUtcNow());

    public string Format(DateTimeOffset instant) => zone.Format(instant);

    public string Format(DateTimeOffset? instant) => zone.Format(instant);

    public string FormatWithSeconds(DateTimeOffset instant) => zone.FormatWithSeconds(instant);

    public string FormatDate(DateTimeOffset instant) => zone.FormatDate(instant);

    /// <summary>The instant a day and a time typed on a page mean on the organization's wall clock.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly timeOfDay) => zone.At(day, timeOfDay);
}
