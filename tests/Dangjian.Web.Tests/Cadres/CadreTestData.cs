using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Domain.Units;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;

namespace Dangjian.Web.Tests.Cadres;

/// <summary>People, teams, units and finalized annual results written straight through the DbContext, so each cadre test counts only its own.</summary>
public static class CadreTestData
{
    public static Task<int> NewPersonAsync(this AppFixture app, int organizationId, string name, DateOnly? birth = null, string? education = null) =>
        app.WithDbAsync(async db =>
        {
            var p = new Person
            {
                Name = name + Demo.UniqueCode(""), Gender = Gender.Male, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2005, 7, 1), OrganizationId = organizationId,
                BirthDate = birth, Education = education,
            };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    /// <summary>A new organization of the kind under the parent whose team, in office since 2020, is <paramref name="count"/> new people.</summary>
    public static async Task<(int Organization, int[] Leaders)> NewTeamAsync(this AppFixture app, int parentId, OrganizationKind kind, int count)
    {
        var org = await app.NewOrganizationAsync(parentId, kind);
        var people = new int[count];
        for (var i = 0; i < count; i++)
        {
            people[i] = await app.NewPersonAsync(org, "领导");
        }

        await app.WithDbAsync(async db =>
        {
            var team = new LeadershipTeam { OrganizationId = org, TermNumber = 1, StartsOn = new DateOnly(2020, 1, 1), EndsOn = new DateOnly(2030, 12, 31) };
            team.Positions.AddRange(people.Select((p, i) => new TeamPosition { PersonId = p, Role = i == 0 ? TeamRole.Secretary : TeamRole.CommitteeMember }));
            db.LeadershipTeams.Add(team);
            return await db.SaveChangesAsync();
        });
        return (org, people);
    }

    public static Task<int> NewUnitAsync(this AppFixture app, int areaOrganizationId, UnitKind kind, string name) =>
        app.WithDbAsync(async db =>
        {
            var u = new Unit { Name = name + Demo.UniqueCode(""), Kind = kind, AreaOrganizationId = areaOrganizationId };
            db.Units.Add(u);
            await db.SaveChangesAsync();
            return u.Id;
        });

    /// <summary>A finalized 年度考核 campaign of the year grading each person.</summary>
    public static Task<int> FinalizedAnnualAsync(this AppFixture app, int organizationId, int year, params (int Person, string Grade)[] grades) =>
        app.WithDbAsync(async db =>
        {
            var c = new EvaluationCampaign
            {
                OrganizationId = organizationId, Title = $"{year}年度考核" + Demo.UniqueCode(""), Year = year, Kind = CampaignKind.AnnualAssessment,
                SubjectKind = SubjectKind.Cadre, CriteriaJson = "{}", GradesJson = CampaignJson.Write(GradeRule.Annual), ComponentsJson = "{}", VetoGrade = "不称职",
                Seed = "seed", Status = CampaignStatus.Finalized,
            };
            db.EvaluationCampaigns.Add(c);
            await db.SaveChangesAsync();
            foreach (var (person, grade) in grades)
            {
                var s = new EvaluationSubject { CampaignId = c.Id, Name = "考核对象" + person, PersonId = person };
                db.EvaluationSubjects.Add(s);
                await db.SaveChangesAsync();
                db.EvaluationResults.Add(new EvaluationResult { CampaignId = c.Id, SubjectId = s.Id, Grade = grade, DetailJson = "[]" });
            }

            await db.SaveChangesAsync();
            return c.Id;
        });
}
