using Dangjian.Data.Demo;
using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Meetings.Talks;
using Dangjian.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Meetings;

/// <summary>
/// The demo's talk register (MTG-11): the sample branch and a few other organizations have talks of last year and this
/// year, none after today, between two different people; this year some required pairs are still owed, so the coverage
/// page has rows. The same <c>today</c> gives the same talks.
/// </summary>
public sealed class DemoTalksTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_TheSampleBranchHasTalksOfTwoYears_AndPairsStillOwedThisYear()
    {
        await using var db = district.Database.Open();
        var talks = await db.Talks.AsNoTracking().ToListAsync();
        var branch = district.Result.SampleBranchId;

        Assert.All(talks, t => Assert.True(t.HeldOn <= Today && t.InitiatorId != t.PartnerId && t.Topics.Length > 0));
        Assert.InRange(talks.Select(t => t.OrganizationId).Distinct().Count(), 2, 4);
        Assert.Equal([Today.Year - 1, Today.Year], talks.Where(t => t.OrganizationId == branch).Select(t => t.HeldOn.Year).Distinct().Order());

        var team = district.Teams.Where(t => t.OrganizationId == branch && t.StartsOn <= Today).OrderByDescending(t => t.StartsOn).First()
            .Positions.Select(p => new TalkTeamSeat(p.PersonId, p.Role)).ToList();
        var members = district.People.Where(p => p.OrganizationId == branch && !p.IsRemoved && p.Status.IsMember()).Select(p => p.Id).ToList();
        var coverage = TalkRequirements.Coverage(Today.Year, team, members, talks.Where(t => t.OrganizationId == branch));
        Assert.True(coverage.Owed > 0);
        Assert.True(coverage.Covered > 0);
    }

    [Fact]
    public async Task Demo_SameToday_SameTalks()
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

    private static async Task<string> SummaryAsync(DangjianDbContext db) =>
        string.Join("\n", await db.Talks.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => $"{t.OrganizationId}|{t.HeldOn}|{t.InitiatorId}|{t.PartnerId}|{t.Kind}|{t.Topics}|{t.FollowUpDoneOn}").ToListAsync());
}
