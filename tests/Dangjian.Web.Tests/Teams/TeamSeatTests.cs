using System.Net;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Dangjian.Web.Tests.People;

namespace Dangjian.Web.Tests.Teams;

/// <summary>
/// Seats with their own days (ORG-2): a member replaced during the term keeps their seat, ended the day before the
/// successor's begins, so the team shows who served when; the roster's role filter and the person page follow the seat.
/// </summary>
public abstract class TeamSeatTests(AppFixture app)
{
    [Fact]
    public async Task Replace_KeepsBothSeats_AndTheSuccessorIsTheSecretaryFromThatDay()
    {
        var (admin, org, tag, old, next, _) = await SetUpAsync();
        var today = OrgToday.Value;
        var team = await TeamAsync(admin, org, today.AddYears(-1), old);

        var replaced = await admin.PostJsonAsync($"/api/v1/teams/{team.Id}/seats/{team.Positions[0].Id}/replace", new ReplaceSeatRequest(next, today, team.Version));

        Assert.True(replaced.IsSuccessStatusCode, await replaced.Content.ReadAsStringAsync());
        var after = await replaced.ReadAsync<TeamView>();
        Assert.Equal(
            [(old, (DateOnly?)null, (DateOnly?)today.AddDays(-1), false), (next, (DateOnly?)today, (DateOnly?)null, true)],
            after.Positions.Select(p => (p.PersonId, p.StartsOn, p.EndsOn, p.Held)));
        Assert.Equal([next], await SecretariesAsync(admin, tag));
        Assert.False(Assert.Single((await PersonOfAsync(admin, old)).Positions).Current);
        Assert.True(Assert.Single((await PersonOfAsync(admin, next)).Positions).Current);
    }

    [Fact]
    public async Task Replace_OnTheTermsFirstDay_OutsideTheOrganization_Stale_OrFromTownshipB_IsRefused_AndNothingChanges()
    {
        var (admin, org, _, old, next, stranger) = await SetUpAsync();
        var today = OrgToday.Value;
        var team = await TeamAsync(admin, org, today.AddYears(-1), old);
        var url = $"/api/v1/teams/{team.Id}/seats/{team.Positions[0].Id}/replace";

        var firstDay = await admin.PostJsonAsync(url, new ReplaceSeatRequest(next, team.StartsOn, team.Version));
        var outsider = await admin.PostJsonAsync(url, new ReplaceSeatRequest(stranger, today, team.Version));
        var stale = await admin.PostJsonAsync(url, new ReplaceSeatRequest(next, today, team.Version - 1));
        var foreign = await (await app.ClientForAsync(Demo.OrgAdminB)).PostJsonAsync(url, new ReplaceSeatRequest(next, today, team.Version));

        Assert.Contains("on", (await firstDay.ProblemErrorsAsync()).Keys);
        Assert.Contains("personId", (await outsider.ProblemErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var now = await (await admin.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamView>();
        Assert.Equal([(old, (DateOnly?)null)], now.Positions.Select(p => (p.PersonId, p.EndsOn)));
    }

    [Fact]
    public async Task SeatDaysOutsideTheTerm_Are400NamingTheSeat_AndBackToBackSecretariesAreAccepted()
    {
        var (admin, org, _, old, next, _) = await SetUpAsync();
        var today = OrgToday.Value;
        var starts = today.AddYears(-1);

        var early = await admin.PostJsonAsync("/api/v1/teams", new TeamRequest(org, 1, starts, starts.AddYears(3),
            [new SeatRequest(old, TeamRole.Secretary, null, starts.AddDays(-1))]));
        var overlapping = await admin.PostJsonAsync("/api/v1/teams", new TeamRequest(org, 1, starts, starts.AddYears(3),
            [new SeatRequest(old, TeamRole.Secretary, null, null, today), new SeatRequest(next, TeamRole.Secretary, null, today)]));
        var backToBack = await admin.PostJsonAsync("/api/v1/teams", new TeamRequest(org, 1, starts, starts.AddYears(3),
            [new SeatRequest(old, TeamRole.Secretary, null, null, today.AddDays(-1)), new SeatRequest(next, TeamRole.Secretary, null, today)]));

        Assert.Contains("positions[0].startsOn", (await early.ProblemErrorsAsync()).Keys);
        Assert.Contains("positions", (await overlapping.ProblemErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Created, backToBack.StatusCode);
    }

    private async Task<(HttpClient Admin, int Org, string Tag, int Old, int Next, int Stranger)> SetUpAsync()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var org = await app.NewOrganizationAsync(t.A);
        var other = await app.NewOrganizationAsync(t.A);
        var tag = Guid.NewGuid().ToString("N")[..6];
        return (admin, org, tag, await PersonAsync(admin, "前任" + tag, org), await PersonAsync(admin, "接任" + tag, org), await PersonAsync(admin, "外人" + tag, other));
    }

    private static async Task<TeamView> TeamAsync(HttpClient admin, int org, DateOnly starts, int secretary) =>
        await (await admin.PostJsonAsync("/api/v1/teams", new TeamRequest(org, 1, starts, starts.AddYears(3), [new SeatRequest(secretary, TeamRole.Secretary, "全面工作")]))).ReadAsync<TeamView>();

    private static async Task<int> PersonAsync(HttpClient client, string name, int org) =>
        (await (await client.PostJsonAsync("/api/v1/people",
            new PersonRequest(name, RosterFiles.NewIdNumber(), null, null, MemberStatus.Full, new DateOnly(2000, 7, 1), org, null, null, null, null, FullMemberOn: new DateOnly(2001, 7, 1))))
            .ReadAsync<PersonDetail>()).Id;

    private static async Task<List<int>> SecretariesAsync(HttpClient client, string tag) =>
        [.. (await (await client.GetAsync($"/api/v1/people?role=Secretary&name={tag}&pageSize=50")).ReadAsync<Paged<PersonRow>>()).Items.Select(p => p.Id)];

    private static async Task<PersonDetail> PersonOfAsync(HttpClient client, int id) =>
        await (await client.GetAsync($"/api/v1/people/{id}")).ReadAsync<PersonDetail>();
}

[Collection(SqliteCollection.Name)]
public sealed class TeamSeatSqliteTests(SqliteApp app) : TeamSeatTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TeamSeatPostgresTests(PostgresApp app) : TeamSeatTests(app);
