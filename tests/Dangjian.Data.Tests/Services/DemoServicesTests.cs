using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Services;

/// <summary>
/// The demo's 三服务 needs: a dozen or so, each raised to its organization's parent, in every state, some overdue, the
/// last township's among them; none raised after today.
/// </summary>
public sealed class DemoServicesTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_NeedsInEveryState_RaisedToTheParent_SomeOverdue()
    {
        await using var db = district.Database.Open();
        var requests = await db.ServiceRequests.AsNoTracking().ToListAsync();
        var parents = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId);

        Assert.InRange(requests.Count, 10, 30);
        Assert.All(requests, r => Assert.Equal(parents[r.OrganizationId], r.ToOrganizationId));
        Assert.All(requests, r => Assert.True(r.RaisedOn <= Today));
        Assert.Equal(Enum.GetValues<ServiceRequestStatus>(), requests.Select(r => r.Status).Distinct().Order());
        Assert.Contains(requests, r => r.IsReopened);
        Assert.Contains(requests, r => r.IsOverdue(Today));
        Assert.Contains(requests, r => r.ToOrganizationId == parents[district.Result.TownshipIds[0]]);
    }
}
