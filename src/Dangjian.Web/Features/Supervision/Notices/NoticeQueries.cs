using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Notices;

/// <summary>
/// 预警 / 整改通知 (SUP-2) read with Supervision.Read over the notice's organization. Which notices are overdue is
/// <see cref="RectificationNotices.Overdue"/>'s answer, so the list, the overdue list and the export agree with the rule.
/// </summary>
public sealed class NoticeQueries(DangjianDbContext db, ScopeService scopes, AuditHistory history, OrgClock clock)
{
    /// <summary>A page of the subtree's notices, newest first, or (overdue) the longest overdue first.</summary>
    public async Task<NoticeListView> ListAsync(NoticeFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (orgId, name, on, rows) = await MatchingAsync(filter, ct);
        var window = rows.Skip(new PageWindow(p, size).Skip).Take(size).ToList();
        var views = await ViewsAsync(window, on, ct);
        return new NoticeListView(orgId, name, on, new Paged<NoticeView>(views, rows.Count, p, size), await scopes.MayAsync(Permission.SupervisionNotify, orgId, ct));
    }

    /// <summary>Every notice the filter matches, in the list's order: what the export writes.</summary>
    public async Task<(NoticeFilter Filter, string OrganizationName, DateOnly On, IReadOnlyList<NoticeView> Rows)> AllAsync(NoticeFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (_, name, on, rows) = await MatchingAsync(filter, ct);
        return (filter, name, on, await ViewsAsync(rows, on, ct));
    }

    /// <summary>
    /// What the dashboard counts (RPT-1): the notices of the given organizations not closed, and of those the overdue ones
    /// by <see cref="RectificationNotices.Overdue"/> (the list's overdue filter), in one read. The caller passes only
    /// organizations where it holds Supervision.Read.
    /// </summary>
    public async Task<(int Open, int Overdue)> DueCountsAsync(IQueryable<int> organizationIds, CancellationToken ct = default)
    {
        var open = await db.RectificationNotices.AsNoTracking()
            .Where(n => organizationIds.Contains(n.OrganizationId) && n.Status != RectificationNoticeStatus.Closed).ToListAsync(ct);
        return (open.Count, RectificationNotices.Overdue(open, clock.Today).Count);
    }

    /// <summary>One notice with its history; the caller reads it with Supervision.Read on its organization.</summary>
    public async Task<NoticeDetail> OneAsync(int id, CancellationToken ct = default)
    {
        var notice = await db.RectificationNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        await scopes.DemandRecordAsync(notice?.OrganizationId, "notice", id, Permission.SupervisionRead, ct);
        var view = (await ViewsAsync([notice!], clock.Today, ct))[0];
        return new NoticeDetail(
            view, await history.ForAsync(nameof(RectificationNotice), id, ct),
            await scopes.MayAsync(Permission.SupervisionWrite, notice!.OrganizationId, ct),
            await scopes.MayAsync(Permission.SupervisionNotify, notice.OrganizationId, ct));
    }

    /// <summary>
    /// A cadre's notices (their record's history, newest first): those addressed to the person in the organizations where
    /// the caller reads supervision; refused unless the caller reads supervision where the person is on the rolls.
    /// </summary>
    public async Task<IReadOnlyList<NoticeView>> OfPersonAsync(int personId, CancellationToken ct = default)
    {
        var personOrg = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved).Select(p => (int?)p.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(personOrg, "person", personId, Permission.SupervisionRead, ct);
        var readable = await scopes.OrganizationsAsync(Permission.SupervisionRead, ct);
        var ids = readable.Select(o => o.Id);
        var rows = await db.RectificationNotices.AsNoTracking()
            .Where(n => n.TargetKind == NoticeTargetKind.Cadre && n.TargetId == personId && ids.Contains(n.OrganizationId)).ToListAsync(ct);
        return await ViewsAsync(RectificationNotices.OfCadre(rows, personId), clock.Today, ct);
    }

    /// <summary>The leadership teams of the organization's subtree, newest term first: whom a notice to a team may name.</summary>
    public async Task<IReadOnlyList<NoticeTeamOption>> TeamsAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.SupervisionRead, organizationId, ct);
        return await db.LeadershipTeams.AsNoTracking().Where(t => t.OrganizationId == organizationId)
            .Join(db.Organizations, t => t.OrganizationId, o => o.Id, (t, o) => new NoticeTeamOption(t.Id, o.Id, o.Name, t.TermNumber))
            .OrderByDescending(t => t.TermNumber).ToListAsync(ct);
    }

    private async Task<(int OrgId, string Name, DateOnly On, List<RectificationNotice> Rows)> MatchingAsync(NoticeFilter filter, CancellationToken ct)
    {
        var orgId = FieldErrors.RequireOrganization(filter.OrganizationId);
        await scopes.DemandAsync(Permission.SupervisionRead, orgId, ct);
        var errors = new FieldErrors();
        errors.SaneDay("on", "Field.Notice.On", filter.On);
        var search = errors.Text("search", "Field.Notice.Problem", filter.Search, RectificationNotice.MaxProblemLength, required: false);
        errors.ThrowIfAny();
        var on = filter.On ?? clock.Today;
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var orgIds = ScopeQuery.Within(db.Organizations.AsNoTracking(), [root.Path]).Select(o => o.Id);
        var q = db.RectificationNotices.AsNoTracking().Where(n => orgIds.Contains(n.OrganizationId));
        if (filter.Status is { } s)
        {
            q = q.Where(n => n.Status == s);
        }

        if (search.Length > 0)
        {
            q = q.Where(n => n.Problem.Contains(search) || n.Evidence.Contains(search)
                || (n.TargetKind == NoticeTargetKind.Cadre && db.People.Any(p => p.Id == n.TargetId && p.Name.Contains(search))));
        }

        if (filter.Overdue)
        {
            // Only a notice waiting for its response can be overdue; the rule itself decides which of them are.
            var waiting = await q.Where(n => n.Status == RectificationNoticeStatus.Issued).ToListAsync(ct);
            return (orgId, root.Name, on, [.. RectificationNotices.Overdue(waiting, on)]);
        }

        var rows = await q.OrderByDescending(n => n.IssuedOn).ThenByDescending(n => n.Id).ToListAsync(ct);
        return (orgId, root.Name, on, rows);
    }

    private async Task<IReadOnlyList<NoticeView>> ViewsAsync(IReadOnlyList<RectificationNotice> rows, DateOnly on, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var orgIds = rows.Select(n => n.OrganizationId).Distinct().ToList();
        var personIds = rows.Where(n => n.TargetKind == NoticeTargetKind.Cadre).Select(n => n.TargetId).Distinct().ToList();
        var teamIds = rows.Where(n => n.TargetKind == NoticeTargetKind.Team).Select(n => n.TargetId).Distinct().ToList();
        var teams = await db.LeadershipTeams.AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .Join(db.Organizations, t => t.OrganizationId, o => o.Id, (t, o) => new { t.Id, o.Name, t.TermNumber }).ToDictionaryAsync(t => t.Id, ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. rows.Select(n =>
        {
            var (target, term) = n.TargetKind == NoticeTargetKind.Team
                ? teams.TryGetValue(n.TargetId, out var t) ? (t.Name, (int?)t.TermNumber) : (string.Empty, null)
                : (people.GetValueOrDefault(n.TargetId, string.Empty), null);
            return new NoticeView(
                n.Id, n.OrganizationId, orgs.GetValueOrDefault(n.OrganizationId, string.Empty), n.TargetKind, n.TargetId, target, term,
                n.Problem, n.Evidence, n.IssuedOn, n.IssuedBy, n.Deadline, n.Status, n.Response, n.RespondedOn, n.VerificationNote, n.VerifiedOn,
                n.VerifiedBy, n.Returns, n.ClosedOn, n.ClosedBy, n.IsOverdueOn(on), n.Version);
        })];
    }
}
