using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using DisclosureRules = Dangjian.Domain.Supervision.Disclosures;

namespace Dangjian.Web.Features.Supervision.Disclosures;

/// <summary>
/// 三务公开 (SUP-4) read by staff over an organization's subtree (Supervision.Read) and by anyone on an organization's
/// public board. The quarter an item counts for and the list of organizations that published nothing come from
/// <see cref="DisclosureQuarter"/> and <see cref="DisclosureRules"/>, so the page, the API, the export and the board agree.
/// </summary>
public sealed class DisclosureQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    /// <summary>
    /// The subtree's quarter (by default the current one): a page of its items, newest first, filtered by category when one
    /// is named, each organization's count and those that published nothing.
    /// </summary>
    public async Task<DisclosureQuarterView> QuarterAsync(
        int? organizationId, int? year, int? quarter, DisclosureCategory? category, int? page, int? pageSize, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.SupervisionRead, orgId, ct);
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var summary = await SummaryAsync(orgId, Quarter(year, quarter), category, ct);
        var rows = await Newest(summary.Items).Skip(new PageWindow(p, size).Skip).Take(size).ToListAsync(ct);
        return await ViewAsync(summary, rows, p, size, ct);
    }

    /// <summary>Every item of the subtree's quarter (of the category, when named), newest first, as one page: what the export writes.</summary>
    public async Task<DisclosureQuarterView> AllOfQuarterAsync(
        int? organizationId, int? year, int? quarter, DisclosureCategory? category, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.SupervisionRead, orgId, ct);
        var summary = await SummaryAsync(orgId, Quarter(year, quarter), category, ct);
        var rows = await Newest(summary.Items).ToListAsync(ct);
        return await ViewAsync(summary, rows, 1, Math.Max(1, rows.Count), ct);
    }

    /// <summary>
    /// The quarter's counts: the subtree's organizations and, per item, only its organization, category and day — the
    /// count per organization, the total and those that published nothing all come from this one load.
    /// </summary>
    private async Task<QuarterSummary> SummaryAsync(int orgId, DisclosureQuarter q, DisclosureCategory? category, CancellationToken ct)
    {
        var (root, organizations) = await SubtreeAsync(orgId, ct);
        var items = InQuarter(organizations.Select(o => o.Id).ToList(), q, category);
        var published = await items.Select(d => new Disclosure { OrganizationId = d.OrganizationId, Category = d.Category, PublishedOn = d.PublishedOn }).ToListAsync(ct);
        return new(orgId, root, q, category, organizations, items, published);
    }

    private async Task<DisclosureQuarterView> ViewAsync(QuarterSummary s, List<Disclosure> rows, int page, int size, CancellationToken ct)
    {
        var names = s.Organizations.ToDictionary(o => o.Id, o => o.Name);
        var counts = s.Published.CountBy(d => d.OrganizationId).ToDictionary();
        var silent = DisclosureRules.NotPublished(s.Organizations.Select(o => o.Id), s.Published, s.Quarter, s.Category);
        return new DisclosureQuarterView(
            s.OrganizationId, s.Root, s.Quarter.Year, s.Quarter.Number, s.Category,
            new Paged<DisclosureView>([.. rows.Select(d => View(d, names[d.OrganizationId]))], s.Published.Count, page, size),
            [.. s.Organizations.Select(o => new DisclosureOrganizationCount(o.Id, o.Name, counts.GetValueOrDefault(o.Id)))],
            [.. silent.Select(id => new DisclosureOrganizationCount(id, names[id], 0))],
            await scopes.MayAsync(Permission.SupervisionWrite, s.OrganizationId, ct));
    }

    private static IQueryable<Disclosure> Newest(IQueryable<Disclosure> items) =>
        items.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id);

    private sealed record QuarterSummary(
        int OrganizationId, string Root, DisclosureQuarter Quarter, DisclosureCategory? Category,
        List<(int Id, string Name)> Organizations, IQueryable<Disclosure> Items, List<Disclosure> Published);

    /// <summary>
    /// An organization's public board: the current quarter's items and the archive of the earlier ones
    /// (<see cref="DisclosureRules.Archive"/>); null when there is no such active organization.
    /// </summary>
    public async Task<PublicDisclosureBoard?> PublicBoardAsync(int organizationId, CancellationToken ct = default)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId && o.Status == OrganizationStatus.Active)
            .Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var items = await db.Disclosures.AsNoTracking().Where(d => d.OrganizationId == organizationId).ToListAsync(ct);
        var current = DisclosureQuarter.Of(clock.Today);
        var archive = DisclosureRules.Archive(items);
        var now = archive.FirstOrDefault(a => a.Quarter == current);
        return new PublicDisclosureBoard(
            name, Public(current, now?.Items ?? []),
            [.. archive.Where(a => a.Quarter < current).Select(a => Public(a.Quarter, a.Items))]);
    }

    /// <summary>The quarter asked for, refused on <c>quarter</c> when it is none; a part not given is today's.</summary>
    public DisclosureQuarter Quarter(int? year, int? quarter)
    {
        var today = DisclosureQuarter.Of(clock.Today);
        return DisclosureQuarter.Demand(year ?? today.Year, quarter ?? today.Number);
    }

    public static DisclosureView View(Disclosure d, string organizationName)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.OrganizationId, organizationName, d.Category, d.Title, d.Content, d.PublishedOn, d.Quarter.Year, d.Quarter.Number, d.Version);
    }

    private static PublicDisclosureQuarter Public(DisclosureQuarter q, IReadOnlyList<Disclosure> items) =>
        new(q.Year, q.Number, [.. items.Select(i => new PublicDisclosureItem(i.Category, i.Title, i.Content, i.PublishedOn))]);

    private IQueryable<Disclosure> InQuarter(List<int> orgIds, DisclosureQuarter q, DisclosureCategory? category)
    {
        var (first, last) = (q.FirstDay, q.LastDay);
        var items = db.Disclosures.AsNoTracking().Where(d => orgIds.Contains(d.OrganizationId) && d.PublishedOn >= first && d.PublishedOn <= last);
        return category is { } c ? items.Where(d => d.Category == c) : items;
    }

    private async Task<(string Root, List<(int Id, string Name)> Organizations)> SubtreeAsync(int orgId, CancellationToken ct)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var organizations = await ScopeQuery.Within(db.Organizations.AsNoTracking(), [root.Path])
            .Where(o => o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return (root.Name, [.. organizations.Select(o => (o.Id, o.Name))]);
    }
}
