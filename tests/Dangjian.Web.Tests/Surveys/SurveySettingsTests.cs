using System.Net;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Surveys;

/// <summary>A draft's settings (with the edit conflict), a new open link, the staff pages, and the demo survey.</summary>
public abstract class SurveySettingsTests(AppFixture app)
{
    private static readonly (int Question, string Value)[] OneAnswer = [(1, "0"), (3, "4")];

    [Fact]
    public async Task UpdateSettings_FromTheCurrentVersion_Saves_AndFromAStaleOne_Conflicts()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var township = (await app.TownshipsAsync()).A;
        var survey = await staff.SurveyAsync(township, SurveyAccess.AccessCodes, open: false);
        var start = await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}")).ReadAsync<SurveyView>();
        var closes = DateTimeOffset.UtcNow.AddDays(7);

        var first = await staff.PutJsonAsync($"/api/v1/surveys/{survey.Id}", new SurveyRequest(township, "改后的标题", "说明", SurveyAccess.OpenLink, 30, closes, start.Version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var saved = await first.ReadAsync<SurveyView>();
        Assert.Equal(("改后的标题", SurveyAccess.OpenLink, (int?)30), (saved.Title, saved.Access, saved.Quota));
        Assert.Equal(closes.ToUnixTimeSeconds(), saved.ClosesAt!.Value.ToUnixTimeSeconds());
        Assert.True(saved.Version > start.Version);

        // A second editor who loaded the draft before the first save is refused, and nothing of theirs is kept.
        var stale = await staff.PutJsonAsync($"/api/v1/surveys/{survey.Id}", new SurveyRequest(township, "过时的修改", null, SurveyAccess.AccessCodes, null, null, start.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("改后的标题", (await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}")).ReadAsync<SurveyView>()).Title);

        var invalid = await staff.PutJsonAsync($"/api/v1/surveys/{survey.Id}", new SurveyRequest(township, "", null, SurveyAccess.AccessCodes, 0, DateTimeOffset.UtcNow.AddDays(-1), saved.Version));
        var errors = await invalid.ProblemErrorsAsync();
        Assert.Contains("title", errors.Keys);
        Assert.Contains("quota", errors.Keys);
        Assert.Contains("closesAt", errors.Keys);
    }

    [Fact]
    public async Task RenewLink_OldLinkStopsWorking_NewOneTakesAnswers()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var survey = await staff.SurveyAsync((await app.TownshipsAsync()).A, SurveyAccess.OpenLink);
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(survey, null, OneAnswer)).Status);

        var renewed = await (await staff.PostAsync($"/api/v1/surveys/{survey.Id}/link", null)).ReadAsync<OpenedSurvey>();
        Assert.NotNull(renewed.OpenLink);
        Assert.NotEqual(survey.OpenLink, renewed.OpenLink);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Phone().GetAsync(SurveySetup.PagePath(survey))).StatusCode);

        var current = survey with { OpenLink = renewed.OpenLink };
        var (status, body) = await app.Phone().AnswerAsync(current, null, OneAnswer);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("data-outcome=\"accepted\"", body, StringComparison.Ordinal);
        Assert.Equal(2, (await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}")).ReadAsync<SurveyView>()).Responses);
    }

    [Fact]
    public async Task RenewLink_CodeSurveyOrDraft_IsRefused()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var township = (await app.TownshipsAsync()).A;
        var codes = await staff.SurveyAsync(township, SurveyAccess.AccessCodes);
        var draft = await staff.SurveyAsync(township, SurveyAccess.OpenLink, open: false);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/v1/surveys/{codes.Id}/link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/v1/surveys/{draft.Id}/link", null)).StatusCode);
        var other = await app.ClientForAsync(Demo.OrgAdminB);
        var open = await staff.SurveyAsync(township, SurveyAccess.OpenLink);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/v1/surveys/{open.Id}/link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().GetAsync(SurveySetup.PagePath(open))).StatusCode);
    }

    [Fact]
    public async Task StaffPages_ListFilteredAndDraftSettings_Render()
    {
        var client = await app.SignInAsync(Demo.OrgAdminA);
        var survey = await (await app.ClientForAsync(Demo.OrgAdminA)).SurveyAsync((await app.TownshipsAsync()).A, SurveyAccess.AccessCodes, open: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/surveys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/surveys?status=Closed")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/surveys?status=nonsense")).StatusCode);
        var page = await client.GetStringAsync($"/surveys/{survey.Id}");
        Assert.Contains("data-settings=\"true\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSurvey_IsClosed_WithStatistics()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var township = (await app.TownshipsAsync()).A;
        var id = await app.WithDbAsync(db => db.Surveys.Where(s => s.OrganizationId == township && s.Title.Contains("群众满意度调查")).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var view = await (await staff.GetAsync($"/api/v1/surveys/{id}")).ReadAsync<SurveyView>();
        Assert.Equal(SurveyStatus.Closed, view.Status);
        Assert.Equal(4, view.Questions.Count);
        var stats = await (await staff.GetAsync($"/api/v1/surveys/{id}/statistics")).ReadAsync<SurveyStatisticsResult>();
        Assert.Equal(36, stats.Respondents);
        Assert.Equal(36, stats.Questions[0].Options.Sum(o => o.Count));
        Assert.All(stats.Questions[0].Options, o => Assert.True(o.Count > 0));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SurveySettingsSqliteTests(SqliteApp app) : SurveySettingsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SurveySettingsPostgresTests(PostgresApp app) : SurveySettingsTests(app);
