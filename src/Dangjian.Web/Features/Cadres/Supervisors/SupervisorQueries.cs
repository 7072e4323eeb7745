using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Exits;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Supervisors;

/// <summary>
/// The roster of 干部工作监督员 (CAD-7) read with Cadres.Read over the appointing organization's subtree. Which reports are
/// overdue is <see cref="SupervisorReports.Overdue"/>'s answer under <see cref="SupervisorRules.Defaults"/>.
/// </summary>
public sealed class SupervisorQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public static SupervisorRules Rules => SupervisorRules.Defaults;

    /// <summary>A page of the roster (serving first, then by appointment); <c>overdue</c> keeps only those owing a report on <c>on</c>.</summary>
    public async Task<SupervisorListView> ListAsync(int? organizationId, bool overdue, DateOnly? on, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (orgId, name, day, rows) = await MatchingAsync(organizationId, overdue, on, search, ct);
        var views = await ViewsAsync(rows.Skip(new PageWindow(p, size).Skip).Take(size).ToList(), day, ct);
        return new SupervisorListView(orgId, name, day, Rules.ReportMonths, Rules.GraceDays, new Paged<SupervisorView>(views, rows.Count, p, size), await scopes.MayAsync(Permission.CadresWrite, orgId, ct));
    }

    public async Task<(DateOnly On, IReadOnlyList<SupervisorView> Rows)> AllAsync(int? organizationId, bool overdue, DateOnly? on, string? search, CancellationToken ct = default)
    {
        var (_, _, day, rows) = await MatchingAsync(organizationId, overdue, on, search, ct);
        return (day, await ViewsAsync(rows, day, ct));
    }

    public async Task<SupervisorDetail> OneAsync(int id, CancellationToken ct = default)
    {
        var s = await db.WorkSupervisors.AsNoTracking().Include(x => x.Units).Include(x => x.Reports).FirstOrDefaultAsync(x => x.Id == id, ct);
        await scopes.DemandRecordAsync(s?.OrganizationId, "supervisor", id, Permission.CadresRead, ct);
        return new SupervisorDetail((await ViewsAsync([s!], clock.Today, ct))[0], Rules.ReportMonths, await scopes.MayAsync(Permission.CadresWrite, s!.OrganizationId, ct));
    }

    /// <summary>The units whose area is in the organization's subtree: those a supervisor appointed there may follow.</summary>
    public async Task<IReadOnlyList<SupervisorUnitOption>> UnitsAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.CadresRead, organizationId, ct);
        var (_, ids) = await CadreRecords.SubtreeAsync(db, organizationId, ct);
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.AreaOrganizationId)).OrderBy(u => u.Name).Select(u => new SupervisorUnitOption(u.Id, u.Name)).ToListAsync(ct);
    }

    private async Task<(int OrgId, string Name, DateOnly On, List<WorkSupervisor> Rows)> MatchingAsync(int? organizationId, bool overdue, DateOnly? on, string? search, CancellationToken ct)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var errors = new FieldErrors();
        errors.SaneDay("on", "Field.Cadre.SubmittedOn", on);
        var text = errors.Text("search", "Field.Cadre.Person", search, 100, required: false);
        errors.ThrowIfAny();
        var day = on ?? clock.Today;
        var (name, ids) = await CadreRecords.SubtreeAsync(db, orgId, ct);
        var q = db.WorkSupervisors.AsNoTracking().Include(s => s.Units).Include(s => s.Reports).Where(s => ids.Contains(s.OrganizationId));
        if (text.Length > 0)
        {
            q = q.Where(s => db.People.Any(p => p.Id == s.PersonId && p.Name.Contains(text)));
        }

        var rows = await q.AsSplitQuery().ToListAsync(ct);
        if (overdue)
        {
            rows = [.. rows.Where(s => SupervisorReports.Overdue([s], Rules, day).Count > 0)];
        }

        return (orgId, name, day, [.. rows.OrderBy(s => s.EndedOn is null ? 0 : 1).ThenBy(s => s.AppointedOn).ThenBy(s => s.Id)]);
    }

    private async Task<IReadOnlyList<SupervisorView>> ViewsAsync(IReadOnlyList<WorkSupervisor> rows, DateOnly day, CancellationToken ct)
    {
        var people = await CadreRecords.NamesAsync(db, rows.Select(s => s.PersonId), ct);
        var orgs = await CadreRecords.OrganizationNamesAsync(db, rows.Select(s => s.OrganizationId), ct);
        var unitIds = rows.SelectMany(s => s.Units.Select(u => u.UnitId)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return [.. rows.Select(s => new SupervisorView(
            s.Id, s.OrganizationId, orgs.GetValueOrDefault(s.OrganizationId, string.Empty), s.PersonId, people.GetValueOrDefault(s.PersonId, string.Empty),
            s.AppointedOn, s.EndedOn,
            [.. s.Units.Select(u => new SupervisorUnitView(u.UnitId, units.GetValueOrDefault(u.UnitId, string.Empty))).OrderBy(u => u.Name, StringComparer.Ordinal)],
            [.. s.Reports.OrderByDescending(r => r.Year).ThenByDescending(r => r.Period).Select(r => new SupervisorReportView(r.Id, r.Year, r.Period, r.SubmittedOn, r.Text))],
            [.. SupervisorReports.Overdue([s], Rules, day).Select(o => new OverdueReportView(o.Year, o.Period, o.Due))],
            s.Version))];
    }
}
