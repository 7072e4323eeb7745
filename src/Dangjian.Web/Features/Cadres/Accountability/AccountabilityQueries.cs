using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Exits;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Accountability;

/// <summary>用人失察失误责任追究 (CAD-7) read with Cadres.Read over the examining organization's subtree.</summary>
public sealed class AccountabilityQueries(DangjianDbContext db, ScopeService scopes)
{
    public async Task<AccountabilityListView> ListAsync(int? organizationId, AccountabilityStatus? status, int? selectionCaseId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (orgId, name, q) = await MatchingAsync(organizationId, status, selectionCaseId, ct);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).Skip(new PageWindow(p, size).Skip).Take(size).ToListAsync(ct);
        return new AccountabilityListView(orgId, name, new Paged<AccountabilityView>(await ViewsAsync(rows, ct), total, p, size), await scopes.MayAsync(Permission.CadresWrite, orgId, ct));
    }

    public async Task<IReadOnlyList<AccountabilityView>> AllAsync(int? organizationId, AccountabilityStatus? status, int? selectionCaseId, CancellationToken ct = default)
    {
        var (_, _, q) = await MatchingAsync(organizationId, status, selectionCaseId, ct);
        return await ViewsAsync(await q.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).ToListAsync(ct), ct);
    }

    public async Task<AccountabilityDetail> OneAsync(int id, CancellationToken ct = default)
    {
        var c = await db.AccountabilityCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        await scopes.DemandRecordAsync(c?.OrganizationId, "accountability", id, Permission.CadresRead, ct);
        return new AccountabilityDetail((await ViewsAsync([c!], ct))[0], await scopes.MayAsync(Permission.CadresWrite, c!.OrganizationId, ct));
    }

    private async Task<(int OrgId, string Name, IQueryable<AccountabilityCase> Query)> MatchingAsync(int? organizationId, AccountabilityStatus? status, int? selectionCaseId, CancellationToken ct)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var (name, ids) = await CadreRecords.SubtreeAsync(db, orgId, ct);
        var q = db.AccountabilityCases.AsNoTracking().Where(c => ids.Contains(c.OrganizationId));
        q = status is { } s ? q.Where(c => c.Status == s) : q;
        q = selectionCaseId is { } sel ? q.Where(c => c.SelectionCaseId == sel) : q;
        return (orgId, name, q);
    }

    private async Task<IReadOnlyList<AccountabilityView>> ViewsAsync(IReadOnlyList<AccountabilityCase> rows, CancellationToken ct)
    {
        var people = await CadreRecords.NamesAsync(db, rows.SelectMany(c => c.ResponsiblePersonIds), ct);
        var orgs = await CadreRecords.OrganizationNamesAsync(db, rows.Select(c => c.OrganizationId), ct);
        return [.. rows.Select(c => new AccountabilityView(
            c.Id, c.OrganizationId, orgs.GetValueOrDefault(c.OrganizationId, string.Empty), c.SelectionCaseId, c.Ground, c.Description, c.OpenedOn, c.Status,
            c.Finding, c.Measure, [.. c.ResponsiblePersonIds.Select(id => new ResponsiblePersonView(id, people.GetValueOrDefault(id, string.Empty)))], c.DecidedOn, c.Version))];
    }
}
