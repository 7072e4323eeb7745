using System.Net;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Units;
using Dangjian.Web.Features.Cadres.Grassroots;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Cadres;

/// <summary>
/// Grassroots time (CAD-6) over HTTP: stays, nights, spot checks and contact points of leaders, the shortfall lists on a
/// day each side of every rule boundary (90 days a year; two nights a full week; one enterprise and one village), the
/// petition rota and its cases, township B kept from township A.
/// </summary>
public abstract class GrassrootsTests(AppFixture app)
{
    private const string Route = GrassrootsEndpoints.Route;

    [Fact]
    public async Task Stays_NinetyDaysIsEnough_EightyNineIsShort_OnTheLastDayOfTheYear()
    {
        var t = await app.TownshipsAsync();
        var (town, leaders) = await app.NewTeamAsync(t.A, OrganizationKind.TownshipCommittee, 2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/stays", new RecordStayRequest(town, leaders[0], "东村", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/stays", new RecordStayRequest(town, leaders[1], "西村", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 30)))).StatusCode);

        var end = await (await admin.GetAsync($"{Route}/shortfalls?organizationId={town}&asOf=2025-12-31")).ReadAsync<ShortfallView>();
        var row = Assert.Single(end.Stays);
        Assert.Equal((leaders[1], 89, 1), (row.PersonId, row.Done, row.Missing));
        var year = await (await admin.GetAsync($"{Route}?organizationId={town}&year=2025")).ReadAsync<GrassrootsYearView>();
        Assert.Equal([90, 89], year.Leaders.OrderBy(l => l.Leader.PersonId == leaders[0] ? 0 : 1).Select(l => l.StayDays));
        Assert.Equal(2, year.Stays.Count);

        var export = await admin.GetAsync($"{Route}/shortfalls/export?organizationId={town}&asOf=2025-12-31");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "蹲点进度落后").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(1, Convert.ToInt32(Assert.Single(rows)["还差天数"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Nights_TwoAWeekSuffice_OneIsShort_OnlyOnceTheWeekIsOver_AndAnAbsentCheckCancelsANight()
    {
        var t = await app.TownshipsAsync();
        var (town, leaders) = await app.NewTeamAsync(t.A, OrganizationKind.TownshipCommittee, 2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        foreach (var (who, day) in new[] { (0, 3), (0, 4), (1, 4) })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/nights", new RecordNightRequest(town, leaders[who], new DateOnly(2025, 6, day)))).StatusCode);
        }

        // 2 June 2025 is a Monday: the week ends on Sunday 8 June.
        var saturday = await (await admin.GetAsync($"{Route}/shortfalls?organizationId={town}&asOf=2025-06-07")).ReadAsync<ShortfallView>();
        var sunday = await (await admin.GetAsync($"{Route}/shortfalls?organizationId={town}&asOf=2025-06-08")).ReadAsync<ShortfallView>();
        Assert.DoesNotContain(saturday.Nights.SelectMany(n => n.Weeks), w => w.WeekStart == new DateOnly(2025, 6, 2));
        Assert.Equal([leaders[1]], sunday.Nights.Where(n => n.Weeks.Any(w => w.WeekStart == new DateOnly(2025, 6, 2))).Select(n => n.PersonId));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/spot-checks", new RecordSpotCheckRequest(town, leaders[0], new DateOnly(2025, 6, 3), false, "组织部", "晚九点未在镇"))).StatusCode);
        var checkedView = await (await admin.GetAsync($"{Route}/shortfalls?organizationId={town}&asOf=2025-06-08")).ReadAsync<ShortfallView>();
        Assert.Equal([leaders[0], leaders[1]], checkedView.Nights.Where(n => n.Weeks.Any(w => w.WeekStart == new DateOnly(2025, 6, 2))).Select(n => n.PersonId).Order());
        var absent = Assert.Single(checkedView.Absent);
        Assert.Equal((leaders[0], new DateOnly(2025, 6, 3), true), (absent.PersonId, absent.Night, absent.Reported));
        Assert.Equal([(town, 2)], checkedView.ByTownship.Select(b => (b.OrganizationId, b.Leaders)));
    }

    [Fact]
    public async Task Records_BadInput_Is400NamingTheField_AndNothingStored()
    {
        var t = await app.TownshipsAsync();
        var (town, leaders) = await app.NewTeamAsync(t.A, OrganizationKind.TownshipCommittee, 1);
        var outsider = await app.NewPersonAsync(town, "非班子成员");
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var backwards = await (await admin.PostJsonAsync($"{Route}/stays", new RecordStayRequest(town, leaders[0], "东村", new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 1)))).ProblemErrorsAsync();
        var future = await (await admin.PostJsonAsync($"{Route}/stays", new RecordStayRequest(town, leaders[0], "东村", OrgToday.Value, OrgToday.Value.AddDays(1)))).ProblemErrorsAsync();
        var place = await (await admin.PostJsonAsync($"{Route}/stays", new RecordStayRequest(town, leaders[0], " ", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)))).ProblemErrorsAsync();
        var notLeader = await (await admin.PostJsonAsync($"{Route}/stays", new RecordStayRequest(town, outsider, "东村", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)))).ProblemErrorsAsync();
        var checker = await (await admin.PostJsonAsync($"{Route}/spot-checks", new RecordSpotCheckRequest(town, leaders[0], new DateOnly(2025, 3, 1), true, " ", null))).ProblemErrorsAsync();

        Assert.Equal(["to", "to", "place", "personId", "checkedBy"], [.. new[] { backwards, future, place, notLeader, checker }.Select(e => string.Join(",", e.Keys))]);
        Assert.Equal(0, await app.WithDbAsync(db => db.GrassrootsStays.CountAsync(s => s.OrganizationId == town)));
        Assert.Equal(0, await app.WithDbAsync(db => db.NightSpotChecks.CountAsync(s => s.OrganizationId == town)));
    }

    [Fact]
    public async Task ContactPoints_OneEnterpriseAndOneVillage_TheShortfallNamesWhatIsMissing_UntilEnded()
    {
        var t = await app.TownshipsAsync();
        var (district, leaders) = await app.NewTeamAsync(t.A, OrganizationKind.DistrictCommittee, 1);
        var (enterprise, village, community) = (
            await app.NewUnitAsync(district, UnitKind.Enterprise, "联系企业"), await app.NewUnitAsync(district, UnitKind.Village, "联系村"),
            await app.NewUnitAsync(district, UnitKind.Community, "社区"));
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var wrongKind = await (await admin.PostJsonAsync($"{Route}/contact-points", new AssignContactRequest(district, leaders[0], community, new DateOnly(2025, 1, 1)))).ProblemErrorsAsync();
        Assert.Equal(["unitId"], wrongKind.Keys);
        var id = await (await admin.PostJsonAsync($"{Route}/contact-points", new AssignContactRequest(district, leaders[0], enterprise, new DateOnly(2025, 1, 1)))).ReadAsync<int>();
        var twice = await (await admin.PostJsonAsync($"{Route}/contact-points", new AssignContactRequest(district, leaders[0], enterprise, new DateOnly(2025, 2, 1)))).ProblemErrorsAsync();
        Assert.Equal(["unitId"], twice.Keys);

        var one = await (await admin.GetAsync($"{Route}/shortfalls?organizationId={district}&asOf=2025-06-01")).ReadAsync<ShortfallView>();
        Assert.Equal([(leaders[0], 0, 1)], one.Contacts.Select(c => (c.PersonId, c.MissingEnterprises, c.MissingVillages)));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Route}/contact-points", new AssignContactRequest(district, leaders[0], village, new DateOnly(2025, 1, 1)))).StatusCode);
        var both = await (await admin.GetAsync($"{Route}/shortfalls?organizationId={district}&asOf=2025-06-01")).ReadAsync<ShortfallView>();
        Assert.Empty(both.Contacts);

        var point = await app.WithDbAsync(db => db.ContactPoints.AsNoTracking().FirstAsync(c => c.Id == id));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJsonAsync($"{Route}/contact-points/{id}/end", new EndContactRequest(point.Version, new DateOnly(2025, 6, 30)))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/contact-points/{id}/end", new EndContactRequest(point.Version, new DateOnly(2025, 7, 30)))).StatusCode);
        var lastDay = await (await admin.GetAsync($"{Route}/shortfalls?organizationId={district}&asOf=2025-06-30")).ReadAsync<ShortfallView>();
        var after = await (await admin.GetAsync($"{Route}/shortfalls?organizationId={district}&asOf=2025-07-01")).ReadAsync<ShortfallView>();
        Assert.Empty(lastDay.Contacts);
        Assert.Equal([(1, 0)], after.Contacts.Select(c => (c.MissingEnterprises, c.MissingVillages)));
    }

    [Fact]
    public async Task Rota_OneLeaderADay_CasesOnTheDay_AServedDayStays_StaleIs409()
    {
        var t = await app.TownshipsAsync();
        var (town, leaders) = await app.NewTeamAsync(t.A, OrganizationKind.TownshipCommittee, 2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var day = new DateOnly(2025, 9, 1);

        var d = await (await admin.PostJsonAsync($"{Route}/rota", new ScheduleRotaRequest(town, day, leaders[0]))).ReadAsync<RotaDayView>();
        var twice = await (await admin.PostJsonAsync($"{Route}/rota", new ScheduleRotaRequest(town, day, leaders[1]))).ProblemErrorsAsync();
        Assert.Equal(["day"], twice.Keys);
        var served = await (await admin.PostJsonAsync($"{Route}/rota/{d.Id}/reassign", new ReassignRotaRequest(d.Version, leaders[1]))).ProblemErrorsAsync();
        Assert.Equal(["personId"], served.Keys);

        var withCase = await (await admin.PostJsonAsync($"{Route}/rota/{d.Id}/cases", new AddCaseRequest(d.Version, "宅基地纠纷", 3, "当场调解", true))).ReadAsync<RotaDayView>();
        var noSummary = await (await admin.PostJsonAsync($"{Route}/rota/{d.Id}/cases", new AddCaseRequest(withCase.Version, " ", 1, null, false))).ProblemErrorsAsync();
        Assert.Equal(["summary"], noSummary.Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/rota/{d.Id}/cases", new AddCaseRequest(d.Version, "重复提交", 1, null, false))).StatusCode);

        // A day still to come is handed over; its cases wait for the day.
        var later = await (await admin.PostJsonAsync($"{Route}/rota", new ScheduleRotaRequest(town, OrgToday.Value.AddDays(3), leaders[0]))).ReadAsync<RotaDayView>();
        var handed = await (await admin.PostJsonAsync($"{Route}/rota/{later.Id}/reassign", new ReassignRotaRequest(later.Version, leaders[1]))).ReadAsync<RotaDayView>();
        Assert.Equal(leaders[1], handed.PersonId);
        Assert.Equal(["day"], (await (await admin.PostJsonAsync($"{Route}/rota/{later.Id}/cases", new AddCaseRequest(handed.Version, "提前登记", 1, null, false))).ProblemErrorsAsync()).Keys);

        var month = await (await admin.GetAsync($"{Route}/rota?organizationId={town}&year=2025&month=9")).ReadAsync<RotaMonthView>();
        var listed = Assert.Single(month.Days);
        Assert.Equal(("宅基地纠纷", 3, true), (Assert.Single(listed.Cases).Summary, listed.Cases[0].Petitioners, listed.Cases[0].Resolved));
        Assert.Equal(2, month.Leaders.Count);
    }

    [Fact]
    public async Task TownshipA_IsRefusedTownshipBsGrassroots_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var (townB, leadersB) = await app.NewTeamAsync(t.B, OrganizationKind.TownshipCommittee, 1);
        var adminB = await app.ClientForAsync(Demo.OrgAdminB);
        var d = await (await adminB.PostJsonAsync($"{Route}/rota", new ScheduleRotaRequest(townB, OrgToday.Value.AddDays(5), leadersB[0]))).ReadAsync<RotaDayView>();
        var adminA = await app.ClientForAsync(Demo.OrgAdminA);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/stays", new RecordStayRequest(townB, leadersB[0], "越权", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 2)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/nights", new RecordNightRequest(townB, leadersB[0], new DateOnly(2025, 1, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.PostJsonAsync($"{Route}/rota/{d.Id}/reassign", new ReassignRotaRequest(d.Version, leadersB[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}?organizationId={townB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/shortfalls?organizationId={townB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/shortfalls/export?organizationId={townB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminA.GetAsync($"{Route}/rota?organizationId={townB}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.GrassrootsStays.CountAsync(s => s.OrganizationId == townB) ));
        Assert.Equal(d.Version, await app.WithDbAsync(db => db.RotaDays.Where(x => x.Id == d.Id).Select(x => x.Version).FirstAsync()));
        var own = await (await adminA.GetAsync($"{Route}/shortfalls?organizationId={t.A}&asOf=2025-12-31")).ReadAsync<ShortfallView>();
        Assert.DoesNotContain(own.Stays, s => s.PersonId == leadersB[0]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GrassrootsSqliteTests(SqliteApp app) : GrassrootsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class GrassrootsPostgresTests(PostgresApp app) : GrassrootsTests(app);
