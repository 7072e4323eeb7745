using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Dues;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Dues;

/// <summary>
/// The demo's dues: six months of the sample township's branches computed by the dues rule, with arrears, an excused
/// month and exactly one flagged member (the sample branch's), the sample member owing one month, and activity funds
/// that never go below zero.
/// </summary>
public sealed class DemoDuesTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_SixMonthsOfDues_ArrearsAnExcusedMonth_AndOneFlaggedMemberInTheSampleBranch()
    {
        await using var db = district.Database.Open();
        var (first, last) = (new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 1));
        var profiles = await db.DuesProfiles.AsNoTracking().ToListAsync();
        var payments = (await db.DuesPayments.AsNoTracking().ToListAsync()).ToLookup(p => p.PersonId);
        Assert.All(profiles, p => Assert.Equal(first, p.FromMonth));
        Assert.All(payments.SelectMany(g => g), p => Assert.InRange(p.Month, first, last));

        var ledgers = profiles.ToDictionary(
            p => p.PersonId,
            p => DuesLedger.Compute(p.Monthly(DuesRates.National), first, last, payments[p.PersonId].Select(r => r.ToLedger())));
        var flagged = Assert.Single(ledgers, l => l.Value.Flagged);
        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == flagged.Key);
        Assert.Equal(district.Result.SampleBranchId, person.OrganizationId);
        Assert.True(ledgers.Count(l => l.Value.Arrears > 0) > 2);
        Assert.Single(payments.SelectMany(g => g), p => p.Excused);
        Assert.Equal([new DateOnly(2026, 9, 1)], ledgers[district.Result.SampleMemberPersonId].UnpaidMonths);
        Assert.Contains(profiles, p => p.Category == DuesCategory.Retired);
        Assert.Contains(profiles, p => p.Category == DuesCategory.Farmer);
    }

    [Fact]
    public async Task Demo_ActivityFunds_NeverBelowZero_InTheSampleBranchAndItsTownship()
    {
        await using var db = district.Database.Open();
        var entries = await db.ActivityFunds.AsNoTracking().ToListAsync();

        Assert.Equal(
            new[] { district.Result.SampleBranchId, district.Result.TownshipIds[0] }.Order(),
            entries.Select(e => e.OrganizationId).Distinct().Order());
        foreach (var org in entries.GroupBy(e => e.OrganizationId))
        {
            var balance = 0m;
            foreach (var e in org.OrderBy(e => e.On).ThenBy(e => e.Id))
            {
                balance += e.Kind == ActivityFundKind.Spent ? -e.Amount : e.Amount;
                Assert.True(balance >= 0, $"{e.Purpose} leaves {balance}");
            }
        }

        Assert.All(entries, e => Assert.True(e.On <= Today));
    }
}
