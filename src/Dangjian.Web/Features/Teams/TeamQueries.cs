using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Teams;

/// <summary>Leadership teams and terms (ORG-2) and the term-expiry list, inside the caller's scope.</summary>
public sealed class TeamQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public const int DefaultExpiryMonths = 6;

    private DateOnly Today => clock.Today;

    /// <summary>Every term of one organization, latest first, with seats.</summary>
    public async Task<IReadOnlyList<TeamView>> ForOrganizationAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.OrganizationsRead, organizationId, ct);
        var ids = await db.LeadershipTeams.AsNoTracking().Where(t => t.OrganizationId == organizationId)
            .OrderByDescending(t => t.StartsOn).Select(t => t.Id).ToListAsync(ct);
        return await LoadAsync(ids, ct);
    }

    public async Task<TeamView> GetAsync(int id, CancellationToken ct = default)
    {
        var orgId = await db.LeadershipTeams.AsNoTracking().Where(t => t.Id == id).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "team", id, Permission.OrganizationsRead, ct);
        return (await LoadAsync([id], ct))[0];
    }

    /// <summary>
    /// Current teams of every organization in scope (for the Excel export): the team in office today
    /// (<see cref="TermRules.InOffice"/>), so an overdue team is listed until the next one starts.
    /// </summary>
    public async Task<IReadOnlyList<TeamView>> CurrentInScopeAsync(CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.OrganizationsRead, ct);
        var today = Today;
        var ids = await db.LeadershipTeams.AsNoTracking()
            .InOffice(db.LeadershipTeams, today)
            .Join(orgs.Where(o => o.Status == OrganizationStatus.Active), t => t.OrganizationId, o => o.Id, (t, o) => new { t.Id, o.Path })
            .OrderBy(x => x.Path).Select(x => x.Id).ToListAsync(ct);
        return await LoadAsync(ids, ct);
    }

    /// <summary>
    /// Organizations in scope whose latest term ends within <paramref name="months"/> months (the end day
    /// included) or has already ended with no later term (逾期未换届), soonest first (ORG-2, ELE-1).
    /// </summary>
    public async Task<IReadOnlyList<ExpiringTerm>> ExpiringAsync(int? months, CancellationToken ct = default)
    {
        var m = months ?? DefaultExpiryMonths;
        if (m is < 0 or > 60)
        {
            throw new InputValidationException(new FieldErrors().Add("months", "Input.OutOfRange", "Field.Months", 0, 60));
        }

        var today = Today;
        var horizon = today.AddMonths(m);
        var orgs = (await scopes.OrganizationsAsync(Permission.OrganizationsRead, ct)).Where(o => o.Status == OrganizationStatus.Active);

        // The latest term of each organization: no other term of it starts later.
        var latest = db.LeadershipTeams.AsNoTracking()
            .Where(t => !db.LeadershipTeams.Any(n => n.OrganizationId == t.OrganizationId && n.StartsOn > t.StartsOn))
            .Where(t => t.EndsOn <= horizon);
        var rows = await latest
            .Join(orgs, t => t.OrganizationId, o => o.Id, (t, o) => new { t, o })
            .Select(x => new
            {
                x.o.Id, x.o.Code, x.o.Name, x.o.Kind, TeamId = x.t.Id, x.t.TermNumber, x.t.EndsOn,
                Secretary = db.TeamPositions.Where(p => p.TeamId == x.t.Id && p.Role == TeamRole.Secretary && (p.EndsOn == null || p.EndsOn >= today))
                    .Join(db.People, p => p.PersonId, pe => pe.Id, (p, pe) => pe.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new ExpiringTerm(r.Id, r.Code, r.Name, r.Kind, r.TeamId, r.TermNumber, r.EndsOn, r.EndsOn.DayNumber - today.DayNumber,
                TermRules.ExpiryState(r.EndsOn, today, m)!.Value, r.Secretary))
            .OrderBy(r => r.EndsOn).ThenBy(r => r.OrganizationCode)
            .ToList();
    }

    private async Task<IReadOnlyList<TeamView>> LoadAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var teams = await db.LeadershipTeams.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Join(db.Organizations, t => t.OrganizationId, o => o.Id, (t, o) => new { t, o.Name })
            .ToListAsync(ct);
        var seats = await db.TeamPositions.AsNoTracking().Where(p => ids.Contains(p.TeamId))
            .Join(db.People, p => p.PersonId, pe => pe.Id, (p, pe) => new { p.TeamId, p.PersonId, pe.Name, p.Role, p.Portfolio, p.Id, p.StartsOn, p.EndsOn })
            .ToListAsync(ct);
        var today = Today;
        var byId = teams.ToDictionary(x => x.t.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var x = byId[id];
            // Who served when (ORG-2): by role, then in the order the seats began.
            var s = seats.Where(p => p.TeamId == id).OrderBy(p => p.Role).ThenBy(p => p.StartsOn ?? x.t.StartsOn).ThenBy(p => p.Id)
                .Select(p => new SeatView(p.PersonId, p.Name, p.Role, p.Portfolio, p.Id, p.StartsOn, p.EndsOn,
                    p.EndsOn is not { } end || end >= today)).ToList();
            return new TeamView(x.t.Id, x.t.OrganizationId, x.Name, x.t.TermNumber, x.t.StartsOn, x.t.EndsOn, x.t.IsCurrentOn(today), x.t.Version, s);
        }).ToList();
    }
}
