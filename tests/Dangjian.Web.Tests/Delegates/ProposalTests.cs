using System.Net;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Delegates.Proposals;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Dangjian.Web.Tests.Delegates.DelegatesSetup;

namespace Dangjian.Web.Tests.Delegates;

/// <summary>
/// DEL-2 over HTTP on a real database: a delegate files a proposal from /me with co-signers (too few, or a non-delegate
/// filing, is a 400 and nothing is stored); staff register and assign it; the handling unit answers; the proposers rate it —
/// one 不满意 sends it back for a second round, keeping the first answer — and it is closed; the supervision list's
/// boundary; the export; the public list; township B kept out.
/// </summary>
public abstract class ProposalTests(AppFixture app)
{
    private const string Proposals = Route + "/proposals";

    private static FileMyProposalRequest Mine(DelegatesFixture f, string title, params int[] coSigners) =>
        new(f.TermId, coSigners, title, "建议：" + title);

    private static async Task<ProposalView> FiledAsync(DelegatesFixture f, string title)
    {
        var response = await f.Delegates[0].Client.PostJsonAsync(Route + "/mine/proposals", Mine(f, title, f.Delegates[1].PersonId, f.Delegates[2].PersonId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ProposalView>();
    }

    private static async Task<ProposalView> AssignedAsync(AppFixture app, DelegatesFixture f, string title, int workingDays = 5)
    {
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var p = await FiledAsync(f, title);
        p = await (await admin.PostJsonAsync($"{Proposals}/{p.Id}/register", new ProposalStepRequest(p.Version))).ReadAsync<ProposalView>();
        return await (await admin.PostJsonAsync($"{Proposals}/{p.Id}/assign", new AssignProposalRequest(f.HandlingBranch, workingDays, p.Version))).ReadAsync<ProposalView>();
    }

    [Fact]
    public async Task File_ByADelegate_WithTooFewCoSigners_OrByANonDelegate_Is400_AndNothingStored()
    {
        var f = await app.DelegatesFixtureAsync();
        var few = await (await f.Delegates[0].Client.PostJsonAsync(Route + "/mine/proposals", Mine(f, "联名不足", f.Delegates[1].PersonId))).ProblemErrorsAsync();
        var outsider = await (await f.NonDelegate.Client.PostJsonAsync(Route + "/mine/proposals", Mine(f, "非代表提交", f.Delegates[1].PersonId, f.Delegates[2].PersonId))).ProblemErrorsAsync();
        var withOutsider = await (await f.Delegates[0].Client.PostJsonAsync(Route + "/mine/proposals", Mine(f, "非代表联名", f.Delegates[1].PersonId, f.NonDelegate.PersonId))).ProblemErrorsAsync();

        Assert.Contains("至少需要 2 名", few["coSignerPersonIds"][0], StringComparison.Ordinal);
        Assert.Equal(["leadPersonId"], outsider.Keys);
        Assert.Equal(["coSignerPersonIds"], withOutsider.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.Proposals.CountAsync(p => p.TermId == f.TermId)));

        // Two co-signers are enough: the lead and both co-signers are its proposers, and it waits for registration.
        var filed = await FiledAsync(f, "关于村道硬化的提案");
        Assert.Equal(ProposalStatus.Filed, filed.Status);
        Assert.Equal([f.Delegates[0].PersonId, f.Delegates[1].PersonId, f.Delegates[2].PersonId], filed.Proposers.Select(p => p.PersonId));
        Assert.True(filed.Proposers[0].IsLead);
        var mine = await (await f.Delegates[1].Client.GetAsync(Route + "/mine")).ReadAsync<MyProposalsView>();
        Assert.Contains(mine.Proposals, p => p.Id == filed.Id);
        Assert.Equal(f.TermId, Assert.Single(mine.Seats).TermId);
    }

    [Fact]
    public async Task Proposal_Registered_Assigned_Answered_RatedUnsatisfied_GoesBack_ThenRatedAndClosed()
    {
        var f = await app.DelegatesFixtureAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var p = await AssignedAsync(app, f, "关于增设便民服务点的提案");
        Assert.Equal((ProposalStatus.Assigned, f.HandlingBranch, 1), (p.Status, p.HandlingOrganizationId, p.HandlingRound));
        // Five working days after today on the holiday calendar: weekends and holidays do not count.
        Assert.Equal(ProposalRules.Deadline(Domain.Calendar.HolidayCalendar.Shipped, OrgToday.Value, 5), p.Deadline);
        Assert.True(p.Deadline >= OrgToday.Value.AddDays(5));

        p = await (await admin.PostJsonAsync($"{Proposals}/{p.Id}/answer", new AnswerProposalRequest("已在村委会设点", p.Version))).ReadAsync<ProposalView>();
        Assert.Equal(ProposalStatus.Answered, p.Status);

        // A non-proposer's rating is refused and changes nothing; the proposers rate, one of them 不满意.
        var refused = await f.Delegates[3].Client.PostJsonAsync($"{Route}/mine/proposals/{p.Id}/rate", new RateProposalRequest(ProposalRating.Satisfied, p.Version));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        p = await RateAsync(f.Delegates[0], p, ProposalRating.Satisfied);
        p = await RateAsync(f.Delegates[1], p, ProposalRating.Unsatisfied);
        Assert.Equal(ProposalStatus.Answered, p.Status);
        p = await RateAsync(f.Delegates[2], p, ProposalRating.BasicallySatisfied);
        Assert.Equal((ProposalStatus.Assigned, 2), (p.Status, p.HandlingRound));
        Assert.Equal(3, p.Ratings.Count);

        p = await (await admin.PostJsonAsync($"{Proposals}/{p.Id}/answer", new AnswerProposalRequest("补充答复：增设两处服务点", p.Version))).ReadAsync<ProposalView>();
        Assert.Equal([1, 2], p.Answers.Select(a => a.Round));
        foreach (var d in f.Delegates.Take(3))
        {
            p = await RateAsync(d, p, ProposalRating.Satisfied);
        }

        Assert.Equal(ProposalStatus.Rated, p.Status);
        var stale = await admin.PostJsonAsync($"{Proposals}/{p.Id}/close", new ProposalStepRequest(p.Version - 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        p = await (await admin.PostJsonAsync($"{Proposals}/{p.Id}/close", new ProposalStepRequest(p.Version))).ReadAsync<ProposalView>();
        Assert.Equal(ProposalStatus.Closed, p.Status);
        Assert.Equal(6, p.Ratings.Count);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Proposal" && a.EntityId == p.Id.ToString()).Select(a => a.Action).ToListAsync()),
            a => a == "Proposal.Closed");
    }

    [Fact]
    public async Task Decline_NeedsAReason_TheDeclinedProposalIsNotPublic_TheRegisteredIs()
    {
        var f = await app.DelegatesFixtureAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var declined = await FiledAsync(f, "个人诉求类提案");
        var noReason = await (await admin.PostJsonAsync($"{Proposals}/{declined.Id}/decline", new DeclineProposalRequest(" ", declined.Version))).ProblemErrorsAsync();
        Assert.Equal(["reason"], noReason.Keys);
        declined = await (await admin.PostJsonAsync($"{Proposals}/{declined.Id}/decline", new DeclineProposalRequest("属个人诉求，转有关部门办理", declined.Version))).ReadAsync<ProposalView>();
        Assert.Equal(ProposalStatus.NotRegistered, declined.Status);
        var assigned = await AssignedAsync(app, f, "关于完善村级公共服务的提案");
        var filed = await FiledAsync(f, "尚未立案的提案");

        var page = System.Net.WebUtility.HtmlDecode(await (await app.AnonymousClient().GetAsync($"/public/proposals/{f.TermId}")).Content.ReadAsStringAsync());
        Assert.Contains(assigned.Title, page, StringComparison.Ordinal);
        Assert.Contains(f.Delegates[0].Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(declined.Title, page, StringComparison.Ordinal);
        Assert.DoesNotContain(filed.Title, page, StringComparison.Ordinal);
        Assert.DoesNotContain(f.NonDelegate.Name, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/public/proposals/{int.MaxValue}")).StatusCode);
    }

    [Fact]
    public async Task Supervision_ListsTheOverdueAndThoseDueWithinFiveDays_NotTheSixth_AndTheListExports()
    {
        var f = await app.DelegatesFixtureAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var ids = new List<int>();
        foreach (var days in new[] { -1, 0, 5, 6 })
        {
            var p = await AssignedAsync(app, f, $"督办测试{days}");
            await app.WithDbAsync(async db =>
            {
                var row = await db.Proposals.FirstAsync(x => x.Id == p.Id);
                row.Deadline = OrgToday.Value.AddDays(days);
                return await db.SaveChangesAsync();
            });
            ids.Add(p.Id);
        }

        var list = await (await admin.GetAsync($"{Proposals}/supervision?termId={f.TermId}")).ReadAsync<List<ProposalRow>>();
        Assert.Equal(ids.Take(3), list.Select(r => r.Id));
        Assert.Equal([true, false, false], list.Select(r => r.Overdue));

        var overdue = await (await admin.GetAsync($"{Proposals}?termId={f.TermId}&overdue=true")).ReadAsync<ProposalListView>();
        Assert.Equal([ids[0]], overdue.Items.Items.Select(r => r.Id));
        var export = await admin.GetAsync($"{Proposals}/export?termId={f.TermId}");
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "提案台账").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(1, rows.Count(r => (string?)r["逾期"] == "是"));
    }

    [Fact]
    public async Task TownshipB_CannotReadRegisterOrAnswer_TownshipAsProposal_AndNothingChanges()
    {
        var f = await app.DelegatesFixtureAsync();
        var p = await AssignedAsync(app, f, "甲镇的提案");
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Proposals}/{p.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Proposals}?termId={f.TermId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Proposals}/{p.Id}/answer", new AnswerProposalRequest("越权答复", p.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Proposals}/{p.Id}/close", new ProposalStepRequest(p.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/mine/proposals/{p.Id}/rate", new RateProposalRequest(ProposalRating.Unsatisfied, p.Version))).StatusCode);
        var stored = await app.WithDbAsync(db => db.Proposals.Include(x => x.Answers).FirstAsync(x => x.Id == p.Id));
        Assert.Equal((ProposalStatus.Assigned, 0, p.Version), (stored.Status, stored.Answers.Count, stored.Version));

        // A proposer reads their own proposal even though their role reads nothing of the township's.
        Assert.Equal(HttpStatusCode.OK, (await f.Delegates[1].Client.GetAsync($"{Proposals}/{p.Id}")).StatusCode);
    }

    [Fact]
    public async Task Pages_ShowTheRoster_TheProposalWithItsActions_AndTheDelegatesOwnProposalsOnMe()
    {
        var f = await app.DelegatesFixtureAsync();
        var p = await AssignedAsync(app, f, "关于页面显示的提案");
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var roster = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/delegates?organizationId={f.Township}&termId={f.TermId}")).Content.ReadAsStringAsync());
        Assert.Contains(f.Delegates[0].Name, roster, StringComparison.Ordinal);
        Assert.Contains("data-action=\"export\"", roster, StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/delegates/proposals/{p.Id}")).Content.ReadAsStringAsync());
        Assert.Contains(p.Title, page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"answer\"", page, StringComparison.Ordinal);
        var list = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/delegates/proposals?termId={f.TermId}")).Content.ReadAsStringAsync());
        Assert.Contains(p.Title, list, StringComparison.Ordinal);
    }

    private static async Task<ProposalView> RateAsync(TestDelegate d, ProposalView p, ProposalRating rating)
    {
        var response = await d.Client.PostJsonAsync($"{Route}/mine/proposals/{p.Id}/rate", new RateProposalRequest(rating, p.Version));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ProposalView>();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProposalSqliteTests(SqliteApp app) : ProposalTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ProposalPostgresTests(PostgresApp app) : ProposalTests(app);
