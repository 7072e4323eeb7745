using System.Net;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dangjian.Web.Tests.Meetings.DemocraticLife;

/// <summary>An app of its own with the anonymous opinion limit at 2 a minute, so it can be reached without disturbing the shared app.</summary>
public sealed class OpinionRateLimitedApp : SqliteApp
{
    public const int PerMinute = 2;

    protected override bool Demo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dangjian:OpinionSubmissionsPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Anonymous opinions are limited per client address ("Dangjian:OpinionSubmissionsPerMinute") by the global limiter; reading the form is not.</summary>
public sealed class DemocraticLifeRateLimitTests(OpinionRateLimitedApp app) : IClassFixture<OpinionRateLimitedApp>
{
    [Fact]
    public async Task Opinion_OverTheLimit_429WithLocalizedPage_ReadingNotLimited_SignInUnaffected()
    {
        var phone = app.Phone();
        var token = new string('a', 43);
        for (var i = 0; i < OpinionRateLimitedApp.PerMinute + 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/public/dlm/{token}")).StatusCode);
        }

        for (var i = 0; i < OpinionRateLimitedApp.PerMinute; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await phone.PostAsync($"/public/dlm/{token}", DlmSetup.OpinionForm("", "Resident", "意见"))).StatusCode);
        }

        var refused = await phone.PostAsync($"/public/dlm/{token}", DlmSetup.OpinionForm("", "Resident", "意见"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("提交过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var english = new HttpRequestMessage(HttpMethod.Post, $"/public/dlm/{token}") { Content = DlmSetup.OpinionForm("", "Resident", "opinion") };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var refusedInEnglish = await phone.SendAsync(english);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedInEnglish.StatusCode);
        Assert.Contains("Too many submissions", await refusedInEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The sign-in limit is its own: the opinion window being full does not refuse a sign-in attempt.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await phone.PostAsync("/account/login", await Http.LoginFormAsync(phone, "nobody", "wrong-password-1"))).StatusCode);
    }
}
