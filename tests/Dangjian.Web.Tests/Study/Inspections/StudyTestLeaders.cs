using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;

namespace Dangjian.Web.Tests.Study.Inspections;

/// <summary>A fresh branch with a team of new leaders in office since 2020, so a test counts exactly the people it made.</summary>
public static class StudyTestLeaders
{
    public static readonly DateOnly TeamStarts = new(2020, 1, 1);

    public static async Task<(int Branch, int[] Leaders)> NewBranchWithLeadersAsync(this AppFixture app, int parentId, int count)
    {
        var branch = await app.NewOrganizationAsync(parentId);
        var leaders = await app.WithDbAsync(async db =>
        {
            var people = Enumerable.Range(0, count).Select(i => new Person
            {
                Name = "班子成员" + Demo.UniqueCode(""), Gender = i % 2 == 0 ? Gender.Male : Gender.Female, Status = MemberStatus.Full,
                JoinedPartyOn = new DateOnly(2001, 7, 1), OrganizationId = branch,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var team = new LeadershipTeam { OrganizationId = branch, TermNumber = 1, StartsOn = TeamStarts, EndsOn = TeamStarts.AddYears(10).AddDays(-1) };
            team.Positions.AddRange(people.Select((p, i) => new TeamPosition { PersonId = p.Id, Role = i == 0 ? TeamRole.Secretary : TeamRole.CommitteeMember }));
            db.LeadershipTeams.Add(team);
            await db.SaveChangesAsync();
            return people.Select(p => p.Id).ToArray();
        });
        return (branch, leaders);
    }
}
