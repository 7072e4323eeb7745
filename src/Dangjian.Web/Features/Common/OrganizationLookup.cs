using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Data;
using Dangjian.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Common;

/// <summary>An organization a picker offers or a filter shows: its id and name.</summary>
public sealed record OrganizationOption(int Id, string Name);

/// <summary>
/// The organization pickers and filters of every module: the active organizations in the caller's scope for one
/// permission, found by name or code, in tree order; and one organization by id once the caller may use it so.
/// </summary>
public sealed class OrganizationLookup(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>Organizations that hold meetings, campaigns and records of their own: 党小组 are left out.</summary>
    public Task<IReadOnlyList<OrganizationOption>> SearchAsync(Permission permission, string? search, int max = 30, CancellationToken ct = default) =>
        FindAsync(permission, search, partyGroups: false, max, ct);

    /// <summary>Every kind, 党小组 included (a survey may be a party group's).</summary>
    public Task<IReadOnlyList<OrganizationOption>> SearchAnyKindAsync(Permission permission, string? search, int max = 30, CancellationToken ct = default) =>
        FindAsync(permission, search, partyGroups: true, max, ct);

    /// <summary>One organization, after the check that the caller holds <paramref name="permission"/> on it (a filter named in the page's address).</summary>
    public async Task<OrganizationOption> OneAsync(Permission permission, int id, CancellationToken ct = default)
    {
        await scopes.DemandAsync(permission, id, ct);
        return await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new OrganizationOption(o.Id, o.Name)).FirstAsync(ct);
    }

    private async Task<IReadOnlyList<OrganizationOption>> FindAsync(Permission permission, string? search, bool partyGroups, int max, CancellationToken ct)
    {
        var orgs = (await scopes.OrganizationsAsync(permission, ct))
            .Where(o => o.Status == OrganizationStatus.Active && (partyGroups || o.Kind != OrganizationKind.PartyGroup));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            orgs = orgs.Where(o => o.Name.Contains(s) || o.Code.Contains(s));
        }

        return await orgs.OrderBy(o => o.Path).Take(max).Select(o => new OrganizationOption(o.Id, o.Name)).ToListAsync(ct);
    }
}
