using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Accounts;

/// <summary>
/// Loads the caller's <see cref="Scope"/> (ORG-5) from their role assignments, fresh on each request,
/// so a revoked role or a moved organization takes effect at once. Every feature service starts here.
/// </summary>
public sealed class ScopeService(DangjianDbContext db, CurrentUser user)
{
    private Scope? _cached;
    private string? _cachedFor;

    public async Task<Scope> GetAsync(CancellationToken ct = default)
    {
        var userId = user.UserId;
        if (userId is null)
        {
            return Scope.None;
        }

        // A circuit lives long; a request is short. Cache only within one service lifetime and one user.
        if (_cached is not null && _cachedFor == userId)
        {
            return _cached;
        }

        var grants = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Join(db.Organizations.Where(o => o.Status == OrganizationStatus.Active), r => r.OrganizationId, o => o.Id,
                (r, o) => new ScopeGrant(r.Role, o.Id, o.Path))
            .ToListAsync(ct);
        _cached = new Scope(grants);
        _cachedFor = userId;
        return _cached;
    }

    /// <summary>The person the signed-in account belongs to, if any (members read their own record).</summary>
    public async Task<int?> CurrentPersonIdAsync(CancellationToken ct = default)
    {
        var userId = user.UserId;
        return userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// What the caller may do anywhere, for the navigation menu and the list pages' "new …" buttons: they offer only
    /// what the caller can use. The audit log is district-wide, so it needs Audit.Read over the whole district.
    /// </summary>
    public async Task<MenuRights> MenuRightsAsync(CancellationToken ct = default)
    {
        var scope = await GetAsync(ct);
        var rootPath = await db.Organizations.AsNoTracking().Where(o => o.ParentId == null).Select(o => o.Path).FirstOrDefaultAsync(ct);
        var held = PermissionMatrix.Permissions.Where(p => p == Permission.AuditRead ? rootPath is not null && scope.Allows(p, rootPath) : scope.Holds(p));
        return new MenuRights(held.ToHashSet());
    }

    /// <summary>Forget the cached scope (after the caller's own roles or the tree changed).</summary>
    public void Invalidate() => _cached = null;

    /// <summary>Throws <see cref="ScopeRefusedException"/> unless the caller may do <paramref name="permission"/> on the organization.</summary>
    public async Task<Scope> DemandAsync(Permission permission, int organizationId, CancellationToken ct = default)
    {
        var scope = await GetAsync(ct);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null)
        {
            // Not found and not allowed look the same from outside the scope.
            throw scope.Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("organization", organizationId);
        }

        if (!scope.Allows(permission, path))
        {
            throw new ScopeRefusedException();
        }

        return scope;
    }

    /// <summary>
    /// Demands <paramref name="permission"/> on a record that belongs to <paramref name="organizationId"/>, as the caller's
    /// lookup found it (null: there is no such record). A record that does not exist is not found to a caller with a
    /// scope and refused to one without any, so from outside the scope the two look alike.
    /// </summary>
    public async Task DemandRecordAsync(int? organizationId, string what, int id, Permission permission, CancellationToken ct = default)
    {
        if (organizationId is not { } organization)
        {
            var scope = await GetAsync(ct);
            throw scope.Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException(what, id);
        }

        await DemandAsync(permission, organization, ct);
    }

    /// <summary>
    /// Throws <see cref="ScopeRefusedException"/> unless one of the caller's roles holds <paramref name="permission"/>:
    /// the whole check for district-wide records (the working-day calendar, evaluation templates), which belong to no
    /// organization below the district.
    /// </summary>
    public async Task DemandHeldAsync(Permission permission, CancellationToken ct = default)
    {
        if (!await HoldsAsync(permission, ct))
        {
            throw new ScopeRefusedException();
        }
    }

    /// <summary>Whether one of the caller's roles holds <paramref name="permission"/>, anywhere.</summary>
    public async Task<bool> HoldsAsync(Permission permission, CancellationToken ct = default) => (await GetAsync(ct)).Holds(permission);

    /// <summary>Whether the caller may do <paramref name="permission"/> on the organization (to show or hide what it may not use).</summary>
    public async Task<bool> MayAsync(Permission permission, int organizationId, CancellationToken ct = default)
    {
        var scope = await GetAsync(ct);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        return path is not null && scope.Allows(permission, path);
    }

    /// <summary>Organizations (as an IQueryable) where the caller may do <paramref name="permission"/>: the union of their subtrees.</summary>
    public async Task<IQueryable<Organization>> OrganizationsAsync(Permission permission, CancellationToken ct = default)
    {
        var scope = await GetAsync(ct);
        return ScopeQuery.Within(db.Organizations.AsNoTracking(), scope.Roots(permission));
    }
}

/// <summary>The permissions the caller holds somewhere: which menu entries and "new …" buttons they can use.</summary>
public sealed record MenuRights(IReadOnlySet<Permission> Held)
{
    public static readonly MenuRights None = new(new HashSet<Permission>());

    public bool Has(Permission permission) => Held.Contains(permission);
}
