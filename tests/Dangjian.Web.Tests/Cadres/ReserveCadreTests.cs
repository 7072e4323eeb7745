using System.Net;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Cadres.Flags;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Cadres;

/// <summary>
/// The reserve cadre pool (CAD-1) and the incentive flags (CAD-7) over HTTP on a real database: entry, postings, results
/// noted from the evaluations module, taking out with a reason, the pool on a day, the views and the export, township B
/// kept from township A. Each test makes its own organizations and people.
/// </summary>
public abstract class ReserveCadreTests(AppFixture app)
{
    private const string Route = ReserveEndpoints.Route;

    private static EnterReserveRequest Enter(int org, int person, DateOnly on, string type = "党政正职", ReserveSource? source = ReserveSource.DemocraticRecommendation) =>
        new(org, person, "正科级", type, source, on, "民主推荐得票靠前");

    [Fact]
    public async Task Enter_IsInThePoolFromItsDay_NotTheDayBefore_AndAudited()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await app.NewPersonAsync(org, "后备甲");
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var saved = await (await admin.PostJsonAsync(Route, Enter(org, person, new DateOnly(2024, 3, 1)))).ReadAsync<ReserveCadreView>();

        Assert.Equal((person, "正科级", "党政正职", true), (saved.Entry.PersonId, saved.Entry.TargetPostLevel, saved.Entry.TargetPostType, saved.CanWrite));
        var on = await (await admin.GetAsync($"{Route}?organizationId={org}&asOf=2024-03-01")).ReadAsync<ReserveListView>();
        var before = await (await admin.GetAsync($"{Route}?organizationId={org}&asOf=2024-02-29")).ReadAsync<ReserveListView>();
        Assert.Equal([person], on.Entries.Items.Select(e => e.PersonId));
        Assert.Empty(before.Entries.Items);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ReserveCadre" && a.EntityId == saved.Entry.Id.ToString())));
    }

    [Fact]
    public async Task Enter_BadInput_Is400NamingTheField_AndNothingStored()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await app.NewPersonAsync(org, "后备乙");
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var source = await (await admin.PostJsonAsync(Route, Enter(org, person, new DateOnly(2024, 1, 1), source: null))).ProblemErrorsAsync();
        var future = await (await admin.PostJsonAsync(Route, Enter(org, person, OrgToday.Value.AddDays(1)))).ProblemErrorsAsync();
        var type = await (await admin.PostJsonAsync(Route, Enter(org, person, OrgToday.Value, type: " "))).ProblemErrorsAsync();
        var foreign = await (await admin.PostJsonAsync(Route, Enter(org, t.PersonOfB, OrgToday.Value))).ProblemErrorsAsync();

        Assert.Equal(["source", "enteredOn", "targetPostType", "personId"], [.. new[] { source, future, type, foreign }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("今天", future["enteredOn"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReserveCadres.CountAsync(e => e.OrganizationId == org)));

        // Once in, a second entry of the same person is refused.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, person, new DateOnly(2024, 1, 1)))).StatusCode);
        var twice = await (await admin.PostJsonAsync(Route, Enter(org, person, new DateOnly(2024, 2, 1)))).ProblemErrorsAsync();
        Assert.Contains("已在库中", twice["personId"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postings_OneAtATime_ThenTakenOutWithAReason_ListedOut_StaleVersionIs409()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var person = await app.NewPersonAsync(org, "后备丙");
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var e = await (await admin.PostJsonAsync(Route, Enter(org, person, new DateOnly(2023, 1, 1)))).ReadAsync<ReserveCadreView>();
        var id = e.Entry.Id;

        var posted = await (await admin.PostJsonAsync($"{Route}/{id}/postings", new AddPostingRequest(e.Version, PostingKind.VillagePosting, "东村", new DateOnly(2023, 3, 1), null))).ReadAsync<ReserveCadreView>();
        var overlap = await (await admin.PostJsonAsync($"{Route}/{id}/postings", new AddPostingRequest(posted.Version, PostingKind.Secondment, "西村", new DateOnly(2023, 6, 1), null))).ProblemErrorsAsync();
        var stale = await admin.PostJsonAsync($"{Route}/{id}/postings", new AddPostingRequest(e.Version, PostingKind.Secondment, "西村", new DateOnly(2024, 6, 1), null));
        Assert.Contains("from", overlap.Keys);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var ended = await (await admin.PostJsonAsync($"{Route}/{id}/postings/{posted.Postings[0].Id}/end", new EndPostingRequest(posted.Version, new DateOnly(2023, 12, 31)))).ReadAsync<ReserveCadreView>();
        Assert.Equal(new DateOnly(2023, 12, 31), Assert.Single(ended.Postings).To);

        var noReason = await (await admin.PostJsonAsync($"{Route}/{id}/leave", new LeavePoolRequest(ended.Version, new DateOnly(2024, 5, 1), " "))).ProblemErrorsAsync();
        Assert.Equal(["leaveReason"], noReason.Keys);
        var left = await (await admin.PostJsonAsync($"{Route}/{id}/leave", new LeavePoolRequest(ended.Version, new DateOnly(2024, 5, 1), "提拔任职"))).ReadAsync<ReserveCadreView>();
        Assert.Equal((new DateOnly(2024, 5, 1), "提拔任职", false), (left.Entry.LeftOn, left.Entry.LeaveReason, left.CanWrite));

        var outList = await (await admin.GetAsync($"{Route}?organizationId={org}&status=Out&asOf=2024-05-01")).ReadAsync<ReserveListView>();
        var inList = await (await admin.GetAsync($"{Route}?organizationId={org}&asOf=2024-04-30")).ReadAsync<ReserveListView>();
        Assert.Equal([id], outList.Entries.Items.Select(x => x.Id));
        Assert.Equal([id], inList.Entries.Items.Select(x => x.Id));

        // Taken in again: not before the day out; on it, a new entry.
        var early = await (await admin.PostJsonAsync(Route, Enter(org, person, new DateOnly(2024, 4, 30)))).ProblemErrorsAsync();
        Assert.Equal(["enteredOn"], early.Keys);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, person, new DateOnly(2024, 5, 1)))).StatusCode);
    }

    [Fact]
    public async Task Results_FromTheEvaluationsModule_AreNoted_AndRaiseTheFlags()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var (excellent, unfit, twice) = (await app.NewPersonAsync(org, "优秀者"), await app.NewPersonAsync(org, "不称职者"), await app.NewPersonAsync(org, "两次优秀"));
        await app.FinalizedAnnualAsync(org, 2022, (excellent, "优秀"), (twice, "称职"));
        await app.FinalizedAnnualAsync(org, 2023, (excellent, "优秀"), (twice, "优秀"));
        await app.FinalizedAnnualAsync(org, 2024, (excellent, "优秀"), (unfit, "不称职"), (twice, "优秀"));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var flags = await (await admin.GetAsync($"{FlagEndpoints.Route}?organizationId={org}&throughYear=2024")).ReadAsync<FlagsView>();
        Assert.Equal(
            [(excellent, CadreFlagKind.PromotionEligible), (unfit, CadreFlagKind.Adjustment)],
            flags.People.Select(p => (p.PersonId, Assert.Single(p.Flags).Kind)).OrderBy(x => x.Item2));
        var through2023 = await (await admin.GetAsync($"{FlagEndpoints.Route}?organizationId={org}&throughYear=2023")).ReadAsync<FlagsView>();
        Assert.Empty(through2023.People);

        var e = await (await admin.PostJsonAsync(Route, Enter(org, excellent, new DateOnly(2025, 1, 10)))).ReadAsync<ReserveCadreView>();
        Assert.Equal([2022, 2023, 2024], e.EvaluationGrades.Select(g => g.Year));
        Assert.Empty(e.Assessments);
        var noted = await (await admin.PostJsonAsync($"{Route}/{e.Entry.Id}/assessments/pull", new VersionRequest(e.Version))).ReadAsync<ReserveCadreView>();
        Assert.Equal(["优秀", "优秀", "优秀"], noted.Assessments.Select(a => a.Grade));
        Assert.Equal(CadreFlagKind.PromotionEligible, Assert.Single(noted.Flags).Kind);
        var after = await (await admin.GetAsync($"{FlagEndpoints.Route}?organizationId={org}&throughYear=2024")).ReadAsync<FlagsView>();
        Assert.True(after.People.Single(p => p.PersonId == excellent).InReservePool);
    }

    [Fact]
    public async Task Views_CountThePoolOnTheDay_ByPostTypeAgeAndEducation_ExportFollowsTheFilter()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var young = await app.NewPersonAsync(org, "年轻后备", new DateOnly(1990, 6, 1), "大学本科");
        var older = await app.NewPersonAsync(org, "年长后备", new DateOnly(1978, 6, 1), "研究生");
        var unknown = await app.NewPersonAsync(org, "未登记后备");
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, young, new DateOnly(2024, 1, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, older, new DateOnly(2024, 1, 1), type: "党政副职"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, unknown, new DateOnly(2024, 1, 1), type: "党政副职"))).StatusCode);

        var v = await (await admin.GetAsync($"{Route}/views?organizationId={org}&asOf=2025-01-01")).ReadAsync<ReservePoolView>();
        Assert.Equal(3, v.Total);
        Assert.Equal([("党政副职", 2), ("党政正职", 1)], v.ByPostType.Select(c => (c.Key, c.Count)));
        Assert.Equal(1, v.ByAgeBand.Single(b => b.FromAge is null).Count);
        Assert.Equal(1, v.ByAgeBand.Single(b => b.FromAge == 46).Count);
        Assert.Equal(1, v.AgeUnknown);

        var export = await admin.GetAsync($"{Route}/export?organizationId={org}&asOf=2025-01-01&postType=党政副职");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("党政副职", r["拟任岗位类别"]));

        var page = System.Net.WebUtility.HtmlDecode(await (await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync($"/cadres/reserve?organizationId={org}")).Content.ReadAsStringAsync());
        Assert.Contains("data-chart=\"age-band\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"export\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_CAD1_IsEntered_Counted_Filtered_Exported_AndTooLongIsRefusedNamingIt()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        foreach (var (name, field) in new[] { ("农业后备甲", "农业农村"), ("农业后备乙", " 农业农村 "), ("政法后备", "政法"), ("未填领域", (string?)null) })
        {
            var person = await app.NewPersonAsync(org, name);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Enter(org, person, new DateOnly(2024, 1, 1)) with { Field = field })).StatusCode);
        }

        var tooLong = await admin.PostJsonAsync(Route, Enter(org, await app.NewPersonAsync(org, "领域过长"), new DateOnly(2024, 1, 1)) with { Field = new string('农', ReserveCadre.MaxFieldLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("\"field\"", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var v = await (await admin.GetAsync($"{Route}/views?organizationId={org}&asOf=2025-01-01")).ReadAsync<ReservePoolView>();
        Assert.Equal(4, v.Total);
        Assert.Equal([("农业农村", 2), (string.Empty, 1), ("政法", 1)], v.ByField.Select(c => (c.Key, c.Count)));

        var list = await (await admin.GetAsync($"{Route}?organizationId={org}&asOf=2025-01-01&field=农业农村")).ReadAsync<ReserveListView>();
        Assert.Equal(["农业后备乙", "农业后备甲"], list.Entries.Items.Select(r => r.PersonName[..5]).Order());
        Assert.Equal(["农业农村", "政法"], list.Fields);

        var export = await admin.GetAsync($"{Route}/export?organizationId={org}&asOf=2025-01-01&field=政法");
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.StartsWith("政法后备", (string)Assert.Single(rows)["姓名"]!, StringComparison.Ordinal);
        Assert.Equal("政法", rows[0]["专业领域"]);

        var page = System.Net.WebUtility.HtmlDecode(await (await (await app.SignInAsync(Demo.OrgAdminA)).GetAsync($"/cadres/reserve?organizationId={org}")).Content.ReadAsStringAsync());
        Assert.Contains("data-chart=\"field\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TownshipA_IsRefusedTownshipBsEntries_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var orgB = await app.NewOrganizationAsync(t.B);
        var personB = await app.NewPersonAsync(orgB, "乙镇后备");
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        var e = await (await adminB.PostJsonAsync(Route, Enter(orgB, personB, new DateOnly(2024, 1, 1)))).ReadAsync<ReserveCadreView>();
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/{e.Entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}?organizationId={orgB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/export?organizationId={orgB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/views?organizationId={orgB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{FlagEndpoints.Route}?organizationId={orgB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/{e.Entry.Id}/leave", new LeavePoolRequest(e.Version, OrgToday.Value, "越权"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/{e.Entry.Id}/postings", new AddPostingRequest(e.Version, PostingKind.Exchange, "越权", OrgToday.Value, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync(Route, Enter(orgB, personB, OrgToday.Value))).StatusCode);
        Assert.Equal((null, 0), await app.WithDbAsync(db => db.ReserveCadres.Where(x => x.Id == e.Entry.Id).Select(x => new ValueTuple<DateOnly?, int>(x.LeftOn, x.Postings.Count)).FirstAsync()));

        var own = await (await adminA.GetAsync($"{Route}?organizationId={t.A}&status=All&pageSize=200&search=乙镇后备")).ReadAsync<ReserveListView>();
        Assert.Empty(own.Entries.Items);
        var member = await app.ClientForAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Route}?organizationId={t.BranchOfA}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReserveCadreSqliteTests(SqliteApp app) : ReserveCadreTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReserveCadrePostgresTests(PostgresApp app) : ReserveCadreTests(app);
