using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.ThemeEducation;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.ThemeEducation;

/// <summary>
/// Theme education campaigns read by staff (ThemeEducation.Read). A campaign is seen by those whose scope covers its
/// organizing organization and by the organizations that take part in it (their scope lies inside the campaign's
/// subtree: a branch secretary sees the district's campaign, for their own branch only). Completion comes from
/// <see cref="ThemeProgress"/>, so the page, the API, the overdue list and the export agree.
/// </summary>
public sealed class ThemeEducationQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    /// <summary>The campaigns the caller sees, newest first, searched by title or theme and filtered by status.</summary>
    public async Task<ThemeCampaignList> ListAsync(string? search, ThemeCampaignStatus? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var scope = await scopes.GetAsync(ct);
        var roots = scope.Roots(Permission.ThemeEducationRead);
        var ancestors = roots.SelectMany(OrganizationTree.Ids).Distinct().ToList();
        var within = ScopeQuery.Within(db.Organizations.AsNoTracking(), roots).Select(o => o.Id);
        var q = db.ThemeCampaigns.AsNoTracking().Where(c => within.Contains(c.OrganizationId) || ancestors.Contains(c.OrganizationId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(c => c.Title.Contains(s) || c.Theme.Contains(s));
        }

        if (status is { } st)
        {
            q = q.Where(c => c.Status == st);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Skip(new PageWindow(p, size).Skip).Take(size)
            .Select(c => new ThemeCampaignRow(
                c.Id, c.OrganizationId, db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).First(), c.Title, c.Theme, c.StartsOn, c.EndsOn, c.Status,
                c.Phases.Count, c.Phases.SelectMany(x => x.Activities).Count()))
            .ToListAsync(ct);
        return new(new Paged<ThemeCampaignRow>(rows, total, p, size), scope.Holds(Permission.ThemeEducationRun));
    }

    public async Task<ThemeCampaignView> GetAsync(int id, CancellationToken ct = default)
    {
        var (_, path) = await DemandVisibleAsync(id, ct);
        var c = await LoadAsync(id, tracked: false, ct);
        var scope = await scopes.GetAsync(ct);
        return await ViewAsync(c, scope.Allows(Permission.ThemeEducationRun, path), scope.Holds(Permission.ThemeEducationReport), ct);
    }

    /// <summary>Completion over the subtree of <paramref name="organizationId"/> (by default the widest the caller sees) at <paramref name="asOf"/> (by default today).</summary>
    public async Task<ThemeProgressView> ProgressAsync(int id, int? organizationId, DateOnly? asOf, CancellationToken ct = default)
    {
        var s = await SubtreeAsync(id, organizationId, asOf, ct);
        var root = s.Organizations[0];
        var names = s.Names;
        var byChild = ThemeProgress.ByChild(root.Path, s.Organizations, s.Cells)
            .Select(x => new ThemeProgressLine(x.Child.Id, names[x.Child.Id], ThemeCompletionView.Of(x.Completion))).ToList();
        var byActivity = s.Campaign.Activities
            .Select(a => new ThemeActivityProgress(a.Id, a.Title, a.Kind, a.DueOn, ThemeCompletionView.Of(ThemeProgress.Completion(s.Cells.Where(c => c.ActivityId == a.Id)))))
            .ToList();
        return new(id, root.Id, names[root.Id], s.AsOf, ThemeCompletionView.Of(ThemeProgress.Completion(s.Cells)), byChild, byActivity);
    }

    /// <summary>The overdue (organization, activity) pairs of the subtree at the day, the longest overdue first, one page.</summary>
    public async Task<Paged<ThemeOverdueRow>> OverdueAsync(int id, int? organizationId, DateOnly? asOf, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var s = await SubtreeAsync(id, organizationId, asOf, ct);
        var all = Overdue(s).ToList();
        return new(all.Skip(new PageWindow(p, size).Skip).Take(size).ToList(), all.Count, p, size);
    }

    /// <summary>The completion grid of the subtree: each organization with its cells (the export's rows).</summary>
    internal async Task<ThemeSubtree> GridAsync(int id, int? organizationId, DateOnly? asOf, CancellationToken ct = default) =>
        await SubtreeAsync(id, organizationId, asOf, ct);

    /// <summary>What <paramref name="organizationId"/> owes in the campaign, where each stands today and its reports: the report form.</summary>
    public async Task<OrganizationThemeView> OrganizationAsync(int id, int? organizationId, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.ThemeEducationRead, orgId, ct);
        var (_, path) = await DemandVisibleAsync(id, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Id, o.Name, o.Kind, o.Path }).FirstAsync(ct);
        if (!OrganizationTree.IsWithin(org.Path, path))
        {
            throw new DomainRuleException("ThemeEducation.NotInCampaign", "organizationId");
        }

        var c = await LoadAsync(id, tracked: false, ct);
        var reports = await db.ThemeActivityReports.AsNoTracking().Where(r => r.CampaignId == id && r.OrganizationId == orgId).ToListAsync(ct);
        var today = clock.Today;
        var phaseNames = c.Phases.ToDictionary(x => x.Id, x => x.Name);
        var items = c.Activities.Where(a => a.AppliesTo(org.Kind)).Select(a =>
        {
            var report = reports.FirstOrDefault(r => r.ActivityId == a.Id);
            var state = ThemeProgress.StateOf(a, report?.DoneOn, today);
            return new OrganizationActivityView(ActivityView(a), phaseNames[a.PhaseId], state, report is { } r && r.DoneOn > a.DueOn, report is null ? null : ReportView(report));
        }).ToList();
        return new(id, c.Title, c.Status, org.Id, org.Name, items,
            c.Status == ThemeCampaignStatus.Launched && await scopes.MayAsync(Permission.ThemeEducationReport, orgId, ct));
    }

    /// <summary>
    /// The campaign's organization and its path, refused unless the caller reads it: its organization is in the caller's
    /// scope, or one of the caller's organizations takes part in it. Not found and refused look alike from outside.
    /// </summary>
    public async Task<(int OrganizationId, string Path)> DemandVisibleAsync(int id, CancellationToken ct = default)
    {
        var found = await db.ThemeCampaigns.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { o.Id, o.Path }).FirstOrDefaultAsync(ct);
        var scope = await scopes.GetAsync(ct);
        if (found is null)
        {
            throw scope.Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("theme campaign", id);
        }

        var sees = scope.Allows(Permission.ThemeEducationRead, found.Path)
            || scope.Roots(Permission.ThemeEducationRead).Any(r => OrganizationTree.IsWithin(r, found.Path));
        return sees ? (found.Id, found.Path) : throw new ScopeRefusedException();
    }

    internal async Task<ThemeCampaign> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var q = db.ThemeCampaigns.Include(c => c.Phases).ThenInclude(p => p.Activities).AsSplitQuery();
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("theme campaign", id);
    }

    internal async Task<ThemeCampaignView> ViewAsync(ThemeCampaign c, bool canRun, bool canReport, CancellationToken ct)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var phases = c.OrderedPhases.Select((p, i) => new ThemePhaseView(
            p.Id, i + 1, p.Name, p.StartsOn, p.EndsOn, [.. p.Activities.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Select(ActivityView)])).ToList();
        return new(c.Id, c.OrganizationId, name, c.Title, c.Theme, c.StartsOn, c.EndsOn, c.Status, c.Version, phases, canRun, canReport);
    }

    internal static RequiredActivityView ActivityView(RequiredActivity a) => new(a.Id, a.PhaseId, a.Kind, a.Title, a.DueOn, a.Levels);

    internal static ThemeActivityReportView ReportView(ActivityReport r) => new(r.Id, r.ActivityId, r.OrganizationId, r.DoneOn, r.Note, r.Lines, r.Version);

    internal static IEnumerable<ThemeOverdueRow> Overdue(ThemeSubtree s)
    {
        var activities = s.Campaign.Activities.ToDictionary(a => a.Id);
        var order = s.Organizations.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return s.Cells.Where(c => c.State == ActivityState.Overdue)
            .Select(c => (Cell: c, Activity: activities[c.ActivityId]))
            .OrderBy(x => x.Activity.DueOn).ThenBy(x => order[x.Cell.OrganizationId]).ThenBy(x => x.Activity.Id)
            .Select(x => new ThemeOverdueRow(
                x.Cell.OrganizationId, s.Names[x.Cell.OrganizationId], x.Activity.Id, x.Activity.Title, x.Activity.Kind, x.Activity.DueOn,
                s.AsOf.DayNumber - x.Activity.DueOn.DayNumber));
    }

    /// <summary>
    /// The campaign's cells over an organization's subtree: the organization must be in the campaign's subtree and in the
    /// caller's scope; by default it is the campaign's own organization, or, for a caller who only takes part, their own.
    /// </summary>
    private async Task<ThemeSubtree> SubtreeAsync(int id, int? organizationId, DateOnly? asOf, CancellationToken ct)
    {
        var (campaignOrg, campaignPath) = await DemandVisibleAsync(id, ct);
        var day = asOf ?? clock.Today;
        SaneDates.Demand(day, "asOf", "Field.ThemeEducation.AsOf");
        var scope = await scopes.GetAsync(ct);
        var ownRoot = scope.Roots(Permission.ThemeEducationRead).FirstOrDefault(r => OrganizationTree.IsWithin(r, campaignPath));
        var orgId = organizationId
            ?? (scope.Allows(Permission.ThemeEducationRead, campaignPath) || ownRoot is null
                ? campaignOrg
                : await db.Organizations.AsNoTracking().Where(o => o.Path == ownRoot).Select(o => o.Id).FirstAsync(ct));
        await scopes.DemandAsync(Permission.ThemeEducationRead, orgId, ct);
        var rootPath = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        if (!OrganizationTree.IsWithin(rootPath, campaignPath))
        {
            throw new DomainRuleException("ThemeEducation.NotInCampaign", "organizationId");
        }

        var campaign = await LoadAsync(id, tracked: false, ct);
        var orgs = await ScopeQuery.Within(db.Organizations.AsNoTracking(), [rootPath])
            .Where(o => o.Status == OrganizationStatus.Active || o.Id == orgId)
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Kind, o.Path }).ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        var reports = await db.ThemeActivityReports.AsNoTracking().Where(r => r.CampaignId == id && ids.Contains(r.OrganizationId))
            .Select(r => new ActivityReport { OrganizationId = r.OrganizationId, ActivityId = r.ActivityId, DoneOn = r.DoneOn }).ToListAsync(ct);
        var participants = orgs.Select(o => new ThemeParticipant(o.Id, o.Kind, o.Path)).ToList();
        var cells = ThemeProgress.Grid(campaign, participants, reports, day);
        return new(campaign, participants, orgs.ToDictionary(o => o.Id, o => o.Name), cells, day);
    }
}

/// <summary>A campaign's cells over a subtree at a day: the subtree's organizations (its root first, in tree order) and their names.</summary>
internal sealed record ThemeSubtree(
    ThemeCampaign Campaign, IReadOnlyList<ThemeParticipant> Organizations, IReadOnlyDictionary<int, string> Names, IReadOnlyList<ActivityCell> Cells, DateOnly AsOf);
