using System.Net;
using Dangjian.Domain.Supervision;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Supervision.Audits;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Dangjian.Web.Tests.Supervision.Notices;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Supervision.Audits;

/// <summary>
/// 经济责任审计 (SUP-3) over HTTP on a real database: planned, started, findings, report, each finding rectified; bad input
/// and steps out of order refused with nothing changed, a stale version 409; township B kept from township A; the export.
/// </summary>
public abstract class AuditTests(AppFixture app)
{
    private const string Route = AuditEndpoints.Route;

    private async Task<(int Org, int Person, HttpClient Admin)> LeaderOfAAsync()
    {
        var t = await app.TownshipsAsync();
        var org = await app.NewOrganizationAsync(t.A);
        return (org, await app.NewCadreAsync(org, "审计对象"), await app.ClientForAsync(Demo.OrgAdminA));
    }

    private static PlanAuditRequest Plan(int org, int person, EconomicAuditKind kind = EconomicAuditKind.InTerm) =>
        new(org, person, kind, new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31), new DateOnly(2024, 3, 1));

    [Fact]
    public async Task Audit_IsPlanned_Started_FindsTwoProblems_Reported_AndRectifiedOneByOne()
    {
        var (org, person, admin) = await LeaderOfAAsync();
        var today = OrgToday.Value;

        var a = (await (await admin.PostJsonAsync(Route, Plan(org, person))).ReadAsync<AuditDetail>()).Audit;
        Assert.Equal((EconomicAuditStatus.Planned, person), (a.Status, a.PersonId));
        a = (await (await admin.PostJsonAsync($"{Route}/{a.Id}/start", new AuditDayRequest(today, a.Version))).ReadAsync<AuditDetail>()).Audit;
        a = (await (await admin.PostJsonAsync($"{Route}/{a.Id}/findings", new AddFindingRequest("公务接待超标准", a.Version))).ReadAsync<AuditDetail>()).Audit;
        a = (await (await admin.PostJsonAsync($"{Route}/{a.Id}/findings", new AddFindingRequest("固定资产账实不符", a.Version))).ReadAsync<AuditDetail>()).Audit;
        a = (await (await admin.PostJsonAsync($"{Route}/{a.Id}/complete", new CompleteAuditRequest("基本履行经济责任，存在两项问题", today, a.Version))).ReadAsync<AuditDetail>()).Audit;
        Assert.Equal((EconomicAuditStatus.Completed, 2, false), (a.Status, a.Findings.Count, a.IsRectified));

        a = (await (await admin.PostJsonAsync($"{Route}/{a.Id}/findings/{a.Findings[0].Id}/rectify", new RectifyFindingRequest("退回超标准费用", today, a.Version))).ReadAsync<AuditDetail>()).Audit;
        var twice = await (await admin.PostJsonAsync($"{Route}/{a.Id}/findings/{a.Findings[0].Id}/rectify", new RectifyFindingRequest("再次整改", today, a.Version))).ProblemErrorsAsync();
        Assert.Equal(["findingId"], twice.Keys);
        a = (await (await admin.PostJsonAsync($"{Route}/{a.Id}/findings/{a.Findings[1].Id}/rectify", new RectifyFindingRequest("清查资产并补登", today, a.Version))).ReadAsync<AuditDetail>()).Audit;

        Assert.True(a.IsRectified);
        Assert.Equal(["退回超标准费用", "清查资产并补登"], a.Findings.Select(f => f.Measure));
        var list = await (await admin.GetAsync($"{Route}?organizationId={org}&status=Completed")).ReadAsync<AuditListView>();
        Assert.Equal([a.Id], list.Items.Items.Select(x => x.Id));
        Assert.True(list.CanRecord);

        var export = await admin.GetAsync($"{Route}/export?organizationId={org}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var row = Assert.Single(new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "经济责任审计").Cast<IDictionary<string, object?>>());
        Assert.Equal(("任中审计", "已出具报告", "2021-01-01 — 2023-12-31"), (row["审计类型"], row["状态"], row["审计期间"]));
        Assert.Equal(2, new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: "审计发现的问题").Count());
    }

    [Fact]
    public async Task Departures_ASecretaryWhoLeft_IsListedFromTheDayAfterTheLastDay_UntilADepartureAuditCoversIt()
    {
        var (org, old, admin) = await LeaderOfAAsync();
        var successor = await app.NewCadreAsync(org, "新书记");
        // The next team starts on 1 March 2025 with another secretary: the old one's last day in post is 28 February.
        await app.WithDbAsync(async db =>
        {
            db.LeadershipTeams.Add(new LeadershipTeam
            {
                OrganizationId = org, TermNumber = 1, StartsOn = new DateOnly(2022, 3, 1), EndsOn = new DateOnly(2025, 2, 28),
                Positions = [new TeamPosition { PersonId = old, Role = TeamRole.Secretary }, new TeamPosition { PersonId = successor, Role = TeamRole.CommitteeMember }],
            });
            db.LeadershipTeams.Add(new LeadershipTeam
            {
                OrganizationId = org, TermNumber = 2, StartsOn = new DateOnly(2025, 3, 1), EndsOn = new DateOnly(2030, 2, 28),
                Positions = [new TeamPosition { PersonId = successor, Role = TeamRole.Secretary }],
            });
            return await db.SaveChangesAsync();
        });
        async Task<DeparturesView> DeparturesAsync(string asOf) =>
            await (await admin.GetAsync($"{Route}/departures?organizationId={org}&since=2025-01-01&asOf={asOf}")).ReadAsync<DeparturesView>();

        // On the last day the secretary is still in post; the day after, they have left.
        Assert.Empty((await DeparturesAsync("2025-02-28")).Items);
        var left = Assert.Single((await DeparturesAsync("2025-03-01")).Items);
        Assert.Equal((old, new DateOnly(2025, 2, 28), org), (left.PersonId, left.LastDay, left.OrganizationId));

        // An in-term audit over the same days is not a departure audit; a departure audit whose period ends the day before
        // the last day does not cover it; one that takes in the last day does.
        await admin.PostJsonAsync(Route, new PlanAuditRequest(org, old, EconomicAuditKind.InTerm, new DateOnly(2022, 3, 1), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 10)));
        Assert.Single((await DeparturesAsync("2025-03-20")).Items);
        var shortAudit = await admin.PostJsonAsync(Route, new PlanAuditRequest(org, old, EconomicAuditKind.Departure, new DateOnly(2022, 3, 1), new DateOnly(2025, 2, 27), new DateOnly(2025, 3, 10)));
        Assert.Equal(HttpStatusCode.OK, shortAudit.StatusCode);
        Assert.Single((await DeparturesAsync("2025-03-20")).Items);
        var covering = await admin.PostJsonAsync(Route, new PlanAuditRequest(org, old, EconomicAuditKind.Departure, new DateOnly(2025, 2, 28), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 10)));
        Assert.Equal(HttpStatusCode.OK, covering.StatusCode);
        Assert.Empty((await DeparturesAsync("2025-03-20")).Items);

        var order = await (await admin.GetAsync($"{Route}/departures?organizationId={org}&since=2025-03-02&asOf=2025-03-01")).ProblemErrorsAsync();
        Assert.Equal(["since"], order.Keys);
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/departures?organizationId={org}")).StatusCode);
    }

    [Fact]
    public async Task BadInput_AndStepsOutOfOrder_Are400NamingTheField_AStaleVersion409_NothingChanges()
    {
        var (org, person, admin) = await LeaderOfAAsync();
        var reversed = await (await admin.PostJsonAsync(Route, Plan(org, person) with { PeriodTo = new DateOnly(2020, 12, 31) })).ProblemErrorsAsync();
        var noKind = await (await admin.PostJsonAsync(Route, Plan(org, person) with { Kind = null })).ProblemErrorsAsync();
        var nobody = await (await admin.PostJsonAsync(Route, Plan(org, int.MaxValue))).ProblemErrorsAsync();
        Assert.Equal(["periodTo", "kind", "personId"], [.. new[] { reversed, noKind, nobody }.Select(e => string.Join(",", e.Keys))]);
        Assert.Equal(0, await app.WithDbAsync(db => db.EconomicAudits.CountAsync(x => x.OrganizationId == org)));

        // A one-day period (from = to) is a period.
        var a = (await (await admin.PostJsonAsync(Route, Plan(org, person) with { PeriodFrom = new DateOnly(2023, 12, 31) })).ReadAsync<AuditDetail>()).Audit;
        var findingEarly = await (await admin.PostJsonAsync($"{Route}/{a.Id}/findings", new AddFindingRequest("未进点先登记", a.Version))).ProblemErrorsAsync();
        var future = await (await admin.PostJsonAsync($"{Route}/{a.Id}/start", new AuditDayRequest(OrgToday.Value.AddDays(1), a.Version))).ProblemErrorsAsync();
        Assert.Equal(["status", "on"], [.. new[] { findingEarly, future }.Select(e => string.Join(",", e.Keys))]);
        var started = (await (await admin.PostJsonAsync($"{Route}/{a.Id}/start", new AuditDayRequest(OrgToday.Value, a.Version))).ReadAsync<AuditDetail>()).Audit;
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/{a.Id}/findings", new AddFindingRequest("旧版本", a.Version))).StatusCode);
        var noConclusion = await (await admin.PostJsonAsync($"{Route}/{a.Id}/complete", new CompleteAuditRequest(" ", OrgToday.Value, started.Version))).ProblemErrorsAsync();
        Assert.Equal(["conclusion"], noConclusion.Keys);
        var stored = await app.WithDbAsync(db => db.EconomicAudits.Include(x => x.Findings).SingleAsync(x => x.Id == a.Id));
        Assert.Equal((EconomicAuditStatus.InProgress, 0), (stored.Status, stored.Findings.Count));
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsAudit_AndNothingChanges_ASecretaryRecordsNone()
    {
        var (org, person, admin) = await LeaderOfAAsync();
        var a = (await (await admin.PostJsonAsync(Route, Plan(org, person))).ReadAsync<AuditDetail>()).Audit;
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/{a.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.GetAsync($"{Route}/export?organizationId={org}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync($"{Route}/{a.Id}/start", new AuditDayRequest(OrgToday.Value, a.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminB.PostJsonAsync(Route, Plan(org, person))).StatusCode);
        var own = await (await adminB.GetAsync($"{Route}?organizationId={(await app.TownshipsAsync()).B}&pageSize=200")).ReadAsync<AuditListView>();
        Assert.DoesNotContain(own.Items.Items, x => x.Id == a.Id);

        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var secretary = await app.ClientForAsync(Demo.Secretary);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostJsonAsync(Route, Plan(branch, await app.NewCadreAsync(branch)))).StatusCode);
        Assert.Equal(EconomicAuditStatus.Planned, await app.WithDbAsync(db => db.EconomicAudits.Where(x => x.Id == a.Id).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task Pages_ShowTheListAndTheAudit()
    {
        var (org, person, admin) = await LeaderOfAAsync();
        var a = (await (await admin.PostJsonAsync(Route, Plan(org, person, EconomicAuditKind.Departure))).ReadAsync<AuditDetail>()).Audit;
        var client = await app.SignInAsync(Demo.OrgAdminA);

        var list = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/supervision/audits?organizationId={org}")).Content.ReadAsStringAsync());
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/supervision/audits/{a.Id}")).Content.ReadAsStringAsync());

        Assert.Contains(a.PersonName, list, StringComparison.Ordinal);
        Assert.Contains("离任审计", list, StringComparison.Ordinal);
        Assert.Contains("data-action=\"plan\"", list, StringComparison.Ordinal);
        Assert.Contains("data-action=\"start\"", page, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditSqliteTests(SqliteApp app) : AuditTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditPostgresTests(PostgresApp app) : AuditTests(app);
