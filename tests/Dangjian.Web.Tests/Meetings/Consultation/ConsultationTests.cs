using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Meetings.Consultation;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Dangjian.Web.Tests.Meetings.Proceedings.MeetingSetup;

namespace Dangjian.Web.Tests.Meetings.Consultation;

/// <summary>
/// 重大决策征求意见 (MTG-12) over HTTP: a major item's public comment period on the working-day calendar, anonymous comments
/// through the public page (nothing about the sender stored), moderation, the hearing and expert opinions, no vote while
/// the period runs, the decision register's summary afterwards, the export, and township B kept out.
/// </summary>
public abstract partial class ConsultationTests(AppFixture app)
{
    private const string Route = ConsultationEndpoints.Route;

    private async Task<(HttpClient Admin, int[] Members, int MeetingId, JsonElement Major, JsonElement Routine)> MeetingAsync()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var org = await Minutes.TestMeetings.NewOrganizationAsync(app, t.A);
        var members = await app.WithDbAsync(async db =>
        {
            var ids = new List<int>();
            for (var i = 0; i < 3; i++)
            {
                var p = new Domain.People.Person
                {
                    Name = "委员" + Demo.UniqueCode(""), Gender = Domain.People.Gender.Female, BirthDate = new DateOnly(1982, 5, 1), Status = Domain.People.MemberStatus.Full,
                    JoinedPartyOn = new DateOnly(2008, 7, 1), OrganizationId = org,
                };
                db.People.Add(p);
                await db.SaveChangesAsync();
                ids.Add(p.Id);
            }

            return ids.ToArray();
        });
        var meeting = await CallAsync(admin, org, members);
        var id = meeting.GetProperty("id").GetInt32();
        await AddItemAsync(admin, id, "村集体资产处置方案", "Major", inCharge: members[1]);
        var added = await AddItemAsync(admin, id, "发展党员", "Routine");
        return (admin, members, id, Item(added, "村集体资产处置方案"), Item(added, "发展党员"));
    }

    private static async Task<ConsultationView> OpenAsync(HttpClient admin, JsonElement item, int days = 5) =>
        await (await admin.PostJsonAsync(Route, new OpenConsultationRequest(item.GetProperty("id").GetInt32(), "村集体资产处置方案（征求意见稿）", OrgToday.Value, days))).ReadAsync<ConsultationView>();

    private async Task<(HttpStatusCode Status, string Body)> CommentAsync(int id, string text)
    {
        var phone = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var opened = await phone.GetAsync($"/public/consultations/{id}");
        var page = WebUtility.HtmlDecode(await opened.Content.ReadAsStringAsync());
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await phone.PostAsync($"/public/consultations/{id}", new FormUrlEncodedContent([
            new("_handler", "comment"), new("__RequestVerificationToken", token), new("text", text)]));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Open_OnAMajorItem_TakesAnonymousComments_AndTheVoteIsRefusedWhileItRuns()
    {
        var (admin, members, meetingId, major, routine) = await MeetingAsync();

        var notMajor = await admin.PostJsonAsync(Route, new OpenConsultationRequest(routine.GetProperty("id").GetInt32(), "说明", OrgToday.Value, 5));
        Assert.Equal(["itemId"], (await notMajor.ProblemErrorsAsync()).Keys);
        var tooShort = await admin.PostJsonAsync(Route, new OpenConsultationRequest(major.GetProperty("id").GetInt32(), "说明", OrgToday.Value, 4));
        Assert.Contains("5", (await tooShort.ProblemErrorsAsync())["workingDays"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Consultations.CountAsync(c => c.AgendaItemId == major.GetProperty("id").GetInt32())));

        var c = await OpenAsync(admin, major);
        Assert.True(c.Running);
        Assert.True(c.ClosesOn >= OrgToday.Value.AddDays(5)); // 5 working days are at least 5 days

        var (status, body) = await CommentAsync(c.Id, "建议先公开资产评估报告");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("感谢", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CommentAsync(c.Id, "  ")).Status);
        var stored = await app.WithDbAsync(db => db.ConsultationComments.Where(x => x.ConsultationId == c.Id).ToListAsync());
        Assert.Equal(("建议先公开资产评估报告", OrgToday.Value), (Assert.Single(stored).Text, stored[0].ReceivedOn));

        // The vote (open or head's decision) waits for the period to end; nothing is decided.
        foreach (var p in members)
        {
            await PresentAsync(admin, meetingId, p);
        }

        var fresh = Item(await GetAsync(admin, meetingId), "村集体资产处置方案");
        var vote = await VoteAsync(admin, fresh, members.Select(m => (m, "For")));
        Assert.Contains("期限届满前不能表决", (await vote.ProblemErrorsAsync())["id"][0], StringComparison.Ordinal);
        Assert.Equal("Pending", Item(await GetAsync(admin, meetingId), "村集体资产处置方案").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AfterThePeriod_ACommentIsRefused_TheVoteGoesAhead_AndTheRegisterKeepsTheSummary()
    {
        var (admin, members, meetingId, major, _) = await MeetingAsync();
        var c = await OpenAsync(admin, major);
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(c.Id, "同意处置，但须公开招标")).Status);
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(c.Id, "与本事项无关的广告")).Status);

        var hearing = await (await admin.PostJsonAsync($"{Route}/{c.Id}/hearing", new HearingRequest(c.Version, OrgToday.Value.AddDays(1), 0, ""))).ProblemErrorsAsync();
        Assert.Equal(["hearingOn", "participants", "summary"], hearing.Keys.Order());
        var heard = await (await admin.PostJsonAsync($"{Route}/{c.Id}/hearing", new HearingRequest(c.Version, OrgToday.Value, 23, "村民代表 23 人参加，多数赞成公开招标处置"))).ReadAsync<ConsultationView>();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/{c.Id}/experts", new ExpertOpinionRequest(c.Version, "王建国", "农村经济", "方案可行"))).StatusCode);
        var one = await (await admin.PostJsonAsync($"{Route}/{c.Id}/experts", new ExpertOpinionRequest(heard.Version, "王建国", "农村经济", "方案可行"))).ReadAsync<ConsultationView>();
        var two = await (await admin.PostJsonAsync($"{Route}/{c.Id}/experts", new ExpertOpinionRequest(one.Version, "李秀英", "资产评估", "评估价格合理"))).ReadAsync<ConsultationView>();
        var spam = two.Comments.Single(x => x.Text == "与本事项无关的广告");
        var moderated = await (await admin.PostJsonAsync($"{Route}/{c.Id}/comments/{spam.Id}/moderate", new ModerateCommentRequest(two.Version, CommentStatus.Hidden))).ReadAsync<ConsultationView>();
        Assert.Equal((1, 1, 2), (moderated.PublishedCount, moderated.HiddenCount, moderated.ExpertOpinions.Count));

        // The period ends (moved into the past in the database, as time passing would).
        await app.WithDbAsync(db => db.Consultations.Where(x => x.Id == c.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OpensOn, OrgToday.Value.AddDays(-10)).SetProperty(x => x.ClosesOn, OrgToday.Value.AddDays(-1))));
        var late = await CommentAsync(c.Id, "晚到的意见");
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("不在受理期内", late.Body, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.ConsultationComments.CountAsync(x => x.ConsultationId == c.Id)));

        foreach (var p in members)
        {
            await PresentAsync(admin, meetingId, p);
        }

        var fresh = Item(await GetAsync(admin, meetingId), "村集体资产处置方案");
        var decided = await (await VoteAsync(admin, fresh, members.Select(m => (m, "For")))).ReadAsync<JsonElement>();
        Assert.Equal("Passed", Item(decided, "村集体资产处置方案").GetProperty("outcome").GetString());

        var register = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/decisions?search=村集体资产处置方案&pageSize=200", Http.Json);
        var row = register.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("itemId").GetInt32() == fresh.GetProperty("id").GetInt32());
        Assert.Equal("公开意见 1 条（隐藏 1 条）；听证：已举行；专家意见 2 份", row.GetProperty("consultation").GetString());

        var export = await admin.GetAsync($"{Route}/{c.Id}/export");
        var sheet = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true, sheetName: "公众意见").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["公开", "隐藏"], sheet.Select(r => r["状态"]));
    }

    [Fact]
    public async Task OrgAdminB_CannotReadOrChangeTownshipAsConsultation_AndNothingChanges()
    {
        var (admin, _, _, major, _) = await MeetingAsync();
        var c = await OpenAsync(admin, major);
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(c.Id, "意见")).Status);
        var commentId = (await app.WithDbAsync(db => db.ConsultationComments.FirstAsync(x => x.ConsultationId == c.Id))).Id;
        var b = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/{c.Id}/hearing", new HearingRequest(c.Version, OrgToday.Value, 5, "听证"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/{c.Id}/experts", new ExpertOpinionRequest(c.Version, "张三", "法律", "意见"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/{c.Id}/comments/{commentId}/moderate", new ModerateCommentRequest(c.Version, CommentStatus.Hidden))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}/{c.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync(Route, new OpenConsultationRequest(major.GetProperty("id").GetInt32(), "x", OrgToday.Value, 5))).StatusCode);

        var unchanged = await app.WithDbAsync(db => db.Consultations.Include(x => x.Comments).Include(x => x.ExpertOpinions).FirstAsync(x => x.Id == c.Id));
        Assert.Equal((null, 0, CommentStatus.Published), (unchanged.HearingOn, unchanged.ExpertOpinions.Count, unchanged.Comments.Single().Status));
    }

    [Fact]
    public async Task PublicPage_ListsThePublishedComments_NewestFirst_ByPages_NeverAHiddenOne_AndTakingOneIsNotAudited()
    {
        var (admin, _, _, major, _) = await MeetingAsync();
        var c = await OpenAsync(admin, major);
        var visitor = app.AnonymousClient();
        var empty = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/public/consultations/{c.Id}"));
        Assert.Contains("data-outcome=\"no-comments\"", empty, StringComparison.Ordinal);
        Assert.Contains("还没有公开的意见", empty, StringComparison.Ordinal);

        const string kept = "建议把资产评估报告在村务公开栏张贴七天";
        const string hidden = "某某公司低价收购旧设备，电话一三八";
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(c.Id, kept)).Status);
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(c.Id, hidden)).Status);
        var view = await (await admin.GetAsync($"{Route}/{c.Id}")).ReadAsync<ConsultationView>();
        var spam = view.Comments.Single(x => x.Text == hidden);
        await (await admin.PostJsonAsync($"{Route}/{c.Id}/comments/{spam.Id}/moderate", new ModerateCommentRequest(view.Version, CommentStatus.Hidden))).ReadAsync<ConsultationView>();

        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/public/consultations/{c.Id}"));
        Assert.Contains(kept, page, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, page, StringComparison.Ordinal);
        Assert.Contains("data-comments-total=\"1\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-page-link", page, StringComparison.Ordinal);

        // A comment as it comes is not audited (its entry would date it to the second); the staff moderation is.
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ConsultationComment) && a.Action == "Created" && a.After != null && a.After.Contains(kept))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Consultation.CommentModerated" && a.After != null && a.After.Contains(hidden))));

        // Ten later ones: the first page shows them newest first with a link to the older page, which holds the first.
        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 10; i++)
            {
                db.ConsultationComments.Add(new ConsultationComment { ConsultationId = c.Id, Text = $"第{i:00}条补充意见", ReceivedOn = OrgToday.Value });
                await db.SaveChangesAsync();
            }

            return 0;
        });
        var first = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/public/consultations/{c.Id}"));
        Assert.DoesNotContain(kept, first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("第10条补充意见", StringComparison.Ordinal) < first.IndexOf("第01条补充意见", StringComparison.Ordinal));
        Assert.Contains($"public/consultations/{c.Id}?page=2", first, StringComparison.Ordinal);
        Assert.Contains("第 1 页，共 2 页", first, StringComparison.Ordinal);
        var second = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/public/consultations/{c.Id}?page=2"));
        Assert.Contains(kept, second, StringComparison.Ordinal);
        Assert.DoesNotContain("第10条补充意见", second, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, second, StringComparison.Ordinal);
        Assert.Contains("data-page-link=\"newer\"", second, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

[Collection(SqliteCollection.Name)]
public sealed class ConsultationSqliteTests(SqliteApp app) : ConsultationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ConsultationPostgresTests(PostgresApp app) : ConsultationTests(app);
