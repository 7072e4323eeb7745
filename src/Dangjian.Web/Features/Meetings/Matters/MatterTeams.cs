using Dangjian.Data;
using Dangjian.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Matters;

/// <summary>Who sits on an organization's leadership team today (MTG-4's "team members"): every seat of a current term held today (ORG-2).</summary>
public static class MatterTeams
{
    public static async Task<IReadOnlyCollection<int>> CurrentAsync(DangjianDbContext db, int organizationId, DateOnly today, CancellationToken ct) =>
        await db.LeadershipTeams.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.StartsOn <= today && today <= t.EndsOn)
            .SelectMany(t => t.Positions).HeldOn(today).Select(p => p.PersonId).Distinct().ToListAsync(ct);
}
