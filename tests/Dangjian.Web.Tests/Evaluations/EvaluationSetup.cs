using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Data.Evaluations;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Evaluations.Campaigns;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Evaluations;

/// <summary>Builds campaigns through the API (as an organization's admin) and answers the public form like a phone.</summary>
public static partial class EvaluationSetup
{
    public static async Task<int> DefaultTemplateIdAsync(this AppFixture app, string name = EvaluationTemplateSeed.DefaultName) =>
        await app.WithDbAsync(db => db.EvaluationTemplates.Where(t => t.Name == name).Select(t => t.Id).FirstAsync());

    /// <summary>A Draft campaign of the user's township with two subjects and (unless told) the default groups.</summary>
    public static async Task<CampaignView> DraftAsync(this AppFixture app, string user = Demo.OrgAdminA, bool groups = true, CampaignKind kind = CampaignKind.DemocraticEvaluation)
    {
        var orgId = await app.ScopeOrganizationOfAsync(user);
        var client = await app.ClientForAsync(user);
        var now = DateTimeOffset.UtcNow;
        var created = await (await client.PostJsonAsync("/api/v1/evaluations", new CreateCampaignRequest(
            orgId, Demo.UniqueCode("年度民主测评"), 2026, kind, SubjectKind.Cadre, await app.DefaultTemplateIdAsync(), null, null, null,
            now.AddHours(-1), now.AddDays(1)))).ReadAsync<CampaignView>();
        await (await client.PostJsonAsync($"/api/v1/evaluations/{created.Id}/subjects", new SubjectRequest("张伟", "党委书记", null, null))).ReadAsync<CampaignView>();
        var view = await (await client.PostJsonAsync($"/api/v1/evaluations/{created.Id}/subjects", new SubjectRequest("王芳", "党委副书记", null, null))).ReadAsync<CampaignView>();
        if (groups)
        {
            view = await (await client.PostAsync($"/api/v1/evaluations/{created.Id}/groups/defaults", null)).ReadAsync<CampaignView>();
        }

        return view;
    }

    /// <summary>A campaign announced and opened, ready for responses.</summary>
    public static async Task<CampaignView> OpenCampaignAsync(this AppFixture app, string user = Demo.OrgAdminA)
    {
        var client = await app.ClientForAsync(user);
        var draft = await app.DraftAsync(user);
        var announced = await (await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/announce", new AnnounceRequest("考核预告：测评对象、时间和方式。", draft.Version))).ReadAsync<CampaignView>();
        return await (await client.PostJsonAsync($"/api/v1/evaluations/{draft.Id}/open", new StatusRequest(announced.Version))).ReadAsync<CampaignView>();
    }

    public static async Task<IReadOnlyList<string>> IssueAsync(this AppFixture app, int groupId, int count, string user = Demo.OrgAdminA)
    {
        var client = await app.ClientForAsync(user);
        var issued = await (await client.PostJsonAsync($"/api/v1/evaluations/groups/{groupId}/codes", new IssueEvaluationCodesRequest(count))).ReadAsync<IssuedEvaluationCodes>();
        Assert.Equal(count, issued.Codes.Count);
        return issued.Codes;
    }

    public static async Task<CampaignView> CloseAsync(this AppFixture app, CampaignView campaign, string user = Demo.OrgAdminA)
    {
        var client = await app.ClientForAsync(user);
        var now = await (await client.GetAsync($"/api/v1/evaluations/{campaign.Id}")).ReadAsync<CampaignView>();
        return await (await client.PostJsonAsync($"/api/v1/evaluations/{campaign.Id}/close", new StatusRequest(now.Version))).ReadAsync<CampaignView>();
    }

    public static async Task<IReadOnlyList<Dangjian.Domain.Secrecy.SecretBallot>> ResponsesAsync(this AppFixture app, int groupId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BallotBoxService>().BallotsAsync(EvaluationGroup.BoxKeyFor(groupId));
    }

    public static HttpClient Phone(this AppFixture app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Every subject rated <paramref name="label"/> on every dimension, as the form's radio fields.</summary>
    public static Dictionary<string, string> AllRated(CampaignView c, string label = "好") =>
        c.Subjects.SelectMany(s => c.Criteria.Dimensions.Select((d, i) => ($"r{s.Id}_{i}", label))).ToDictionary(x => x.Item1, x => x.label);

    public static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(this HttpClient phone, int groupId, string code, IReadOnlyDictionary<string, string> ratings)
    {
        var page = await phone.GetAsync($"/public/evaluations/{groupId}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"{(int)page.StatusCode}: {html}");
        var token = Http.AntiforgeryToken(html);
        var fields = new List<KeyValuePair<string, string>> { new("_handler", "evaluation"), new("__RequestVerificationToken", token), new("code", code) };
        fields.AddRange(ratings);
        var response = await phone.PostAsync($"/public/evaluations/{groupId}", new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string? Receipt(string body) => ReceiptField().Match(body) is { Success: true } m ? m.Groups[1].Value : null;

    public static string WithoutToken(string body) => Elections.Voting.VotingSetup.WithoutToken(body);

    [GeneratedRegex("data-receipt=\"([^\"]+)\"")]
    private static partial Regex ReceiptField();
}
