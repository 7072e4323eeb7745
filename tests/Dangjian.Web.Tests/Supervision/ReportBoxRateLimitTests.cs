using System.Net;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dangjian.Web.Tests.Supervision;

/// <summary>An app of its own with the anonymous forms' limit at 2 a minute, so it can be reached without disturbing the shared app.</summary>
public sealed class ReportBoxRateLimitedApp : SqliteApp
{
    public const int PerMinute = 2;

    protected override bool Demo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dangjian:OpinionSubmissionsPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Filing and following share one limit per client address ("Dangjian:OpinionSubmissionsPerMinute", counters of their
/// own): it bounds how fast anyone can try secrets. Reading the pages is not limited.
/// </summary>
public sealed class ReportBoxRateLimitTests(ReportBoxRateLimitedApp app) : IClassFixture<ReportBoxRateLimitedApp>
{
    [Fact]
    public async Task FollowAndFile_OverTheLimit_429WithLocalizedPage_ReadingNotLimited()
    {
        var phone = app.ReportPhone("192.0.2.10");
        for (var i = 0; i < ReportBoxRateLimitedApp.PerMinute + 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/public/report/follow")).StatusCode);
        }

        var antiforgery = await phone.AntiforgeryAsync("/public/report/follow");
        for (var i = 0; i < ReportBoxRateLimitedApp.PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await phone.PostAsync("/public/report/follow", ReportBoxSetup.FollowForm(antiforgery, "JB-AAAAA-AAAAA", "AAAAA-AAAAA"))).StatusCode);
        }

        var refused = await phone.PostAsync("/public/report/follow", ReportBoxSetup.FollowForm(antiforgery, "JB-AAAAA-AAAAA", "AAAAA-AAAAA"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("提交过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var filing = await phone.PostAsync("/public/report", ReportBoxSetup.ReportForm(await phone.AntiforgeryAsync("/public/report"), 1, "Organization", null, "反映问题"));
        Assert.Equal(HttpStatusCode.TooManyRequests, filing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/public/report")).StatusCode);
    }
}
