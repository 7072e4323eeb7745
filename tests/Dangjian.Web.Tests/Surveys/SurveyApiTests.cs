using System.Net;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Surveys;

/// <summary>Surveys end to end over HTTP (SRV-1, SRV-2): build, open, answer on the public page, close, statistics, exports.</summary>
public abstract class SurveyApiTests(AppFixture app)
{
    /// <summary>Six responses: (single, multiple, rating, text).</summary>
    private static readonly (int Question, string Value)[][] Responses =
    [
        [(1, "0"), (2, "0"), (2, "1"), (3, "5"), (4, "多开展学习")],
        [(1, "0"), (2, "0"), (3, "4")],
        [(1, "1"), (2, "1"), (2, "2"), (3, "4")],
        [(1, "2"), (3, "2"), (4, "会议太长")],
        [(1, "0"), (2, "0"), (2, "3"), (3, "3")],
        [(1, "1"), (3, "1")],
    ];

    [Fact]
    public async Task Survey_EachQuestionType_AnsweredWithCodes_StatisticsExact()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var survey = await staff.SurveyAsync((await app.TownshipsAsync()).A, SurveyAccess.AccessCodes);
        var codes = await staff.IssueCodesAsync(survey.Id, 8);
        for (var i = 0; i < Responses.Length; i++)
        {
            var (status, body) = await app.Phone().AnswerAsync(survey, codes[i], Responses[i]);
            Assert.True(status == HttpStatusCode.OK, body);
            Assert.Contains("data-outcome=\"accepted\"", body, StringComparison.Ordinal);
        }

        // Live: the count only; statistics wait for the close.
        var live = await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}")).ReadAsync<SurveyView>();
        Assert.Equal(6, live.Responses);
        Assert.Equal(8, live.CodesIssued);
        Assert.Equal(SurveyStatus.Open, live.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/v1/surveys/{survey.Id}/statistics")).StatusCode);

        // A used code is told it was used; a code never issued is refused.
        var used = await app.Phone().AnswerAsync(survey, codes[0], Responses[1]);
        var wrong = await app.Phone().AnswerAsync(survey, "ABCDE-FGHJK", Responses[1]);
        Assert.Equal(HttpStatusCode.Conflict, used.Status);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Contains("data-outcome=\"used\"", used.Body, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"refused\"", wrong.Body, StringComparison.Ordinal);
        Assert.NotEqual(SurveySetup.Alert(used.Body), SurveySetup.Alert(wrong.Body));
        Assert.NotEmpty(SurveySetup.Alert(used.Body));

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/surveys/{survey.Id}/close", null)).StatusCode);
        var stats = await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}/statistics")).ReadAsync<SurveyStatisticsResult>();
        Assert.Equal(6, stats.Respondents);
        var single = stats.Questions[0];
        Assert.Equal([3, 2, 1], single.Options.Select(o => o.Count));
        Assert.Equal(["50.0", "33.3", "16.7"], single.Options.Select(o => SurveyStatistics.Display(o.Percent)));
        var multiple = stats.Questions[1];
        Assert.Equal(4, multiple.Answered);
        Assert.Equal([3, 2, 1, 1], multiple.Options.Select(o => o.Count));
        Assert.Equal(["75.0", "50.0", "25.0", "25.0"], multiple.Options.Select(o => SurveyStatistics.Display(o.Percent)));
        var rating = stats.Questions[2];
        Assert.Equal("3.17", SurveyStatistics.DisplayMean(rating.RatingMean));
        Assert.Equal([1, 1, 1, 2, 1], rating.RatingDistribution);
        Assert.Equal(["会议太长", "多开展学习"], stats.Questions[3].Texts.Order(StringComparer.Ordinal));

        var cross = await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}/crosstab?rowQuestionId={survey.Questions[1]}&columnQuestionId={survey.Questions[0]}")).ReadAsync<CrossTab>();
        Assert.Equal(SurveySetup.Satisfaction, cross.Columns);
        Assert.Equal([3, 0, 0], cross.Rows[0].Counts);
        Assert.Equal([1, 1, 0], cross.Rows[1].Counts);
        Assert.Equal(["50.0", "50.0", "0.0"], cross.Rows[1].Percents.Select(SurveyStatistics.Display));
        Assert.Equal([0, 1, 0], cross.Rows[2].Counts);
        Assert.Equal([1, 0, 0], cross.Rows[3].Counts);
        Assert.Equal([3, 1, 0], cross.ColumnTotals);
        var badCross = await staff.GetAsync($"/api/v1/surveys/{survey.Id}/crosstab?rowQuestionId={survey.Questions[0]}&columnQuestionId={survey.Questions[1]}");
        Assert.Equal(HttpStatusCode.BadRequest, badCross.StatusCode);

        // Raw answers: one row per response, a column per question (plus the row number).
        var raw = await staff.GetAsync($"/api/v1/surveys/{survey.Id}/export/answers");
        Assert.Equal(ExcelFile.ContentType, raw.Content.Headers.ContentType!.MediaType);
        var rows = MiniExcel.Query(new MemoryStream(await raw.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(5, rows[0].Count);
        var singleColumn = rows[0].Keys.ElementAt(1);
        Assert.Equal(3, rows.Count(r => Equals(r[singleColumn], "很满意")));
        Assert.Contains(rows, r => Equals(r[rows[0].Keys.ElementAt(2)], "学习；服务"));

        var statsFile = await staff.GetAsync($"/api/v1/surveys/{survey.Id}/export/statistics");
        var statRows = MiniExcel.Query(new MemoryStream(await statsFile.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(statRows, r => r.Values.Contains("满意") && r.Values.Contains("33.3"));

        // Closed: nothing more is taken, not even with an unused code.
        var late = await app.Phone().AnswerAsync(survey, codes[7], Responses[0]);
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
    }

    [Fact]
    public async Task Answer_Invalid_ReRendersNamingTheQuestion_AndKeepsTheCode()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var survey = await staff.SurveyAsync((await app.TownshipsAsync()).A, SurveyAccess.AccessCodes);
        var code = (await staff.IssueCodesAsync(survey.Id, 1))[0];

        var tooMany = await app.Phone().AnswerAsync(survey, code, (1, "0"), (2, "0"), (2, "1"), (2, "2"), (3, "3"));
        Assert.Equal((HttpStatusCode)422, tooMany.Status);
        Assert.Contains("data-outcome=\"invalid\"", tooMany.Body, StringComparison.Ordinal);
        Assert.Contains($"<li data-question=\"{survey.Questions[1]}\"", tooMany.Body, StringComparison.Ordinal);
        Assert.Contains("checked", tooMany.Body, StringComparison.Ordinal);

        var ratingZero = await app.Phone().AnswerAsync(survey, code, (1, "0"), (3, "0"));
        Assert.Equal((HttpStatusCode)422, ratingZero.Status);
        Assert.Contains($"<li data-question=\"{survey.Questions[2]}\"", ratingZero.Body, StringComparison.Ordinal);
        var missing = await app.Phone().AnswerAsync(survey, code, (3, "2"));
        Assert.Equal((HttpStatusCode)422, missing.Status);
        Assert.Contains($"<li data-question=\"{survey.Questions[0]}\"", missing.Body, StringComparison.Ordinal);

        // The code was not used by any of those: at the limit (two picks) it is accepted.
        var ok = await app.Phone().AnswerAsync(survey, code, (1, "0"), (2, "0"), (2, "1"), (3, "5"));
        Assert.Equal(HttpStatusCode.OK, ok.Status);
    }

    [Fact]
    public async Task OpenLink_QuotaReached_RefusesFurtherAnswers_AndShowsClosed()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var survey = await staff.SurveyAsync((await app.TownshipsAsync()).A, SurveyAccess.OpenLink, quota: 2);
        Assert.NotNull(survey.OpenLink);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Phone().GetAsync($"/public/surveys/{survey.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Phone().GetAsync($"/public/surveys/open/{new string('A', 43)}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(survey, null, Responses[0])).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(survey, null, Responses[1])).Status);
        var third = await app.Phone().AnswerAsync(survey, null, Responses[2]);
        Assert.Equal(HttpStatusCode.Conflict, third.Status);
        Assert.Contains("data-outcome=\"closed\"", third.Body, StringComparison.Ordinal);

        var view = await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}")).ReadAsync<SurveyView>();
        Assert.Equal(SurveyStatus.Closed, view.Status);
        Assert.Equal(2, view.Responses);
        var stats = await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}/statistics")).ReadAsync<SurveyStatisticsResult>();
        Assert.Equal(2, stats.Respondents);
        Assert.Equal([2, 0, 0], stats.Questions[0].Options.Select(o => o.Count));
    }

    [Fact]
    public async Task ClosingTimePassed_RefusesAnswers_AndTheSurveyCloses()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var survey = await staff.SurveyAsync((await app.TownshipsAsync()).A, SurveyAccess.AccessCodes);
        var codes = await staff.IssueCodesAsync(survey.Id, 2);
        Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(survey, codes[0], Responses[0])).Status);

        await app.WithDbAsync(async db =>
        {
            var s = await db.Surveys.FirstAsync(x => x.Id == survey.Id);
            s.ClosesAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            return await db.SaveChangesAsync();
        });

        var late = await app.Phone().AnswerAsync(survey, codes[1], Responses[1]);
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Phone().GetAsync($"/public/surveys/{survey.Id}")).StatusCode);
        var view = await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}")).ReadAsync<SurveyView>();
        Assert.Equal(SurveyStatus.Closed, view.Status);
        Assert.Equal(1, (await (await staff.GetAsync($"/api/v1/surveys/{survey.Id}/statistics")).ReadAsync<SurveyStatisticsResult>()).Respondents);
    }

    [Fact]
    public async Task Draft_Edits_Reorders_AndRefusesEditsOnceOpen()
    {
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var survey = await staff.SurveyAsync((await app.TownshipsAsync()).A, SurveyAccess.AccessCodes, open: false);
        var moved = await (await staff.PostJsonAsync($"/api/v1/surveys/{survey.Id}/questions/{survey.Questions[2]}/move", new MoveQuestionRequest(-1))).ReadAsync<SurveyView>();
        Assert.Equal([survey.Questions[0], survey.Questions[2], survey.Questions[1], survey.Questions[3]], moved.Questions.Select(q => q.Id));
        var removed = await (await staff.DeleteAsync($"/api/v1/surveys/{survey.Id}/questions/{survey.Questions[3]}")).ReadAsync<SurveyView>();
        Assert.Equal([1, 2, 3], removed.Questions.Select(q => q.Order));

        var bad = await staff.PostJsonAsync($"/api/v1/surveys/{survey.Id}/questions", new QuestionRequest(QuestionKind.Rating, "", true, null, null, 11));
        var errors = await bad.ProblemErrorsAsync();
        Assert.Contains("text", errors.Keys);
        Assert.Contains("scale", errors.Keys);
        var oneOption = await staff.PostJsonAsync($"/api/v1/surveys/{survey.Id}/questions", new QuestionRequest(QuestionKind.SingleChoice, "只有一个选项", true, ["是"], null, null));
        Assert.Contains("options", (await oneOption.ProblemErrorsAsync()).Keys);

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/surveys/{survey.Id}/open", null)).StatusCode);
        var late = await staff.PostJsonAsync($"/api/v1/surveys/{survey.Id}/questions", new QuestionRequest(QuestionKind.Text, "补充", false, null, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.DeleteAsync($"/api/v1/surveys/{survey.Id}")).StatusCode);
    }

    [Fact]
    public async Task OutOfScope_OrgAdminA_IsRefusedEverySurveyEndpointOfTownshipB_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var owner = await app.ClientForAsync(Demo.OrgAdminB);
        var survey = await owner.SurveyAsync(t.B, SurveyAccess.AccessCodes, open: false);
        var before = await (await owner.GetAsync($"/api/v1/surveys/{survey.Id}")).Content.ReadAsStringAsync();
        var a = await app.ClientForAsync(Demo.OrgAdminA);
        var q = survey.Questions[0];
        var question = new QuestionRequest(QuestionKind.Text, "越权", false, null, null, null);
        var requests = new (string Method, string Url, object? Body)[]
        {
            ("GET", $"/api/v1/surveys?organizationId={t.B}", null),
            ("POST", "/api/v1/surveys", new SurveyRequest(t.B, "越权问卷", null, SurveyAccess.OpenLink, null, null)),
            ("GET", $"/api/v1/surveys/{survey.Id}", null),
            ("PUT", $"/api/v1/surveys/{survey.Id}", new SurveyRequest(t.B, "越权修改", null, SurveyAccess.OpenLink, null, null)),
            ("DELETE", $"/api/v1/surveys/{survey.Id}", null),
            ("POST", $"/api/v1/surveys/{survey.Id}/questions", question),
            ("PUT", $"/api/v1/surveys/{survey.Id}/questions/{q}", question),
            ("DELETE", $"/api/v1/surveys/{survey.Id}/questions/{q}", null),
            ("POST", $"/api/v1/surveys/{survey.Id}/questions/{q}/move", new MoveQuestionRequest(1)),
            ("POST", $"/api/v1/surveys/{survey.Id}/open", null),
            ("POST", $"/api/v1/surveys/{survey.Id}/close", null),
            ("POST", $"/api/v1/surveys/{survey.Id}/codes", new SurveyCodesRequest(5)),
            ("GET", $"/api/v1/surveys/{survey.Id}/statistics", null),
            ("GET", $"/api/v1/surveys/{survey.Id}/crosstab?rowQuestionId={q}&columnQuestionId={q}", null),
            ("GET", $"/api/v1/surveys/{survey.Id}/export/answers", null),
            ("GET", $"/api/v1/surveys/{survey.Id}/export/statistics", null),
        };
        foreach (var (method, url, body) in requests)
        {
            var message = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                message.Content = System.Net.Http.Json.JsonContent.Create(body, body.GetType(), options: Http.Json);
            }

            var response = await a.SendAsync(message);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await (await owner.GetAsync($"/api/v1/surveys/{survey.Id}")).Content.ReadAsStringAsync());
        var list = await (await a.GetAsync("/api/v1/surveys?pageSize=200")).ReadAsync<Paged<SurveyRow>>();
        Assert.DoesNotContain(list.Items, s => s.Id == survey.Id);
        Assert.Null(await app.WithDbAsync(db => db.BallotBoxes.AsNoTracking().FirstOrDefaultAsync(b => b.Key == Survey.BoxKeyFor(survey.Id))));

        // The staff pages show the refusal and none of the survey.
        var page = await (await app.SignInAsync(Demo.OrgAdminA)).GetStringAsync($"/surveys/{survey.Id}");
        Assert.Contains("data-refused=\"true\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("总体评价", page, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SurveyApiSqliteTests(SqliteApp app) : SurveyApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SurveyApiPostgresTests(PostgresApp app) : SurveyApiTests(app);
