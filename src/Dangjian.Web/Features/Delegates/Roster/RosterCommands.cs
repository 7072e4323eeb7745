using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Delegates.Roster;

/// <summary>Changes to the roster (DEL-1), each after Delegates.Manage on the term's organization: load, one entity call, audit, save.</summary>
public sealed class RosterCommands(DangjianDbContext db, ScopeService scopes, RosterQueries queries, OrgClock clock)
{
    public async Task<CongressTermView> OpenTermAsync(OpenTermRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.DelegatesManage, orgId, ct);
        var errors = new FieldErrors();
        if (r.Number is null)
        {
            errors.Add("number", "Input.Required", "Field.Delegates.Number");
        }

        if (r.StartsOn is null)
        {
            errors.Add("startsOn", "Input.Required", "Field.Delegates.StartsOn");
        }

        errors.ThrowIfAny();
        var term = CongressTerm.Open(orgId, r.Number!.Value, r.StartsOn!.Value, r.EndsOn);
        if (await db.CongressTerms.AnyAsync(t => t.OrganizationId == orgId && t.Number == term.Number, ct))
        {
            throw new DomainRuleException("Delegates.TermExists", "number", term.Number);
        }

        db.CongressTerms.Add(term);
        db.AuditAction = "CongressTerm.Opened";
        await db.SaveChangesAsync(ct);
        return await queries.TermAsync(term.Id, ct);
    }

    public async Task<DelegationView> FormDelegationAsync(int termId, FormDelegationRequest r, CancellationToken ct = default)
    {
        var term = await LoadTermAsync(termId, ct);
        if (r.ConstituencyOrganizationId is { } constituency && !await WithinTermAsync(term, constituency, ct))
        {
            throw new DomainRuleException("Delegates.OutsideTheTerm", "constituencyOrganizationId");
        }

        var delegation = Delegation.Form(term, r.Name ?? string.Empty, r.ConstituencyOrganizationId);
        if (await db.Delegations.AnyAsync(d => d.TermId == termId && d.Name == delegation.Name, ct))
        {
            throw new DomainRuleException("Delegates.DelegationExists", "name");
        }

        db.Delegations.Add(delegation);
        db.AuditAction = "Delegation.Formed";
        await db.SaveChangesAsync(ct);
        return (await queries.DelegationsAsync(termId, ct)).Single(d => d.Id == delegation.Id);
    }

    /// <summary>Seats a person of the term's organization (its subtree) in one of the term's delegations.</summary>
    public async Task<DelegateSeatView> SeatAsync(int termId, SeatDelegateRequest r, CancellationToken ct = default)
    {
        var term = await LoadTermAsync(termId, ct);
        var errors = new FieldErrors();
        var delegation = r.DelegationId is { } d ? await db.Delegations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d && x.TermId == termId, ct) : null;
        if (delegation is null)
        {
            errors.Add("delegationId", r.DelegationId is null ? "Input.Required" : "Input.Invalid", "Field.Delegates.Delegation");
        }

        var personOrg = r.PersonId is { } p ? await db.People.AsNoTracking().Where(x => x.Id == p && !x.IsRemoved).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct) : null;
        if (personOrg is null || !await WithinTermAsync(term, personOrg.Value, ct))
        {
            errors.Add("personId", r.PersonId is null ? "Input.Required" : "Delegates.OutsideTheTerm", "Field.Delegates.Person");
        }

        if (r.ElectionProjectId is { } e)
        {
            var projectOrg = await db.ElectionProjects.AsNoTracking().Where(x => x.Id == e).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct);
            if (projectOrg is null || !await WithinTermAsync(term, projectOrg.Value, ct))
            {
                errors.Add("electionProjectId", "Delegates.OutsideTheTerm", "Field.Delegates.ElectionProject");
            }
        }

        errors.ThrowIfAny();
        var seated = await db.DelegateSeats.Where(s => s.TermId == termId).Select(s => s.PersonId).ToListAsync(ct);
        var seat = DelegateSeat.Seat(term, delegation!, r.PersonId!.Value, r.ElectionProjectId, seated);
        db.DelegateSeats.Add(seat);
        db.AuditAction = "DelegateSeat.Seated";
        await db.SaveChangesAsync(ct);
        return await queries.SeatAsync(seat.Id, ct);
    }

    public async Task<DelegateSeatView> EndSeatAsync(int seatId, EndSeatRequest r, CancellationToken ct = default)
    {
        var termId = await db.DelegateSeats.AsNoTracking().Where(s => s.Id == seatId).Select(s => (int?)s.TermId).FirstOrDefaultAsync(ct);
        var orgId = termId is { } t ? await db.CongressTerms.AsNoTracking().Where(x => x.Id == t).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct) : null;
        await scopes.DemandRecordAsync(orgId, "delegateSeat", seatId, Permission.DelegatesManage, ct);
        var term = await db.CongressTerms.AsNoTracking().FirstAsync(x => x.Id == termId, ct);
        var seat = await db.DelegateSeats.FirstAsync(s => s.Id == seatId, ct);
        db.ExpectVersion(seat, r.Version);
        if (r.EndedOn is null)
        {
            throw new InputValidationException(new FieldErrors().Add("endedOn", "Input.Required", "Field.Delegates.EndedOn"));
        }

        seat.End(term, r.EndedOn.Value, r.Reason ?? string.Empty, clock.Today);
        db.AuditAction = "DelegateSeat.Ended";
        await db.SaveChangesAsync(ct);
        return await queries.SeatAsync(seatId, ct);
    }

    private async Task<CongressTerm> LoadTermAsync(int termId, CancellationToken ct)
    {
        var orgId = await db.CongressTerms.AsNoTracking().Where(t => t.Id == termId).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", termId, Permission.DelegatesManage, ct);
        return await db.CongressTerms.AsNoTracking().FirstAsync(t => t.Id == termId, ct);
    }

    /// <summary>Whether the organization is the term's own or below it.</summary>
    private async Task<bool> WithinTermAsync(CongressTerm term, int organizationId, CancellationToken ct)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == term.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        return await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == organizationId && o.Path.StartsWith(root), ct);
    }
}
