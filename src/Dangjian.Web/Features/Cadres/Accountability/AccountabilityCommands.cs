using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Accountability;

/// <summary>
/// 用人失察失误责任追究 (CAD-7) with Cadres.Write on the examining organization: open on a selection case, conclude once.
/// The selection case it names must exist and be one the caller may read (Cadres.Read on its organization).
/// </summary>
public sealed class AccountabilityCommands(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<int> OpenAsync(OpenAccountabilityRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.CadresWrite, orgId, ct);
        if (r.Ground is null)
        {
            throw new InputValidationException(new FieldErrors().Add("ground", "Input.Required", "Field.Cadre.AccountabilityGround"));
        }

        var c = AccountabilityCase.Open(orgId, r.SelectionCaseId, r.Ground.Value, r.Description, r.OpenedOn ?? clock.Today, clock.Today);
        if (c.SelectionCaseId is { } selectionId)
        {
            var selectionOrg = await db.SelectionCases.Where(s => s.Id == selectionId).Select(s => (int?)s.OrganizationId).FirstOrDefaultAsync(ct);
            if (selectionOrg is not { } so || !await scopes.MayAsync(Permission.CadresRead, so, ct))
            {
                throw new InputValidationException(new FieldErrors().Add("selectionCaseId", "Input.UnknownSelectionCase"));
            }
        }

        db.AccountabilityCases.Add(c);
        db.AuditAction = "AccountabilityCase.Opened";
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    public async Task ConcludeAsync(int id, ConcludeAccountabilityRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var c = await db.AccountabilityCases.FirstOrDefaultAsync(x => x.Id == id, ct);
        await scopes.DemandRecordAsync(c?.OrganizationId, "accountability", id, Permission.CadresWrite, ct);
        db.ExpectVersion(c!, r.Version);
        var people = r.ResponsiblePersonIds ?? [];
        var distinct = people.Distinct().ToList();
        var known = await db.People.Where(p => distinct.Contains(p.Id) && !p.IsRemoved).CountAsync(ct);
        if (known != distinct.Count)
        {
            throw new InputValidationException(new FieldErrors().Add("responsiblePersonIds", "Input.UnknownPerson"));
        }

        c!.Conclude(r.Finding, people, r.Measure, r.On ?? clock.Today, clock.Today);
        db.AuditAction = "AccountabilityCase.Concluded";
        await db.SaveChangesAsync(ct);
    }
}
