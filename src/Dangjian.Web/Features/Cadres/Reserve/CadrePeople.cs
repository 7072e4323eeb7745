using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Reserve;

/// <summary>A person as the cadre pages pick and show them.</summary>
public sealed record CadrePersonOption(int Id, string Name, string OrganizationName);

/// <summary>
/// What the cadre pools (reserve, talent, grassroots, flags) share: an organization's subtree and the people on its
/// roster. A pool is kept by an organization (the department's, a township committee's); the people it takes in are
/// on that organization's roster subtree.
/// </summary>
public sealed class CadrePeople(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>The ids of the active organizations in the subtree of <paramref name="organizationId"/>, the root first.</summary>
    public async Task<List<int>> SubtreeAsync(int organizationId, CancellationToken ct = default)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync(ct);
        return await db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(path) && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Path).Select(o => o.Id).ToListAsync(ct);
    }

    /// <summary>Refuses (400 on <paramref name="field"/>) a person who is not on the roster of the organization's subtree.</summary>
    public async Task DemandOnRosterAsync(int organizationId, int? personId, string field, CancellationToken ct = default)
    {
        if (personId is not { } id)
        {
            throw new InputValidationException(new FieldErrors().Add(field, "Input.Required", "Field.Cadre.Person"));
        }

        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync(ct);
        if (!await db.People.AsNoTracking().AnyAsync(p => p.Id == id && !p.IsRemoved && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(path)), ct))
        {
            throw new InputValidationException(new FieldErrors().Add(field, "Input.UnknownPerson"));
        }
    }

    /// <summary>People on the roster of the organization's subtree whose name contains <paramref name="search"/> (Cadres.Read there).</summary>
    public async Task<IReadOnlyList<CadrePersonOption>> SearchAsync(int organizationId, string? search, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.CadresRead, organizationId, ct);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync(ct);
        var q = from p in db.People.AsNoTracking()
                join o in db.Organizations on p.OrganizationId equals o.Id
                where !p.IsRemoved && o.Path.StartsWith(path)
                select new { p.Id, p.Name, Org = o.Name };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            q = q.Where(p => p.Name.Contains(text));
        }

        return await q.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(30).Select(p => new CadrePersonOption(p.Id, p.Name, p.Org)).ToListAsync(ct);
    }

    /// <summary>Names of people by id.</summary>
    public async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }
}
