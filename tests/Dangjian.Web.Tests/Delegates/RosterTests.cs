using System.Net;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Delegates.Roster;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Dangjian.Web.Tests.Delegates.DelegatesSetup;

namespace Dangjian.Web.Tests.Delegates;

/// <summary>
/// DEL-1 over HTTP on a real database: a congress term, its delegation and delegates; a person once per term; ending a
/// seat (reason required, a stale version is a conflict); the roster's filters and export; township B kept out.
/// </summary>
public abstract class RosterTests(AppFixture app)
{
    [Fact]
    public async Task Roster_ListsTheTermsDelegates_ByDelegationAndName_AndExportsThem()
    {
        var f = await app.DelegatesFixtureAsync(3);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var roster = await (await admin.GetAsync($"{Route}/terms/{f.TermId}")).ReadAsync<RosterView>();
        Assert.Equal((3, 3, 1), (roster.Term.Seats, roster.Term.Serving, roster.Term.Number));
        Assert.Equal(f.Delegates.Select(d => d.Name).Order(StringComparer.Ordinal), roster.Seats.Items.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.True(roster.CanManage);
        Assert.Equal(3, Assert.Single(roster.Delegations).Serving);

        var found = await (await admin.GetAsync($"{Route}/terms/{f.TermId}?search={Uri.EscapeDataString(f.Delegates[1].Name)}")).ReadAsync<RosterView>();
        Assert.Equal([f.Delegates[1].Name], found.Seats.Items.Select(s => s.Name));
        var terms = await (await admin.GetAsync($"{Route}/terms?organizationId={f.Township}")).ReadAsync<TermListView>();
        Assert.Contains(terms.Terms, t => t.Id == f.TermId);

        var export = await admin.GetAsync($"{Route}/terms/{f.TermId}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, sheetName: "代表名册").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(("第一代表团", "在任"), (r["代表团"], r["状态"])));
    }

    [Fact]
    public async Task Seat_APersonTwiceInATerm_Is400OnPersonId_AndNothingStored()
    {
        var f = await app.DelegatesFixtureAsync(2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);

        var twice = await (await admin.PostJsonAsync($"{Route}/terms/{f.TermId}/seats", new SeatDelegateRequest(f.DelegationId, f.Delegates[0].PersonId, null))).ProblemErrorsAsync();
        var none = await (await admin.PostJsonAsync($"{Route}/terms/{f.TermId}/seats", new SeatDelegateRequest(null, null, null))).ProblemErrorsAsync();
        var outside = await (await admin.PostJsonAsync($"{Route}/terms/{f.TermId}/seats", new SeatDelegateRequest(f.DelegationId, (await app.TownshipsAsync()).PersonOfA, null))).ProblemErrorsAsync();

        Assert.Contains("一人一届", twice["personId"][0], StringComparison.Ordinal);
        Assert.Equal(["delegationId", "personId"], none.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["personId"], outside.Keys);
        Assert.Equal(2, await app.WithDbAsync(db => db.DelegateSeats.CountAsync(s => s.TermId == f.TermId)));
        var term = await (await admin.PostJsonAsync(Route + "/terms", new OpenTermRequest(f.Township, 0, new DateOnly(2024, 1, 1), null))).ProblemErrorsAsync();
        Assert.Equal(["number"], term.Keys);
    }

    [Fact]
    public async Task EndSeat_NeedsAReason_AStaleVersionConflicts_ThenTheSeatIsEnded()
    {
        var f = await app.DelegatesFixtureAsync(2);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var seat = (await (await admin.GetAsync($"{Route}/terms/{f.TermId}")).ReadAsync<RosterView>()).Seats.Items[0];

        var noReason = await (await admin.PostJsonAsync($"{Route}/seats/{seat.Id}/end", new EndSeatRequest(OrgToday.Value, " ", seat.Version))).ProblemErrorsAsync();
        Assert.Equal(["reason"], noReason.Keys);
        var ended = await (await admin.PostJsonAsync($"{Route}/seats/{seat.Id}/end", new EndSeatRequest(OrgToday.Value, "调离本镇", seat.Version))).ReadAsync<DelegateSeatView>();
        Assert.Equal((DelegateStatus.Ended, "调离本镇"), (ended.Status, ended.EndReason));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/seats/{seat.Id}/end", new EndSeatRequest(OrgToday.Value, "再次", seat.Version))).StatusCode);

        var serving = await (await admin.GetAsync($"{Route}/terms/{f.TermId}?status=Serving")).ReadAsync<RosterView>();
        Assert.Equal(1, serving.Seats.Total);
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsRoster_AndNothingChanges()
    {
        var f = await app.DelegatesFixtureAsync(2);
        var b = await app.ClientForAsync(Demo.OrgAdminB);
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var seat = (await (await admin.GetAsync($"{Route}/terms/{f.TermId}")).ReadAsync<RosterView>()).Seats.Items[0];

        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}/terms/{f.TermId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}/terms/{f.TermId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{Route}/terms?organizationId={f.Township}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/terms/{f.TermId}/delegations", new FormDelegationRequest("越权代表团", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostJsonAsync($"{Route}/seats/{seat.Id}/end", new EndSeatRequest(OrgToday.Value, "越权", seat.Version))).StatusCode);
        Assert.Equal(DelegateStatus.Serving, await app.WithDbAsync(db => db.DelegateSeats.Where(s => s.Id == seat.Id).Select(s => s.Status).FirstAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Delegations.CountAsync(d => d.TermId == f.TermId)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RosterSqliteTests(SqliteApp app) : RosterTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RosterPostgresTests(PostgresApp app) : RosterTests(app);
