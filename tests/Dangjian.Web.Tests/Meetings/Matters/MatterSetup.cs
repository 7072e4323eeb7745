using System.Text.Json;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Meetings.Matters;
using Dangjian.Web.Tests.Delegates;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;

namespace Dangjian.Web.Tests.Meetings.Matters;

/// <summary>A branch of a test's own under township A with a current team whose members have accounts, and a member who is on no team.</summary>
public sealed record TeamFixture(int Township, int Branch, IReadOnlyList<TestDelegate> Team, TestDelegate Outsider, HttpClient Admin);

public static class MatterSetup
{
    public const string Route = MatterEndpoints.Route;

    public static async Task<TeamFixture> TeamFixtureAsync(this AppFixture app, int teamSize)
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var branch = await app.NewOrganizationAsync(t.A);
        var people = new List<TestDelegate>();
        for (var i = 0; i <= teamSize; i++)
        {
            people.Add(await app.NewMemberWithAccountAsync(admin, branch, "委员" + "甲乙丙丁戊己庚辛"[i % 8]));
        }

        var today = OrgToday.Value;
        await app.WithDbAsync(async db =>
        {
            db.LeadershipTeams.Add(new LeadershipTeam
            {
                OrganizationId = branch, TermNumber = 1, StartsOn = today.AddYears(-1), EndsOn = today.AddYears(2),
                Positions = [.. people.Take(teamSize).Select((p, i) => new TeamPosition { PersonId = p.PersonId, Role = i == 0 ? TeamRole.Secretary : TeamRole.CommitteeMember })],
            });
            return await db.SaveChangesAsync();
        });
        return new TeamFixture(t.A, branch, people.Take(teamSize).ToList(), people[^1], admin);
    }

    public static async Task<MatterView> RaiseAsync(this HttpClient member, int organizationId, string title = "修订村级财务管理制度") =>
        await (await member.PostJsonAsync(Route + "/mine", new RaiseMatterRequest(organizationId, title, "现行制度与新规定不符，需提交支委会研究。"))).ReadAsync<MatterView>();

    public static async Task<MatterView> CoSignAsync(this HttpClient member, MatterView m) =>
        await (await member.PostJsonAsync($"{Route}/{m.Id}/co-sign", new MatterSignatureRequest(m.Version))).ReadAsync<MatterView>();

    /// <summary>A 支委会 of the branch with the team invited, entitled, the first presiding.</summary>
    public static async Task<int> CallTeamMeetingAsync(this TeamFixture f) =>
        (await Proceedings.MeetingSetup.CallAsync(f.Admin, f.Branch, [.. f.Team.Select(p => p.PersonId)])).GetProperty("id").GetInt32();

    public static async Task<JsonElement> MeetingAsync(this TeamFixture f, int meetingId) => await Proceedings.MeetingSetup.GetAsync(f.Admin, meetingId);
}
