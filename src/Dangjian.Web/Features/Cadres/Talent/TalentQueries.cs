using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Cadres.Reserve;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Talent;

/// <summary>
/// The party-affairs talent pool (CAD-2) of an organization's subtree (Cadres.Read). A search by skill is
/// <see cref="TalentSearch.BySkill"/>: every skill asked for, case aside, those who can be called on first.
/// </summary>
public sealed class TalentQueries(DangjianDbContext db, ScopeService scopes, CadrePeople people, OrgClock clock)
{
    public async Task<TalentListView> ListAsync(TalentFilter f, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(f.OrganizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        var errors = new FieldErrors();
        var (page, size) = Paging.Check(f.Page, f.PageSize, errors);
        errors.ThrowIfAny();
        var (asOf, rows) = await FilteredAsync(orgId, f, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        return new TalentListView(orgId, name, asOf, new Paged<TalentRow>([.. rows.Skip(new PageWindow(page, size).Skip).Take(size)], rows.Count, page, size),
            await scopes.MayAsync(Permission.CadresWrite, orgId, ct));
    }

    /// <summary>Every entry the filter picks: what the export writes.</summary>
    public async Task<IReadOnlyList<TalentRow>> AllAsync(TalentFilter f, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(f.OrganizationId);
        await scopes.DemandAsync(Permission.CadresRead, orgId, ct);
        return (await FilteredAsync(orgId, f, ct)).Rows;
    }

    public async Task<TalentRow> OneAsync(int id, CancellationToken ct = default)
    {
        await DemandAsync(id, Permission.CadresRead, ct);
        var e = await db.TalentPoolEntries.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        return (await RowsAsync([e], clock.Today, ct))[0];
    }

    public async Task<int> DemandAsync(int id, Permission permission, CancellationToken ct = default)
    {
        var orgId = await db.TalentPoolEntries.AsNoTracking().Where(e => e.Id == id).Select(e => (int?)e.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "talentPoolEntry", id, permission, ct);
        return orgId!.Value;
    }

    /// <summary>The skills a filter names: split on commas, 、 and spaces, blanks dropped.</summary>
    public static IReadOnlyList<string> SkillsOf(string? text) =>
        [.. (text ?? string.Empty).Split([',', '，', '、', ' ', '　'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private async Task<(DateOnly AsOf, IReadOnlyList<TalentRow> Rows)> FilteredAsync(int orgId, TalentFilter f, CancellationToken ct)
    {
        var orgs = await people.SubtreeAsync(orgId, ct);
        var asOf = f.AsOf ?? clock.Today;
        var q = db.TalentPoolEntries.AsNoTracking().Where(e => orgs.Contains(e.OrganizationId));
        if (f.Category is { } c)
        {
            q = q.Where(e => e.Category == c);
        }

        if (f.Availability is { } a)
        {
            q = q.Where(e => e.Availability == a);
        }

        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            q = q.Where(e => db.People.Any(p => p.Id == e.PersonId && p.Name.Contains(s)));
        }

        // Skills are tags matched case aside, as the Domain search does, so the filter runs on the loaded entries.
        var entries = await q.ToListAsync(ct);
        var status = f.Status ?? PoolStatusFilter.In;
        var skills = SkillsOf(f.Skills);
        IEnumerable<TalentPoolEntry> picked = status == PoolStatusFilter.In
            ? TalentSearch.BySkill(entries, [.. skills], asOf, includeUnavailable: true)
            : entries.Where(e => (status == PoolStatusFilter.All || (e.LeftOn is { } left && left <= asOf)) && skills.All(e.Has))
                .OrderBy(e => e.Availability).ThenBy(e => e.EnteredOn).ThenBy(e => e.PersonId);
        return (asOf, await RowsAsync([.. picked], asOf, ct));
    }

    private async Task<IReadOnlyList<TalentRow>> RowsAsync(IReadOnlyList<TalentPoolEntry> entries, DateOnly asOf, CancellationToken ct)
    {
        var ids = entries.Select(e => e.PersonId).Distinct().ToList();
        var who = await (from p in db.People.AsNoTracking()
                         join o in db.Organizations on p.OrganizationId equals o.Id
                         where ids.Contains(p.Id)
                         select new { p.Id, p.Name, Org = o.Name }).ToDictionaryAsync(p => p.Id, ct);
        return [.. entries.Select(e => new TalentRow(
            e.Id, e.PersonId, who[e.PersonId].Name, who[e.PersonId].Org, e.Category, e.Skills, e.PostsHeld, e.Availability, e.EnteredOn, e.LeftOn, e.LeaveReason,
            e.IsInPoolOn(asOf), e.Version))];
    }
}
