using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Elections.Projects;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Elections.Projects;

/// <summary>A branch of township A of the test's own, with members on its roll and a current team whose term ends soon.</summary>
public sealed record ElectionBranch(int OrgId, string Name, int[] Members, int[] Team, DateOnly TermEndsOn);

public static class ElectionFixture
{
    public const int CurrentTerm = 3;

    /// <summary>
    /// Creates the branch through the API (so it has its path and audit) and its people and team directly in the
    /// database: <paramref name="members"/> party members with unique names, the first three of them (or all, if fewer) the team.
    /// </summary>
    public static async Task<ElectionBranch> BranchAsync(this AppFixture app, int members = 3, string[]? names = null)
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var name = "换届测试支部" + Demo.UniqueCode("");
        var org = await (await admin.PostJsonAsync("/api/v1/organizations",
            new CreateOrganizationRequest(Demo.UniqueCode("EL"), name, OrganizationKind.Branch, t.A))).ReadAsync<OrganizationDetail>();
        var today = OrgToday.Value;
        var endsOn = today.AddDays(60);
        return await app.WithDbAsync(async db =>
        {
            var people = Enumerable.Range(0, members).Select(i => new Person
            {
                Name = names is not null && i < names.Length && names[i].Length > 0 ? names[i] : $"候选{i}{Demo.UniqueCode("")}",
                Gender = i % 2 == 0 ? Gender.Male : Gender.Female,
                BirthDate = new DateOnly(1980, 1, 1).AddDays(i),
                Status = MemberStatus.Full,
                JoinedPartyOn = new DateOnly(2005, 7, 1),
                OrganizationId = org.Id,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var team = new LeadershipTeam
            {
                OrganizationId = org.Id,
                TermNumber = CurrentTerm,
                StartsOn = endsOn.AddYears(-5).AddDays(1),
                EndsOn = endsOn,
                Positions = people.Take(3).Select((p, i) => new TeamPosition
                {
                    PersonId = p.Id,
                    Role = i switch { 0 => TeamRole.Secretary, 1 => TeamRole.DeputySecretary, _ => TeamRole.CommitteeMember },
                }).ToList(),
            };
            db.LeadershipTeams.Add(team);
            await db.SaveChangesAsync();
            return new ElectionBranch(org.Id, name, people.Select(p => p.Id).ToArray(), people.Take(3).Select(p => p.Id).ToArray(), endsOn);
        });
    }

    /// <summary>
    /// A project of a new branch of <paramref name="members"/> people (three at least: two seats need a choice), with one committee body of two seats whose list is
    /// fixed with every member vetted and nominated: the candidates the public pages show. The client is township A's admin.
    /// </summary>
    public static async Task<(HttpClient Client, ProjectView Project, BodyView Body, List<NomineeView> Nominees)> FixedListAsync(this AppFixture app, int members)
    {
        var branch = await app.BranchAsync(members);
        var client = await app.ClientForAsync(Demo.OrgAdminA);
        var project = await client.OpenAsync(branch, new BodyRequest(BodyKind.Committee, 2));
        var body = project.Bodies.Single();
        var nominees = new List<NomineeView>();
        foreach (var person in branch.Members)
        {
            nominees.Add(await client.VetAsync(project.Id, await client.NominateAsync(project.Id, body.Id, person)));
        }

        await (await client.PostJsonAsync($"/api/v1/elections/{project.Id}/bodies/{body.Id}/list", new FixListRequest(nominees.Select(n => n.Id).ToList(), body.Version))).ReadAsync<ProjectView>();
        return (client, project, body, nominees);
    }

    public static async Task<ProjectView> OpenAsync(this HttpClient client, ElectionBranch branch, params BodyRequest[] bodies)
    {
        var request = new OpenProjectRequest(branch.OrgId, $"{branch.Name}第{ElectionFixture.CurrentTerm + 1}届换届", null, branch.TermEndsOn.AddDays(-5), "书记第一责任人",
            bodies.Length == 0 ? [new BodyRequest(BodyKind.Committee, 5), new BodyRequest(BodyKind.Secretary, 1)] : bodies);
        return await (await client.PostJsonAsync("/api/v1/elections", request)).ReadAsync<ProjectView>();
    }

    public static async Task<NomineeView> NominateAsync(this HttpClient client, int projectId, int bodyId, int personId,
        NominationSource source = NominationSource.Superior, string? joint = null) =>
        await (await client.PostJsonAsync($"/api/v1/elections/{projectId}/nominees",
            new NominateRequest(bodyId, personId, source, joint, "简介", "德能勤绩廉考察良好", "愿为群众服务"))).ReadAsync<NomineeView>();

    /// <summary>Records the four checks as passed, except those named in <paramref name="leaveOpen"/>.</summary>
    public static async Task<NomineeView> VetAsync(this HttpClient client, int projectId, NomineeView nominee, params VettingKind[] leaveOpen)
    {
        var last = nominee;
        foreach (var check in nominee.Checks.Where(c => !leaveOpen.Contains(c.Kind)))
        {
            last = await (await client.PutJsonAsync($"/api/v1/elections/{projectId}/nominees/{nominee.Id}/checks/{check.Kind}",
                new VettingRequest(VettingResult.Passed, "组织部考察组", OrgToday.Value, null, check.Version))).ReadAsync<NomineeView>();
        }

        return last;
    }
}
