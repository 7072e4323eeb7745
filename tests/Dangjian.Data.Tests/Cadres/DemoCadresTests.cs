using Dangjian.Data.Demo;
using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Cadres;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Cadres;

/// <summary>
/// The demo's cadre pools and grassroots time have the shape the pages show: reserve cadres in every township, some out
/// with a reason; talents with skills; township leaders behind pace; a district leader short of a village; rota days
/// with cases, none after today. The same <c>today</c> gives the same rows.
/// </summary>
public sealed class DemoCadresTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_PoolsAndGrassrootsTime_HaveTheShapeThePagesShow()
    {
        await using var db = district.Database.Open();
        var reserve = await db.ReserveCadres.AsNoTracking().Include(e => e.Postings).ToListAsync();
        var townships = district.Result.TownshipIds;

        Assert.InRange(reserve.Count, 50, 80);
        Assert.Equal(townships.Order(), reserve.Select(e => e.OrganizationId).Distinct().Order());
        Assert.Contains(reserve, e => !e.IsOpen && !string.IsNullOrEmpty(e.LeaveReason));
        Assert.Contains(reserve, e => e.Postings.Count > 0);
        Assert.All(reserve, e => Assert.True(e.EnteredOn <= Today));
        var talents = await db.TalentPoolEntries.AsNoTracking().ToListAsync();
        Assert.InRange(talents.Count, 5, 20);
        Assert.All(talents, t => Assert.NotEmpty(t.Skills));

        var stays = await db.GrassrootsStays.AsNoTracking().ToListAsync();
        Assert.All(stays, s => Assert.True(s.To <= Today && s.From <= s.To));
        var leaders = stays.Select(s => s.PersonId).Distinct().ToList();
        Assert.NotEmpty(GrassrootsShortfall.StayShortfall(leaders, stays, GrassrootsRules.Defaults, Today));
        var contacts = await db.ContactPoints.AsNoTracking().ToListAsync();
        Assert.NotEmpty(GrassrootsShortfall.Contacts(contacts.Select(c => c.PersonId), contacts, GrassrootsRules.Defaults, Today));
        var rota = await db.RotaDays.AsNoTracking().Include(d => d.Cases).ToListAsync();
        Assert.Contains(rota, d => d.Cases.Count > 0);
        Assert.All(rota.Where(d => d.Cases.Count > 0), d => Assert.True(d.Day <= Today));
    }

    [Fact]
    public async Task Demo_SameToday_SameRows()
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
        string.Join("\n", (await db.ReserveCadres.AsNoTracking().OrderBy(e => e.Id).Select(e => $"{e.PersonId}|{e.TargetPostType}|{e.EnteredOn}|{e.LeftOn}").ToListAsync())
            .Concat(await db.NightStays.AsNoTracking().OrderBy(n => n.Id).Select(n => $"{n.PersonId}|{n.Night}").ToListAsync())
            .Concat(await db.RotaDays.AsNoTracking().OrderBy(d => d.Id).Select(d => $"{d.PersonId}|{d.Day}").ToListAsync()));
}
