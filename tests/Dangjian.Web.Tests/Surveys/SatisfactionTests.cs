using System.Net;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Evaluations;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Surveys;

/// <summary>
/// 满意度测评 attached to a meeting, a democratic life meeting, an election project or an evaluation campaign (SRV-3): one
/// click makes and opens it in the target's organization; the target's card shows it.
/// </summary>
public abstract class SatisfactionTests(AppFixture app)
{
    [Fact]
    public async Task Meeting_SatisfactionVote_CreatedOpenAnsweredAndSummarized()
    {
        var t = await app.TownshipsAsync();
        var meetingId = await app.NewMeetingAsync(t.A, new DateOnly(2026, 3, 2), MeetingType.CommitteeMeeting, MeetingStatus.Closed, Demo.UniqueCode("党员大会"));
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var none = await staff.GetAsync($"/api/v1/surveys/satisfaction?targetKind=Meeting&targetId={meetingId}");
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);

        var created = await (await staff.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(SurveyTargetKind.Meeting, meetingId, SurveyAccess.OpenLink))).ReadAsync<CreatedSatisfaction>();
        Assert.NotNull(created.OpenLink);
        Assert.Equal(SurveyStatus.Open, created.Survey.Status);
        var question = Assert.Single(created.Survey.Questions);
        Assert.Equal(QuestionKind.SingleChoice, question.Kind);
        Assert.True(question.Required);
        Assert.Equal(["满意", "基本满意", "不满意"], question.Options);

        var survey = new TestSurvey(created.Survey.Id, [question.Id], created.OpenLink);
        foreach (var pick in new[] { "0", "0", "1" })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(survey, null, (1, pick))).Status);
        }

        await staff.PostAsync($"/api/v1/surveys/{survey.Id}/close", null);
        var summary = await (await staff.GetAsync($"/api/v1/surveys/satisfaction?targetKind=Meeting&targetId={meetingId}")).ReadAsync<SatisfactionSummary>();
        Assert.Equal(survey.Id, summary.Survey.Id);
        Assert.Equal([2, 1, 0], summary.Result!.Questions[0].Options.Select(o => o.Count));
        Assert.Equal(new SatisfactionTally(2, 1, 0), summary.Tally());

        // The meeting page shows the card with the result; township B's admin cannot make one for this meeting.
        var page = await (await app.SignInAsync(Demo.OrgAdminA)).GetStringAsync($"/meetings/{meetingId}");
        Assert.Contains("data-satisfaction", page, StringComparison.Ordinal);
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(SurveyTargetKind.Meeting, meetingId, SurveyAccess.AccessCodes))).StatusCode);
        var activity = await staff.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(SurveyTargetKind.Activity, 1, SurveyAccess.AccessCodes));
        Assert.Equal(HttpStatusCode.BadRequest, activity.StatusCode);
    }

    [Theory]
    [InlineData(SurveyTargetKind.DemocraticLifeMeeting)]
    [InlineData(SurveyTargetKind.ElectionProject)]
    [InlineData(SurveyTargetKind.EvaluationCampaign)]
    public async Task Target_SatisfactionVote_InTargetsOrganization_OthersRefused_UnknownNotFound(SurveyTargetKind kind)
    {
        var mine = await TargetAsync(kind, townshipB: false);
        var theirs = await TargetAsync(kind, townshipB: true);
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var summaryUrl = $"/api/v1/surveys/satisfaction?targetKind={kind}&targetId={mine.Id}";
        Assert.Equal(HttpStatusCode.NoContent, (await staff.GetAsync(summaryUrl)).StatusCode);

        var response = await staff.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(kind, mine.Id, SurveyAccess.AccessCodes));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = await response.ReadAsync<CreatedSatisfaction>();
        Assert.Equal(mine.OrganizationId, created.Survey.OrganizationId);
        Assert.Equal((kind, mine.Id), (created.Survey.TargetKind!.Value, created.Survey.TargetId!.Value));
        Assert.Contains(mine.Title, created.Survey.Title, StringComparison.Ordinal);
        Assert.Equal(SurveyStatus.Open, created.Survey.Status);
        Assert.Equal(["满意", "基本满意", "不满意"], Assert.Single(created.Survey.Questions).Options);
        var summary = await (await staff.GetAsync(summaryUrl)).ReadAsync<SatisfactionSummary>();
        Assert.Equal(created.Survey.Id, summary.Survey.Id);
        Assert.Null(summary.Tally());

        // The target's page carries the card, worded for its kind.
        var page = await (await app.SignInAsync(Demo.OrgAdminA)).GetStringAsync(PageOf(kind, mine.Id));
        Assert.Contains($"data-target-kind=\"{kind}\" data-satisfaction=\"{created.Survey.Id}\"", page, StringComparison.Ordinal);

        // Another township's target: refused, and nothing made; an id that is nobody's: not found.
        var foreign = await staff.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(kind, theirs.Id, SurveyAccess.AccessCodes));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/surveys/satisfaction?targetKind={kind}&targetId={theirs.Id}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Surveys.AnyAsync(s => s.TargetKind == kind && s.TargetId == theirs.Id)));
        var unknown = await staff.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(kind, int.MaxValue, SurveyAccess.AccessCodes));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string PageOf(SurveyTargetKind kind, int id) => kind switch
    {
        SurveyTargetKind.DemocraticLifeMeeting => $"/meetings/democratic-life/{id}",
        SurveyTargetKind.ElectionProject => $"/elections/{id}",
        _ => $"/evaluations/{id}",
    };

    /// <summary>A target of the kind in township A's (or B's) scope: its id, organization and title.</summary>
    private async Task<(int Id, int OrganizationId, string Title)> TargetAsync(SurveyTargetKind kind, bool townshipB)
    {
        var t = await app.TownshipsAsync();
        var org = townshipB ? t.BranchOfB : t.BranchOfA;
        var title = Demo.UniqueCode("满意度对象");
        switch (kind)
        {
            case SurveyTargetKind.EvaluationCampaign:
                var campaign = await app.DraftAsync(townshipB ? Demo.OrgAdminB : Demo.OrgAdminA, groups: false);
                return (campaign.Id, campaign.OrganizationId, campaign.Title);
            case SurveyTargetKind.DemocraticLifeMeeting:
                return await app.WithDbAsync(async db =>
                {
                    var dlm = new DemocraticLifeMeeting { OrganizationId = org, Year = OrgToday.Value.Year, Theme = title, PlannedDate = OrgToday.Value.AddDays(20) };
                    db.DemocraticLifeMeetings.Add(dlm);
                    await db.SaveChangesAsync();
                    return (dlm.Id, org, title);
                });
            default:
                return await app.WithDbAsync(async db =>
                {
                    // A finished one (the masses rate the work once it is done), so it holds no branch's one open project.
                    var now = DateTimeOffset.UtcNow;
                    var project = new ElectionProject { OrganizationId = org, Title = title, TermNumber = 3, OpenedAt = now.AddDays(-30), ClosedAt = now };
                    db.ElectionProjects.Add(project);
                    await db.SaveChangesAsync();
                    return (project.Id, org, title);
                });
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SatisfactionSqliteTests(SqliteApp app) : SatisfactionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SatisfactionPostgresTests(PostgresApp app) : SatisfactionTests(app);
