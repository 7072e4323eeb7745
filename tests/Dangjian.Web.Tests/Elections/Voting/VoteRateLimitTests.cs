using System.Net;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dangjian.Web.Tests.Elections.Voting;

/// <summary>An app of its own with the ballot limit at 2 a minute, so it can be reached without disturbing the shared app.</summary>
public sealed class VoteRateLimitedApp : SqliteApp
{
    public const int PerMinute = 2;

    protected override bool Demo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Elections:VoteRateLimitPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Ballot submissions are limited per client address ("Elections:VoteRateLimitPerMinute"); reading the ballot is not.</summary>
public sealed class VoteRateLimitTests(VoteRateLimitedApp app) : IClassFixture<VoteRateLimitedApp>
{
    [Fact]
    public async Task Vote_OverTheLimit_429WithLocalizedMessage_ReadingNotLimited()
    {
        var phone = app.Phone();
        for (var i = 0; i < VoteRateLimitedApp.PerMinute + 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/vote/1")).StatusCode);
        }

        for (var i = 0; i < VoteRateLimitedApp.PerMinute; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await phone.PostAsync("/vote/1", VotingSetup.BallotForm("", "", []))).StatusCode);
        }

        var refused = await phone.PostAsync("/vote/1", VotingSetup.BallotForm("", "", []));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("提交过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var english = new HttpRequestMessage(HttpMethod.Post, "/vote/1") { Content = VotingSetup.BallotForm("", "", []) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var refusedInEnglish = await phone.SendAsync(english);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedInEnglish.StatusCode);
        Assert.Contains("Too many submissions", await refusedInEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
