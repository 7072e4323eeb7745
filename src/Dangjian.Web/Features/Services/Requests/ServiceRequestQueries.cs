using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Services;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Services.Requests;

/// <summary>
/// 三服务 service requests (ORG-8) read with Services.Read: the requests raised by or to the organizations in the caller's
/// scope (or in the subtree of the organization asked for). Overdue, response and closing times come from
/// <see cref="ServiceRequest"/> and <see cref="ServiceDays"/>, so the list, the request, the export and the statistics agree.
/// </summary>
public sealed class ServiceRequestQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock, IWorkingDayCalendar calendar)
{
    /// <summary>A page of the requests matching the filter, newest raised first.</summary>
    public async Task<ServiceRequestList> ListAsync(ServiceRequestFilter f, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var rows = await FilterAsync(f, ct);
        var total = await rows.CountAsync(ct);
        var pageRows = await Newest(rows).Skip(new PageWindow(p, size).Skip).Take(size).ToListAsync(ct);
        var views = await ViewsAsync(pageRows, ct);
        return new(new Paged<ServiceRequestView>(views, total, p, size), await scopes.HoldsAsync(Permission.ServicesRaise, ct));
    }

    /// <summary>Every request matching the filter, newest raised first: what the export writes.</summary>
    public async Task<IReadOnlyList<ServiceRequestView>> AllAsync(ServiceRequestFilter f, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var rows = await Newest(await FilterAsync(f, ct)).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    /// <summary>One request, to a caller who may read its raiser or the organization it is raised to.</summary>
    public async Task<ServiceRequestView> GetAsync(int id, CancellationToken ct = default)
    {
        var r = await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            await scopes.DemandRecordAsync(null, "service request", id, Permission.ServicesRead, ct);
            throw new NotFoundException("service request", id);
        }

        if (!await scopes.MayAsync(Permission.ServicesRead, r.OrganizationId, ct) && !await scopes.MayAsync(Permission.ServicesRead, r.ToOrganizationId, ct))
        {
            throw new ScopeRefusedException();
        }

        return (await ViewsAsync([r], ct))[0];
    }

    /// <summary>
    /// The requests raised in <paramref name="organizationId"/>'s subtree today: per level (the kind of organization that
    /// answers) the counts and the median and average response and closing times in working days, the open and overdue
    /// count of each organization directly below (for the district, each township), and the overdue list, most overdue first.
    /// </summary>
    public async Task<ServiceStatsView> StatsAsync(int? organizationId, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.ServicesRead, orgId, ct);
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var subtree = ScopeQuery.Within(db.Organizations.AsNoTracking(), [root.Path]).Select(o => o.Id);
        var rows = await db.ServiceRequests.AsNoTracking().Where(r => subtree.Contains(r.OrganizationId)).ToListAsync(ct);
        var today = clock.Today;
        var cal = await calendar.CurrentAsync(ct);
        var orgs = await OrganizationsAsync(rows, ct);
        var levels = rows.GroupBy(r => orgs[r.ToOrganizationId].Kind).OrderBy(g => g.Key).Select(g =>
        {
            var response = g.Select(r => r.ResponseWorkingDays(cal)).OfType<int>().ToList();
            var closing = g.Select(r => r.ClosingWorkingDays(cal)).OfType<int>().ToList();
            return new ServiceLevelFigures(
                g.Key, g.Count(), g.Count(r => r.IsOpen), g.Count(r => r.IsOverdue(today)), response.Count, ServiceDays.Median(response),
                ServiceDays.Average(response), closing.Count, ServiceDays.Median(closing), ServiceDays.Average(closing));
        }).ToList();
        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == orgId && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct);
        var byOrganization = children.Select(c =>
        {
            var mine = rows.Where(r => orgs[r.OrganizationId].Path.StartsWith(c.Path, StringComparison.Ordinal)).ToList();
            return new ServiceOrganizationCounts(c.Id, c.Name, mine.Count(r => r.IsOpen), mine.Count(r => r.IsOverdue(today)));
        }).ToList();
        var overdue = rows.Where(r => r.IsOverdue(today)).OrderBy(r => r.TakeUpOverdue(today) ? r.TakeUpDue : r.AnswerDue).ThenBy(r => r.Id).ToList();
        return new(orgId, root.Name, today, levels, byOrganization, await ViewsAsync(overdue, ct));
    }

    private async Task<IQueryable<ServiceRequest>> FilterAsync(ServiceRequestFilter f, CancellationToken ct)
    {
        IQueryable<Organization> orgs;
        if (f.OrganizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.ServicesRead, orgId, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
            orgs = ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]);
        }
        else
        {
            orgs = await scopes.OrganizationsAsync(Permission.ServicesRead, ct);
        }

        var ids = orgs.Select(o => o.Id);
        var rows = db.ServiceRequests.AsNoTracking().Where(r => ids.Contains(r.OrganizationId) || ids.Contains(r.ToOrganizationId));
        if (f.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (f.Kind is { } kind)
        {
            rows = rows.Where(r => r.Kind == kind);
        }

        if (f.Overdue is { } overdue)
        {
            // The same test as ServiceRequest.IsOverdue, on the due days fixed when the limits started to run.
            var today = clock.Today;
            rows = overdue
                ? rows.Where(r => (r.Status == ServiceRequestStatus.Raised && today > r.TakeUpDue)
                    || ((r.Status == ServiceRequestStatus.Raised || r.Status == ServiceRequestStatus.TakenUp) && today > r.AnswerDue))
                : rows.Where(r => !((r.Status == ServiceRequestStatus.Raised && today > r.TakeUpDue)
                    || ((r.Status == ServiceRequestStatus.Raised || r.Status == ServiceRequestStatus.TakenUp) && today > r.AnswerDue)));
        }

        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            rows = rows.Where(r => r.Title.Contains(s));
        }

        return rows;
    }

    private static IQueryable<ServiceRequest> Newest(IQueryable<ServiceRequest> rows) => rows.OrderByDescending(r => r.RaisedOn).ThenByDescending(r => r.Id);

    private async Task<Dictionary<int, (string Name, string Path, OrganizationKind Kind)>> OrganizationsAsync(List<ServiceRequest> rows, CancellationToken ct)
    {
        var ids = rows.SelectMany(r => new[] { r.OrganizationId, r.ToOrganizationId }).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Path, o.Kind }).ToListAsync(ct);
        return orgs.ToDictionary(o => o.Id, o => (o.Name, o.Path, o.Kind));
    }

    private async Task<List<ServiceRequestView>> ViewsAsync(List<ServiceRequest> rows, CancellationToken ct)
    {
        var orgs = await OrganizationsAsync(rows, ct);
        var scope = await scopes.GetAsync(ct);
        var cal = await calendar.CurrentAsync(ct);
        var today = clock.Today;
        return [.. rows.Select(r => View(r, orgs[r.OrganizationId].Name, orgs[r.ToOrganizationId].Name, today, cal) with
        {
            CanRaise = scope.Allows(Permission.ServicesRaise, orgs[r.OrganizationId].Path),
            CanAnswer = scope.Allows(Permission.ServicesAnswer, orgs[r.ToOrganizationId].Path),
        })];
    }

    private static ServiceRequestView View(ServiceRequest r, string from, string to, DateOnly today, HolidayCalendar cal) => new(
        r.Id, r.OrganizationId, from, r.ToOrganizationId, to, r.Kind, r.Title, r.Details, r.Status,
        r.RaisedOn, r.RaisedBy, r.RaisedAt, r.TakeUpDue, r.AnswerDue,
        r.TakenUpOn, r.TakenUpBy, r.TakenUpAt,
        r.Answer, r.AnsweredOn, r.AnsweredBy, r.AnsweredAt,
        r.ClosedOn, r.ClosedBy, r.ClosedAt,
        r.WithdrawnOn, r.WithdrawnBy, r.WithdrawnAt, r.WithdrawReason,
        r.FirstAnswer, r.ReopenReason, r.ReopenedOn, r.ReopenedBy, r.ReopenedAt,
        r.IsOverdue(today), r.ResponseWorkingDays(cal), r.ClosingWorkingDays(cal), r.Version);
}
