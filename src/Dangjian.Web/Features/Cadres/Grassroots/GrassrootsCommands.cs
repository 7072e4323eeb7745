using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Grassroots;

/// <summary>
/// Recording grassroots time (CAD-6): Cadres.Write on the leader's organization, the person a serving member of its
/// team, the rule on the entity (GrassrootsTime, PetitionRota), one audited save.
/// </summary>
public sealed class GrassrootsCommands(DangjianDbContext db, ScopeService scopes, CadrePeople people, GrassrootsLeaders leaders, OrgClock clock)
{
    public async Task<int> RecordStayAsync(RecordStayRequest r, CancellationToken ct = default)
    {
        var orgId = await DemandAsync(r.OrganizationId, ct);
        var errors = new FieldErrors();
        Require(errors, r.From, "from", "Field.Cadre.StayFrom");
        Require(errors, r.To, "to", "Field.Cadre.StayTo");
        errors.ThrowIfAny();
        await leaders.DemandLeaderAsync(orgId, r.PersonId, r.To!.Value, ct);
        var stay = GrassrootsStay.Record(r.PersonId!.Value, orgId, r.Place, r.From!.Value, r.To.Value, clock.Today);
        db.GrassrootsStays.Add(stay);
        db.AuditAction = "GrassrootsStay.Recorded";
        await db.SaveChangesAsync(ct);
        return stay.Id;
    }

    public async Task<int> RecordNightAsync(RecordNightRequest r, CancellationToken ct = default)
    {
        var orgId = await DemandAsync(r.OrganizationId, ct);
        Require(new FieldErrors(), r.Night, "night", "Field.Cadre.Night").ThrowIfAny();
        await leaders.DemandLeaderAsync(orgId, r.PersonId, r.Night!.Value, ct);
        var night = NightStay.Record(r.PersonId!.Value, orgId, r.Night.Value, clock.Today);
        if (await db.NightStays.AnyAsync(n => n.PersonId == night.PersonId && n.Night == night.Night, ct))
        {
            // The night is on record already: reporting it again changes nothing.
            return await db.NightStays.Where(n => n.PersonId == night.PersonId && n.Night == night.Night).Select(n => n.Id).FirstAsync(ct);
        }

        db.NightStays.Add(night);
        db.AuditAction = "NightStay.Recorded";
        await db.SaveChangesAsync(ct);
        return night.Id;
    }

    public async Task<int> RecordSpotCheckAsync(RecordSpotCheckRequest r, CancellationToken ct = default)
    {
        var orgId = await DemandAsync(r.OrganizationId, ct);
        var errors = new FieldErrors();
        Require(errors, r.Night, "night", "Field.Cadre.Night");
        if (r.Present is null)
        {
            errors.Add("present", "Input.Required", "Field.Cadre.CheckNote");
        }

        errors.ThrowIfAny();
        await leaders.DemandLeaderAsync(orgId, r.PersonId, r.Night!.Value, ct);
        var check = NightSpotCheck.Record(r.PersonId!.Value, orgId, r.Night.Value, r.Present!.Value, r.CheckedBy, r.Note, clock.Today);
        db.NightSpotChecks.Add(check);
        db.AuditAction = "NightSpotCheck.Recorded";
        await db.SaveChangesAsync(ct);
        return check.Id;
    }

    public async Task<int> AssignContactAsync(AssignContactRequest r, CancellationToken ct = default)
    {
        var orgId = await DemandAsync(r.OrganizationId, ct);
        var errors = new FieldErrors();
        Require(errors, r.UnitId, "unitId", "Field.Cadre.Unit");
        Require(errors, r.From, "from", "Field.Cadre.ContactFrom");
        errors.ThrowIfAny();
        await leaders.DemandLeaderAsync(orgId, r.PersonId, clock.Today, ct);
        var orgs = await people.SubtreeAsync(orgId, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == r.UnitId && orgs.Contains(u.AreaOrganizationId)).Select(u => new { u.Id, u.Kind }).FirstOrDefaultAsync(ct)
            ?? throw new InputValidationException(new FieldErrors().Add("unitId", "Input.Invalid", "Field.Cadre.Unit"));
        var mine = await db.ContactPoints.AsNoTracking().Where(c => c.PersonId == r.PersonId).ToListAsync(ct);
        var point = ContactPoint.Assign(r.PersonId!.Value, orgId, unit.Id, unit.Kind, r.From!.Value, mine);
        db.ContactPoints.Add(point);
        db.AuditAction = "ContactPoint.Assigned";
        await db.SaveChangesAsync(ct);
        return point.Id;
    }

    public async Task EndContactAsync(int id, EndContactRequest r, CancellationToken ct = default)
    {
        var orgId = await db.ContactPoints.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "contactPoint", id, Permission.CadresWrite, ct);
        var point = await db.ContactPoints.FirstAsync(c => c.Id == id, ct);
        db.ExpectVersion(point, r.Version);
        Require(new FieldErrors(), r.To, "to", "Field.Cadre.ContactTo").ThrowIfAny();
        point.End(r.To!.Value);
        db.AuditAction = "ContactPoint.Ended";
        await db.SaveChangesAsync(ct);
    }

    public async Task<RotaDayView> ScheduleAsync(ScheduleRotaRequest r, CancellationToken ct = default)
    {
        var orgId = await DemandAsync(r.OrganizationId, ct);
        Require(new FieldErrors(), r.Day, "day", "Field.Cadre.RotaDay").ThrowIfAny();
        await leaders.DemandLeaderAsync(orgId, r.PersonId, r.Day!.Value < clock.Today ? r.Day.Value : clock.Today, ct);
        var days = await db.RotaDays.AsNoTracking().Where(d => d.OrganizationId == orgId && d.Day == r.Day).ToListAsync(ct);
        var day = RotaDay.Schedule(orgId, r.Day.Value, r.PersonId!.Value, days);
        db.RotaDays.Add(day);
        db.AuditAction = "RotaDay.Scheduled";
        await db.SaveChangesAsync(ct);
        return await ViewAsync(day, ct);
    }

    public async Task<RotaDayView> ReassignAsync(int id, ReassignRotaRequest r, CancellationToken ct = default)
    {
        var day = await LoadDayAsync(id, r.Version, ct);
        await leaders.DemandLeaderAsync(day.OrganizationId, r.PersonId, clock.Today, ct);
        day.Reassign(r.PersonId!.Value, clock.Today);
        db.AuditAction = "RotaDay.Reassigned";
        await db.SaveChangesAsync(ct);
        return await ViewAsync(day, ct);
    }

    public async Task<RotaDayView> AddCaseAsync(int id, AddCaseRequest r, CancellationToken ct = default)
    {
        var day = await LoadDayAsync(id, r.Version, ct);
        Require(new FieldErrors(), r.Petitioners, "petitioners", "Field.Cadre.Petitioners").ThrowIfAny();
        day.AddCase(r.Summary, r.Petitioners!.Value, r.Handling, r.Resolved, clock.Today);

        // A case alone still raises the day's version, so a second clerk's stale page gets a 409.
        db.Entry(day).State = EntityState.Modified;
        db.AuditAction = "RotaDay.CaseAdded";
        await db.SaveChangesAsync(ct);
        return await ViewAsync(day, ct);
    }

    private async Task<RotaDay> LoadDayAsync(int id, int version, CancellationToken ct)
    {
        var orgId = await db.RotaDays.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "rotaDay", id, Permission.CadresWrite, ct);
        var day = await db.RotaDays.Include(d => d.Cases).FirstAsync(d => d.Id == id, ct);
        db.ExpectVersion(day, version);
        return day;
    }

    private async Task<RotaDayView> ViewAsync(RotaDay day, CancellationToken ct) =>
        GrassrootsQueries.View(day, await db.People.AsNoTracking().Where(p => p.Id == day.PersonId).Select(p => p.Name).FirstAsync(ct));

    private async Task<int> DemandAsync(int? organizationId, CancellationToken ct)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresWrite, orgId, ct);
        return orgId;
    }

    private static FieldErrors Require<T>(FieldErrors errors, T? value, string field, string label)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(field, "Input.Required", label);
        }

        return errors;
    }
}
