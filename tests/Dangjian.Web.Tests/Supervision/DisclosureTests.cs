using System.Net;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Supervision.Disclosures;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Supervision;

/// <summary>
/// 三务公开 (SUP-4) over HTTP on a real database: items entered by the organization's administrators, bad input refused
/// with nothing stored, the quarter an item counts for (a calendar quarter: 31 March is the first, 1 April the second),
/// the list of organizations that published nothing, township B kept from township A, the export, and the public board.
/// Each test makes organizations of its own, so the rows of other tests and of the demo never decide what it reads.
/// </summary>
public abstract class DisclosureTests(AppFixture app)
{
    private const string Route = DisclosureEndpoints.Route;

    private static PublishDisclosureRequest Item(int org, DateOnly on, string title, DisclosureCategory category = DisclosureCategory.Finance) =>
        new(org, category, title, "公开内容：" + title, on);

    [Fact]
    public async Task Publish_ByTheTownshipAdmin_IsListedInItsQuarter_WithTheOrganization()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var saved = await (await admin.PostJsonAsync(Route, Item(org, new DateOnly(2024, 2, 10), "二月财务收支"))).ReadAsync<DisclosureView>();

        Assert.Equal((org, 2024, 1, DisclosureCategory.Finance), (saved.OrganizationId, saved.Year, saved.Quarter, saved.Category));
        var list = await (await admin.GetAsync($"{Route}?organizationId={org}&year=2024&quarter=1")).ReadAsync<DisclosureQuarterView>();
        var item = Assert.Single(list.Items.Items);
        Assert.Equal(("二月财务收支", new DateOnly(2024, 2, 10)), (item.Title, item.PublishedOn));
        Assert.True(list.CanWrite);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Disclosure" && a.EntityId == saved.Id.ToString())));
    }

    [Fact]
    public async Task Publish_BadInput_Is400NamingTheField_AndNothingStored()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var future = await (await admin.PostJsonAsync(Route, Item(org, OrgToday.Value.AddDays(1), "明天的公开"))).ProblemErrorsAsync();
        var title = await (await admin.PostJsonAsync(Route, Item(org, OrgToday.Value, " "))).ProblemErrorsAsync();
        var category = await (await admin.PostJsonAsync(Route, new PublishDisclosureRequest(org, null, "无类别", "内容", OrgToday.Value))).ProblemErrorsAsync();
        var day = await (await admin.PostJsonAsync(Route, new PublishDisclosureRequest(org, DisclosureCategory.PartyAffairs, "无日期", "内容", null))).ProblemErrorsAsync();
        var quarter = await (await admin.GetAsync($"{Route}?organizationId={org}&year=2024&quarter=5")).ProblemErrorsAsync();

        Assert.Equal(["publishedOn", "title", "category", "publishedOn", "quarter"], [.. new[] { future, title, category, day, quarter }.Select(e => string.Join(",", e.Keys))]);
        Assert.Contains("标题", title["title"][0], StringComparison.Ordinal);
        Assert.Contains("今天", future["publishedOn"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.OrganizationId == org)));

        // Today itself is accepted: the item went up today.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Item(org, OrgToday.Value, "今天的公开"))).StatusCode);
    }

    [Fact]
    public async Task Quarter_AnItemOn31March_CountsForTheFirstQuarter_NotTheSecond_WhereItsOrganizationIsListedAsSilent()
    {
        var t = await app.TownshipsAsync();
        var parent = await app.NewOrganizationAsync(t.A, Domain.Organizations.OrganizationKind.GeneralBranch);
        var (march, april) = (await app.NewOrganizationAsync(parent), await app.NewOrganizationAsync(parent));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Item(march, new DateOnly(2024, 3, 31), "三月末党务", DisclosureCategory.PartyAffairs))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Item(april, new DateOnly(2024, 4, 1), "四月初村务", DisclosureCategory.VillageAffairs))).StatusCode);

        var q1 = await (await admin.GetAsync($"{Route}?organizationId={parent}&year=2024&quarter=1")).ReadAsync<DisclosureQuarterView>();
        var q2 = await (await admin.GetAsync($"{Route}?organizationId={parent}&year=2024&quarter=2")).ReadAsync<DisclosureQuarterView>();

        Assert.Equal(["三月末党务"], q1.Items.Items.Select(i => i.Title));
        Assert.Equal([parent, april], q1.NotPublished.Select(o => o.OrganizationId));
        Assert.Equal(1, q1.Organizations.Single(o => o.OrganizationId == march).Published);
        Assert.Equal(["四月初村务"], q2.Items.Items.Select(i => i.Title));
        Assert.Equal([parent, march], q2.NotPublished.Select(o => o.OrganizationId));

        // A category named: an organization that published only another kind owes this one.
        var party = await (await admin.GetAsync($"{Route}?organizationId={parent}&year=2024&quarter=2&category=PartyAffairs")).ReadAsync<DisclosureQuarterView>();
        Assert.Empty(party.Items.Items);
        Assert.Equal([parent, march, april], party.NotPublished.Select(o => o.OrganizationId));

        // The export holds the quarter's items and each organization's count.
        var export = await admin.GetAsync($"{Route}/export?organizationId={parent}&year=2024&quarter=1");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var items = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "公开事项").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(items);
        Assert.Equal(("三月末党务", "党务公开", "2024-03-31"), (row["标题"], row["类别"], row["公开日期"]));
        var counts = new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "各单位公开情况").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, counts.Count);
    }

    [Fact]
    public async Task TownshipA_IsRefusedTownshipBsItems_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var orgB = await app.NewOrganizationAsync(t.B);
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.OK, (await adminB.PostJsonAsync(Route, Item(orgB, new DateOnly(2024, 5, 5), "乙镇财务"))).StatusCode);
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync(Route, Item(orgB, new DateOnly(2024, 5, 6), "越权公开"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}?organizationId={orgB}&year=2024&quarter=2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/export?organizationId={orgB}&year=2024&quarter=2")).StatusCode);
        Assert.Equal(["乙镇财务"], await app.WithDbAsync(db => db.Disclosures.Where(d => d.OrganizationId == orgB).Select(d => d.Title).ToListAsync()));

        // Township A's own list never shows B's item, and a member reads no list.
        var own = await (await adminA.GetAsync($"{Route}?organizationId={t.A}&year=2024&quarter=2&pageSize=200")).ReadAsync<DisclosureQuarterView>();
        Assert.DoesNotContain(own.Items.Items, i => i.OrganizationId == orgB);
        Assert.DoesNotContain(own.Organizations, o => o.OrganizationId == orgB);
        var member = await app.ClientForAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Route}?organizationId={t.BranchOfA}")).StatusCode);
    }

    [Fact]
    public async Task PublicBoard_ShowsTheOrganizationsItems_ThisQuarterAndTheArchive_NotAnotherOrganizations_NorAnythingInternal()
    {
        var t = await app.TownshipsAsync();
        var (org, other) = (await app.NewOrganizationAsync(t.A), await app.NewOrganizationAsync(t.A));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Item(org, OrgToday.Value, "本季度村务公开栏", DisclosureCategory.VillageAffairs))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Item(org, new DateOnly(2024, 3, 31), "往期财务公开"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Item(other, OrgToday.Value, "别的单位的公开"))).StatusCode);

        var anonymous = app.AnonymousClient();
        var response = await anonymous.GetAsync($"/public/disclosures/{org}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("本季度村务公开栏", page, StringComparison.Ordinal);
        Assert.Contains("往期财务公开", page, StringComparison.Ordinal);
        Assert.Contains("2024 年第 1 季度", page, StringComparison.Ordinal);
        Assert.DoesNotContain("别的单位的公开", page, StringComparison.Ordinal);
        Assert.DoesNotContain("orgadmin", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/disclosures/{int.MaxValue}")).StatusCode);
    }

    [Fact]
    public async Task StaffPage_ShowsTheQuarterItems_AndTheSilentOrganizations_TheEntryFormToTheAdmin()
    {
        var t = await app.TownshipsAsync();
        var parent = await app.NewOrganizationAsync(t.A, Domain.Organizations.OrganizationKind.GeneralBranch);
        var (published, silent) = (await app.NewOrganizationAsync(parent), await app.NewOrganizationAsync(parent));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync(Route, Item(published, new DateOnly(2024, 8, 1), "八月财务公开"))).StatusCode);
        var names = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == silent || o.Id == published).ToDictionaryAsync(o => o.Id, o => o.Name));

        var client = await app.SignInAsync(Demo.OrgAdminA);
        var response = await client.GetAsync($"/supervision/disclosures?organizationId={parent}&year=2024&quarter=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("八月财务公开", html, StringComparison.Ordinal);
        Assert.Contains("2024 年第 3 季度", html, StringComparison.Ordinal);
        Assert.Contains("data-silent=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains(names[silent], html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"enter\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"export\"", html, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DisclosureSqliteTests(SqliteApp app) : DisclosureTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DisclosurePostgresTests(PostgresApp app) : DisclosureTests(app);
