using Dangjian.Domain.Common;

namespace Dangjian.Web.Tests.Infrastructure;

/// <summary>
/// Today as the app counts it: the organization's day (Dangjian:TimeZone, Asia/Shanghai by default), which from 16:00
/// UTC is the UTC machine's tomorrow. Tests that send or expect "today" use it, so they hold at any hour.
/// </summary>
public static class OrgToday
{
    public static DateOnly Value => OrgTimeZone.Default.DateOf(DateTimeOffset.UtcNow);
}
