using System.Net;
using Dangjian.Web.Features.Elections.Voting;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Tests.Elections.Voting;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.DemocraticLife;
using Microsoft.AspNetCore.Hosting;

namespace Dangjian.Web.Tests.PublicForms;

/// <summary>An app of its own whose public forms are reached at a configured address, not the request's own.</summary>
public sealed class PublicBaseUrlApp : SqliteApp
{
    public const string BaseUrl = "https://dj.example.gov.cn/";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Elections:PublicBaseUrl", BaseUrl);
    }
}

/// <summary>Every address handed out for a public form is under "Elections:PublicBaseUrl" when it is set.</summary>
public sealed class PublicAddressTests(PublicBaseUrlApp app) : IClassFixture<PublicBaseUrlApp>
{
    [Fact]
    public async Task VotingCodes_PrintTheConfiguredAddress()
    {
        var round = await app.RoundAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var issued = await (await client.PostJsonAsync($"/api/v1/elections/rounds/{round.Id}/codes", new IssueCodesRequest(1))).ReadAsync<IssuedCodes>();
        Assert.Equal($"https://dj.example.gov.cn/vote/{round.Id}", issued.VoteAddress);
    }

    [Fact]
    public async Task OpinionLinks_OfDemocraticLifeMeetings_AreUnderTheConfiguredAddress()
    {
        var branch = await app.DlmBranchAsync();
        var api = await app.ClientForAsync(Demo.OrgAdminA);
        var response = await api.PostJsonAsync(DlmSetup.Route, new CreateDemocraticLifeRequest(branch.OrgId, 2026, "2026年度民主生活会", DlmSetup.Today.AddDays(7)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedDemocraticLife>();
        Assert.StartsWith("https://dj.example.gov.cn/public/dlm/", created.OpinionLink, StringComparison.Ordinal);

        var renewed = await (await api.PostAsync($"{DlmSetup.Route}/{created.Meeting.Id}/opinion-link", null)).ReadAsync<OpinionLinkView>();
        Assert.StartsWith("https://dj.example.gov.cn/public/dlm/", renewed.OpinionLink, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://dj.example.gov.cn", "/vote/3", "https://dj.example.gov.cn/vote/3")]
    [InlineData("https://dj.example.gov.cn/", "/vote/3", "https://dj.example.gov.cn/vote/3")]
    [InlineData("https://dj.example.gov.cn/app/", "public/dlm/x", "https://dj.example.gov.cn/app/public/dlm/x")]
    public void Address_JoinsBaseAndPathWithOneSlash(string configured, string path, string expected) =>
        Assert.Equal(expected, PublicForm.Address(new PublicFormOptions { PublicBaseUrl = configured }, "http://localhost/", path));

    [Fact]
    public void Address_WithoutConfiguredBase_IsTheCallersOwn() =>
        Assert.Equal("http://localhost:5080/vote/3", PublicForm.Address(new PublicFormOptions(), "http://localhost:5080/", "/vote/3"));
}
