using System.Net;
using System.Net.Http.Headers;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Commitments.Fulfilment;
using Dangjian.Web.Features.Commitments.Grading;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Commitments;

/// <summary>
/// One commitment's whole year on the demo district, as its people do it (CMT-1 … CMT-6, SRV-3): the demo member sets
/// three on their own page, the branch (the demo secretary) returns one with a comment, the member rewrites it, the branch
/// and the party committee (township A's admin) approve, the public board shows them, progress is recorded with a file,
/// a supervisor flags one as lagging, the reminder list names the overdue one, the masses vote, the committee grades:
/// one 销号 from the vote, one into rectification and — not on the vote that sent it there, only after a second — 销号.
/// </summary>
public abstract class CommitmentCycleTests(AppFixture app)
{
    private const string Route = CommitmentEndpoints.Route;
    private const string Mine = CommitmentEndpoints.MineRoute;

    private static DateOnly Today => OrgToday.Value;

    [Fact]
    public async Task WholeCycle_DefineReviewPublicizeFulfilSuperviseRemindGradeClose()
    {
        var t = await app.TownshipsAsync();
        var committee = await app.ClientForAsync(Demo.OrgAdminA);
        var branch = await app.ClientForAsync(Demo.Secretary);
        var member = await app.ClientForAsync(Demo.Member);
        var created = await committee.PostJsonAsync(Route, new CreateCommitmentCampaignRequest(t.A, Today.Year, $"{Today.Year}年公开承诺{Demo.UniqueCode("")}", null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.ReadAsync<CommitmentCampaignView>();

        // 定: three commitments on the member's own page, submitted together.
        foreach (var content in new[] { "每月走访两户困难群众", "带头参加义务植树", "结对帮扶一名入党积极分子" })
        {
            Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync($"{Mine}/{campaign.Id}/items",
                new CommitmentRequest(content, "每月记录，支部检查", new DateOnly(Today.Year, 12, 31), null, null, null))).StatusCode);
        }

        var mine = Mine1(await (await member.PostAsync($"{Mine}/{campaign.Id}/submit", null)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id);
        campaign = await AdvanceAsync(committee, campaign, CommitmentCampaignStatus.Approving);

        // 审: the branch returns one with a comment; the member sees it, rewrites and resubmits; both levels approve.
        var returned = await DecideAsync(branch, campaign.Id, mine.Items[1], ApprovalLevel.Branch, ApprovalDecision.Return, "措施不够具体，请写明次数");
        Assert.Equal(CommitmentStatus.Returned, returned.Status);
        var seen = Mine1(await (await member.GetAsync(Mine)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id).Items.Single(i => i.Id == returned.Id);
        Assert.Equal("措施不够具体，请写明次数", seen.Decisions[^1].Comment);
        Assert.Equal(HttpStatusCode.OK, (await member.PutJsonAsync($"{Mine}/{campaign.Id}/items/{returned.Id}",
            new UpdateCommitmentRequest("带头参加义务植树", "春秋两季各一次，每次不少于半天", new DateOnly(Today.Year, 12, 31), null, null, null, returned.Version))).StatusCode);
        mine = Mine1(await (await member.PostAsync($"{Mine}/{campaign.Id}/submit", null)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id);
        foreach (var item in mine.Items)
        {
            var atBranch = await DecideAsync(branch, campaign.Id, item, ApprovalLevel.Branch, ApprovalDecision.Approve, null);
            Assert.Equal(CommitmentStatus.Approved, (await DecideAsync(committee, campaign.Id, atBranch, ApprovalLevel.Committee, ApprovalDecision.Approve, "同意")).Status);
        }

        var items = Mine1(await (await member.GetAsync(Mine)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id).Items;
        var branchId = items[0].OrganizationId;
        var board = await app.AnonymousClient().GetStringAsync($"/public/commitments/{branchId}");
        Assert.Contains("春秋两季各一次", board, StringComparison.Ordinal);
        Assert.All(items, i => Assert.Contains(i.Content, board, StringComparison.Ordinal));
        campaign = await AdvanceAsync(committee, campaign, CommitmentCampaignStatus.Fulfilling);

        // 履: progress with a file (the secretary, for the branch); a supervisor of the township flags another as lagging.
        var (visits, planting, pairing) = (items[0].Id, items[1].Id, items[2].Id);
        using (var form = new MultipartFormDataContent())
        {
            var bytes = "走访记录：三户，诉求已登记。"u8.ToArray();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "file", "走访记录.txt");
            var upload = await branch.PostAsync($"{Route}/items/{visits}/evidence", form);
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
            var evidence = await upload.ReadAsync<EvidenceFileView>();
            var progress = await branch.PostJsonAsync($"{Route}/items/{visits}/progress",
                new RecordProgressRequest(Today, "上门走访三户困难群众", "社区党支部", "张伟", "三项诉求已登记办理", [evidence.Id]));
            Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
            Assert.Equal(bytes, await (await branch.GetAsync($"{Route}/items/{visits}/evidence/{evidence.Id}")).Content.ReadAsByteArrayAsync());
        }

        var supervisor = await committee.PostJsonAsync($"{Route}/supervisors", new RegisterSupervisorRequest(t.A, null, "周老", SupervisorKind.RetiredCadre, Today));
        Assert.Equal(HttpStatusCode.Created, supervisor.StatusCode);
        var supervisorId = (await supervisor.ReadAsync<SupervisorView>()).Id;
        var flagged = await (await committee.PostJsonAsync($"{Route}/items/{pairing}/supervisor-comments",
            new SupervisorCommentRequest("半年未见帮扶记录，进度滞后", true, supervisorId))).ReadAsync<CommitmentItemDetail>();
        Assert.True(flagged.Lagging);

        // The pairing item's deadline passes (moved back a day, as time would): the reminder list names it overdue, lagging.
        await app.WithDbAsync(async db =>
            await db.Commitments.Where(c => c.Id == pairing).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, Today.AddDays(-1))));
        var reminders = await (await branch.GetAsync($"{Route}/{campaign.Id}/reminders?days=7")).ReadAsync<ReminderList>();
        var overdue = reminders.Groups.SelectMany(g => g.Items).Single(i => i.Id == pairing);
        Assert.True(overdue.Overdue && overdue.Lagging);
        Assert.DoesNotContain(reminders.Groups.SelectMany(g => g.Items), i => i.Id == visits);
        campaign = await AdvanceAsync(committee, campaign, CommitmentCampaignStatus.Evaluating);

        // 评: the masses vote on the visits (3 满意 of 4 ≥ 2/3) and the committee grades it 好 → 销号 from the vote.
        Assert.Equal(TallySource.Vote, (await VoteAndGradeAsync(committee, visits, ["0", "0", "0", "1"], CommitmentGrade.Good, null)).TallySource);
        Assert.Equal(CommitmentStatus.Closed, await StatusAsync(visits));

        // The pairing: 3 不满意 of 5 (more than half) → rectification with a deadline, then a second vote and 销号.
        var rectifying = await VoteAndGradeAsync(committee, pairing, ["2", "2", "2", "0", "1"], CommitmentGrade.Average, new RectificationPlan(Today.AddDays(30), "每月上门一次并记录"));
        Assert.Equal((CommitmentOutcome.Rectification, CommitmentStatus.Rectifying), (rectifying.Outcome, rectifying.Status));
        var stale = await (await committee.PostJsonAsync($"{Route}/items/{pairing}/grade",
            new GradeCommitmentRequest(CommitmentGrade.Good, null, null, null, null, null, await VersionAsync(pairing)))).ProblemErrorsAsync();
        Assert.Contains("上一轮评价之前", stale["satisfied"][0], StringComparison.Ordinal);
        var closed = await VoteAndGradeAsync(committee, pairing, ["0", "0", "1"], CommitmentGrade.Good, null);
        Assert.Equal((CommitmentOutcome.Closed, CommitmentStatus.Closed), (closed.Outcome, closed.Status));
        Assert.Equal([CommitmentOutcome.Rectification, CommitmentOutcome.Closed], closed.Evaluations.Select(e => e.Outcome));
        var detail = await (await branch.GetAsync($"{Route}/items/{pairing}")).ReadAsync<CommitmentItemDetail>();
        Assert.Equal([(1, CommitmentGrade.Average), (2, CommitmentGrade.Good)], detail.Evaluations.Select(e => (e.Round, e.Grade)));

        // The planting is graded 较好 on a paper tally: neither closed nor in rectification, shown as open.
        var planted = await GradeAsync(committee, planting, new GradeCommitmentRequest(CommitmentGrade.FairlyGood, 4, 1, 0, null, null, await VersionAsync(planting)));
        Assert.Equal(CommitmentStatus.Evaluated, planted.Status);

        // The member's own page carries the results; the ledger's export lists each item with its status and last progress.
        var results = await (await member.GetAsync($"{Mine}/results")).ReadAsync<List<MyCommitmentResultView>>();
        Assert.Equal(
            [(visits, CommitmentStatus.Closed), (planting, CommitmentStatus.Evaluated), (pairing, CommitmentStatus.Closed)],
            results.Where(r => r.CommitmentId == visits || r.CommitmentId == planting || r.CommitmentId == pairing).OrderBy(r => r.CommitmentId).Select(r => (r.CommitmentId, r.Status)));
        var sheet = await (await committee.GetAsync($"{Route}/{campaign.Id}/items/export")).Content.ReadAsByteArrayAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(sheet)).Cast<IDictionary<string, object>>().Select(r => string.Join("|", r.Values)).ToList();
        Assert.Contains(rows, r => r.Contains("每月走访两户困难群众", StringComparison.Ordinal) && r.Contains("上门走访三户困难群众", StringComparison.Ordinal));
    }

    private static MyCommitmentCampaignView Mine1(List<MyCommitmentCampaignView> campaigns, int id) => campaigns.Single(c => c.Id == id);

    private static async Task<CommitmentCampaignView> AdvanceAsync(HttpClient admin, CommitmentCampaignView campaign, CommitmentCampaignStatus to)
    {
        var response = await admin.PostJsonAsync($"{Route}/{campaign.Id}/advance", new AdvanceCommitmentCampaignRequest(to, campaign.Version));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CommitmentCampaignView>();
    }

    private static async Task<CommitmentView> DecideAsync(HttpClient client, int campaignId, CommitmentView item, ApprovalLevel level, ApprovalDecision decision, string? comment)
    {
        var response = await client.PostJsonAsync($"{Route}/{campaignId}/items/{item.Id}/decision", new DecideCommitmentRequest(level, decision, comment, item.Version));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CommitmentView>();
    }

    private static async Task<GradedCommitmentView> GradeAsync(HttpClient committee, int item, GradeCommitmentRequest request)
    {
        var response = await committee.PostJsonAsync($"{Route}/items/{item}/grade", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<GradedCommitmentView>();
    }

    /// <summary>A satisfaction vote on the item (SRV-3) answered on phones with the given choices (0 满意, 1 基本满意, 2 不满意), closed, then the grade.</summary>
    private async Task<GradedCommitmentView> VoteAndGradeAsync(HttpClient committee, int item, string[] picks, CommitmentGrade grade, RectificationPlan? plan)
    {
        var created = await (await committee.PostJsonAsync("/api/v1/surveys/satisfaction", new SatisfactionRequest(SurveyTargetKind.Commitment, item, SurveyAccess.OpenLink))).ReadAsync<CreatedSatisfaction>();
        var survey = new TestSurvey(created.Survey.Id, [created.Survey.Questions[0].Id], created.OpenLink);
        foreach (var pick in picks)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Phone().AnswerAsync(survey, null, (1, pick))).Status);
        }

        Assert.True((await committee.PostAsync($"/api/v1/surveys/{survey.Id}/close", null)).IsSuccessStatusCode);
        return await GradeAsync(committee, item, new GradeCommitmentRequest(grade, null, null, null, plan?.Deadline, plan?.Measures, await VersionAsync(item)));
    }

    private async Task<int> VersionAsync(int item) => await app.WithDbAsync(db => db.Commitments.Where(c => c.Id == item).Select(c => c.Version).FirstAsync());

    private async Task<CommitmentStatus> StatusAsync(int item) => await app.WithDbAsync(db => db.Commitments.Where(c => c.Id == item).Select(c => c.Status).FirstAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class CommitmentCycleSqliteTests(SqliteApp app) : CommitmentCycleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CommitmentCyclePostgresTests(PostgresApp app) : CommitmentCycleTests(app);
