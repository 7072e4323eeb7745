using System.Globalization;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Tests.Common;

/// <summary>
/// The web app's one clock for people: the app's TimeProvider read in the organization's zone (Dangjian:TimeZone,
/// default Asia/Shanghai). "Today" turns at 16:00 UTC in Beijing, not at the server's midnight.
/// </summary>
public sealed class OrgClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static OrgClock At(int hour, int minute, OrgTimeZone? zone = null) =>
        new(new FixedClock(new DateTimeOffset(2026, 5, 1, hour, minute, 0, TimeSpan.Zero)), zone ?? OrgTimeZone.Default, Text);

    /// <summary>The app's own resources (UiText.resx, .en.resx) read in the current UI culture, as pages read them.</summary>
    private static readonly IStringLocalizer<UiText> Text = new StringLocalizer<UiText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Fact]
    public void Today_At2330Utc_IsTheNextDayInBeijing()
    {
        var clock = At(23, 30);

        Assert.Equal(new DateOnly(2026, 5, 2), clock.Today);
        Assert.Equal("2026-05-02 07:30", clock.Format(clock.UtcNow));
        Assert.Equal("2026-05-02", DateInput.Today(clock));
    }

    [Fact]
    public void Today_At1559Utc_IsStillThatDay() => Assert.Equal(new DateOnly(2026, 5, 1), At(15, 59).Today);

    [Fact]
    public void Today_At1600Utc_IsTheNextDay() => Assert.Equal(new DateOnly(2026, 5, 2), At(16, 0).Today);

    [Fact]
    public void Now_IsTheSameInstant_OnTheOrganizationsClock()
    {
        var clock = At(23, 30);

        Assert.Equal(clock.UtcNow, clock.Now);
        Assert.Equal(TimeSpan.FromHours(8), clock.Now.Offset);
    }

    [Fact]
    public void ZoneName_ChinasZone_IsBeijingTime()
    {
        using (new CultureScope("zh-CN"))
        {
            Assert.Equal("北京时间", At(23, 30).ZoneName);
        }

        using (new CultureScope("en"))
        {
            Assert.Equal("Beijing time", At(23, 30).ZoneName);
        }
    }

    [Fact]
    public void ZoneName_AnotherZone_NamesItAndItsOffset_NotBeijing()
    {
        // Asia/Urumqi (新疆时间) is UTC+06:00: a district there configures it, and its pages must not say 北京时间.
        var clock = At(23, 30, OrgTimeZone.Find("Asia/Urumqi"));

        using (new CultureScope("zh-CN"))
        {
            Assert.Equal("Asia/Urumqi 时间（UTC+06:00）", clock.ZoneName);
        }

        using (new CultureScope("en"))
        {
            Assert.Equal("Asia/Urumqi time (UTC+06:00)", clock.ZoneName);
        }
    }

    /// <summary>Sets the UI culture for a block, as the request localization middleware does for a page.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _before;
    }

    [Fact]
    public async Task Start_UnknownTimeZone_FailsNamingTheSetting()
    {
        await using var app = new AppWithTimeZone("Asia/Beijing");

        var e = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Dangjian:TimeZone", e.ToString(), StringComparison.Ordinal);
    }

    private sealed class AppWithTimeZone(string zone) : SqliteApp
    {
        protected override bool Demo => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Dangjian:TimeZone", zone);
        }
    }
}
