using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Meetings.Compliance;

/// <summary>
/// 三会一课 (MTG-9) over the caller's subtree: for each active organization of a kind with requirements and each
/// required type, what was held this year and which periods are overdue, as of a reference day (today by default).
/// </summary>
public sealed class ComplianceQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock, IOptions<ComplianceOptions> options)
{
    public DateOnly Today => clock.Today;

    public async Task<ComplianceOverview> OverviewAsync(ComplianceFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        await DemandTownshipAsync(filter.TownshipId, ct);

        var asOf = filter.AsOf ?? Today;
        var all = await EvaluateAsync(asOf, ct);
        var inTownship = all.Where(r => filter.TownshipId is not { } t || r.TownshipId == t).ToList();
        var shares = inTownship.GroupBy(r => r.Type).OrderBy(g => g.Key)
            .Select(g => new TypeShare(g.Key, g.Count(), g.Count(r => r.State != ComplianceState.Overdue), g.Count(r => r.State == ComplianceState.Due), g.Count(r => r.State == ComplianceState.Overdue)))
            .ToList();
        var townships = all.Where(r => r.TownshipId is not null).DistinctBy(r => r.TownshipId)
            .Select(r => new TownshipRef(r.TownshipId!.Value, r.TownshipName ?? string.Empty)).OrderBy(t => t.Id).ToList();
        var rows = Filter(inTownship, filter).ToList();
        return new ComplianceOverview(
            asOf, asOf.Year, shares, townships, [.. options.Value.Rules().Types],
            new Paged<ComplianceRow>([.. rows.Skip(window.Skip).Take(size)], rows.Count, p, size));
    }

    /// <summary>Every row the filter selects (for the export).</summary>
    public async Task<IReadOnlyList<ComplianceRow>> AllAsync(ComplianceFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await DemandTownshipAsync(filter.TownshipId, ct);
        var all = await EvaluateAsync(filter.AsOf ?? Today, ct);
        return [.. Filter(all.Where(r => filter.TownshipId is not { } t || r.TownshipId == t), filter)];
    }

    /// <summary>One organization's grid for a year (default: the reference day's).</summary>
    public async Task<OrganizationCompliance> OrganizationAsync(int organizationId, int? year, DateOnly? asOfDay, CancellationToken ct = default)
    {
        var asOf = asOfDay ?? Today;
        var y = year ?? asOf.Year;
        if (y is < 1949 or > 9999)
        {
            throw new InputValidationException(new FieldErrors().Add("year", "Input.OutOfRange", "Field.Year", 1949, 9999));
        }

        await scopes.DemandAsync(Permission.MeetingsRead, organizationId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Name, o.Kind, o.DissolvedOn }).FirstAsync(ct);
        var requirements = options.Value.Rules().For(org.Kind);
        var types = requirements.Select(r => r.Type).ToList();
        var from = new DateOnly(y - 1, 1, 1);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && types.Contains(m.Type) && m.Date >= from)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Date, m.Type, m.Title, m.Status })
            .ToListAsync(ct);
        var earlier = await LastHeldBeforeAsync(db.Meetings.Where(m => m.OrganizationId == organizationId), from, ct);
        var countFrom = ComplianceCheck.CountFrom(options.Value.StartsOn, null);

        var results = requirements.Select(r =>
        {
            var held = meetings.Where(m => m.Type == r.Type && ComplianceCheck.Counts(m.Status)).Select(m => m.Date);
            var c = ComplianceCheck.Evaluate(r, held, y, asOf, countFrom, org.DissolvedOn);
            return new TypeCompliance(r.Type, r.Frequency, c.State, c.HeldThisYear, c.OverdueCount, c.PreviousPeriodMissed,
                c.LastHeld ?? earlier.GetValueOrDefault((organizationId, r.Type)), c.NextDue,
                [.. c.Periods.Select(x => new PeriodView(x.Period.Index, x.Period.Start, x.Period.End, x.State, x.Held))]);
        }).ToList();

        return new OrganizationCompliance(org.Id, org.Name, org.Kind, y, asOf, countFrom, results,
            [.. meetings.Where(m => m.Date.Year == y).Select(m => new YearMeeting(m.Id, m.Date, m.Type, m.Title, m.Status, ComplianceCheck.Counts(m.Status) && m.Date <= asOf))]);
    }

    /// <summary>
    /// A township filter must name one the caller reaches — inside their scope, or above part of it (a branch secretary
    /// filters by their own township); any other is refused rather than answered with an empty list (DESIGN.md "Scope").
    /// </summary>
    private async Task DemandTownshipAsync(int? townshipId, CancellationToken ct)
    {
        if (townshipId is not { } id)
        {
            return;
        }

        var roots = (await scopes.GetAsync(ct)).Roots(Permission.MeetingsRead);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null || !roots.Any(r => OrganizationTree.IsWithin(path, r) || OrganizationTree.IsWithin(r, path)))
        {
            throw new ScopeRefusedException();
        }
    }

    private static IEnumerable<ComplianceRow> Filter(IEnumerable<ComplianceRow> rows, ComplianceFilter filter) =>
        rows.Where(r => (filter.Type is not { } t || r.Type == t) && (!filter.OverdueOnly || r.State == ComplianceState.Overdue))
            .OrderByDescending(r => r.State).ThenByDescending(r => r.OverdueCount)
            .ThenBy(r => r.TownshipId).ThenBy(r => r.OrganizationName, StringComparer.Ordinal).ThenBy(r => r.OrganizationId).ThenBy(r => r.Type);

    /// <summary>Every (organization, required type) of the caller's scope, evaluated for the reference day's year.</summary>
    private async Task<List<ComplianceRow>> EvaluateAsync(DateOnly asOf, CancellationToken ct)
    {
        var rules = options.Value.Rules();
        var kinds = rules.Kinds.ToList();
        var types = rules.Types.ToList();
        var scoped = (await scopes.OrganizationsAsync(Permission.MeetingsRead, ct))
            .Where(o => o.Status == OrganizationStatus.Active && kinds.Contains(o.Kind));
        var orgs = await scoped.Select(o => new { o.Id, o.Name, o.Kind, o.Path }).ToListAsync(ct);
        if (orgs.Count == 0)
        {
            return [];
        }

        // This year and last (the period just ended may be last year's), held by the reference day.
        var from = new DateOnly(asOf.Year - 1, 1, 1);
        var inScope = db.Meetings.AsNoTracking().Where(m => scoped.Any(o => o.Id == m.OrganizationId) && types.Contains(m.Type));
        var held = (await inScope
                .Where(m => (m.Status == MeetingStatus.Closed || m.Status == MeetingStatus.InProgress) && m.Date >= from && m.Date <= asOf)
                .Select(m => new { m.OrganizationId, m.Type, m.Date })
                .ToListAsync(ct))
            .ToLookup(m => (m.OrganizationId, m.Type), m => m.Date);
        var earlier = await LastHeldBeforeAsync(inScope, from, ct);

        var townshipIds = orgs.Select(o => TownshipOf(o.Path)).OfType<int>().Distinct().ToList();
        var townshipNames = await db.Organizations.AsNoTracking().Where(o => townshipIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var countFrom = ComplianceCheck.CountFrom(options.Value.StartsOn, null);

        var rows = new List<ComplianceRow>();
        foreach (var o in orgs)
        {
            var township = TownshipOf(o.Path);
            foreach (var r in rules.For(o.Kind))
            {
                var c = ComplianceCheck.Evaluate(r, held[(o.Id, r.Type)], asOf.Year, asOf, countFrom);
                rows.Add(new ComplianceRow(o.Id, o.Name, o.Kind, township, township is { } t ? townshipNames.GetValueOrDefault(t) : null,
                    r.Type, r.Frequency, c.HeldThisYear, c.OverdueCount, c.LastHeld ?? earlier.GetValueOrDefault((o.Id, r.Type)), c.NextDue, c.State));
            }
        }

        return rows;
    }

    private static async Task<Dictionary<(int, MeetingType), DateOnly?>> LastHeldBeforeAsync(IQueryable<Meeting> meetings, DateOnly before, CancellationToken ct) =>
        (await meetings.Where(m => (m.Status == MeetingStatus.Closed || m.Status == MeetingStatus.InProgress) && m.Date < before)
            .GroupBy(m => new { m.OrganizationId, m.Type })
            .Select(g => new { g.Key.OrganizationId, g.Key.Type, Last = g.Max(m => m.Date) })
            .ToListAsync(ct))
        .ToDictionary(x => (x.OrganizationId, x.Type), x => (DateOnly?)x.Last);

    /// <summary>The 乡镇党委/街道党工委 an organization belongs to: the second id of its path ("/1/4/27/" → 4).</summary>
    private static int? TownshipOf(string path)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return ids.Length >= 2 && int.TryParse(ids[1], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
