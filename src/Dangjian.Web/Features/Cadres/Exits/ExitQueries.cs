using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Exits;

/// <summary>Exit cases (CAD-7) read with Cadres.Read over the handling organization's subtree.</summary>
public sealed class ExitQueries(DangjianDbContext db, ScopeService scopes)
{
    public async Task<ExitListView> ListAsync(int? organizationId, ExitStatus? status, ExitKind? kind, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (orgId, name, q) = await MatchingAsync(organizationId, status, kind, search, ct);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).Skip(new PageWindow(p, size).Skip).Take(size).ToListAsync(ct);
        return new ExitListView(orgId, name, new Paged<ExitView>(await ViewsAsync(rows, ct), total, p, size), await scopes.MayAsync(Permission.CadresWrite, orgId, ct));
    }

    public async Task<IReadOnlyList<ExitView>> AllAsync(int? organizationId, ExitStatus? status, ExitKind? kind, string? search, CancellationToken ct = default)
    {
        var (_, _, q) = await MatchingAsync(organizationId, status, kind, search, ct);
        return await ViewsAsync(await q.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).ToListAsync(ct), ct);
    }

    public async Task<ExitDetail> OneAsync(int id, CancellationToken ct = default)
    {
        var c = await db.ExitCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        await scopes.DemandRecordAsync(c?.OrganizationId, "exit", id, Permission.CadresRead, ct);
        return new ExitDetail((await ViewsAsync([c!], ct))[0], await scopes.MayAsync(Permission.CadresWrite, c!.OrganizationId, ct));
    }

    private async Task<(int OrgId, string Name, IQueryable<ExitCase> Query)> MatchingAsync(int? organizationId, ExitStatus? status, ExitKind? kind, string? search, CancellationToken ct)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var errors = new FieldErrors();
        var text = errors.Text("search", "Field.Cadre.Person", search, 100, required: false);
        errors.ThrowIfAny();
        var (name, ids) = await CadreRecords.SubtreeAsync(db, orgId, ct);
        var q = db.ExitCases.AsNoTracking().Where(c => ids.Contains(c.OrganizationId));
        q = status is { } s ? q.Where(c => c.Status == s) : q;
        q = kind is { } k ? q.Where(c => c.Kind == k) : q;
        if (text.Length > 0)
        {
            q = q.Where(c => c.Grounds.Contains(text) || db.People.Any(p => p.Id == c.PersonId && p.Name.Contains(text)));
        }

        return (orgId, name, q);
    }

    private async Task<IReadOnlyList<ExitView>> ViewsAsync(IReadOnlyList<ExitCase> rows, CancellationToken ct)
    {
        var people = await CadreRecords.NamesAsync(db, rows.Select(c => c.PersonId), ct);
        var orgs = await CadreRecords.OrganizationNamesAsync(db, rows.Select(c => c.OrganizationId), ct);
        return [.. rows.Select(c => new ExitView(
            c.Id, c.OrganizationId, orgs.GetValueOrDefault(c.OrganizationId, string.Empty), c.PersonId, people.GetValueOrDefault(c.PersonId, string.Empty), c.Kind,
            c.Grounds, c.OpenedOn, c.Status, c.Outcome, c.DecidedBy, c.DecidedOn, c.DecisionText, c.Version))];
    }
}
