using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres.Selection;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>
/// Loading a selection case for a change and saving it: the scope check on the case's organization (Cadres.Write), the
/// children in their recorded order (the entity reads its last entry as the latest), the version the editor started from,
/// and a save that raises the version even when only children were added, so two editors never both append.
/// </summary>
public sealed class SelectionCaseStore(DangjianDbContext db, ScopeService scopes)
{
    public async Task<SelectionCase> LoadAsync(int id, int version, CancellationToken ct)
    {
        var c = await LoadTrackedAsync(id, Permission.CadresWrite, ct);
        db.ExpectVersion(c, version);
        return c;
    }

    /// <summary>The case with its children, tracked, after the scope check; 404 when there is none (403 without any scope).</summary>
    public async Task<SelectionCase> LoadTrackedAsync(int id, Permission permission, CancellationToken ct)
    {
        var orgId = await db.SelectionCases.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "selection case", id, permission, ct);
        var c = await db.SelectionCases.Include(x => x.Trace).Include(x => x.Candidates).Include(x => x.Team).Include(x => x.Objections)
            .AsSplitQuery().FirstAsync(x => x.Id == id, ct);
        Order(c);
        return c;
    }

    /// <summary>Saves the step under its audit name; the case row itself is marked changed so its version moves on.</summary>
    public async Task SaveAsync(SelectionCase c, string action, CancellationToken ct)
    {
        db.Entry(c).Property(x => x.Version).IsModified = true;
        db.AuditAction = action;
        await db.SaveChangesAsync(ct);
    }

    public static void Order(SelectionCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        c.Trace.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        c.Objections.Sort((a, b) => a.Number.CompareTo(b.Number));
        c.Candidates.Sort((a, b) => a.Id.CompareTo(b.Id));
        c.Team.Sort((a, b) => a.Id.CompareTo(b.Id));
    }

    /// <summary>The named people, each existing and on the roll, in the order asked; an unknown one is a 400 on the field.</summary>
    public async Task<List<(int PersonId, string Name)>> PeopleAsync(IReadOnlyList<int>? ids, string field, string label, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0)
        {
            throw new InputValidationException(new FieldErrors().Add(field, "Input.Required", label));
        }

        var wanted = ids.Distinct().ToList();
        var found = await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id) && !p.IsRemoved).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var missing = ids.FirstOrDefault(i => !found.ContainsKey(i));
        if (ids.Any(i => !found.ContainsKey(i)))
        {
            throw new InputValidationException(new FieldErrors().Add(field, "Selection.UnknownPerson", missing));
        }

        return [.. ids.Select(i => (i, found[i]))];
    }
}
