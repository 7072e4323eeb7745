using System.Net;
using System.Net.Http.Json;
using Dangjian.Domain.Reviews;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Reviews;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Reviews;

/// <summary>
/// Work reviews (复盘, REV-1) over HTTP on a real database: written of a meeting and edited by the branch secretary,
/// refused without the purpose, refused for a record of another organization, kept from township A's roles when they are
/// township B's, searched word by word across the caller's subtree only, and exported. Each test marks its reviews with a
/// word of its own so the tests do not see each other's.
/// </summary>
public abstract class ReviewTests(AppFixture app)
{
    private const string Route = ReviewEndpoints.Route;

    private static DateOnly Today => OrgToday.Value;

    [Fact]
    public async Task Secretary_WritesAReviewOfAMeeting_EditsIt_StaleVersionIsAConflict()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var meeting = await MeetingOfAsync(branch);
        var mark = Mark();

        var created = await CreateAsync(secretary, branch, Fields(mark, lessons: "  会前先算清账  "), ReviewSubjectKind.Meeting, meeting.Id);
        Assert.Equal((branch, mark + "复盘", "会前先算清账"), (created.OrganizationId, created.Title, created.Lessons));
        Assert.Equal((ReviewSubjectKind.Meeting, meeting.Id, meeting.Title, $"meetings/{meeting.Id}"),
            (created.Subject!.Kind, created.Subject.Id, created.Subject.Title, created.Subject.Href));
        Assert.True(created.MayWrite);

        var edited = await (await secretary.PutJsonAsync($"{Route}/{created.Id}", new UpdateReviewRequest(Fields(mark, lessons: "涉及资金的议题请会计列席"), created.Version))).ReadAsync<ReviewView>();
        Assert.Equal("涉及资金的议题请会计列席", edited.Lessons);
        Assert.Equal(Demo.Secretary, edited.UpdatedBy);
        Assert.Equal((ReviewSubjectKind.Meeting, meeting.Id), (edited.Subject!.Kind, edited.Subject.Id));

        var stale = await secretary.PutJsonAsync($"{Route}/{created.Id}", new UpdateReviewRequest(Fields(mark, lessons: "旧版本"), created.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var read = await (await secretary.GetAsync($"{Route}/{created.Id}")).ReadAsync<ReviewView>();
        Assert.Equal(("涉及资金的议题请会计列席", edited.Version), (read.Lessons, read.Version));

        // The meeting's card lists it: the list filtered by the record reviewed.
        var attached = await (await secretary.GetAsync($"{Route}?subjectKind=Meeting&subjectId={meeting.Id}")).ReadAsync<Paged<ReviewRow>>();
        Assert.Contains(attached.Items, r => r.Id == created.Id);
        var id = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(WorkReview) && a.EntityId == id).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "WorkReview.Edited"], actions);
    }

    [Fact]
    public async Task MissingPurpose_Is400NamingPurpose_AndNothingStored()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var mark = Mark();

        var response = await secretary.PostJsonAsync(Route, new CreateReviewRequest(branch, null, null, Fields(mark) with { Purpose = "  " }));
        var errors = await response.ProblemErrorsAsync();
        Assert.Equal(["purpose"], errors.Keys);
        Assert.Contains("目的或期望", errors["purpose"][0], StringComparison.Ordinal);

        // A missing day is named with the rest, and a day after today is refused.
        var noDay = await (await secretary.PostJsonAsync(Route, new CreateReviewRequest(branch, null, null, Fields(mark) with { HeldOn = null, Summary = null }))).ProblemErrorsAsync();
        Assert.Equal(["heldOn", "summary"], noDay.Keys.Order(StringComparer.Ordinal));
        var future = await (await secretary.PostJsonAsync(Route, new CreateReviewRequest(branch, null, null, Fields(mark) with { HeldOn = Today.AddDays(1) }))).ProblemErrorsAsync();
        Assert.Equal(["heldOn"], future.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.WorkReviews.CountAsync(r => r.Title.StartsWith(mark))));
    }

    [Fact]
    public async Task SubjectOfAnotherOrganization_OrNone_IsRefusedOnSubjectKind()
    {
        var t = await app.TownshipsAsync();
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var township = await MeetingOfAsync(t.A, otherThan: branch);
        var mark = Mark();

        // A meeting of the township above is in the secretary's sight but not the branch's own record.
        var elsewhere = await (await secretary.PostJsonAsync(Route, new CreateReviewRequest(branch, ReviewSubjectKind.Meeting, township.Id, Fields(mark)))).ProblemErrorsAsync();
        Assert.Equal(["subjectKind"], elsewhere.Keys);
        var missing = await (await secretary.PostJsonAsync(Route, new CreateReviewRequest(branch, ReviewSubjectKind.ElectionProject, int.MaxValue, Fields(mark)))).ProblemErrorsAsync();
        Assert.Equal(["subjectKind"], missing.Keys);
        var half = await (await secretary.PostJsonAsync(Route, new CreateReviewRequest(branch, ReviewSubjectKind.Meeting, null, Fields(mark)))).ProblemErrorsAsync();
        Assert.Equal(["subjectKind"], half.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.WorkReviews.CountAsync(r => r.Title.StartsWith(mark))));
    }

    [Fact]
    public async Task TownshipBsReview_IsRefusedToTownshipAsRoles_AndAMemberCannotWrite()
    {
        var t = await app.TownshipsAsync();
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        var mark = Mark();
        var review = await CreateAsync(adminB, t.B, Fields(mark));

        foreach (var user in new[] { Demo.OrgAdminA, Demo.Secretary, Demo.Member })
        {
            var client = await app.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Route}/{review.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutJsonAsync($"{Route}/{review.Id}", new UpdateReviewRequest(Fields("改写"), review.Version))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Route}?organizationId={t.B}")).StatusCode);
            Assert.Empty((await (await client.GetAsync($"{Route}?q={mark}")).ReadAsync<Paged<ReviewRow>>()).Items);
        }

        var member = await app.ClientForAsync(Demo.Member);
        var own = await app.ScopeOrganizationOfAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(Route, new CreateReviewRequest(own, null, null, Fields(mark)))).StatusCode);
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync(Route, new CreateReviewRequest(t.B, null, null, Fields(mark)))).StatusCode);
        var unchanged = await app.WithDbAsync(db => db.WorkReviews.Where(r => r.Title.StartsWith(mark)).Select(r => new { r.Id, r.Version }).ToListAsync());
        Assert.Equal(review.Id, Assert.Single(unchanged).Id);
        Assert.Equal(review.Version, unchanged[0].Version);
    }

    [Fact]
    public async Task Search_NeedsEveryTerm_InAnyField_CaseInsensitive_AndStaysInTheSubtree()
    {
        var t = await app.TownshipsAsync();
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        var mark = Mark();
        var ours = await CreateAsync(adminA, t.BranchOfA, Fields(mark) with { FailureFactors = $"资金来源没有核实 Budget{mark}" });
        var other = await CreateAsync(adminA, t.A, Fields(mark));
        var theirs = await CreateAsync(adminB, t.B, Fields(mark) with { FailureFactors = $"资金来源没有核实 Budget{mark}" });

        Assert.Equal([ours.Id], await SearchAsync(adminA, $"budget{mark.ToLowerInvariant()}"));
        Assert.Equal([ours.Id], await SearchAsync(adminA, $"{mark}  核实"));
        Assert.Empty(await SearchAsync(adminA, $"{mark} 核实 不存在的词"));
        Assert.Equal([other.Id, ours.Id], await SearchAsync(adminA, mark));
        Assert.Equal([ours.Id], await SearchAsync(adminA, mark, $"&organizationId={t.BranchOfA}"));
        Assert.Equal([theirs.Id], await SearchAsync(adminB, $"Budget{mark}"));
        Assert.Empty(await SearchAsync(adminA, mark, $"&year={Today.Year - 1}"));
        Assert.Equal(2, (await SearchAsync(adminA, mark, $"&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).Count);
    }

    [Fact]
    public async Task Search_TakesPercentAndUnderscoreLiterally()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var mark = Mark();
        var percent = await CreateAsync(admin, t.A, Fields(mark) with { Variance = "完成率100%，达到预期" });
        await CreateAsync(admin, t.A, Fields(mark) with { Variance = "完成率1000，未见百分号" });

        Assert.Equal([percent.Id], await SearchAsync(admin, $"{mark} %"));
        Assert.Equal([percent.Id], await SearchAsync(admin, $"{mark} 100%，"));
        Assert.Empty(await SearchAsync(admin, $"{mark} 1_0%"));
        Assert.Empty(await SearchAsync(admin, $"{mark} _"));
    }

    [Fact]
    public async Task Export_HasOneRowPerReview_UnderTheSameFilter()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var mark = Mark();
        await CreateAsync(admin, t.A, Fields(mark) with { Title = mark + "甲", Place = "=HYPERLINK(\"x\")" });
        await CreateAsync(admin, t.BranchOfA, Fields(mark) with { Title = mark + "乙", Lessons = "提前摸排" });
        await CreateAsync(await app.ClientForAsync(Demo.OrgAdminB), t.B, Fields(mark) with { Title = mark + "丙" });

        var response = await admin.GetAsync($"{Route}/export?q={mark}");
        Assert.Equal(ExcelFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([mark + "乙", mark + "甲"], rows.Select(r => r["复盘标题"] as string).Order(StringComparer.Ordinal));
        var b = rows.Single(r => (string)r["复盘标题"] == mark + "乙");
        Assert.Equal(("提前摸排", "两周内完成服务号开发", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (b["总结经验规律"] as string, b["目的或期望"] as string, b["时间"] as string));
        Assert.Equal("'=HYPERLINK(\"x\")", rows.Single(r => (string)r["复盘标题"] == mark + "甲")["地点"]);
    }

    private async Task<List<int>> SearchAsync(HttpClient client, string q, string more = "") =>
        [.. (await (await client.GetAsync($"{Route}?q={Uri.EscapeDataString(q)}{more}")).ReadAsync<Paged<ReviewRow>>()).Items.Select(r => r.Id)];

    private static async Task<ReviewView> CreateAsync(HttpClient client, int organizationId, ReviewFields fields, ReviewSubjectKind? kind = null, int? subjectId = null)
    {
        var response = await client.PostJsonAsync(Route, new CreateReviewRequest(organizationId, kind, subjectId, fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<ReviewView>();
    }

    private async Task<(int Id, string Title)> MeetingOfAsync(int organizationId, int? otherThan = null) =>
        await app.WithDbAsync(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync();
            var m = await db.Meetings.Where(x => db.Organizations.Any(o => o.Id == x.OrganizationId && o.Path.StartsWith(path)) && x.OrganizationId != otherThan)
                .OrderBy(x => x.Id).Select(x => new { x.Id, x.Title }).FirstAsync();
            return (m.Id, m.Title);
        });

    /// <summary>A word no other test's reviews contain (letters only: it is searched for).</summary>
    private static string Mark() => "Rv" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant().Replace('_', 'X');

    private static ReviewFields Fields(string mark, string? lessons = null) => new(
        mark + "复盘", "两周内完成某服务号的开发、测试并正式运行", "王经理、李主任", Today, "公司202会议室",
        "两周内完成服务号开发", "功能呈现、测试过关、运行稳定", null, null, null, null, lessons, null, null);
}

[Collection(SqliteCollection.Name)]
public sealed class ReviewSqliteTests(SqliteApp app) : ReviewTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReviewPostgresTests(PostgresApp app) : ReviewTests(app);
