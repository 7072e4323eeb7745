using Dangjian.Data.Demo;
using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Meetings;

/// <summary>
/// The demo's democratic life meetings: last year's held with open and done measures, this year's in preparation, for the
/// first three townships, so the carry-over shows; and last year's of the sample branch, whose measures the demo member's
/// page shows (DemoSampleMemberTests). The same <c>today</c> gives the same records.
/// </summary>
public sealed class DemoDemocraticLifeTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_ThreeTownships_LastYearHeldWithOpenMeasures_ThisYearPreparingCarriesThem()
    {
        await using var db = district.Database.Open();
        var all = await db.DemocraticLifeMeetings.AsNoTracking().Include(m => m.Problems).ThenInclude(p => p.Rectifications).ToListAsync();
        var meetings = all.Where(m => m.OrganizationId != district.Result.SampleBranchId).ToList();

        Assert.Equal(district.Result.TownshipIds.Take(3).Order(), meetings.Select(m => m.OrganizationId).Distinct().Order());
        var branch = Assert.Single(all, m => m.OrganizationId == district.Result.SampleBranchId);
        Assert.Equal((Today.Year - 1, DemocraticLifeStatus.Held), (branch.Year, branch.Status));
        foreach (var org in meetings.GroupBy(m => m.OrganizationId))
        {
            var last = org.Single(m => m.Year == Today.Year - 1);
            var current = org.Single(m => m.Year == Today.Year);
            Assert.Equal(DemocraticLifeStatus.Held, last.Status);
            Assert.Empty(last.MissingPreparation());
            Assert.NotNull(last.SuperiorLeaderName);
            Assert.NotEmpty(last.Problems);
            var rectifications = last.Problems.SelectMany(p => p.Rectifications).ToList();
            Assert.Contains(rectifications, r => r.Status == RectificationStatus.Open);
            Assert.Contains(rectifications, r => r.Status == RectificationStatus.Done && r.Evidence is not null && r.DoneOn < Today);
            Assert.InRange(DemocraticLifeQuality.Of(last).Percent!.Value, 0, 99.9);

            Assert.Equal(DemocraticLifeStatus.Preparing, current.Status);
            Assert.True(current.PlannedDate > Today);
            Assert.Equal(rectifications.Count(r => r.Status == RectificationStatus.Open), DemocraticLifeContinuity.CarryOver(current, org).Count);
        }

        var opinions = await db.DemocraticLifeOpinions.AsNoTracking().ToListAsync();
        Assert.All(meetings, m => Assert.Contains(opinions, o => o.MeetingId == m.Id));
        Assert.All(opinions, o => Assert.Null(o.SubmitterName));
    }

    [Fact]
    public async Task Demo_SameToday_SameMeetings()
    {
        await using var other = await SqliteTestDatabase.CreateAsync();
        await using (var db = other.Open())
        {
            await DemoDistrict.SeedAsync(db, Today);
        }

        await using var a = district.Database.Open();
        await using var b = other.Open();
        Assert.Equal(await SummaryAsync(a), await SummaryAsync(b));
    }

    private static async Task<string> SummaryAsync(DangjianDbContext db)
    {
        var rects = await db.DemocraticLifeRectifications.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => $"{r.ProblemId}|{r.Measure}|{r.Deadline}|{r.Status}|{r.DoneOn}").ToListAsync();
        var opinions = (await db.DemocraticLifeOpinions.AsNoTracking().ToListAsync())
            .OrderBy(o => o.Id).Select(o => $"{o.Id}|{o.MeetingId}|{o.Source}|{o.ReceivedOn}|{o.Text}");
        var meetings = await db.DemocraticLifeMeetings.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => $"{m.OrganizationId}|{m.Year}|{m.PlannedDate}|{m.Status}|{m.SuperiorLeaderName}").ToListAsync();
        return string.Join("\n", meetings.Concat(rects).Concat(opinions));
    }
}
