using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Study;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Study;

/// <summary>
/// The demo district's study records: the sample township's team keeps pace with the central group requirement or falls
/// behind it (both are there for the compliance pages), some records wait for the clerk, and the sample member finds one
/// waiting and one returned on /me.
/// </summary>
public sealed class DemoStudyRecordsTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_TheTeamHasPeopleOnPaceAndBehindIt_SomeRecordsWait_TheSampleMemberHasOneWaitingOneReturned()
    {
        await using var db = district.Database.Open();
        var records = await db.StudyRecords.AsNoTracking().ToListAsync();
        var township = district.Organizations.Single(o => o.Id == district.Result.SampleBranchId).ParentId;
        var team = district.Teams.Where(t => t.OrganizationId == township).SelectMany(t => t.Positions).Select(p => p.PersonId).Distinct().ToList();
        var centralGroup = StudyDefaults.Requirements.Single(r => r.Role == StudyDefaults.Team && r.Kind == StudyDefaults.CentralGroup);

        var paces = team.Select(id => StudyCompliance.Evaluate(centralGroup, null, StudyRecord.Counted(records.Where(r => r.PersonId == id)), Today).BehindPace).ToList();

        Assert.True(team.Count >= 3, $"{team.Count} team members");
        Assert.Contains(true, paces);
        Assert.Contains(false, paces);
        Assert.Contains(records, r => r.Status == StudyRecordStatus.Pending && r.PersonId != district.Result.SampleMemberPersonId);
        var own = records.Where(r => r.PersonId == district.Result.SampleMemberPersonId).Select(r => r.Status).ToList();
        Assert.Contains(StudyRecordStatus.Pending, own);
        Assert.Contains(StudyRecordStatus.Returned, own);
        Assert.All(records, r => Assert.True((r.Date ?? r.To) <= Today));
    }
}
