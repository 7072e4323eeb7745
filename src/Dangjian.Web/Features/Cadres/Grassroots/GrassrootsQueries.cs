using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Units;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Grassroots;

/// <summary>
/// Grassroots time (CAD-6) read over an organization's subtree (Cadres.Read): each leader's year, the shortfall lists on
/// any day (<see cref="GrassrootsShortfall"/> with <see cref="GrassrootsRules.Defaults"/>), and a township's petition rota.
/// </summary>
public sealed class GrassrootsQueries(
    DangjianDbContext db, ScopeService scopes, CadrePeople people, GrassrootsLeaders leaders, IWorkingDayCalendar calendar, OrgClock clock)
{
    public async Task<GrassrootsYearView> YearAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var y = year ?? clock.Today.Year;
        if (y < 1900 || y > 2200)
        {
            throw new InputValidationException(new FieldErrors().Add("year", "Input.OutOfRange", "Field.Year", 1900, 2200));
        }

        var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var day = last < clock.Today ? last : clock.Today;
        var orgs = await people.SubtreeAsync(orgId, ct);
        var who = await leaders.OfSubtreeAsync(orgId, day, ct);
        var stays = await db.GrassrootsStays.AsNoTracking().Where(s => orgs.Contains(s.OrganizationId) && s.From <= last && s.To >= first).OrderBy(s => s.From).ToListAsync(ct);
        var nights = await db.NightStays.AsNoTracking().Where(n => orgs.Contains(n.OrganizationId) && n.Night >= first && n.Night <= last).ToListAsync(ct);
        var checks = await db.NightSpotChecks.AsNoTracking().Where(c => orgs.Contains(c.OrganizationId) && c.Night >= first && c.Night <= last).OrderBy(c => c.Night).ToListAsync(ct);
        var contacts = await db.ContactPoints.AsNoTracking().Where(c => orgs.Contains(c.OrganizationId) && c.From <= last && (c.To == null || c.To >= first)).ToListAsync(ct);
        var standing = GrassrootsShortfall.Stays(who.Select(l => l.PersonId), stays, GrassrootsRules.Defaults, day).ToDictionary(s => s.PersonId);
        var names = await people.NamesAsync(stays.Select(s => s.PersonId).Concat(checks.Select(c => c.PersonId)).Concat(contacts.Select(c => c.PersonId)), ct);
        var unitIds = contacts.Select(c => c.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new GrassrootsYearView(
            orgId, await NameAsync(orgId, ct), y,
            [.. who.Select(l => new LeaderYearRow(
                l, standing[l.PersonId].Done, nights.Count(n => n.PersonId == l.PersonId), checks.Count(c => c.PersonId == l.PersonId && !c.Present),
                contacts.Count(c => c.PersonId == l.PersonId && c.IsActiveOn(day))))],
            [.. stays.Select(s => new StayView(s.Id, s.PersonId, names.GetValueOrDefault(s.PersonId, string.Empty), s.Place, s.From, s.To))],
            [.. checks.Select(c => new SpotCheckView(c.Id, c.PersonId, names.GetValueOrDefault(c.PersonId, string.Empty), c.Night, c.Present, c.CheckedBy, c.Note))],
            [.. contacts.OrderBy(c => c.PersonId).ThenBy(c => c.From).Select(c => new ContactView(
                c.Id, c.PersonId, names.GetValueOrDefault(c.PersonId, string.Empty), c.UnitId, units.GetValueOrDefault(c.UnitId, string.Empty), c.Kind, c.From, c.To, c.Version))],
            await scopes.MayAsync(Permission.CadresWrite, orgId, ct));
    }

    /// <summary>
    /// The shortfalls on <paramref name="asOf"/> (today by default): township leaders behind pace on days at the
    /// grassroots this calendar year, their full weeks short of nights since 1 January, the nights a spot check found them
    /// absent, and district leaders short of contact points; with each township's count of leaders short of anything.
    /// </summary>
    public async Task<ShortfallView> ShortfallAsync(int? organizationId, DateOnly? asOf, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var day = asOf ?? clock.Today;
        var first = new DateOnly(day.Year, 1, 1);
        var who = await leaders.OfSubtreeAsync(orgId, day, ct);
        var township = who.Where(l => l.Township).ToList();
        var district = who.Where(l => l.District).ToList();
        var ids = who.Select(l => l.PersonId).ToList();
        var stays = await db.GrassrootsStays.AsNoTracking().Where(s => ids.Contains(s.PersonId) && s.From <= day && s.To >= first).ToListAsync(ct);
        var nights = await db.NightStays.AsNoTracking().Where(n => ids.Contains(n.PersonId) && n.Night >= first && n.Night <= day).ToListAsync(ct);
        var checks = await db.NightSpotChecks.AsNoTracking().Where(c => ids.Contains(c.PersonId) && c.Night >= first && c.Night <= day).ToListAsync(ct);
        var contacts = await db.ContactPoints.AsNoTracking().Where(c => ids.Contains(c.PersonId) && c.From <= day).ToListAsync(ct);
        var rules = GrassrootsRules.Defaults;
        var byId = who.ToDictionary(l => l.PersonId);
        var stayShort = GrassrootsShortfall.StayShortfall(township.Select(l => l.PersonId), stays, rules, day)
            .Select(s => new StayShortRow(s.PersonId, byId[s.PersonId].Name, byId[s.PersonId].OrganizationName, s.Done, s.Missing)).ToList();
        var nightShort = GrassrootsShortfall.NightShortfall(township.Select(l => l.PersonId), nights, checks, rules, first, day)
            .GroupBy(w => w.PersonId)
            .Select(g => new NightShortRow(g.Key, byId[g.Key].Name, byId[g.Key].OrganizationName, g.Count(), [.. g.OrderBy(w => w.WeekStart)]))
            .OrderByDescending(r => r.ShortWeeks).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var absent = GrassrootsShortfall.FoundAbsent(checks, nights, first, day)
            .Where(a => byId.ContainsKey(a.PersonId)).Select(a => new AbsentRow(a.PersonId, byId[a.PersonId].Name, a.Night, a.Reported)).ToList();
        var contactShort = GrassrootsShortfall.Contacts(district.Select(l => l.PersonId), contacts, rules, day)
            .Select(c => new ContactShortRow(c.PersonId, byId[c.PersonId].Name, c.MissingEnterprises, c.MissingVillages)).ToList();
        var shortIds = stayShort.Select(s => s.PersonId).Concat(nightShort.Select(n => n.PersonId)).Concat(absent.Select(a => a.PersonId)).ToHashSet();
        var byTownship = township.Where(l => shortIds.Contains(l.PersonId)).GroupBy(l => (l.OrganizationId, l.OrganizationName))
            .Select(g => new TownshipShortCount(g.Key.OrganizationId, g.Key.OrganizationName, g.Count())).OrderByDescending(t => t.Leaders).ThenBy(t => t.OrganizationName, StringComparer.Ordinal).ToList();
        return new ShortfallView(orgId, await NameAsync(orgId, ct), day, stayShort, nightShort, absent, contactShort, byTownship);
    }

    /// <summary>A township's rota for a month (this month by default), with its working days nobody was put on.</summary>
    public async Task<RotaMonthView> RotaAsync(int? organizationId, int? year, int? month, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var (y, m) = (year ?? clock.Today.Year, month ?? clock.Today.Month);
        var errors = new FieldErrors();
        if (y < 1900 || y > 2200)
        {
            errors.Add("year", "Input.OutOfRange", "Field.Year", 1900, 2200);
        }

        if (m < 1 || m > 12)
        {
            errors.Add("month", "Input.OutOfRange", "Field.Cadre.Month", 1, 12);
        }

        errors.ThrowIfAny();
        var first = new DateOnly(y, m, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var days = await db.RotaDays.AsNoTracking().Include(d => d.Cases).Where(d => d.OrganizationId == orgId && d.Day >= first && d.Day <= last)
            .OrderBy(d => d.Day).ToListAsync(ct);
        var names = await people.NamesAsync(days.Select(d => d.PersonId), ct);
        var cal = await calendar.CurrentAsync(ct);
        var gaps = cal.Covers(first) ? GrassrootsShortfall.RotaGaps(orgId, days, cal, first, last) : null;
        var team = (await leaders.OfSubtreeAsync(orgId, last < clock.Today ? last : clock.Today, ct)).Where(l => l.OrganizationId == orgId).ToList();
        return new RotaMonthView(
            orgId, await NameAsync(orgId, ct), y, m,
            [.. days.Select(d => View(d, names.GetValueOrDefault(d.PersonId, string.Empty)))], gaps, team, await scopes.MayAsync(Permission.CadresWrite, orgId, ct));
    }

    /// <summary>Enterprises and villages of the unit register in the organization's area, by name.</summary>
    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(int? organizationId, string? search, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var orgs = await people.SubtreeAsync(orgId, ct);
        var q = db.Units.AsNoTracking().Where(u => orgs.Contains(u.AreaOrganizationId) && (u.Kind == UnitKind.Enterprise || u.Kind == UnitKind.Village));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(u => u.Name.Contains(s));
        }

        return await q.OrderBy(u => u.Name).Take(30).Select(u => new UnitOption(u.Id, u.Name, u.Kind)).ToListAsync(ct);
    }

    public static RotaDayView View(RotaDay d, string name)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Day, d.PersonId, name, d.Version, [.. d.Cases.OrderBy(c => c.Id).Select(c => new PetitionCaseView(c.Id, c.Summary, c.Petitioners, c.Handling, c.Resolved))]);
    }

    private Task<string> NameAsync(int orgId, CancellationToken ct) => db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
}
