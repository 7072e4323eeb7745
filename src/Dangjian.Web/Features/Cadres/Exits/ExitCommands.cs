using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Exits;

/// <summary>Exit cases (CAD-7) with Cadres.Write on the handling organization: open, decide or withdraw; the rules are ExitCase's.</summary>
public sealed class ExitCommands(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<int> OpenAsync(OpenExitRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.CadresWrite, orgId, ct);
        if (r.Kind is null)
        {
            throw new InputValidationException(new FieldErrors().Add("kind", "Input.Required", "Field.Cadre.ExitKind"));
        }

        await CadreRecords.DemandCadreAsync(db, orgId, r.PersonId, ct);
        var c = ExitCase.Open(r.PersonId!.Value, orgId, r.Kind.Value, r.Grounds, r.OpenedOn ?? clock.Today, clock.Today);
        db.ExitCases.Add(c);
        db.AuditAction = "ExitCase.Opened";
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    public async Task DecideAsync(int id, DecideExitRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var c = await LoadAsync(id, r.Version, ct);
        if (r.Outcome is not { } outcome)
        {
            throw new InputValidationException(new FieldErrors().Add("outcome", "Input.Required", "Field.Cadre.ExitOutcome"));
        }

        c.Decide(outcome, r.DecidedBy, r.DecisionText, r.DecidedOn ?? clock.Today, clock.Today);
        db.AuditAction = "ExitCase.Decided";
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(int id, WithdrawExitRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var c = await LoadAsync(id, r.Version, ct);
        c.Withdraw(r.Reason, r.On ?? clock.Today, clock.Today);
        db.AuditAction = "ExitCase.Withdrawn";
        await db.SaveChangesAsync(ct);
    }

    private async Task<ExitCase> LoadAsync(int id, int version, CancellationToken ct)
    {
        var c = await db.ExitCases.FirstOrDefaultAsync(x => x.Id == id, ct);
        await scopes.DemandRecordAsync(c?.OrganizationId, "exit", id, Permission.CadresWrite, ct);
        db.ExpectVersion(c!, version);
        return c!;
    }
}
