using System.Net;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Teams;

/// <summary>ORG-2 through /api/v1/teams, on each database: terms with seats, their rules, conflicts and the expiry list.</summary>
public abstract class TeamApiTests(AppFixture app)
{
    [Fact]
    public async Task Create_NextTermWithSeats_Is201_AndListedForTheOrganization()
    {
        var (orgId, people) = await BranchWithPeopleAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var (number, starts) = await NextTermAsync(client, orgId);

        var response = await client.PostJsonAsync("/api/v1/teams", new TeamRequest(orgId, number, starts, starts.AddYears(3).AddDays(-1),
        [
            new SeatRequest(people[0], TeamRole.Secretary, "主持全面工作"),
            new SeatRequest(people[1], TeamRole.DeputySecretary, null),
            new SeatRequest(people[2], TeamRole.OrganizationCommitteeMember, "组织、宣传"),
        ]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var team = await response.ReadAsync<TeamView>();
        Assert.Equal($"/api/v1/teams/{team.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(number, team.TermNumber);
        Assert.Equal(starts, team.StartsOn);
        Assert.False(team.Current);
        Assert.Equal([people[0], people[1], people[2]], team.Positions.Select(p => p.PersonId));
        Assert.Equal(TeamRole.Secretary, team.Positions[0].Role);
        Assert.Equal("组织、宣传", team.Positions[2].Portfolio);
        Assert.All(team.Positions, p => Assert.False(string.IsNullOrEmpty(p.PersonName)));

        var terms = await (await client.GetAsync($"/api/v1/teams?organizationId={orgId}")).ReadAsync<List<TeamView>>();
        Assert.Equal(team.Id, terms[0].Id);
    }

    [Fact]
    public async Task Create_OverlappingTerm_IsRefused_NamingStartsOn()
    {
        var (orgId, people) = await BranchWithPeopleAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var (number, starts) = await NextTermAsync(client, orgId);
        var before = await TermCountAsync(orgId);

        // Starting on the day the latest term ends: both ends are days of the term, so the two overlap by one day.
        var overlapping = starts.AddDays(-1);
        var response = await client.PostJsonAsync("/api/v1/teams", new TeamRequest(orgId, number, overlapping, overlapping.AddYears(3),
            [new SeatRequest(people[0], TeamRole.Secretary, null)]));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("startsOn", errors.Keys);
        Assert.Equal(before, await TermCountAsync(orgId));
    }

    [Fact]
    public async Task Create_SeatForPersonOfTownshipB_IsRefused_NamingTheSeat()
    {
        var t = await app.TownshipsAsync();
        var (orgId, people) = await BranchWithPeopleAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var (number, starts) = await NextTermAsync(client, orgId);
        var before = await TermCountAsync(orgId);

        var response = await client.PostJsonAsync("/api/v1/teams", new TeamRequest(orgId, number, starts, starts.AddYears(3).AddDays(-1),
            [new SeatRequest(t.PersonOfB, TeamRole.Secretary, null), new SeatRequest(people[0], TeamRole.CommitteeMember, null)]));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("positions[0].personId", errors.Keys);
        Assert.DoesNotContain("positions[1].personId", errors.Keys);
        Assert.Equal(before, await TermCountAsync(orgId));
    }

    [Fact]
    public async Task Create_TwoSecretaries_IsRefused()
    {
        var (orgId, people) = await BranchWithPeopleAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var (number, starts) = await NextTermAsync(client, orgId);
        var before = await TermCountAsync(orgId);

        var response = await client.PostJsonAsync("/api/v1/teams", new TeamRequest(orgId, number, starts, starts.AddYears(3).AddDays(-1),
            [new SeatRequest(people[0], TeamRole.Secretary, null), new SeatRequest(people[1], TeamRole.Secretary, null)]));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("positions", errors.Keys);
        Assert.Equal(before, await TermCountAsync(orgId));
    }

    [Fact]
    public async Task Create_WithMissingFields_NamesEachField()
    {
        var (orgId, _) = await BranchWithPeopleAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.PostJsonAsync("/api/v1/teams", new TeamRequest(orgId, null, null, null, [new SeatRequest(null, null, new string('长', 201))]));

        var errors = await response.ProblemErrorsAsync();
        Assert.Superset(new HashSet<string> { "termNumber", "startsOn", "endsOn", "positions[0].personId", "positions[0].role", "positions[0].portfolio" }, errors.Keys.ToHashSet());
    }

    [Fact]
    public async Task Update_WithStaleVersion_GetsConflict_AndKeepsFirstEdit()
    {
        var (orgId, people) = await BranchWithPeopleAsync();
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var (number, starts) = await NextTermAsync(client, orgId);
        var ends = starts.AddYears(3).AddDays(-1);
        var team = await (await client.PostJsonAsync("/api/v1/teams", new TeamRequest(orgId, number, starts, ends,
            [new SeatRequest(people[0], TeamRole.Secretary, null)]))).ReadAsync<TeamView>();

        var first = await client.PutJsonAsync($"/api/v1/teams/{team.Id}", new TeamRequest(orgId, number, starts, ends,
            [new SeatRequest(people[0], TeamRole.Secretary, "第一位管理员的分工"), new SeatRequest(people[1], TeamRole.CommitteeMember, null)], team.Version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutJsonAsync($"/api/v1/teams/{team.Id}", new TeamRequest(orgId, number, starts, ends,
            [new SeatRequest(people[2], TeamRole.Secretary, "第二位管理员的分工")], team.Version));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var now = await (await client.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamView>();
        Assert.Equal(2, now.Positions.Count);
        Assert.Equal("第一位管理员的分工", now.Positions[0].Portfolio);
    }

    [Fact]
    public async Task Expiring_SixMonths_ListsTermsEndingWithinSixMonths_AndNoneEndingLater()
    {
        var client = await app.ClientForAsync(Demo.DistrictAdmin);
        var today = OrgToday.Value;
        var horizon = today.AddMonths(6);

        var expiring = await (await client.GetAsync("/api/v1/teams/expiring?months=6")).ReadAsync<List<ExpiringTerm>>();

        Assert.NotEmpty(expiring);
        Assert.Contains(expiring, e => e.EndsOn >= today);
        Assert.All(expiring, e =>
        {
            Assert.True(e.EndsOn <= horizon, $"{e.OrganizationName} ends {e.EndsOn}, after {horizon}");
            Assert.Equal(e.EndsOn.DayNumber - today.DayNumber, e.DaysLeft);
            Assert.Equal(e.EndsOn < today ? TermExpiryState.Overdue : TermExpiryState.EndingSoon, e.State);
        });
        Assert.Equal(expiring.OrderBy(e => e.EndsOn).Select(e => e.EndsOn), expiring.Select(e => e.EndsOn));

        // An organization whose current term ends after the horizon has no term ending sooner: it is not listed.
        var current = await (await client.GetAsync("/api/v1/teams")).ReadAsync<List<TeamView>>();
        var later = current.Where(c => c.EndsOn > horizon).Select(c => c.OrganizationId).ToHashSet();
        Assert.NotEmpty(later);
        Assert.DoesNotContain(expiring, e => later.Contains(e.OrganizationId));
    }

    [Fact]
    public async Task Expiring_NegativeMonths_Is400NamingMonths()
    {
        var client = await app.ClientForAsync(Demo.OrgAdminA);

        var response = await client.GetAsync("/api/v1/teams/expiring?months=-1");

        Assert.Contains("months", (await response.ProblemErrorsAsync()).Keys);
    }

    /// <summary>
    /// A branch of township A with at least three people on its roll, other than the branch other tests use
    /// (the newest such, by id), and three of its people. Tests add terms after its latest one.
    /// </summary>
    private async Task<(int OrgId, int[] People)> BranchWithPeopleAsync()
    {
        var t = await app.TownshipsAsync();
        return await app.WithDbAsync(async db =>
        {
            var pathA = await db.Organizations.Where(o => o.Id == t.A).Select(o => o.Path).FirstAsync();
            var orgId = await db.Organizations
                .Where(o => o.Path.StartsWith(pathA) && o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active && o.Id != t.BranchOfA)
                .Where(o => db.People.Count(p => p.OrganizationId == o.Id && !p.IsRemoved) >= 3)
                .OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync();
            var people = await db.People.Where(p => p.OrganizationId == orgId && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToArrayAsync();
            return (orgId, people);
        });
    }

    /// <summary>The next term's number and first day: after the organization's latest term.</summary>
    private static async Task<(int Number, DateOnly StartsOn)> NextTermAsync(HttpClient client, int orgId)
    {
        var terms = await (await client.GetAsync($"/api/v1/teams?organizationId={orgId}")).ReadAsync<List<TeamView>>();
        var latest = terms.MaxBy(x => x.StartsOn);
        return latest is null ? (1, OrgToday.Value) : (terms.Max(x => x.TermNumber) + 1, latest.EndsOn.AddDays(1));
    }

    private Task<int> TermCountAsync(int orgId) => app.WithDbAsync(db => db.LeadershipTeams.CountAsync(x => x.OrganizationId == orgId));
}

[Collection(SqliteCollection.Name)]
public sealed class TeamApiSqliteTests(SqliteApp app) : TeamApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TeamApiPostgresTests(PostgresApp app) : TeamApiTests(app);
