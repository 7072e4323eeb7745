using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Exits;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Supervisors;

/// <summary>The roster of 干部工作监督员 (CAD-7) with Cadres.Write on the appointing organization; the rules are WorkSupervisor's.</summary>
public sealed class SupervisorCommands(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<int> AppointAsync(AppointSupervisorRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.CadresWrite, orgId, ct);
        if (r.PersonId is not { } personId || !await db.People.AnyAsync(p => p.Id == personId && !p.IsRemoved, ct))
        {
            throw new InputValidationException(new FieldErrors().Add("personId", r.PersonId is null ? "Input.Required" : "Input.UnknownPerson", "Field.Cadre.Person"));
        }

        var serving = await db.WorkSupervisors.AsNoTracking().Where(s => s.PersonId == personId).ToListAsync(ct);
        var s = WorkSupervisor.Appoint(personId, orgId, r.AppointedOn ?? clock.Today, serving, clock.Today);
        db.WorkSupervisors.Add(s);
        db.AuditAction = "WorkSupervisor.Appointed";
        await db.SaveChangesAsync(ct);
        return s.Id;
    }

    public async Task AttachUnitAsync(int id, SupervisorUnitRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = await LoadAsync(id, r.Version, ct);
        if (r.UnitId is not { } unitId)
        {
            throw new InputValidationException(new FieldErrors().Add("unitId", "Input.Required", "Field.Cadre.Unit"));
        }

        var (_, ids) = await CadreRecords.SubtreeAsync(db, s.OrganizationId, ct);
        if (!await db.Units.AnyAsync(u => u.Id == unitId && ids.Contains(u.AreaOrganizationId), ct))
        {
            throw new DomainRuleException("Cadre.UnitNotInScope", "unitId");
        }

        s.AttachUnit(unitId);
        await SaveAsync(s, "WorkSupervisor.UnitAttached", ct);
    }

    public async Task DetachUnitAsync(int id, int unitId, SupervisorVersionRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = await LoadAsync(id, r.Version, ct);
        s.DetachUnit(unitId);
        await SaveAsync(s, "WorkSupervisor.UnitDetached", ct);
    }

    public async Task AddReportAsync(int id, SupervisorReportRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = await LoadAsync(id, r.Version, ct);
        var errors = new FieldErrors();
        if (r.Year is null)
        {
            errors.Add("year", "Input.Required", "Field.Cadre.ReportYear");
        }

        if (r.Period is null)
        {
            errors.Add("period", "Input.Required", "Field.Cadre.ReportPeriod");
        }

        errors.ThrowIfAny();
        s.AddReport(r.Year!.Value, r.Period!.Value, r.Text, r.SubmittedOn ?? clock.Today, SupervisorQueries.Rules, clock.Today);
        await SaveAsync(s, "WorkSupervisor.ReportFiled", ct);
    }

    public async Task EndAsync(int id, EndSupervisorRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = await LoadAsync(id, r.Version, ct);
        s.End(r.On ?? clock.Today, clock.Today);
        db.AuditAction = "WorkSupervisor.Ended";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A change to the units or reports is a row of its own; the supervisor's version still moves, so two pages at once see a conflict.</summary>
    private async Task SaveAsync(WorkSupervisor s, string action, CancellationToken ct)
    {
        db.Entry(s).Property(x => x.Version).IsModified = true;
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
    }

    private async Task<WorkSupervisor> LoadAsync(int id, int version, CancellationToken ct)
    {
        var s = await db.WorkSupervisors.Include(x => x.Units).Include(x => x.Reports).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        await scopes.DemandRecordAsync(s?.OrganizationId, "supervisor", id, Permission.CadresWrite, ct);
        db.ExpectVersion(s!, version);
        return s!;
    }
}
