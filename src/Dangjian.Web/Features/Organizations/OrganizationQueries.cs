using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organizations;

/// <summary>Reads of the organization tree (ORG-1), always inside the caller's scope.</summary>
public sealed class OrganizationQueries(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>
    /// Every organization in scope with its counts, in tree order (by path), for the tree page and the
    /// Excel export. Counts: people on each organization's own roll and in its whole subtree.
    /// </summary>
    public async Task<IReadOnlyList<OrganizationNode>> TreeAsync(bool includeDissolved, CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.OrganizationsRead, ct);
        if (!includeDissolved)
        {
            orgs = orgs.Where(o => o.Status == OrganizationStatus.Active);
        }

        var rows = await orgs.OrderBy(o => o.Path).ThenBy(o => o.SortOrder)
            .Select(o => new { o.Id, o.Code, o.Name, o.Kind, o.ParentId, o.Path, o.Status })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var onRoll = await db.People.AsNoTracking()
            .Where(p => !p.IsRemoved && ids.Contains(p.OrganizationId))
            .GroupBy(p => p.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        // Subtree totals: add each node's own count to every ancestor on its path that is in the list.
        var subtree = rows.ToDictionary(r => r.Id, r => onRoll.GetValueOrDefault(r.Id));
        foreach (var r in rows)
        {
            var own = onRoll.GetValueOrDefault(r.Id);
            foreach (var ancestor in OrganizationTree.Ids(r.Path).SkipLast(1))
            {
                if (subtree.ContainsKey(ancestor))
                {
                    subtree[ancestor] += own;
                }
            }
        }

        var children = rows.Where(r => r.ParentId is not null).GroupBy(r => r.ParentId!.Value).ToDictionary(g => g.Key, g => g.Count());
        return rows.Select(r => new OrganizationNode(
                r.Id, r.Code, r.Name, r.Kind, r.ParentId, r.Path, r.Status,
                onRoll.GetValueOrDefault(r.Id), subtree[r.Id], children.GetValueOrDefault(r.Id)))
            .ToList();
    }

    /// <summary>A paged, searchable list (name or code contains the text).</summary>
    public async Task<Paged<OrganizationNode>> ListAsync(string? search, int? parentId, bool includeDissolved, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();

        var orgs = await scopes.OrganizationsAsync(Permission.OrganizationsRead, ct);
        if (!includeDissolved)
        {
            orgs = orgs.Where(o => o.Status == OrganizationStatus.Active);
        }

        if (parentId is not null)
        {
            await scopes.DemandAsync(Permission.OrganizationsRead, parentId.Value, ct);
            orgs = orgs.Where(o => o.ParentId == parentId);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            orgs = orgs.Where(o => o.Name.Contains(s) || o.Code.Contains(s));
        }

        var total = await orgs.CountAsync(ct);
        var rows = await orgs.OrderBy(o => o.Path).Skip(window.Skip).Take(size)
            .Select(o => new OrganizationNode(
                o.Id, o.Code, o.Name, o.Kind, o.ParentId, o.Path, o.Status,
                db.People.Count(x => x.OrganizationId == o.Id && !x.IsRemoved),
                db.People.Count(x => !x.IsRemoved && db.Organizations.Any(s => s.Id == x.OrganizationId && s.Path.StartsWith(o.Path))),
                db.Organizations.Count(c => c.ParentId == o.Id && c.Status == OrganizationStatus.Active)))
            .ToListAsync(ct);
        return new Paged<OrganizationNode>(rows, total, p, size);
    }

    public async Task<OrganizationDetail> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await scopes.DemandAsync(Permission.OrganizationsRead, id, ct);
        var o = await db.Organizations.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var ancestorIds = OrganizationTree.Ids(o.Path).SkipLast(1).ToList();
        var ancestors = await db.Organizations.AsNoTracking()
            .Where(a => ancestorIds.Contains(a.Id))
            .OrderBy(a => a.Path)
            .Select(a => new OrganizationRef(a.Id, a.Code, a.Name, a.Kind))
            .ToListAsync(ct);

        // ORG-1 mergers: named only where the caller may read the other organization.
        var merged = await db.Organizations.AsNoTracking()
            .Where(m => m.Id == o.MergedIntoId || m.MergedIntoId == o.Id)
            .OrderBy(m => m.Path)
            .Select(m => new { Ref = new OrganizationRef(m.Id, m.Code, m.Name, m.Kind), m.Path, m.MergedIntoId })
            .ToListAsync(ct);
        var readable = merged.Where(m => scope.Allows(Permission.OrganizationsRead, m.Path)).ToList();
        return new OrganizationDetail(
            o.Id, o.Code, o.Name, o.Kind, o.ParentId, ancestors.LastOrDefault()?.Name, o.Path, o.Status, o.DissolvedOn, o.Version,
            ancestors, scope.Allows(Permission.OrganizationsRestructure, o.Path),
            readable.FirstOrDefault(m => m.Ref.Id == o.MergedIntoId)?.Ref,
            readable.Where(m => m.MergedIntoId == o.Id).Select(m => m.Ref).ToList());
    }

    /// <summary>Organizations in the caller's write scope that may be chosen as a parent or as someone's organization.</summary>
    public Task<IReadOnlyList<OrganizationRef>> WritableAsync(CancellationToken ct = default) => WritableAsync(Permission.OrganizationsRestructure, ct);

    /// <summary>Active organizations where the caller holds <paramref name="permission"/> (those whose meetings they may call, say).</summary>
    public async Task<IReadOnlyList<OrganizationRef>> WritableAsync(Permission permission, CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(permission, ct);
        return await orgs.Where(o => o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Path)
            .Select(o => new OrganizationRef(o.Id, o.Code, o.Name, o.Kind))
            .ToListAsync(ct);
    }
}
