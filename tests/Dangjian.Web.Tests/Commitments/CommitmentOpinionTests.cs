using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dangjian.Domain.Commitments;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Commitments.Filing;
using Dangjian.Web.Features.Commitments.Opinions;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.DemocraticLife;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Commitments;

/// <summary>
/// 定's opinions over HTTP on both providers (CMT-1): the anonymous suggestion box (nothing identifying stored or logged,
/// closed and rewritten when the campaign leaves 定), opinions staff record and commitments cite, 备案 upward and the
/// printable board. Each test works on a campaign of its own.
/// </summary>
public abstract partial class CommitmentOpinionTests(AppFixture app)
{
    private const string Route = CommitmentEndpoints.Route;

    private static DateOnly Today => OrgToday.Value;

    private static DateOnly YearEnd => new(Today.Year, 12, 31);

    [Fact]
    public async Task SuggestionBox_StoresOnlyTextAndDay_LogsNothing_ClosedAndRewrittenWhenTheCampaignLeavesDefining()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var campaign = await CreateCampaignAsync(admin, t.A);
        var path = OpinionEndpoints.SuggestPath(campaign.Id);
        var logLinesBefore = app.Logs.Lines.Count;
        var unique = Demo.UniqueCode("#");
        string[] texts = [$"路灯坏了{unique}", $"希望多办讲座{unique}", $"楼道堆物{unique}", $"增加便民服务{unique}"];
        var addresses = texts.Select((_, i) => $"10.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}.{i + 1}").ToList();

        var page = await Phone(addresses[0]).GetAsync(path);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(campaign.Title, html, StringComparison.Ordinal);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Phone(addresses[0]).PostAsync(path, Form("", texts[0]))).StatusCode);
        var blank = await SubmitAsync(Phone(addresses[0]), path, " ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.Status);
        Assert.Contains("data-field=\"text\"", blank.Body, StringComparison.Ordinal);

        for (var i = 0; i < texts.Length; i++)
        {
            var (status, body) = await SubmitAsync(Phone(addresses[i]), path, texts[i]);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("data-outcome=\"accepted\"", body, StringComparison.Ordinal);
        }

        // Staff see them all, ordered by channel and text, never by arrival.
        var list = await (await admin.GetAsync($"{Route}/{campaign.Id}/opinions")).ReadAsync<CommitmentOpinionList>();
        Assert.True(list.Open);
        Assert.Equal(texts.Length, list.Counts[OpinionChannel.SuggestionBox]);
        Assert.Equal(texts.Order(StringComparer.Ordinal), list.Opinions.Select(o => o.Text));

        // Every column of every row: a random id, the campaign, the channel, the text, the day; nothing else.
        await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                var rows = await RowsAsync(conn, campaign.Id);
                Assert.Equal(texts.Length, rows.Count);
                foreach (var row in rows)
                {
                    Assert.Equal(["CampaignId", "Channel", "Id", "ReceivedOn", "SubmitterName", "Text"], row.Keys.Order(StringComparer.Ordinal));
                    Assert.Equal(4, Guid.Parse(row["Id"]!).Version);
                    Assert.Equal(campaign.Id.ToString(CultureInfo.InvariantCulture), row["CampaignId"]);
                    Assert.Equal(nameof(OpinionChannel.SuggestionBox), row["Channel"]);
                    Assert.Contains(row["Text"], texts);
                    Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row["ReceivedOn"]);
                    Assert.Null(row["SubmitterName"]);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            Assert.False(await db.AuditEntries.AnyAsync(a => a.After != null && texts.Any(x => a.After.Contains(x))));
            return 0;
        });
        var logged = app.Logs.Lines.Skip(logLinesBefore).Select(l => l.Text).ToList();
        Assert.DoesNotContain(logged, l => texts.Any(x => l.Contains(x, StringComparison.Ordinal)) || addresses.Any(a => l.Contains(a, StringComparison.Ordinal)));

        // Leaving 定 closes the box: the rows are rewritten in one transaction and the history of their inserts erased.
        var phone = Phone(addresses[0]);
        var antiforgery = await OpenAsync(phone, path);
        campaign = await SubmitOneMemberAsync(admin, campaign);
        var advanced = await admin.PostJsonAsync($"{Route}/{campaign.Id}/advance", new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Approving, campaign.Version));
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);

        var after = await app.WithDbAsync(db => db.CommitmentOpinions.AsNoTracking().Where(o => o.CampaignId == campaign.Id).Select(o => o.Text).ToListAsync());
        Assert.Equal(texts.Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));
        await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                if (app.ProviderName == "Sqlite")
                {
                    // No hidden row number, and the write-ahead log, which held each submission's commit, was emptied.
                    await using var rowid = conn.CreateCommand();
                    rowid.CommandText = "SELECT rowid FROM \"CommitmentOpinions\"";
                    await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => rowid.ExecuteScalarAsync());
                    var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                    var log = File.Exists(file + "-wal") ? Encoding.UTF8.GetString(await RawDatabase.ReadSharedAsync(file + "-wal")) : string.Empty;
                    Assert.DoesNotContain(texts, x => log.Contains(x, StringComparison.Ordinal));
                }
                else
                {
                    // Every row was written by the closing transaction: the row versions keep no order of submission.
                    Assert.Equal(1L, await ScalarAsync(conn, $"SELECT count(DISTINCT xmin::text) FROM \"CommitmentOpinions\" WHERE \"CampaignId\" = {campaign.Id}"));
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            var closed = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "CommitmentCampaign.OpinionsClosed" && a.EntityId == campaign.Id.ToString(CultureInfo.InvariantCulture))
                .Select(a => a.After).SingleAsync();
            Assert.Contains($"\"Opinions\":{texts.Length}", closed, StringComparison.Ordinal);
            return 0;
        });

        // Closed: the page says so (409), a late submission stores nothing, staff entry is refused too.
        var closedPage = await app.AnonymousClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Conflict, closedPage.StatusCode);
        Assert.Contains("data-outcome=\"closed\"", await closedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await phone.PostAsync(path, Form(antiforgery, "会后才提交"))).StatusCode);
        Assert.Equal(texts.Length, await app.WithDbAsync(db => db.CommitmentOpinions.CountAsync(o => o.CampaignId == campaign.Id)));
        var late = await (await admin.PostJsonAsync($"{Route}/{campaign.Id}/opinions", new CommitmentOpinionRequest(OpinionChannel.Meeting, "会后", Today, null))).ProblemErrorsAsync();
        Assert.Equal(["text"], late.Keys);
        Assert.False((await (await admin.GetAsync($"{Route}/{campaign.Id}/opinions")).ReadAsync<CommitmentOpinionList>()).Open);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync(OpinionEndpoints.SuggestPath(int.MaxValue))).StatusCode);
    }

    [Fact]
    public async Task StaffOpinions_MeetingAndVisit_SuggestionBoxRefused_CitedByACommitment_OtherCampaignsRefused()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var campaign = await CreateCampaignAsync(admin, t.A);
        var other = await CreateCampaignAsync(admin, t.A);
        var opinions = $"{Route}/{campaign.Id}/opinions";

        var named = await admin.PostJsonAsync(opinions, new CommitmentOpinionRequest(OpinionChannel.Meeting, "座谈会：多开展志愿服务", Today, "王芳"));
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        var list = await (await admin.PostJsonAsync(opinions, new CommitmentOpinionRequest(OpinionChannel.Visit, "走访：老人就医不便", Today.AddDays(-3), " "))).ReadAsync<CommitmentOpinionList>();
        Assert.Equal((1, 1, 0), (list.Counts[OpinionChannel.Meeting], list.Counts[OpinionChannel.Visit], list.Counts[OpinionChannel.SuggestionBox]));
        Assert.Equal("王芳", list.Opinions.Single(o => o.Channel == OpinionChannel.Meeting).SubmitterName);
        Assert.Null(list.Opinions.Single(o => o.Channel == OpinionChannel.Visit).SubmitterName);
        Assert.Equal([OpinionChannel.Meeting, OpinionChannel.Visit], list.Opinions.Select(o => o.Channel));

        var box = await (await admin.PostJsonAsync(opinions, new CommitmentOpinionRequest(OpinionChannel.SuggestionBox, "冒充匿名", Today, null))).ProblemErrorsAsync();
        Assert.Equal(["channel"], box.Keys);
        Assert.Contains("匿名", box["channel"][0], StringComparison.Ordinal);
        Assert.Equal(["receivedOn"], (await (await admin.PostJsonAsync(opinions, new CommitmentOpinionRequest(OpinionChannel.Visit, "明天的", Today.AddDays(1), null))).ProblemErrorsAsync()).Keys);
        Assert.Equal(["text"], (await (await admin.PostJsonAsync(opinions, new CommitmentOpinionRequest(OpinionChannel.Visit, " ", Today, null))).ProblemErrorsAsync()).Keys);
        Assert.Equal(2, (await (await admin.GetAsync(opinions)).ReadAsync<CommitmentOpinionList>()).Opinions.Count);

        // A commitment cites an opinion of its own campaign; one of another campaign is refused, naming the field.
        var memberId = await MemberIdAsync();
        var cited = list.Opinions[0].Id;
        var item = await admin.PostJsonAsync($"{Route}/{campaign.Id}/items", Clerk(memberId, "组织志愿服务", [cited]));
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        Assert.Equal([cited], (await item.ReadAsync<CommitmentView>()).CitedOpinionIds);
        var wrong = await (await admin.PostJsonAsync($"{Route}/{other.Id}/items", Clerk(memberId, "引用别的活动", [cited]))).ProblemErrorsAsync();
        Assert.Equal(["citedOpinionIds"], wrong.Keys);

        // Township B sees none of it and records nothing in it.
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(opinions)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostJsonAsync(opinions, new CommitmentOpinionRequest(OpinionChannel.Meeting, "乙镇", Today, null))).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.CommitmentOpinions.CountAsync(o => o.CampaignId == campaign.Id)));
    }

    [Fact]
    public async Task Filing_NothingApprovedRefused_ThenTheBranchFilesWithItsSuperior_WhichSeesIt_TownshipBRefused()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var campaign = await CreateCampaignAsync(admin, t.A);
        var filings = $"{Route}/{campaign.Id}/filings";
        var memberId = await MemberIdAsync();
        var org = await app.WithDbAsync(db => db.People.Where(p => p.Id == memberId)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { o.Id, o.ParentId }).FirstAsync());
        var (branch, parent) = (org.Id, org.ParentId!.Value);

        var nothing = await (await admin.PostJsonAsync(filings, new FileCommitmentsRequest(branch, null))).ProblemErrorsAsync();
        Assert.Equal(["organizationId"], nothing.Keys);
        Assert.Contains("无可备案", nothing["organizationId"][0], StringComparison.Ordinal);
        Assert.Equal(["organizationId"], (await (await admin.PostJsonAsync(filings, new FileCommitmentsRequest(null, null))).ProblemErrorsAsync()).Keys);
        Assert.Equal(["organizationId"], (await (await admin.PostJsonAsync(filings, new FileCommitmentsRequest(t.BranchOfB, null))).ProblemErrorsAsync()).Keys);

        campaign = await SubmitOneMemberAsync(admin, campaign);
        campaign = await (await admin.PostJsonAsync($"{Route}/{campaign.Id}/advance", new AdvanceCommitmentCampaignRequest(CommitmentCampaignStatus.Approving, campaign.Version))).ReadAsync<CommitmentCampaignView>();
        var items = (await (await admin.GetAsync($"{Route}/{campaign.Id}/items?pageSize=10")).ReadAsync<Paged<CommitmentView>>()).Items;
        foreach (var item in items)
        {
            var v = await (await secretary.PostJsonAsync(Decision(campaign.Id, item.Id), new DecideCommitmentRequest(ApprovalLevel.Branch, ApprovalDecision.Approve, null, item.Version))).ReadAsync<CommitmentView>();
            Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Decision(campaign.Id, item.Id), new DecideCommitmentRequest(ApprovalLevel.Committee, ApprovalDecision.Approve, null, v.Version))).StatusCode);
        }

        var before = await (await admin.GetAsync(filings)).ReadAsync<CommitmentFilingsView>();
        var row = before.Organizations.Single(o => o.OrganizationId == branch);
        Assert.Equal((items.Count, (CommitmentFilingView?)null, true), (row.Approved, row.LastFiling, row.MayFile));

        var filed = await admin.PostJsonAsync(filings, new FileCommitmentsRequest(branch, "支部承诺清单"));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var view = await filed.ReadAsync<CommitmentFilingsView>();
        var filing = Assert.Single(view.Filings);
        Assert.Equal((branch, parent, items.Count, "支部承诺清单", Demo.OrgAdminA), (filing.OrganizationId, filing.FiledWithOrganizationId, filing.ItemCount, filing.Note, filing.FiledBy));
        Assert.Equal(filing, view.Organizations.Single(o => o.OrganizationId == branch).LastFiling);

        // The branch sees its own filing; township B neither sees nor files.
        Assert.Single((await (await secretary.GetAsync(filings)).ReadAsync<CommitmentFilingsView>()).Filings);
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(filings)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostJsonAsync(filings, new FileCommitmentsRequest(branch, null))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CommitmentFilings.CountAsync(f => f.CampaignId == campaign.Id)));

        // The printable notice: the approved items in the 公开承诺 layout, with the seal line.
        var notice = WebUtility.HtmlDecode(await (await app.AnonymousClient().GetAsync($"/public/commitments/{branch}/print")).Content.ReadAsStringAsync());
        Assert.Contains("公开承诺", notice, StringComparison.Ordinal);
        Assert.Contains("（盖章）", notice, StringComparison.Ordinal);
        Assert.All(items, i => Assert.Contains(i.Content, notice, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/public/commitments/{int.MaxValue}/print")).StatusCode);
    }

    /// <summary>A phone at its own address (the app believes the test's peer header), with only the form's antiforgery cookie.</summary>
    private HttpClient Phone(string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(TestPeer.Header, address);
        return client;
    }

    private static FormUrlEncodedContent Form(string antiforgery, string text) =>
        new([new("_handler", "suggestion"), new("__RequestVerificationToken", antiforgery), new("text", text)]);

    private static async Task<string> OpenAsync(HttpClient phone, string path)
    {
        var page = await (await phone.GetAsync(path)).Content.ReadAsStringAsync();
        return Http.AntiforgeryToken(page);
    }

    private static async Task<(HttpStatusCode Status, string Body)> SubmitAsync(HttpClient phone, string path, string text)
    {
        var response = await phone.PostAsync(path, Form(await OpenAsync(phone, path), text));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private Task<int> MemberIdAsync() =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.Member).Select(u => u.PersonId!.Value).FirstAsync());

    /// <summary>Two items for the demo member, entered by the clerk and submitted, so the campaign may leave 定.</summary>
    private async Task<CommitmentCampaignView> SubmitOneMemberAsync(HttpClient admin, CommitmentCampaignView campaign)
    {
        var memberId = await MemberIdAsync();
        foreach (var content in new[] { "清理楼道", "讲一次党课" })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync($"{Route}/{campaign.Id}/items", Clerk(memberId, content, null))).StatusCode);
        }

        return await (await admin.PostJsonAsync($"{Route}/{campaign.Id}/submit", new SubmitCommitmentsRequest(memberId, null))).ReadAsync<CommitmentCampaignView>();
    }

    private static NewCommitmentRequest Clerk(int personId, string content, IReadOnlyList<Guid>? cited) =>
        new(personId, null, null, content, "按季度推进", YearEnd, null, null, cited);

    private static string Decision(int campaignId, int itemId) => $"{Route}/{campaignId}/items/{itemId}/decision";

    private static async Task<CommitmentCampaignView> CreateCampaignAsync(HttpClient admin, int organizationId)
    {
        var response = await admin.PostJsonAsync(Route, new CreateCommitmentCampaignRequest(organizationId, Today.Year, $"{Today.Year}年公开承诺{Demo.UniqueCode("")}", null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<CommitmentCampaignView>();
    }

    /// <summary>Every row of the campaign's opinions, each column's value as text (null for NULL).</summary>
    private static async Task<List<Dictionary<string, string?>>> RowsAsync(DbConnection conn, int campaignId)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"CommitmentOpinions\" WHERE \"CampaignId\" = {campaignId.ToString(CultureInfo.InvariantCulture)}";
        var rows = new List<Dictionary<string, string?>>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = await reader.IsDBNullAsync(i) ? null : reader.GetValue(i) switch
                {
                    DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                };
            }

            rows.Add(row);
        }

        return rows;
    }

    private static async Task<long> ScalarAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommitmentOpinionSqliteTests(SqliteApp app) : CommitmentOpinionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CommitmentOpinionPostgresTests(PostgresApp app) : CommitmentOpinionTests(app);

/// <summary>The suggestion box is limited per client address ("Dangjian:OpinionSubmissionsPerMinute"), with counters of its own; reading is not.</summary>
public sealed class SuggestionRateLimitTests(OpinionRateLimitedApp app) : IClassFixture<OpinionRateLimitedApp>
{
    [Fact]
    public async Task Suggestion_OverTheLimit_429_ReadingNotLimited()
    {
        var phone = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var path = OpinionEndpoints.SuggestPath(int.MaxValue);
        for (var i = 0; i < OpinionRateLimitedApp.PerMinute + 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(path)).StatusCode);
        }

        for (var i = 0; i < OpinionRateLimitedApp.PerMinute; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await phone.PostAsync(path, new FormUrlEncodedContent([new("text", "意见")]))).StatusCode);
        }

        var refused = await phone.PostAsync(path, new FormUrlEncodedContent([new("text", "意见")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("提交过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The other anonymous form counts on its own: its window is still open for this address.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await phone.PostAsync($"/public/dlm/{new string('a', 43)}", DlmSetup.OpinionForm("", "Resident", "意见"))).StatusCode);
    }
}
