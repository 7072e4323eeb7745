using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Tests.Infrastructure;

namespace Dangjian.Web.Tests.Supervision.Notices;

/// <summary>People and teams written straight through the app's DbContext (the roster and teams are other slices'), so the notices, audits and cadre-case tests start from records of their own.</summary>
public static class SupervisionTestData
{
    /// <summary>A new party member on the organization's rolls.</summary>
    public static Task<int> NewCadreAsync(this AppFixture app, int organizationId, string name = "干部") =>
        app.WithDbAsync(async db =>
        {
            var person = new Person
            {
                Name = name + Demo.UniqueCode(""), Gender = Gender.Male, Status = MemberStatus.Full,
                JoinedPartyOn = new DateOnly(2001, 7, 1), OrganizationId = organizationId,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });

    /// <summary>A leadership team of the organization, term 1.</summary>
    public static Task<int> NewTeamAsync(this AppFixture app, int organizationId) =>
        app.WithDbAsync(async db =>
        {
            var team = new LeadershipTeam { OrganizationId = organizationId, TermNumber = 1, StartsOn = new DateOnly(2021, 1, 1), EndsOn = new DateOnly(2025, 12, 31) };
            db.LeadershipTeams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });
}
