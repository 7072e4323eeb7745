using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Talent;

/// <summary>Changes to the talent pool (CAD-2): Cadres.Write on the entry's organization, the rule on <see cref="TalentPoolEntry"/>.</summary>
public sealed class TalentCommands(DangjianDbContext db, ScopeService scopes, CadrePeople people, TalentQueries queries, OrgClock clock)
{
    public async Task<TalentRow> EnterAsync(EnterTalentRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.CadresWrite, orgId, ct);
        await people.DemandOnRosterAsync(orgId, r.PersonId, "personId", ct);
        var profile = Profile(r.Category, r.Skills, r.PostsHeld, r.Availability);
        var earlier = await db.TalentPoolEntries.AsNoTracking().Where(e => e.PersonId == r.PersonId).ToListAsync(ct);
        var entry = TalentPoolEntry.Enter(r.PersonId!.Value, orgId, profile, r.EnteredOn ?? clock.Today, r.Reason, earlier, clock.Today);
        db.TalentPoolEntries.Add(entry);
        db.AuditAction = "TalentPoolEntry.Entered";
        await db.SaveChangesAsync(ct);
        return await queries.OneAsync(entry.Id, ct);
    }

    public async Task<TalentRow> UpdateAsync(int id, UpdateTalentRequest r, CancellationToken ct = default)
    {
        var entry = await LoadAsync(id, r.Version, ct);
        entry.Update(Profile(r.Category, r.Skills, r.PostsHeld, r.Availability));
        db.AuditAction = "TalentPoolEntry.Updated";
        await db.SaveChangesAsync(ct);
        return await queries.OneAsync(id, ct);
    }

    public async Task<TalentRow> LeaveAsync(int id, LeavePoolRequest r, CancellationToken ct = default)
    {
        var entry = await LoadAsync(id, r.Version, ct);
        if (r.LeftOn is null)
        {
            throw new InputValidationException(new FieldErrors().Add("leftOn", "Input.Required", "Field.Cadre.LeftOn"));
        }

        entry.Leave(r.LeftOn.Value, r.Reason, clock.Today);
        db.AuditAction = "TalentPoolEntry.Left";
        await db.SaveChangesAsync(ct);
        return await queries.OneAsync(id, ct);
    }

    private static TalentProfile Profile(TalentCategory? category, IReadOnlyList<string?>? skills, IReadOnlyList<string?>? posts, TalentAvailability? availability)
    {
        var errors = new FieldErrors();
        if (category is null)
        {
            errors.Add("category", "Input.Required", "Field.Cadre.TalentCategory");
        }

        if (availability is null)
        {
            errors.Add("availability", "Input.Required", "Field.Cadre.Availability");
        }

        errors.ThrowIfAny();
        return new TalentProfile(category!.Value, skills ?? [], posts ?? [], availability!.Value);
    }

    private async Task<TalentPoolEntry> LoadAsync(int id, int version, CancellationToken ct)
    {
        await queries.DemandAsync(id, Permission.CadresWrite, ct);
        var entry = await db.TalentPoolEntries.FirstAsync(e => e.Id == id, ct);
        db.ExpectVersion(entry, version);
        return entry;
    }
}
