using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments;

/// <summary>
/// Reads of commitment campaigns and their items (CMT-1 … CMT-4) inside the caller's scope. A campaign covers a subtree,
/// and a caller whose scope meets that subtree (above it or inside it) sees the campaign; of its items they see those
/// whose organization (the member's own, or the owning organization) is in their scope.
/// </summary>
public sealed class CommitmentQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>Campaigns the caller sees, newest year first; filtered by an organization (in scope) they touch, and a year.</summary>
    public async Task<Paged<CommitmentCampaignRow>> ListCampaignsAsync(int? organizationId, int? year, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        if (year is < CommitmentCampaign.MinYear or > CommitmentCampaign.MaxYear)
        {
            errors.Add("year", "Input.OutOfRange", "Field.Commitment.Year", CommitmentCampaign.MinYear, CommitmentCampaign.MaxYear);
        }

        errors.ThrowIfAny();
        string? orgPath = null;
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.CommitmentsRead, orgId, ct);
            orgPath = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        }

        var roots = (await scopes.GetAsync(ct)).Roots(Permission.CommitmentsRead);
        var all = await db.CommitmentCampaigns.AsNoTracking().Where(c => year == null || c.Year == year)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c.Id, c.OrganizationId, o.Name, o.Path, c.Year, c.Title, c.Status })
            .ToListAsync(ct);
        var seen = all.Where(c => Meets(c.Path, roots) && (orgPath is null || Overlap(c.Path, orgPath)))
            .OrderByDescending(c => c.Year).ThenBy(c => c.Path, StringComparer.Ordinal).ThenByDescending(c => c.Id).ToList();
        var pageIds = seen.Skip(window.Skip).Take(window.PageSize).Select(c => c.Id).ToList();
        var counts = await db.Commitments.AsNoTracking().Where(i => pageIds.Contains(i.CampaignId)).GroupBy(i => i.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new Paged<CommitmentCampaignRow>(
            [.. seen.Where(c => pageIds.Contains(c.Id)).Select(c => new CommitmentCampaignRow(c.Id, c.OrganizationId, c.Name, c.Year, c.Title, c.Status, counts.GetValueOrDefault(c.Id)))],
            seen.Count, window.Page, window.PageSize);
    }

    public async Task<CommitmentCampaignView> GetCampaignAsync(int id, CancellationToken ct = default)
    {
        var (campaign, _) = await DemandCampaignAsync(id, Permission.CommitmentsRead, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == campaign.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var byStatus = await db.Commitments.AsNoTracking().Where(i => i.CampaignId == id).GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new CommitmentCampaignView(campaign.Id, campaign.OrganizationId, name, campaign.Year, campaign.Title, campaign.Status, campaign.Rules, byStatus, campaign.Version);
    }

    /// <summary>
    /// 台账: the campaign's items in the caller's scope, by organization, owner and deadline; filtered by status, owner,
    /// organization subtree, direction, deadline range, overdue, and due within N days (提醒: from today to N days ahead).
    /// </summary>
    public async Task<Paged<CommitmentView>> LedgerAsync(int id, LedgerFilter f, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (rows, owners) = await LedgerRowsAsync(id, f, errors, ct);
        var pageItems = rows.Skip(window.Skip).Take(window.PageSize).ToList();
        return new Paged<CommitmentView>(await ViewsAsync(pageItems, owners, Today, ct), rows.Count, window.Page, window.PageSize);
    }

    /// <summary>The whole ledger under the same filters, unpaged: what the Excel export writes.</summary>
    public async Task<IReadOnlyList<CommitmentView>> LedgerAllAsync(int id, LedgerFilter f, CancellationToken ct = default)
    {
        var (rows, owners) = await LedgerRowsAsync(id, f, new FieldErrors(), ct);
        return await ViewsAsync(rows, owners, Today, ct);
    }

    private async Task<(List<Commitment> Rows, Dictionary<int, (string Name, int OrganizationId, string OrganizationName, string Path)> Owners)> LedgerRowsAsync(
        int id, LedgerFilter f, FieldErrors errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.DueWithinDays is < 0 or > MaxDueWithinDays)
        {
            errors.Add("dueWithinDays", "Input.OutOfRange", "Field.Commitment.DueWithinDays", 0, MaxDueWithinDays);
        }

        if (f.DeadlineFrom > f.DeadlineTo)
        {
            errors.Add("deadlineTo", "Commitment.DeadlineRange");
        }

        errors.ThrowIfAny();
        await DemandCampaignAsync(id, Permission.CommitmentsRead, ct);
        string? orgPath = null;
        if (f.OrganizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.CommitmentsRead, orgId, ct);
            orgPath = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        }

        var items = await db.Commitments.AsNoTracking().Include(i => i.Evaluations)
            .Where(i => i.CampaignId == id)
            .Where(i => f.Status == null || i.Status == f.Status)
            .Where(i => f.OwnerPersonId == null || i.OwnerPersonId == f.OwnerPersonId)
            .Where(i => f.Direction == null || i.Direction == f.Direction)
            .Where(i => f.DeadlineFrom == null || i.Deadline >= f.DeadlineFrom)
            .Where(i => f.DeadlineTo == null || i.Deadline <= f.DeadlineTo)
            .ToListAsync(ct);
        var today = Today;
        var owners = await OwnersAsync(items, ct);
        var scope = await scopes.GetAsync(ct);
        var rows = items
            .Where(i => scope.Allows(Permission.CommitmentsRead, owners[i.Id].Path) && (orgPath is null || OrganizationTree.IsWithin(owners[i.Id].Path, orgPath)))
            .Where(i => f.Overdue is not { } overdue || i.IsOverdue(today) == overdue)
            .Where(i => f.DueWithinDays is not { } days || i.IsDueWithin(today, days))
            .OrderBy(i => owners[i.Id].Path, StringComparer.Ordinal).ThenBy(i => owners[i.Id].Name, StringComparer.Ordinal).ThenBy(i => i.Deadline).ThenBy(i => i.Id)
            .ToList();
        return (rows, owners);
    }

    /// <summary>
    /// What the dashboard counts (RPT-1), over every campaign the caller sees that reaches the organization's subtree (or
    /// their whole scope) at once: the ledger's overdue items and items in rectification, by the same scope, subtree and
    /// overdue rules as <see cref="LedgerAsync"/> with those filters, campaign by campaign, would count — in three queries
    /// (campaigns, items, owners) however many campaigns there are.
    /// </summary>
    public async Task<(int Overdue, int Rectifying)> DueCountsAsync(int? organizationId, CancellationToken ct = default)
    {
        string? orgPath = null;
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.CommitmentsRead, orgId, ct);
            orgPath = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        }

        var scope = await scopes.GetAsync(ct);
        var roots = scope.Roots(Permission.CommitmentsRead);
        var campaigns = (await db.CommitmentCampaigns.AsNoTracking()
                .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c.Id, o.Path }).ToListAsync(ct))
            .Where(c => Meets(c.Path, roots) && (orgPath is null || Overlap(c.Path, orgPath))).Select(c => c.Id).ToList();
        var items = await db.Commitments.AsNoTracking().Include(i => i.Evaluations).Where(i => campaigns.Contains(i.CampaignId)).ToListAsync(ct);
        var owners = await OwnersAsync(items, ct);
        var rows = items.Where(i => scope.Allows(Permission.CommitmentsRead, owners[i.Id].Path) && (orgPath is null || OrganizationTree.IsWithin(owners[i.Id].Path, orgPath))).ToList();
        var today = Today;
        return (rows.Count(i => i.IsOverdue(today)), rows.Count(i => i.Status == CommitmentStatus.Rectifying));
    }

    /// <summary>One item, as the ledger shows it; not found unless its organization is in the caller's scope.</summary>
    public async Task<CommitmentView> ItemAsync(int commitmentId, CancellationToken ct = default)
    {
        var item = await db.Commitments.AsNoTracking().Include(i => i.Evaluations).FirstOrDefaultAsync(i => i.Id == commitmentId, ct);
        var owners = item is null ? [] : await OwnersAsync([item], ct);
        if (item is null || !(await scopes.GetAsync(ct)).Allows(Permission.CommitmentsRead, owners[item.Id].Path))
        {
            throw new NotFoundException("commitment", commitmentId);
        }

        return (await ViewsAsync([item], owners, Today, ct))[0];
    }

    /// <summary>The most days ahead "due within" looks (a year).</summary>
    public const int MaxDueWithinDays = 366;

    /// <summary>
    /// The signed-in member's campaigns: every campaign whose subtree holds their organization, newest first, with their
    /// own items (never anyone else's). An account linked to no person has none.
    /// </summary>
    public async Task<IReadOnlyList<MyCommitmentCampaignView>> MineAsync(CancellationToken ct = default)
    {
        if (await MeAsync(ct) is not { } me)
        {
            return [];
        }

        var campaigns = await db.CommitmentCampaigns.AsNoTracking()
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { Campaign = c, o.Name, o.Path })
            .ToListAsync(ct);
        var mine = campaigns.Where(c => OrganizationTree.IsWithin(me.Path, c.Path)).OrderByDescending(c => c.Campaign.Year).ThenByDescending(c => c.Campaign.Id).ToList();
        var ids = mine.Select(c => c.Campaign.Id).ToList();
        var items = await db.Commitments.AsNoTracking().Include(i => i.Evaluations)
            .Where(i => i.OwnerPersonId == me.PersonId && ids.Contains(i.CampaignId)).OrderBy(i => i.Id).ToListAsync(ct);
        var views = (await ViewsAsync(items, await OwnersAsync(items, ct), Today, ct)).ToLookup(v => v.CampaignId);
        return [.. mine.Select(c => new MyCommitmentCampaignView(c.Campaign.Id, c.Name, c.Campaign.Year, c.Campaign.Title, c.Campaign.Status,
            c.Campaign.AcceptsSubmissions, c.Campaign.Rules.MinPerMember, c.Campaign.Rules.MaxPerMember, [.. views[c.Campaign.Id]]))];
    }

    /// <summary>The signed-in person and their organization's path, unless the account is linked to none or they left the roll.</summary>
    internal async Task<(int PersonId, string Name, string Path)?> MeAsync(CancellationToken ct)
    {
        if (await scopes.CurrentPersonIdAsync(ct) is not { } personId)
        {
            return null;
        }

        var me = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Name, o.Path }).FirstOrDefaultAsync(ct);
        return me is null ? null : (personId, me.Name, me.Path);
    }

    /// <summary>
    /// The campaign and its organization's path, after the check that the caller's <paramref name="permission"/> meets its
    /// subtree; 404 for an unknown or unseen campaign to a caller with some scope, 403 to one without any.
    /// </summary>
    internal async Task<(CommitmentCampaign Campaign, string Path)> DemandCampaignAsync(int id, Permission permission, CancellationToken ct)
    {
        var found = await db.CommitmentCampaigns.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { Campaign = c, o.Path }).FirstOrDefaultAsync(ct);
        var scope = await scopes.GetAsync(ct);
        if (found is null || !Meets(found.Path, scope.Roots(permission)))
        {
            throw scope.Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("commitment campaign", id);
        }

        return (found.Campaign, found.Path);
    }

    /// <summary>Each item's owner name and the organization it belongs to: the member's own organization, or the owning one.</summary>
    internal async Task<Dictionary<int, (string Name, int OrganizationId, string OrganizationName, string Path)>> OwnersAsync(
        IReadOnlyCollection<Commitment> items, CancellationToken ct)
    {
        var personIds = items.Where(i => i.OwnerPersonId is not null).Select(i => i.OwnerPersonId!.Value).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.OrganizationId }).ToDictionaryAsync(p => p.Id, ct);
        var orgIds = items.Select(i => i.OwnerOrganizationId ?? people[i.OwnerPersonId!.Value].OrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Path }).ToDictionaryAsync(o => o.Id, ct);
        return items.ToDictionary(i => i.Id, i =>
        {
            var orgId = i.OwnerOrganizationId ?? people[i.OwnerPersonId!.Value].OrganizationId;
            var org = orgs[orgId];
            return (i.OwnerPersonId is { } pid ? people[pid].Name : org.Name, orgId, org.Name, org.Path);
        });
    }

    private async Task<IReadOnlyList<CommitmentView>> ViewsAsync(
        IReadOnlyList<Commitment> items, Dictionary<int, (string Name, int OrganizationId, string OrganizationName, string Path)> owners, DateOnly today, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        var decisions = (await db.CommitmentDecisions.AsNoTracking().Where(d => ids.Contains(d.CommitmentId)).ToListAsync(ct))
            .OrderBy(d => d.At).ThenBy(d => d.Id).ToLookup(d => d.CommitmentId);
        var progress = (await db.FulfilmentRecords.AsNoTracking().Where(p => ids.Contains(p.CommitmentId)).ToListAsync(ct))
            .GroupBy(p => p.CommitmentId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Date).ThenBy(p => p.RecordedAt).Last());
        return [.. items.Select(i =>
        {
            var owner = owners[i.Id];
            var last = progress.GetValueOrDefault(i.Id);
            return new CommitmentView(i.Id, i.CampaignId, i.OwnerPersonId, i.OwnerOrganizationId, owner.Name, owner.OrganizationId, owner.OrganizationName,
                i.Direction, i.Content, i.Measures, i.Deadline, i.ResponsibleName, i.ResponsiblePersonId, i.CitedOpinionIds, i.Status, i.CurrentLevel,
                i.DueDate, i.IsOverdue(today), last is null ? null : new LastProgressView(last.Date, last.Steps, last.Result),
                [.. decisions[i.Id].Select(d => new CommitmentDecisionView(d.Level, d.Decision, d.Comment, d.By, d.At))], i.Version);
        })];
    }

    /// <summary>A campaign's subtree meets a scope when a root lies above it or inside it.</summary>
    private static bool Meets(string path, IReadOnlyList<string> roots) => roots.Any(r => Overlap(path, r));

    private static bool Overlap(string a, string b) => OrganizationTree.IsWithin(a, b) || OrganizationTree.IsWithin(b, a);
}
