using System.Net;
using System.Net.Http.Json;
using Dangjian.Domain.Commitments;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Commitments;

/// <summary>
/// Public commitments over HTTP on a real database (CMT-1 … CMT-4): a campaign of township A, a member's items set and
/// submitted on their own page within the per-member bound, the branch and the committee reviewing item by item (a return
/// re-enters at its level), the clerk's entry, the ledger's filters, and township B's admin seeing none of it. Each test
/// works on a campaign of its own.
/// </summary>
public abstract class CommitmentTests(AppFixture app)
{
    private const string Route = CommitmentEndpoints.Route;
    private const string Mine = CommitmentEndpoints.MineRoute;

    private static DateOnly Today => OrgToday.Value;

    /// <summary>The last day a commitment of this year may be due.</summary>
    private static DateOnly YearEnd => new(Today.Year, 12, 31);

    [Fact]
    public async Task Member_SetsThreeOnTheirPage_BranchReturnsOne_MemberResubmits_BranchThenCommitteeApprove()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var member = await app.ClientForAsync(Demo.Member);
        var campaign = await CreateCampaignAsync(admin, t.A);
        Assert.Equal(CommitmentCampaignStatus.Defining, campaign.Status);
        Assert.Equal(CommitmentRules.Default.MaxPerMember, campaign.Rules.MaxPerMember);

        var mine = Single(await (await member.GetAsync(Mine)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id);
        Assert.True(mine.AcceptsSubmissions);
        Assert.Equal((2, 5), (mine.MinPerMember, mine.MaxPerMember));
        Assert.Empty(mine.Items);

        // Bad input: the deadline missing and the content blank, each named, localized; nothing stored.
        var bad = await (await member.PostJsonAsync($"{Mine}/{campaign.Id}/items", new CommitmentRequest("走访", "每月", null, null, null, null))).ProblemErrorsAsync();
        Assert.Contains("完成时限", bad["deadline"][0], StringComparison.Ordinal);
        var english = new HttpRequestMessage(HttpMethod.Post, $"{Mine}/{campaign.Id}/items") { Content = JsonContent.Create(new CommitmentRequest(" ", "每月", YearEnd, null, null, null), options: Http.Json) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Equal("Commitment is required.", (await (await member.SendAsync(english)).ProblemErrorsAsync())["content"][0]);
        var late = await (await member.PostJsonAsync($"{Mine}/{campaign.Id}/items", new CommitmentRequest("走访", "每月", YearEnd.AddDays(1), null, null, null))).ProblemErrorsAsync();
        Assert.Contains(Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), late["deadline"][0], StringComparison.Ordinal);

        // One item is below the bound (2—5件): submitting it is refused and it stays a draft; three go through.
        mine = await AddMineAsync(member, campaign.Id, "走访困难党员");
        var tooFew = await (await member.PostAsync($"{Mine}/{campaign.Id}/submit", null)).ProblemErrorsAsync();
        Assert.Contains("2—5", tooFew["commitments"][0], StringComparison.Ordinal);
        Assert.Equal(CommitmentStatus.Draft, Assert.Single(Single(await (await member.GetAsync(Mine)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id).Items).Status);
        await AddMineAsync(member, campaign.Id, "义务植树");
        mine = await AddMineAsync(member, campaign.Id, "结对帮扶");
        Assert.Equal(3, mine.Items.Count);
        Assert.All(mine.Items, i => Assert.Equal(i.OwnerName, i.ResponsibleName));
        var board = $"/public/commitments/{await app.WithDbAsync(db => db.People.Where(p => p.Id == mine.Items[0].OwnerPersonId).Select(p => p.OrganizationId).FirstAsync())}";
        var draftBoard = await app.AnonymousClient().GetStringAsync(board);
        Assert.DoesNotContain("结对帮扶", draftBoard, StringComparison.Ordinal);
        Assert.Contains(campaign.Title, draftBoard, StringComparison.Ordinal);

        // Nothing submitted yet when the campaign moves on? Refused; after the member submits, 审 begins.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJsonAsync($"{Route}/{campaign.Id}/advance", new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Approving, campaign.Version))).StatusCode);
        mine = Single(await (await member.PostAsync($"{Mine}/{campaign.Id}/submit", null)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id);
        Assert.All(mine.Items, i => Assert.Equal((CommitmentStatus.AwaitingApproval, ApprovalLevel.Branch), (i.Status, i.CurrentLevel!.Value)));
        campaign = await AdvanceAsync(admin, campaign, CommitmentCampaignStatus.Approving);

        // The branch (支委会): a return needs a comment; the committee cannot act before the branch; the branch cannot act at the committee's level.
        var (first, second, third) = (mine.Items[0], mine.Items[1], mine.Items[2]);
        var noComment = await (await secretary.PostJsonAsync(Decision(campaign.Id, second.Id), new DecideCommitmentRequest(ApprovalLevel.Branch, ApprovalDecision.Return, " ", second.Version))).ProblemErrorsAsync();
        Assert.Contains("审核意见", noComment["comment"][0], StringComparison.Ordinal);
        var early = await (await admin.PostJsonAsync(Decision(campaign.Id, first.Id), new DecideCommitmentRequest(ApprovalLevel.Committee, ApprovalDecision.Approve, null, first.Version))).ProblemErrorsAsync();
        Assert.Equal(["level"], early.Keys);
        var returned = await DecideAsync(secretary, campaign.Id, second, ApprovalLevel.Branch, ApprovalDecision.Return, "措施不够具体");
        Assert.Equal(CommitmentStatus.Returned, returned.Status);
        first = await DecideAsync(secretary, campaign.Id, first, ApprovalLevel.Branch, ApprovalDecision.Approve, null);
        third = await DecideAsync(secretary, campaign.Id, third, ApprovalLevel.Branch, ApprovalDecision.Approve, null);
        Assert.Equal((CommitmentStatus.AwaitingApproval, ApprovalLevel.Committee), (first.Status, first.CurrentLevel!.Value));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await secretary.PostJsonAsync(Decision(campaign.Id, first.Id), new DecideCommitmentRequest(ApprovalLevel.Committee, ApprovalDecision.Approve, null, first.Version))).StatusCode);

        // The member sees the comment, edits (a stale version is a conflict) and submits again: it re-enters at the branch.
        var seen = Single(await (await member.GetAsync(Mine)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id).Items.Single(i => i.Id == second.Id);
        Assert.Equal("措施不够具体", seen.Decisions.Single().Comment);
        var edit = new UpdateCommitmentRequest("义务植树二十棵", "三月植树节组织支部党员参加", YearEnd, null, null, null, seen.Version);
        Assert.Equal(HttpStatusCode.OK, (await member.PutJsonAsync($"{Mine}/{campaign.Id}/items/{second.Id}", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await member.PutJsonAsync($"{Mine}/{campaign.Id}/items/{second.Id}", edit)).StatusCode);
        mine = Single(await (await member.PostAsync($"{Mine}/{campaign.Id}/submit", null)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id);
        second = mine.Items.Single(i => i.Id == second.Id);
        Assert.Equal((CommitmentStatus.AwaitingApproval, ApprovalLevel.Branch, "义务植树二十棵"), (second.Status, second.CurrentLevel!.Value, second.Content));
        second = await DecideAsync(secretary, campaign.Id, second, ApprovalLevel.Branch, ApprovalDecision.Approve, null);

        // The committee (党委会) approves all three: approved, and 审 can end.
        foreach (var item in new[] { first, second, third })
        {
            Assert.Equal(CommitmentStatus.Approved, (await DecideAsync(admin, campaign.Id, item, ApprovalLevel.Committee, ApprovalDecision.Approve, "同意")).Status);
        }

        mine = Single(await (await member.GetAsync(Mine)).ReadAsync<List<MyCommitmentCampaignView>>(), campaign.Id);
        Assert.All(mine.Items, i => Assert.Equal(CommitmentStatus.Approved, i.Status));
        Assert.Equal([ApprovalDecision.Return, ApprovalDecision.Approve, ApprovalDecision.Approve], mine.Items.Single(i => i.Id == second.Id).Decisions.Select(d => d.Decision));
        campaign = await AdvanceAsync(admin, campaign, CommitmentCampaignStatus.Fulfilling);
        Assert.Equal(3, campaign.ItemsByStatus[CommitmentStatus.Approved]);

        // The public board (公开承诺) shows the approved items to anyone, without signing in.
        var publicBoard = await app.AnonymousClient().GetStringAsync(board);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(publicBoard, "data-status=\"Approved\""));
        Assert.Contains("义务植树二十棵", publicBoard, StringComparison.Ordinal);
        Assert.Contains(mine.Items[0].OwnerName, publicBoard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync("/public/commitments/2147483647")).StatusCode);

        // Township B's admin sees none of it and changes nothing.
        var other = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Route}/{campaign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Route}/{campaign.Id}/items")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync(Decision(campaign.Id, first.Id), new DecideCommitmentRequest(ApprovalLevel.Committee, ApprovalDecision.Reject, "不", first.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync($"{Route}/{campaign.Id}/advance", new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Evaluating, campaign.Version))).StatusCode);
        Assert.DoesNotContain((await (await other.GetAsync(Route)).ReadAsync<Paged<CommitmentCampaignRow>>()).Items, c => c.Id == campaign.Id);
        Assert.Equal(campaign.Version, (await (await admin.GetAsync($"{Route}/{campaign.Id}")).ReadAsync<CommitmentCampaignView>()).Version);
    }

    [Fact]
    public async Task Clerk_EntersForAMemberInScope_NotForOneOutside_AndTheLedgerFilters()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var campaign = await CreateCampaignAsync(admin, t.A);
        var memberId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.Member).Select(u => u.PersonId!.Value).FirstAsync());

        var outside = await (await secretary.PostJsonAsync($"{Route}/{campaign.Id}/items", Clerk(t.PersonOfB, "越界"))).ProblemErrorsAsync();
        Assert.Equal(["personId"], outside.Keys);
        var both = await (await secretary.PostJsonAsync($"{Route}/{campaign.Id}/items", Clerk(memberId, "两者") with { OwnerOrganizationId = t.A })).ProblemErrorsAsync();
        Assert.Equal(["personId"], both.Keys);
        var ids = new List<int>();
        foreach (var content in new[] { "清理楼道", "讲一次党课", "帮扶一户" })
        {
            var created = await (await secretary.PostJsonAsync($"{Route}/{campaign.Id}/items", Clerk(memberId, content))).ReadAsync<CommitmentView>();
            Assert.Equal((CommitmentStatus.Draft, memberId), (created.Status, created.OwnerPersonId));
            ids.Add(created.Id);
        }

        var submitted = await (await secretary.PostJsonAsync($"{Route}/{campaign.Id}/submit", new SubmitCommitmentsRequest(memberId, null))).ReadAsync<CommitmentCampaignView>();
        Assert.Equal(3, submitted.ItemsByStatus[CommitmentStatus.AwaitingApproval]);

        // One item a day overdue, as a ledger shows an item past its deadline; one due today (not overdue: the due day
        // itself is not past), one at the year's end.
        await app.WithDbAsync(db => db.Commitments.Where(c => c.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, Today.AddDays(-1))));
        await app.WithDbAsync(db => db.Commitments.Where(c => c.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, Today)));
        await AdvanceAsync(admin, submitted, CommitmentCampaignStatus.Approving);
        foreach (var id in ids)
        {
            var item = await (await admin.GetAsync($"{Route}/{campaign.Id}/items?ownerPersonId={memberId}&pageSize=10")).ReadAsync<Paged<CommitmentView>>();
            var view = item.Items.Single(i => i.Id == id);
            view = await DecideAsync(secretary, campaign.Id, view, ApprovalLevel.Branch, ApprovalDecision.Approve, null);
            await DecideAsync(admin, campaign.Id, view, ApprovalLevel.Committee, ApprovalDecision.Approve, null);
        }

        var ledger = $"{Route}/{campaign.Id}/items";
        Assert.Equal(3, (await Ledger(admin, $"{ledger}?status=Approved")).Total);
        Assert.Equal(0, (await Ledger(admin, $"{ledger}?status=Draft")).Total);
        Assert.Equal([ids[0]], (await Ledger(admin, $"{ledger}?overdue=true")).Items.Select(i => i.Id));
        Assert.True((await Ledger(admin, $"{ledger}?overdue=true")).Items.Single().Overdue);
        var daysLeft = YearEnd.DayNumber - Today.DayNumber;
        Assert.Equal(2, (await Ledger(admin, $"{ledger}?dueWithinDays={daysLeft}")).Total);
        Assert.Equal(3, (await Ledger(secretary, $"{ledger}?direction=Upward&deadlineFrom={Today.AddDays(-1):yyyy-MM-dd}&deadlineTo={YearEnd:yyyy-MM-dd}")).Total);
        Assert.Equal([ids[1]], (await Ledger(admin, $"{ledger}?deadlineFrom={Today:yyyy-MM-dd}&deadlineTo={Today:yyyy-MM-dd}")).Items.Select(i => i.Id));
        Assert.Equal([ids[1]], (await Ledger(admin, $"{ledger}?dueWithinDays=0")).Items.Select(i => i.Id));
        var paged = await Ledger(admin, $"{ledger}?pageSize=2&page=2");
        Assert.Equal((3, 1), (paged.Total, paged.Items.Count));
        var range = await (await admin.GetAsync($"{ledger}?deadlineFrom={YearEnd:yyyy-MM-dd}&deadlineTo={Today:yyyy-MM-dd}")).ProblemErrorsAsync();
        Assert.Equal(["deadlineTo"], range.Keys);
        Assert.Equal(["dueWithinDays"], (await (await admin.GetAsync($"{ledger}?dueWithinDays=-1")).ProblemErrorsAsync()).Keys);

        // The Excel ledger: one row per item, in the clerk's columns, the latest progress beside it; under the same filters.
        await app.WithDbAsync(async db =>
        {
            var item = await db.Commitments.FirstAsync(c => c.Id == ids[1]);
            item.RecordProgress(new FulfilmentRecord { Date = Today, Steps = "已讲党课一次", ResponsiblePerson = "书记" }, Demo.Secretary, Today, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var memberName = await app.WithDbAsync(db => db.People.Where(p => p.Id == memberId).Select(p => p.Name).FirstAsync());
        var rows = await ExcelRowsAsync(admin, $"{ledger}/export");
        Assert.Equal(["清理楼道", "讲一次党课", "帮扶一户"], rows.Select(r => r["承诺事项"] as string));
        Assert.All(rows, r => Assert.Equal((memberName, "按季度推进", "已通过"), (r["承诺人"] as string, r["落实措施"] as string, r["状态"] as string)));
        Assert.Equal(new string?[] { "已逾期", null, null }, rows.Select(r => r["逾期"] as string));
        Assert.Equal($"{Today:yyyy-MM-dd}：已讲党课一次", rows[1]["最新进展"]);
        Assert.Equal(["清理楼道"], (await ExcelRowsAsync(admin, $"{ledger}/export?overdue=true")).Select(r => r["承诺事项"] as string));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"{ledger}/export")).StatusCode);
    }

    private static async Task<List<IDictionary<string, object>>> ExcelRowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(ExcelFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>()];
    }

    private static NewCommitmentRequest Clerk(int personId, string content) =>
        new(personId, null, null, content, "按季度推进", YearEnd, null, null, null);

    private static string Decision(int campaignId, int itemId) => $"{Route}/{campaignId}/items/{itemId}/decision";

    private static MyCommitmentCampaignView Single(List<MyCommitmentCampaignView> campaigns, int id) => campaigns.Single(c => c.Id == id);

    private static async Task<CommitmentCampaignView> CreateCampaignAsync(HttpClient admin, int organizationId)
    {
        var response = await admin.PostJsonAsync(Route, new CreateCommitmentCampaignRequest(organizationId, Today.Year, $"{Today.Year}年公开承诺{Demo.UniqueCode("")}", null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<CommitmentCampaignView>();
    }

    private static async Task<MyCommitmentCampaignView> AddMineAsync(HttpClient member, int campaignId, string content)
    {
        var response = await member.PostJsonAsync($"{Mine}/{campaignId}/items", new CommitmentRequest(content, "每月一次，支部记录", YearEnd, null, null, null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Single(await response.ReadAsync<List<MyCommitmentCampaignView>>(), campaignId);
    }

    private static async Task<CommitmentCampaignView> AdvanceAsync(HttpClient admin, CommitmentCampaignView campaign, CommitmentCampaignStatus to) =>
        await (await admin.PostJsonAsync($"{Route}/{campaign.Id}/advance", new AdvanceCommitmentCampaignRequest(to, campaign.Version))).ReadAsync<CommitmentCampaignView>();

    private static async Task<CommitmentView> DecideAsync(HttpClient client, int campaignId, CommitmentView item, ApprovalLevel level, ApprovalDecision decision, string? comment) =>
        await (await client.PostJsonAsync(Decision(campaignId, item.Id), new DecideCommitmentRequest(level, decision, comment, item.Version))).ReadAsync<CommitmentView>();

    private static async Task<Paged<CommitmentView>> Ledger(HttpClient client, string url) => await (await client.GetAsync(url)).ReadAsync<Paged<CommitmentView>>();
}

[Collection(SqliteCollection.Name)]
public sealed class CommitmentSqliteTests(SqliteApp app) : CommitmentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CommitmentPostgresTests(PostgresApp app) : CommitmentTests(app);
