using Dangjian.Data.Demo;
using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Supervision;

/// <summary>
/// The demo's 三务公开 items: every township but the last posted this quarter and last, none after today; the last
/// township and its organizations posted nothing, so the quarter's list of silent organizations has rows. The same
/// <c>today</c> gives the same items.
/// </summary>
public sealed class DemoDisclosuresTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_EveryTownshipButTheLast_PublishedThisQuarterAndLast_TheLastIsSilent()
    {
        await using var db = district.Database.Open();
        var items = await db.Disclosures.AsNoTracking().ToListAsync();
        var townships = district.Result.TownshipIds;
        var current = DisclosureQuarter.Of(Today);
        var last = DisclosureQuarter.Of(current.FirstDay.AddDays(-1));

        Assert.All(items, i => Assert.True(i.PublishedOn <= Today));
        Assert.Equal([last, current], items.Select(i => i.Quarter).Distinct().Order());
        Assert.Equal([townships[^1]], Disclosures.NotPublished(townships, items, current));
        Assert.Equal([townships[^1]], Disclosures.NotPublished(townships, items, last));
    }

    [Fact]
    public async Task Demo_SameToday_SameItems()
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
        string.Join("\n", await db.Disclosures.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => $"{d.OrganizationId}|{d.Category}|{d.Title}|{d.PublishedOn}").ToListAsync());
}
