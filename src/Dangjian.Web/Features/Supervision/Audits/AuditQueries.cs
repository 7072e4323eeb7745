using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Audits;

/// <summary>经济责任审计 (SUP-3) read with Supervision.Read over the audited organization's subtree.</summary>
public sealed class AuditQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    /// <summary>
    /// The subtree's secretaries (党组织书记, the 主要领导干部 an economic-responsibility audit is about) who left their post
    /// from <paramref name="since"/> (1 January of last year by default) to <paramref name="asOf"/> (today) with no
    /// departure audit covering their last day (<see cref="EconomicAudits.LeftWithoutDepartureAudit"/>). A secretary leaves
    /// when the organization's next team starts without them as its secretary: their last day is the day before
    /// (a team serves until the next one starts, <see cref="Domain.Teams.TermRules.InOffice"/>).
    /// </summary>
    public async Task<DeparturesView> DeparturesAsync(int? organizationId, DateOnly? since, DateOnly? asOf, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.SupervisionRead, orgId, ct);
        var day = asOf ?? clock.Today;
        var from = since ?? new DateOnly(day.Year - 1, 1, 1);
        if (from > day)
        {
            throw new InputValidationException(new FieldErrors().Add("since", "Input.SinceAfterAsOf", "Field.EconomicAudit.Since"));
        }

        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var orgIds = ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]).Select(o => o.Id);
        var teams = await db.LeadershipTeams.AsNoTracking().Where(t => orgIds.Contains(t.OrganizationId) && t.StartsOn <= day)
            .Select(t => new { t.Id, t.OrganizationId, t.StartsOn }).ToListAsync(ct);
        var teamIds = teams.Select(t => t.Id).ToList();
        var secretaries = (await db.TeamPositions.AsNoTracking().Where(p => teamIds.Contains(p.TeamId) && p.Role == Domain.Teams.TeamRole.Secretary)
            .Select(p => new { p.TeamId, p.PersonId }).ToListAsync(ct)).ToLookup(p => p.TeamId, p => p.PersonId);
        var seats = new List<LeaderSeatEnd>();
        foreach (var org in teams.GroupBy(t => t.OrganizationId))
        {
            var ordered = org.OrderBy(t => t.StartsOn).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                var lastDay = ordered[i + 1].StartsOn.AddDays(-1);
                seats.AddRange(secretaries[ordered[i].Id].Where(p => lastDay >= from && !secretaries[ordered[i + 1].Id].Contains(p))
                    .Select(p => new LeaderSeatEnd(p, org.Key, lastDay)));
            }
        }

        var audits = await db.EconomicAudits.AsNoTracking().Where(a => orgIds.Contains(a.OrganizationId) && a.Kind == EconomicAuditKind.Departure).ToListAsync(ct);
        var left = EconomicAudits.LeftWithoutDepartureAudit(seats, audits, day);
        var personIds = left.Select(s => s.PersonId).Distinct().ToList();
        var leftOrgIds = left.Select(s => s.OrganizationId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => leftOrgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new DeparturesView(orgId, from, day, [.. left.Select(s => new DepartureWithoutAuditView(
            s.PersonId, people.GetValueOrDefault(s.PersonId, string.Empty), s.OrganizationId, orgs.GetValueOrDefault(s.OrganizationId, string.Empty), s.LastDay))]);
    }

    /// <summary>A page of the subtree's audits, latest planned first, by status and a search on the leader's name.</summary>
    public async Task<AuditListView> ListAsync(int? organizationId, EconomicAuditStatus? status, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (orgId, name, q) = await MatchingAsync(organizationId, status, search, ct);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.PlannedOn).ThenByDescending(a => a.Id).Skip(new PageWindow(p, size).Skip).Take(size).ToListAsync(ct);
        return new AuditListView(orgId, name, new Paged<AuditView>(await ViewsAsync(rows, ct), total, p, size), await scopes.MayAsync(Permission.SupervisionNotify, orgId, ct));
    }

    /// <summary>Every audit the list matches, in its order: what the export writes.</summary>
    public async Task<IReadOnlyList<AuditView>> AllAsync(int? organizationId, EconomicAuditStatus? status, string? search, CancellationToken ct = default)
    {
        var (_, _, q) = await MatchingAsync(organizationId, status, search, ct);
        return await ViewsAsync(await q.OrderByDescending(a => a.PlannedOn).ThenByDescending(a => a.Id).ToListAsync(ct), ct);
    }

    public async Task<AuditDetail> OneAsync(int id, CancellationToken ct = default)
    {
        var audit = await db.EconomicAudits.AsNoTracking().Include(a => a.Findings).FirstOrDefaultAsync(a => a.Id == id, ct);
        await scopes.DemandRecordAsync(audit?.OrganizationId, "audit", id, Permission.SupervisionRead, ct);
        return new AuditDetail((await ViewsAsync([audit!], ct))[0], await scopes.MayAsync(Permission.SupervisionNotify, audit!.OrganizationId, ct));
    }

    private async Task<(int OrgId, string Name, IQueryable<EconomicAudit> Query)> MatchingAsync(int? organizationId, EconomicAuditStatus? status, string? search, CancellationToken ct)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.SupervisionRead, orgId, ct);
        var errors = new FieldErrors();
        var text = errors.Text("search", "Field.EconomicAudit.Person", search, 100, required: false);
        errors.ThrowIfAny();
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var orgIds = ScopeQuery.Within(db.Organizations.AsNoTracking(), [root.Path]).Select(o => o.Id);
        var q = db.EconomicAudits.AsNoTracking().Include(a => a.Findings).Where(a => orgIds.Contains(a.OrganizationId));
        if (status is { } s)
        {
            q = q.Where(a => a.Status == s);
        }

        if (text.Length > 0)
        {
            q = q.Where(a => db.People.Any(p => p.Id == a.PersonId && p.Name.Contains(text)));
        }

        return (orgId, root.Name, q);
    }

    private async Task<IReadOnlyList<AuditView>> ViewsAsync(IReadOnlyList<EconomicAudit> rows, CancellationToken ct)
    {
        var orgIds = rows.Select(a => a.OrganizationId).Distinct().ToList();
        var personIds = rows.Select(a => a.PersonId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. rows.Select(a => new AuditView(
            a.Id, a.OrganizationId, orgs.GetValueOrDefault(a.OrganizationId, string.Empty), a.PersonId, people.GetValueOrDefault(a.PersonId, string.Empty), a.Kind,
            a.PeriodFrom, a.PeriodTo, a.PlannedOn, a.Status, a.StartedOn, a.CompletedOn, a.Conclusion,
            [.. a.Findings.OrderBy(f => f.Id).Select(f => new AuditFindingView(f.Id, f.Text, f.Measure, f.RectifiedOn))], a.IsRectified, a.Version))];
    }
}
