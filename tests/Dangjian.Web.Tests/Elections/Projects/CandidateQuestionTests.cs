using System.Net;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Elections.Projects;

/// <summary>
/// 候选人问答 (ELE-9) over HTTP: a voter asks a candidate on the public page without an account; nothing shows until the
/// election's staff record the answer and publish it; a published one can be taken down. The question is stored with
/// the day only and its asking is not audited; staff steps are. Township B's admin reaches none of it.
/// </summary>
public abstract class CandidateQuestionTests(AppFixture app)
{
    private static string PagePath(int nomineeId) => $"/public/elections/candidates/{nomineeId}";

    private static async Task<(HttpStatusCode Status, string Body)> AskAsync(HttpClient phone, int nomineeId, string question)
    {
        var antiforgery = await phone.AntiforgeryAsync(PagePath(nomineeId));
        var response = await phone.PostAsync(PagePath(nomineeId), new FormUrlEncodedContent([
            new("_handler", "ask"), new("__RequestVerificationToken", antiforgery), new("question", question)]));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Asked_Hidden_UntilAnsweredAndPublished_ThenShown_TakenDownGone_AskingNotAudited()
    {
        var (staff, project, _, nominees) = await app.FixedListAsync(3);
        var candidate = nominees[0];
        var tag = Demo.UniqueCode("");
        var (status, body) = await AskAsync(app.ReportPhone(), candidate.Id, "如果当选，您打算怎样改进支部学习？" + tag);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-outcome=\"asked\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(tag, body, StringComparison.Ordinal);

        var url = $"/api/v1/elections/{project.Id}/questions";
        var q = Assert.Single(await (await staff.GetAsync(url)).ReadAsync<List<CandidateQuestionView>>());
        Assert.Equal((CandidateQuestionStatus.Pending, candidate.Id, OrgToday.Value), (q.Status, q.NomineeId, q.AskedOn));

        // Publishing needs the candidate's answer first.
        var unanswered = await staff.PostJsonAsync($"{url}/{q.Id}/publish", new CandidateQuestionVersion(q.Version));
        Assert.Contains("answer", (await unanswered.ProblemErrorsAsync()).Keys);
        q = await (await staff.PostJsonAsync($"{url}/{q.Id}/answer", new AnswerCandidateQuestionRequest("每月组织一次专题学习，并请老党员讲党课。" + tag, q.Version))).ReadAsync<CandidateQuestionView>();
        var (_, stillHidden) = await GetPageAsync(candidate.Id);
        Assert.DoesNotContain(tag, stillHidden, StringComparison.Ordinal);

        var stale = await staff.PostJsonAsync($"{url}/{q.Id}/publish", new CandidateQuestionVersion(q.Version - 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        q = await (await staff.PostJsonAsync($"{url}/{q.Id}/publish", new CandidateQuestionVersion(q.Version))).ReadAsync<CandidateQuestionView>();
        Assert.Equal(CandidateQuestionStatus.Published, q.Status);
        var (_, shown) = await GetPageAsync(candidate.Id);
        Assert.Contains("如果当选，您打算怎样改进支部学习？" + tag, shown, StringComparison.Ordinal);
        Assert.Contains("每月组织一次专题学习，并请老党员讲党课。" + tag, shown, StringComparison.Ordinal);
        // Only on its own candidate's page.
        Assert.DoesNotContain(tag, (await GetPageAsync(nominees[1].Id)).Body, StringComparison.Ordinal);

        // Once published the answer stands as published; taking it down removes it from the page.
        var edit = await staff.PostJsonAsync($"{url}/{q.Id}/answer", new AnswerCandidateQuestionRequest("改口", q.Version));
        Assert.Contains("status", (await edit.ProblemErrorsAsync()).Keys);
        q = await (await staff.PostJsonAsync($"{url}/{q.Id}/hide", new CandidateQuestionVersion(q.Version))).ReadAsync<CandidateQuestionView>();
        Assert.Equal(CandidateQuestionStatus.Hidden, q.Status);
        Assert.DoesNotContain(tag, (await GetPageAsync(candidate.Id)).Body, StringComparison.Ordinal);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(CandidateQuestion) && a.EntityId == q.Id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["CandidateQuestion.Answered", "CandidateQuestion.Published", "CandidateQuestion.Hidden"], audit);
    }

    [Fact]
    public async Task Ask_Empty_Or_TooLong_422NamingTheQuestion_NothingStored_NotACandidate404()
    {
        var (staff, project, _, nominees) = await app.FixedListAsync(3);
        var (empty, emptyBody) = await AskAsync(app.ReportPhone(), nominees[0].Id, "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty);
        Assert.Contains("data-field=\"question\"", emptyBody, StringComparison.Ordinal);
        var (tooLong, _) = await AskAsync(app.ReportPhone(), nominees[0].Id, new string('问', CandidateQuestion.MaxQuestionLength + 1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong);
        var (atMost, _) = await AskAsync(app.ReportPhone(), nominees[0].Id, new string('问', CandidateQuestion.MaxQuestionLength));
        Assert.Equal(HttpStatusCode.OK, atMost);
        Assert.Single(await (await staff.GetAsync($"/api/v1/elections/{project.Id}/questions")).ReadAsync<List<CandidateQuestionView>>());

        // A nominee on no fixed list has no public page to ask on.
        var branch = await app.BranchAsync(1);
        var open = await staff.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 1));
        var unlisted = await staff.NominateAsync(open.Id, open.Bodies.Single().Id, branch.Members[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ReportPhone().GetAsync(PagePath(unlisted.Id))).StatusCode);
    }

    [Fact]
    public async Task TownshipB_NeitherReadsNorModerates_TownshipAsQuestions()
    {
        var (_, project, _, nominees) = await app.FixedListAsync(3);
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(app.ReportPhone(), nominees[0].Id, "请问您的工作设想？")).Status);
        var q = Assert.Single(await (await (await app.ClientForAsync(Demo.OrgAdminA)).GetAsync($"/api/v1/elections/{project.Id}/questions")).ReadAsync<List<CandidateQuestionView>>());

        var b = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Contains((await b.GetAsync($"/api/v1/elections/{project.Id}/questions")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        var answer = await b.PostJsonAsync($"/api/v1/elections/{project.Id}/questions/{q.Id}/answer", new AnswerCandidateQuestionRequest("越权", q.Version));
        Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Null(await app.WithDbAsync(db => db.CandidateQuestions.Where(x => x.Id == q.Id).Select(x => x.Answer).SingleAsync()));
    }

    private async Task<(HttpStatusCode Status, string Body)> GetPageAsync(int nomineeId)
    {
        var response = await app.ReportPhone().GetAsync(PagePath(nomineeId));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CandidateQuestionSqliteTests(SqliteApp app) : CandidateQuestionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CandidateQuestionPostgresTests(PostgresApp app) : CandidateQuestionTests(app);
