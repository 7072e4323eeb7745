using System.Net;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;

namespace Dangjian.Web.Tests.Surveys;

/// <summary>满意度测评 attached to a meeting (SRV-3): one click makes and opens it; the meeting's card shows it.</summary>
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

        // The meeting page shows the card with the result; township B's admin cannot make one for this meeting.
        var page = await (await app.SignInAsync(Demo.OrgAdminA)).GetStringAsync($"/meetings/{meetingId}");
        Assert.Contains("data-satisfaction", page, StringComparison.Ordinal);
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(SurveyTargetKind.Meeting, meetingId, SurveyAccess.AccessCodes))).StatusCode);
        var commitment = await staff.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(SurveyTargetKind.Commitment, 1, SurveyAccess.AccessCodes));
        Assert.Equal(HttpStatusCode.BadRequest, commitment.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SatisfactionSqliteTests(SqliteApp app) : SatisfactionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SatisfactionPostgresTests(PostgresApp app) : SatisfactionTests(app);
