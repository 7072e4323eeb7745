using System.Net;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Delegates.Duties;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Dangjian.Web.Tests.Delegates.DelegatesSetup;

namespace Dangjian.Web.Tests.Delegates;

/// <summary>
/// DEL-4 over HTTP on a real database: an inquiry filed from /me and reviewed below its threshold of 5 signers (refused, the
/// count kept) or at it after a late co-signer (accepted, answered, closed); a recall of a delegate refused with one signer of
/// the 2 that a fifth of 6 serving delegates needs, accepted with 2, its vote refused when it counts more ballots than
/// delegates, carried by 4 of 6; bad input and a stale version refused with nothing stored; township B kept out; the export.
/// </summary>
public abstract class MotionTests(AppFixture app)
{
    private const string Motions = Route + "/motions";

    private static FileMyMotionRequest Inquiry(DelegatesFixture f, string subject, params TestDelegate[] coSigners) =>
        new(f.TermId, [.. coSigners.Select(c => c.PersonId)], MotionKind.Inquiry, MotionTarget.Committee, null, subject, "理由：" + subject);

    private static FileMyMotionRequest Recall(DelegatesFixture f, string subject, TestDelegate target, params TestDelegate[] coSigners) =>
        new(f.TermId, [.. coSigners.Select(c => c.PersonId)], MotionKind.Recall, MotionTarget.Delegate, target.PersonId, subject, "理由：" + subject);

    private static async Task<MotionView> FileAsync(DelegatesFixture f, FileMyMotionRequest request)
    {
        var response = await f.Delegates[0].Client.PostJsonAsync(Route + "/mine/motions", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<MotionView>();
    }

    private async Task<MotionView> StepAsync(string step, MotionView m, object request, HttpClient? client = null)
    {
        var route = step == "cosign" ? $"{Route}/mine/motions/{m.Id}/cosign" : $"{Motions}/{m.Id}/{step}";
        var response = await (client ?? await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync(route, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<MotionView>();
    }

    [Fact]
    public async Task Inquiry_FourSigners_IsRefusedWithTheCount_FiveAfterALateCoSigner_IsAccepted_Answered_Closed()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 6);
        var d = f.Delegates;
        var few = await FileAsync(f, Inquiry(f, "关于资金监管的质询", d[1], d[2], d[3]));
        Assert.Equal((MotionStatus.Filed, 4), (few.Status, few.Signers.Count));
        few = await StepAsync("review", few, new MotionStepRequest(few.Version));
        Assert.Equal((MotionStatus.Refused, 4, 5, 6), (few.Status, few.SignersCounted!.Value, few.SignersRequired!.Value, few.ServingDelegates!.Value));

        var m = await FileAsync(f, Inquiry(f, "关于项目招标的质询", d[1], d[2], d[3]));
        // Someone without a seat of the term cannot co-sign; a delegate of the term can, once.
        Assert.Equal(HttpStatusCode.Forbidden, (await f.NonDelegate.Client.PostJsonAsync($"{Route}/mine/motions/{m.Id}/cosign", new MotionStepRequest(m.Version))).StatusCode);
        var mine = await (await d[4].Client.GetAsync(Route + "/mine/motions")).ReadAsync<List<MotionView>>();
        Assert.True(mine.Single(x => x.Id == m.Id).Rights.CoSign);
        m = await StepAsync("cosign", m, new MotionStepRequest(m.Version), d[4].Client);
        var again = await (await d[4].Client.PostJsonAsync($"{Route}/mine/motions/{m.Id}/cosign", new MotionStepRequest(m.Version))).ProblemErrorsAsync();
        Assert.Equal(["personId"], again.Keys);
        m = await StepAsync("review", m, new MotionStepRequest(m.Version));
        Assert.Equal((MotionStatus.Accepted, 5, 5), (m.Status, m.SignersCounted!.Value, m.SignersRequired!.Value));

        m = await StepAsync("answer", m, new AnswerMotionRequest("已对全部招标项目开展复核。", m.Version));
        Assert.Equal(MotionStatus.Answered, m.Status);
        m = await StepAsync("close", m, new MotionStepRequest(m.Version));
        Assert.Equal((MotionStatus.Closed, (MotionOutcome?)null), (m.Status, m.Outcome));
        var signer = await (await d[2].Client.GetAsync($"{Motions}/{m.Id}")).ReadAsync<MotionView>();
        Assert.Equal("已对全部招标项目开展复核。", signer.AnswerText);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "DelegateMotion" && a.EntityId == m.Id.ToString() && a.Action == "DelegateMotion.Accepted")));
    }

    [Fact]
    public async Task Recall_OneSigner_IsRefused_TwoAreAccepted_TooManyBallotsIs400_FourOfSixRecall()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 6);
        var d = f.Delegates;
        var alone = await FileAsync(f, Recall(f, "罢免动议一", d[5]));
        alone = await StepAsync("review", alone, new MotionStepRequest(alone.Version));
        Assert.Equal((MotionStatus.Refused, 1, 2), (alone.Status, alone.SignersCounted!.Value, alone.SignersRequired!.Value));

        var m = await FileAsync(f, Recall(f, "罢免动议二", d[5], d[1]));
        Assert.Equal(d[5].Name, m.TargetName);
        m = await StepAsync("review", m, new MotionStepRequest(m.Version));
        Assert.Equal(MotionStatus.Accepted, m.Status);

        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var tooMany = await (await admin.PostJsonAsync($"{Motions}/{m.Id}/vote", new RecordMotionVoteRequest(5, 2, 0, null, null, m.Version))).ProblemErrorsAsync();
        Assert.Equal(["votesFor"], tooMany.Keys);
        Assert.Contains("6", tooMany["votesFor"][0], StringComparison.Ordinal);
        var t = await app.TownshipsAsync();
        var foreignProject = await app.WithDbAsync(db => db.ElectionProjects.Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(db.Organizations.First(x => x.Id == t.B).Path))).Select(p => (int?)p.Id).FirstOrDefaultAsync());
        if (foreignProject is { } fp)
        {
            var foreign = await (await admin.PostJsonAsync($"{Motions}/{m.Id}/vote", new RecordMotionVoteRequest(4, 2, 0, fp, null, m.Version))).ProblemErrorsAsync();
            Assert.Equal(["electionProjectId"], foreign.Keys);
        }

        Assert.Equal(MotionStatus.Accepted, (await app.WithDbAsync(db => db.DelegateMotions.FirstAsync(x => x.Id == m.Id))).Status);
        m = await StepAsync("vote", m, new RecordMotionVoteRequest(4, 2, 0, null, null, m.Version));
        Assert.Equal((MotionStatus.Voted, MotionOutcome.Recalled, 6), (m.Status, m.Outcome!.Value, m.ServingDelegates!.Value));
        m = await StepAsync("close", m, new MotionStepRequest(m.Version));
        Assert.Equal(MotionStatus.Closed, m.Status);
    }

    [Fact]
    public async Task File_BadInput_Is400NamingTheField_AStaleVersionIs409_AndNothingStored()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 3);
        var d = f.Delegates;
        var client = d[0].Client;
        var noKind = await (await client.PostJsonAsync(Route + "/mine/motions", Inquiry(f, "无类型") with { Kind = null })).ProblemErrorsAsync();
        var wrongTarget = await (await client.PostJsonAsync(Route + "/mine/motions", Inquiry(f, "对象错误") with { Target = MotionTarget.Delegate })).ProblemErrorsAsync();
        var noSubject = await (await client.PostJsonAsync(Route + "/mine/motions", Inquiry(f, " "))).ProblemErrorsAsync();
        var selfRecall = await (await client.PostJsonAsync(Route + "/mine/motions", Recall(f, "罢免联名人", d[1], d[1]))).ProblemErrorsAsync();
        var outsider = await (await f.NonDelegate.Client.PostJsonAsync(Route + "/mine/motions", Inquiry(f, "非代表"))).ProblemErrorsAsync();

        Assert.Equal(["kind", "target", "subject", "targetPersonId", "leadPersonId"], [.. new[] { noKind, wrongTarget, noSubject, selfRecall, outsider }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("事由", noSubject["subject"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.DelegateMotions.CountAsync(m => m.TermId == f.TermId)));

        var m = await FileAsync(f, Inquiry(f, "并发质询", d[1]));
        m = await StepAsync("cosign", m, new MotionStepRequest(m.Version), d[2].Client);
        var stale = await (await app.ClientForAsync(Demo.OrgAdminA)).PostJsonAsync($"{Motions}/{m.Id}/review", new MotionStepRequest(m.Version - 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(MotionStatus.Filed, (await app.WithDbAsync(db => db.DelegateMotions.FirstAsync(x => x.Id == m.Id))).Status);
    }

    [Fact]
    public async Task TownshipB_CannotListReadReviewAnswerOrVote_TownshipAsMotions_AndNothingChanges()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 2);
        var m = await FileAsync(f, Inquiry(f, "甲镇的质询", f.Delegates[1]));
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Motions}?termId={f.TermId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Motions}/{m.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Motions}/export?termId={f.TermId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Motions}/{m.Id}/review", new MotionStepRequest(m.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Motions}/{m.Id}/answer", new AnswerMotionRequest("越权答复", m.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Motions}/{m.Id}/vote", new RecordMotionVoteRequest(1, 0, 0, null, null, m.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync(Motions, new FileMotionRequest(f.TermId, f.Delegates[0].PersonId, [], MotionKind.Inquiry, MotionTarget.Committee, null, "越权", "越权"))).StatusCode);
        var stored = await app.WithDbAsync(db => db.DelegateMotions.FirstAsync(x => x.Id == m.Id));
        Assert.Equal((MotionStatus.Filed, m.Version), (stored.Status, stored.Version));
    }

    /// <summary>
    /// Staff recording a paper recall of a committee member (代为登记): the choices are the term's serving delegates and the
    /// members seated today on the term organization's team (one whose seat ended is not offered); township B gets neither.
    /// </summary>
    [Fact]
    public async Task StaffFiling_ChoicesAreServingDelegatesAndSeatedCommitteeMembers_ARecallOfACommitteeMemberIsRecorded()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 3);
        var termOrg = await app.WithDbAsync(db => db.CongressTerms.Where(t => t.Id == f.TermId).Select(t => t.OrganizationId).FirstAsync());
        var leaver = await app.NewMemberWithAccountAsync(await app.ClientForAsync(Demo.OrgAdminA), f.Branch, "离任委员");
        await app.WithDbAsync(async db =>
        {
            db.LeadershipTeams.Add(new Domain.Teams.LeadershipTeam
            {
                OrganizationId = termOrg, TermNumber = 1, StartsOn = OrgToday.Value.AddYears(-1), EndsOn = OrgToday.Value.AddYears(2),
                Positions =
                [
                    new() { PersonId = f.NonDelegate.PersonId, Role = Domain.Teams.TeamRole.Secretary },
                    new() { PersonId = leaver.PersonId, Role = Domain.Teams.TeamRole.CommitteeMember, EndsOn = OrgToday.Value.AddDays(-1) },
                ],
            });
            return await db.SaveChangesAsync();
        });
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var choices = await (await admin.GetAsync($"{Motions}/choices?termId={f.TermId}")).ReadAsync<MotionFilingChoices>();
        Assert.Equal(f.Delegates.Select(d => d.PersonId).Order(), choices.Delegates.Select(d => d.PersonId).Order());
        Assert.Equal([f.NonDelegate.PersonId], choices.CommitteeMembers.Select(c => c.PersonId));

        var filed = await admin.PostJsonAsync(Motions, new FileMotionRequest(
            f.TermId, f.Delegates[0].PersonId, [f.Delegates[1].PersonId], MotionKind.Recall, MotionTarget.CommitteeMember, f.NonDelegate.PersonId, "罢免委员", "理由：长期不履职"));
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var m = await filed.ReadAsync<MotionView>();
        Assert.Equal((MotionTarget.CommitteeMember, f.NonDelegate.PersonId, 2), (m.Target, m.TargetPersonId, m.Signers.Count));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"{Motions}/choices?termId={f.TermId}")).StatusCode);
    }

    [Fact]
    public async Task List_ShowsTheThresholds_Export_AndThePagesShowTheMotionWithItsActions()
    {
        var f = await app.DelegatesFixtureAsync(delegates: 6);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var filed = await (await admin.PostJsonAsync(Motions, new FileMotionRequest(
            f.TermId, f.Delegates[0].PersonId, [f.Delegates[1].PersonId], MotionKind.Recall, MotionTarget.Delegate, f.Delegates[5].PersonId, "代为提出的罢免", "理由"))).ReadAsync<MotionView>();
        Assert.Equal(MotionStatus.Filed, filed.Status);
        await FileAsync(f, Inquiry(f, "第二件质询", f.Delegates[1]));

        var list = await (await admin.GetAsync($"{Motions}?termId={f.TermId}&kind=Recall")).ReadAsync<MotionListView>();
        Assert.Equal(["代为提出的罢免"], list.Items.Items.Select(r => r.Subject));
        Assert.Equal((6, 5, 2), (list.ServingDelegates, list.InquirySigners, list.RecallSigners));
        Assert.True(list.CanManage);

        var export = await admin.GetAsync($"{Motions}/export?termId={f.TermId}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "质询罢免").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => (string?)r["类型"] == "罢免" && ((string?)r["对象"])!.Contains(f.Delegates[5].Name, StringComparison.Ordinal));

        var client = await app.SignInAsync(Demo.OrgAdminA);
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/delegates/motions/{filed.Id}")).Content.ReadAsStringAsync());
        Assert.Contains("代为提出的罢免", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"review\"", page, StringComparison.Ordinal);
        var listPage = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/delegates/motions?termId={f.TermId}")).Content.ReadAsStringAsync());
        Assert.Contains("第二件质询", listPage, StringComparison.Ordinal);
        Assert.Contains("质询需 5 名代表联名", listPage, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MotionSqliteTests(SqliteApp app) : MotionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MotionPostgresTests(PostgresApp app) : MotionTests(app);
