using System.Net;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Commitments.Grading;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Commitments;

/// <summary>
/// 评 over HTTP on a real database (CMT-6, SRV-3): the committee grades items with paper tallies or the item's closed
/// satisfaction vote (销号 at two thirds 满意 and 好, open below it or with no votes, rectification with a deadline for 差),
/// the rectification loop through a new vote to 销号 with every round kept; 述职; the grades' publicity with objections
/// holding the close; the democratic evaluation created once; and the refusals of the branch and of township B.
/// </summary>
public abstract class GradingTests(AppFixture app)
{
    private const string Route = CommitmentEndpoints.Route;

    private static DateOnly Today => OrgToday.Value;

    [Fact]
    public async Task Grade_PaperTallies_ThenRectificationThroughANewVote_ToClosure_HistoryKept()
    {
        var (campaignId, items) = await EvaluatingAsync(4);
        var committee = await app.ClientForAsync(Demo.OrgAdminA);

        var closed = await GradeAsync(committee, items[0], new(CommitmentGrade.Good, 2, 1, 0, null, null, 0));
        Assert.Equal((CommitmentOutcome.Closed, CommitmentStatus.Closed, TallySource.Paper), (closed.Outcome, closed.Status, closed.TallySource));
        var open = await GradeAsync(committee, items[1], new(CommitmentGrade.Good, 3, 1, 1, null, null, 0));
        Assert.Equal((CommitmentOutcome.Open, CommitmentStatus.Evaluated), (open.Outcome, open.Status));
        var none = await GradeAsync(committee, items[2], new(CommitmentGrade.Good, 0, 0, 0, null, null, 0));
        Assert.Equal(CommitmentOutcome.Open, none.Outcome);

        // 差 needs a deadline and measures: refused naming the deadline, nothing stored; then sent to rectification.
        var poor = new GradeCommitmentRequest(CommitmentGrade.Poor, 3, 0, 0, null, null, 0);
        var refused = await (await committee.PostJsonAsync(Grade(items[3]), poor)).ProblemErrorsAsync();
        Assert.Equal(["rectificationDeadline"], refused.Keys);
        Assert.Contains("整改时限", refused["rectificationDeadline"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CommitmentEvaluations.CountAsync(e => e.CommitmentId == items[3])));
        var rectifying = await GradeAsync(committee, items[3], poor with { RectificationDeadline = Today.AddDays(20), RectificationMeasures = "每周上门一次" });
        Assert.Equal((CommitmentOutcome.Rectification, CommitmentStatus.Rectifying), (rectifying.Outcome, rectifying.Status));

        // No counts and no closed vote: refused naming the tally. Then the masses vote on the item (SRV-3) and it is closed.
        var noVote = await (await committee.PostJsonAsync(Grade(items[3]), new GradeCommitmentRequest(CommitmentGrade.Good, null, null, null, null, null, rectifying.Version))).ProblemErrorsAsync();
        Assert.Equal(["satisfied"], noVote.Keys);
        var created = await (await committee.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(SurveyTargetKind.Commitment, items[3], SurveyAccess.OpenLink))).ReadAsync<CreatedSatisfaction>();
        var branch = await app.WithDbAsync(db => db.Commitments.Where(c => c.Id == items[3]).Join(db.People, c => c.OwnerPersonId, p => p.Id, (c, p) => p.OrganizationId).FirstAsync());
        Assert.Equal(branch, created.Survey.OrganizationId);
        Assert.Contains("承诺3", created.Survey.Title, StringComparison.Ordinal);
        var survey = new TestSurvey(created.Survey.Id, [created.Survey.Questions[0].Id], created.OpenLink);
        foreach (var pick in new[] { "0", "0", "1" })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(survey, null, (1, pick))).Status);
        }

        var running = await (await committee.GetAsync($"{Route}/{campaignId}/grading")).ReadAsync<CampaignGradingView>();
        Assert.True(running.Items.Single(i => i.Id == items[3]).VoteRunning);
        await committee.PostAsync($"/api/v1/surveys/{survey.Id}/close", null);
        var grading = await (await committee.GetAsync($"{Route}/{campaignId}/grading")).ReadAsync<CampaignGradingView>();
        Assert.Equal(new SatisfactionTally(2, 1, 0), grading.Items.Single(i => i.Id == items[3]).VoteTally);

        var final = await GradeAsync(committee, items[3], new(CommitmentGrade.Good, null, null, null, null, null, rectifying.Version));
        Assert.Equal((CommitmentOutcome.Closed, CommitmentStatus.Closed, TallySource.Vote, new SatisfactionTally(2, 1, 0)), (final.Outcome, final.Status, final.TallySource, final.Tally));
        Assert.Equal([(1, CommitmentOutcome.Rectification, (DateOnly?)Today.AddDays(20)), (2, CommitmentOutcome.Closed, null)],
            final.Evaluations.Select(e => (e.Round, e.Outcome, e.RectificationDeadline)));
        Assert.Equal(2, (await (await committee.GetAsync($"{Route}/{campaignId}/grading")).ReadAsync<CampaignGradingView>()).Items.Single(i => i.Id == items[3]).Evaluations.Count);
        var id = items[3].ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Commitment.Graded" && a.EntityType == nameof(Commitment) && a.EntityId == id)));

        // The member sees their results on their own page's feed.
        var mine = await (await (await app.ClientForAsync(Demo.Member)).GetAsync($"{CommitmentEndpoints.MineRoute}/results")).ReadAsync<List<MyCommitmentResultView>>();
        Assert.Equal(CommitmentStatus.Closed, mine.Single(r => r.CommitmentId == items[3]).Status);
    }

    [Fact]
    public async Task Grade_BranchOrAnotherTownship_Refused_NothingStored()
    {
        var (_, items) = await EvaluatingAsync(2);
        var request = new GradeCommitmentRequest(CommitmentGrade.Good, 3, 0, 0, null, null, 0);

        // The branch (支委会) reviews but does not grade: the party committee records the grade.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.Secretary)).PostJsonAsync(Grade(items[0]), request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Demo.OrgAdminB)).PostJsonAsync(Grade(items[0]), request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.Member)).PostJsonAsync(Grade(items[0]), request)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CommitmentEvaluations.CountAsync(e => items.Contains(e.CommitmentId))));
        var missing = await (await (await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync(Grade(items[0]), request with { Grade = null, Dissatisfied = null })).ProblemErrorsAsync();
        Assert.Equal(["grade", "dissatisfied"], missing.Keys);
    }

    [Fact]
    public async Task Publicity_ObjectionsAnswered_ThenClose_SelfReports_AndTheEvaluationOnce()
    {
        var (campaignId, items) = await EvaluatingAsync(2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var member = await app.ClientForAsync(Demo.Member);

        // 述职: the member writes their own during 评 (a stale version is a conflict); the clerk's list shows it.
        var report = await (await member.PutJsonAsync($"{CommitmentEndpoints.MineRoute}/{campaignId}/report", new MySelfReportRequest("两件承诺均已完成。", 0))).ReadAsync<SelfReportView>();
        Assert.Equal("两件承诺均已完成。", report.Text);
        Assert.Equal(HttpStatusCode.Conflict, (await member.PutJsonAsync($"{CommitmentEndpoints.MineRoute}/{campaignId}/report", new MySelfReportRequest("改写", report.Version + 1))).StatusCode);
        var blank = await (await member.PutJsonAsync($"{CommitmentEndpoints.MineRoute}/{campaignId}/report", new MySelfReportRequest(" ", report.Version))).ProblemErrorsAsync();
        Assert.Equal(["text"], blank.Keys);
        var reports = await (await admin.GetAsync($"{Route}/{campaignId}/reports")).ReadAsync<List<SelfReportView>>();
        Assert.Equal(report.Id, Assert.Single(reports).Id);
        var t = await app.TownshipsAsync();
        var branchReport = await (await admin.PutJsonAsync($"{Route}/{campaignId}/reports", new SelfReportRequest(null, t.BranchOfA, "支部承诺全部兑现。", 0))).ReadAsync<List<SelfReportView>>();
        Assert.Equal(2, branchReport.Count);
        Assert.Equal(["personId"], (await (await admin.PutJsonAsync($"{Route}/{campaignId}/reports", new SelfReportRequest(t.PersonOfB, null, "越界", 0))).ProblemErrorsAsync()).Keys);

        // Publicity waits for every grade; objections wait for publicity; the close waits for both.
        var grading = await (await admin.GetAsync($"{Route}/{campaignId}/grading")).ReadAsync<CampaignGradingView>();
        Assert.Equal(["status"], (await (await admin.PostJsonAsync($"{Route}/{campaignId}/publicity", new PublicizeGradesRequest(null, null, grading.Version))).ProblemErrorsAsync()).Keys);
        foreach (var id in items)
        {
            await GradeAsync(admin, id, new(CommitmentGrade.Good, 3, 0, 0, null, null, 0));
        }

        Assert.Equal(["status"], (await (await admin.PostJsonAsync($"{Route}/{campaignId}/objections", new CommitmentObjectionRequest("异议", null, null))).ProblemErrorsAsync()).Keys);
        var campaign = await (await admin.GetAsync($"{Route}/{campaignId}")).ReadAsync<CommitmentCampaignView>();
        var notPublicized = await (await admin.PostJsonAsync($"{Route}/{campaignId}/advance", new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Closed, campaign.Version))).ProblemErrorsAsync();
        Assert.Equal(["publicityTo"], notPublicized.Keys);
        var tooShort = await (await admin.PostJsonAsync($"{Route}/{campaignId}/publicity", new PublicizeGradesRequest(Today, Today, campaign.Version))).ProblemErrorsAsync();
        Assert.Equal(["to"], tooShort.Keys);
        grading = await (await admin.PostJsonAsync($"{Route}/{campaignId}/publicity", new PublicizeGradesRequest(null, null, campaign.Version))).ReadAsync<CampaignGradingView>();
        Assert.True(grading.InPublicity);
        Assert.Equal(Today, grading.PublicityFrom);

        // The public board shows the grades while they are publicized (评议结果公示), to anyone.
        var branch = await app.WithDbAsync(db => db.Commitments.Where(c => c.Id == items[0]).Join(db.People, c => c.OwnerPersonId, p => p.Id, (c, p) => p.OrganizationId).FirstAsync());
        var board = await app.AnonymousClient().GetStringAsync($"/public/commitments/{branch}");
        Assert.Contains("data-publicity=\"running\"", board, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(board, "data-grade=\"Good\""));

        var objections = await (await admin.PostJsonAsync($"{Route}/{campaignId}/objections", new CommitmentObjectionRequest("成效与实际不符", null, items[0]))).ReadAsync<List<CommitmentObjectionView>>();
        var objection = Assert.Single(objections);
        Assert.Null(objection.FiledBy);
        Assert.Equal(["commitmentId"], (await (await admin.PostJsonAsync($"{Route}/{campaignId}/objections", new CommitmentObjectionRequest("异议", null, int.MaxValue))).ProblemErrorsAsync()).Keys);
        campaign = await (await admin.GetAsync($"{Route}/{campaignId}")).ReadAsync<CommitmentCampaignView>();
        var during = await (await admin.PostJsonAsync($"{Route}/{campaignId}/advance", new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Closed, campaign.Version))).ProblemErrorsAsync();
        Assert.Equal(["publicityTo", "objections"], during.Keys);

        // The period over (moved back in the database, as the days would pass) and the objection answered: it closes.
        await app.WithDbAsync(db => db.CommitmentCampaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PublicityFrom, Today.AddDays(-10)).SetProperty(c => c.PublicityTo, Today.AddDays(-1))));
        Assert.DoesNotContain("data-publicity", await app.AnonymousClient().GetStringAsync($"/public/commitments/{branch}"), StringComparison.Ordinal);
        campaign = await (await admin.GetAsync($"{Route}/{campaignId}")).ReadAsync<CommitmentCampaignView>();
        Assert.Equal(["objections"], (await (await admin.PostJsonAsync($"{Route}/{campaignId}/advance", new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Closed, campaign.Version))).ProblemErrorsAsync()).Keys);
        var answered = await (await admin.PostJsonAsync($"{Route}/{campaignId}/objections/{objection.Id}/answer", new AnswerCommitmentObjectionRequest("已核实，成效属实。", objection.Version))).ReadAsync<List<CommitmentObjectionView>>();
        Assert.NotNull(Assert.Single(answered).AnsweredAt);

        // The democratic evaluation: created once in the evaluations module, linked; a second refused.
        var withEvaluation = await admin.PostJsonAsync($"{Route}/{campaignId}/evaluation", new CreateCommitmentEvaluationRequest(null, null, campaign.Version));
        Assert.Equal(HttpStatusCode.Created, withEvaluation.StatusCode);
        var evaluationId = (await withEvaluation.ReadAsync<CampaignGradingView>()).EvaluationCampaignId!.Value;
        Assert.Equal(Domain.Evaluations.CampaignKind.MemberReview, await app.WithDbAsync(db => db.EvaluationCampaigns.Where(e => e.Id == evaluationId).Select(e => e.Kind).FirstAsync()));
        campaign = await (await admin.GetAsync($"{Route}/{campaignId}")).ReadAsync<CommitmentCampaignView>();
        Assert.Equal(["evaluationCampaignId"], (await (await admin.PostJsonAsync($"{Route}/{campaignId}/evaluation", new CreateCommitmentEvaluationRequest(null, null, campaign.Version))).ProblemErrorsAsync()).Keys);

        var closed = await (await admin.PostJsonAsync($"{Route}/{campaignId}/advance", new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Closed, campaign.Version))).ReadAsync<CommitmentCampaignView>();
        Assert.Equal(CommitmentCampaignStatus.Closed, closed.Status);
        var late = await (await member.PutJsonAsync($"{CommitmentEndpoints.MineRoute}/{campaignId}/report", new MySelfReportRequest("补写", report.Version))).ProblemErrorsAsync();
        Assert.Equal(["status"], late.Keys);

        // Township B sees and changes none of it.
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{Route}/{campaignId}/grading")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{Route}/{campaignId}/reports")).StatusCode);
    }

    private static string Grade(int commitmentId) => $"{Route}/items/{commitmentId}/grade";

    private static async Task<GradedCommitmentView> GradeAsync(HttpClient client, int commitmentId, GradeCommitmentRequest request)
    {
        var response = await client.PostJsonAsync(Grade(commitmentId), request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<GradedCommitmentView>();
    }

    /// <summary>A campaign of township A in 评 with the demo member's <paramref name="count"/> items approved at both levels.</summary>
    private async Task<(int CampaignId, List<int> Items)> EvaluatingAsync(int count)
    {
        var t = await app.TownshipsAsync();
        var personId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.Member).Select(u => u.PersonId!.Value).FirstAsync());
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var campaign = new CommitmentCampaign { OrganizationId = t.A };
            campaign.Describe(Today.Year, $"{Today.Year}年公开承诺{Demo.UniqueCode("")}");
            db.CommitmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            var items = Enumerable.Range(0, count)
                .Select(i => Commitment.ForMember(campaign, personId, new CommitmentContent($"承诺{i}", "每月一次", new DateOnly(Today.Year, 12, 31), "党员"), Today)).ToList();
            campaign.Submit(items, "test", now);
            campaign.StartApproval(items.Select(i => i.Status));
            foreach (var item in items)
            {
                item.Approve(campaign, ApprovalLevel.Branch, "test", now);
                item.Approve(campaign, ApprovalLevel.Committee, "test", now);
            }

            campaign.StartFulfilment(items.Select(i => i.Status));
            campaign.StartEvaluation();
            db.Commitments.AddRange(items);
            await db.SaveChangesAsync();
            return (campaign.Id, items.Select(i => i.Id).ToList());
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GradingSqliteTests(SqliteApp app) : GradingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class GradingPostgresTests(PostgresApp app) : GradingTests(app);
