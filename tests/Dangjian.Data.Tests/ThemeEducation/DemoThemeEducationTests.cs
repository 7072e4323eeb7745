using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.ThemeEducation;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.ThemeEducation;

/// <summary>
/// The demo's theme education campaign: the district's, launched, three phases in order; half done — the past activities
/// reported by some organizations and overdue for others, more overdue in the last township — and the sample branch
/// with its lecture reported and the rest still owed.
/// </summary>
public sealed class DemoThemeEducationTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_OneDistrictCampaign_HalfDone_WithOverdueOrganizations()
    {
        await using var db = district.Database.Open();
        var campaign = await db.ThemeCampaigns.AsNoTracking().Include(c => c.Phases).ThenInclude(p => p.Activities).SingleAsync();
        Assert.Equal((district.Result.DistrictId, ThemeCampaignStatus.Launched), (campaign.OrganizationId, campaign.Status));
        Assert.Equal(["学习教育", "查摆问题", "整改落实"], campaign.OrderedPhases.Select(p => p.Name));

        var orgs = await db.Organizations.AsNoTracking().Where(o => o.Status == Domain.Organizations.OrganizationStatus.Active)
            .Select(o => new ThemeParticipant(o.Id, o.Kind, o.Path)).ToListAsync();
        var reports = await db.ThemeActivityReports.AsNoTracking().ToListAsync();
        var cells = ThemeProgress.Grid(campaign, orgs, reports, Today);
        var all = ThemeProgress.Completion(cells);
        Assert.InRange(all.Percent, 30, 80);
        Assert.True(all.Overdue > 0);
        Assert.Contains(cells, c => c.State == ActivityState.Due);

        var byTownship = ThemeProgress.ByChild(orgs.Single(o => o.Id == district.Result.DistrictId).Path, orgs, cells);
        Assert.True(byTownship[^1].Completion.Percent < byTownship[0].Completion.Percent);

        var sample = reports.Where(r => r.OrganizationId == district.Result.SampleBranchId).ToList();
        var lecture = Assert.Single(sample);
        Assert.Equal(RequiredActivityKind.ThemedPartyLecture, campaign.Activities.Single(a => a.Id == lecture.ActivityId).Kind);
        Assert.All(reports.Where(r => campaign.Activities.Single(a => a.Id == r.ActivityId).Kind == RequiredActivityKind.ProblemList), r => Assert.True(r.ItemCount > 0));
        Assert.All(reports, r => Assert.InRange(r.DoneOn, campaign.StartsOn, Today));
    }
}
