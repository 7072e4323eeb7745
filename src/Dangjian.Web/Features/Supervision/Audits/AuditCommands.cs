using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Audits;

/// <summary>
/// Recording economic-responsibility audits (SUP-3) with Supervision.Notify on the audited organization: plan, start,
/// findings, the report, each finding's rectification; the order and the days are the entity's rules.
/// </summary>
public sealed class AuditCommands(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<int> PlanAsync(PlanAuditRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.SupervisionNotify, orgId, ct);
        var errors = new FieldErrors();
        Required(errors, "personId", "Field.EconomicAudit.Person", r.PersonId);
        Required(errors, "kind", "Field.EconomicAudit.Kind", r.Kind);
        Required(errors, "periodFrom", "Field.EconomicAudit.PeriodFrom", r.PeriodFrom);
        Required(errors, "periodTo", "Field.EconomicAudit.PeriodTo", r.PeriodTo);
        Required(errors, "plannedOn", "Field.EconomicAudit.PlannedOn", r.PlannedOn);
        errors.ThrowIfAny();
        if (!await db.People.AnyAsync(p => p.Id == r.PersonId && !p.IsRemoved, ct))
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.UnknownPerson"));
        }

        var audit = EconomicAudit.Plan(r.PersonId!.Value, orgId, r.Kind!.Value, r.PeriodFrom!.Value, r.PeriodTo!.Value, r.PlannedOn!.Value);
        db.EconomicAudits.Add(audit);
        db.AuditAction = "EconomicAudit.Planned";
        await db.SaveChangesAsync(ct);
        return audit.Id;
    }

    public async Task StartAsync(int id, AuditDayRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var audit = await LoadAsync(id, r.Version, ct);
        audit.Start(r.On ?? clock.Today, clock.Today);
        db.AuditAction = "EconomicAudit.Started";
        await db.SaveChangesAsync(ct);
    }

    public async Task AddFindingAsync(int id, AddFindingRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var audit = await LoadAsync(id, r.Version, ct);
        audit.AddFinding(r.Text ?? string.Empty);

        // The finding is a row of its own; the audit's version still moves, so a second page adding at once sees a conflict.
        db.Entry(audit).Property(a => a.Version).IsModified = true;
        db.AuditAction = "EconomicAudit.FindingAdded";
        await db.SaveChangesAsync(ct);
    }

    public async Task CompleteAsync(int id, CompleteAuditRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var audit = await LoadAsync(id, r.Version, ct);
        audit.Complete(r.Conclusion ?? string.Empty, r.On ?? clock.Today, clock.Today);
        db.AuditAction = "EconomicAudit.Completed";
        await db.SaveChangesAsync(ct);
    }

    public async Task RectifyAsync(int id, int findingId, RectifyFindingRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var audit = await LoadAsync(id, r.Version, ct);
        var finding = audit.Findings.FirstOrDefault(f => f.Id == findingId) ?? throw new NotFoundException("finding", findingId);
        audit.Rectify(finding, r.Measure ?? string.Empty, r.On ?? clock.Today, clock.Today);
        db.Entry(audit).Property(a => a.Version).IsModified = true;
        db.AuditAction = "EconomicAudit.Rectified";
        await db.SaveChangesAsync(ct);
    }

    private static void Required(FieldErrors errors, string field, string label, object? value)
    {
        if (value is null)
        {
            errors.Add(field, "Input.Required", label);
        }
    }

    private async Task<EconomicAudit> LoadAsync(int id, int version, CancellationToken ct)
    {
        var audit = await db.EconomicAudits.Include(a => a.Findings).FirstOrDefaultAsync(a => a.Id == id, ct);
        await scopes.DemandRecordAsync(audit?.OrganizationId, "audit", id, Permission.SupervisionNotify, ct);
        db.ExpectVersion(audit!, version);
        return audit!;
    }
}
