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
/// The team in office (TermRules.InOffice, ORG-2) wherever the roster asks for "the current team": a team whose term has
/// run past its end without an election (逾期未换届) still serves until the next team starts. Its secretary is found by
/// the roster's role filter and their person page marks the seat as held; the day the next team starts, both pass to it.
/// </summary>
public abstract class TeamInOfficeTests(AppFixture app)
{
    [Fact]
    public async Task OverdueTeam_StillServes_UntilTheNextTeamStarts()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var org = await app.NewOrganizationAsync(t.A);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var old = await PersonAsync(admin, "老书记" + tag, org);
        var next = await PersonAsync(admin, "新书记" + tag, org);
        var today = OrgToday.Value;

        // The term ended yesterday and no election has been held.
        var overdue = await (await admin.PostJsonAsync("/api/v1/teams", new TeamRequest(org, 1, today.AddYears(-3), today.AddDays(-1),
            [new SeatRequest(old, TeamRole.Secretary, null)]))).ReadAsync<TeamView>();

        Assert.Equal([old], await SecretariesAsync(admin, tag));
        Assert.True(Assert.Single((await PersonOfAsync(admin, old)).Positions).Current);

        // The next team is entered ahead of its first day: not in office yet, so the overdue team still serves…
        var upcoming = await (await admin.PostJsonAsync("/api/v1/teams", new TeamRequest(org, 2, today.AddDays(1), today.AddYears(3),
            [new SeatRequest(next, TeamRole.Secretary, null)]))).ReadAsync<TeamView>();
        Assert.Equal([old], await SecretariesAsync(admin, tag));

        // …until the day it starts (moved to today): then the old seat is history.
        var moved = await admin.PutJsonAsync($"/api/v1/teams/{upcoming.Id}", new TeamRequest(org, 2, today, today.AddYears(3),
            [new SeatRequest(next, TeamRole.Secretary, null)], upcoming.Version));
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.Equal([next], await SecretariesAsync(admin, tag));
        Assert.False(Assert.Single((await PersonOfAsync(admin, old)).Positions, p => p.TeamId == overdue.Id).Current);
        Assert.True(Assert.Single((await PersonOfAsync(admin, next)).Positions).Current);
    }

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
public sealed class TeamInOfficeSqliteTests(SqliteApp app) : TeamInOfficeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TeamInOfficePostgresTests(PostgresApp app) : TeamInOfficeTests(app);
