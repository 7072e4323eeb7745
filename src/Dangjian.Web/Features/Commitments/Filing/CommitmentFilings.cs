using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Filing;

/// <summary>Files an organization's approved list with its superior (备案); <c>note</c> is optional.</summary>
public sealed record FileCommitmentsRequest(int? OrganizationId, string? Note);

public sealed record CommitmentFilingView(
    int Id, int OrganizationId, string OrganizationName, int FiledWithOrganizationId, string FiledWithName, int ItemCount, string? Note, string FiledBy, DateTimeOffset FiledAt);

/// <summary>One organization of the campaign in the caller's scope: its approved items, its last filing, and whether the caller may file now.</summary>
public sealed record FilingOrganizationRow(int OrganizationId, string OrganizationName, int Approved, CommitmentFilingView? LastFiling, bool MayFile);

/// <summary>备案 of a campaign as the caller sees it: the organizations in scope, and the filings made by them or to them.</summary>
public sealed record CommitmentFilingsView(IReadOnlyList<FilingOrganizationRow> Organizations, IReadOnlyList<CommitmentFilingView> Filings);

/// <summary>
/// 备案 (三级双向, seed 001 第五篇 二、审): an organization files its approved list — the approved items of its own members and
/// its own — with the organization above it, with Commitments.Run on the filing organization. A filing is seen by holders
/// of the filer's subtree and of the superior's, so the level above sees what each of its children filed.
/// </summary>
public sealed class CommitmentFilings(DangjianDbContext db, ScopeService scopes, CommitmentQueries queries, CurrentUser user, TimeProvider time)
{
    public async Task<int> FileAsync(int campaignId, FileCommitmentsRequest r, CancellationToken ct = default)
    {
        var (campaign, campaignPath) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRead, ct);
        if (r.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Path, o.ParentId }).FirstOrDefaultAsync(ct);
        var scope = await scopes.GetAsync(ct);
        if (org is null || !scope.Allows(Permission.CommitmentsRun, org.Path) || !OrganizationTree.IsWithin(org.Path, campaignPath))
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.UnknownOrganization"));
        }

        var approved = (await ApprovedByOrganizationAsync(campaignId, ct)).GetValueOrDefault(orgId);
        var filing = CommitmentFilingRules.File(campaign.Id, orgId, org.ParentId, approved, r.Note, user.Name, time.GetUtcNow());
        db.CommitmentFilings.Add(filing);
        db.AuditAction = "CommitmentFiling.Filed";
        await db.SaveChangesAsync(ct);
        return filing.Id;
    }

    public async Task<CommitmentFilingsView> ListAsync(int campaignId, CancellationToken ct = default)
    {
        var (_, campaignPath) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRead, ct);
        var scope = await scopes.GetAsync(ct);
        var approved = await ApprovedByOrganizationAsync(campaignId, ct);
        var filings = await db.CommitmentFilings.AsNoTracking().Where(f => f.CampaignId == campaignId).ToListAsync(ct);
        var orgIds = approved.Keys.Concat(filings.Select(f => f.OrganizationId)).Concat(filings.Select(f => f.FiledWithOrganizationId)).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Path, o.ParentId }).ToDictionaryAsync(o => o.Id, ct);

        bool Sees(int id) => scope.Allows(Permission.CommitmentsRead, orgs[id].Path);
        var seen = filings.Where(f => Sees(f.OrganizationId) || Sees(f.FiledWithOrganizationId))
            .OrderByDescending(f => f.FiledAt.UtcTicks).ThenByDescending(f => f.Id)
            .Select(f => new CommitmentFilingView(f.Id, f.OrganizationId, orgs[f.OrganizationId].Name, f.FiledWithOrganizationId, orgs[f.FiledWithOrganizationId].Name,
                f.ItemCount, f.Note, f.FiledBy, f.FiledAt))
            .ToList();
        var rows = approved.Keys.Concat(filings.Select(f => f.OrganizationId)).Distinct()
            .Where(id => OrganizationTree.IsWithin(orgs[id].Path, campaignPath) && Sees(id))
            .OrderBy(id => orgs[id].Path, StringComparer.Ordinal)
            .Select(id => new FilingOrganizationRow(id, orgs[id].Name, approved.GetValueOrDefault(id), seen.FirstOrDefault(f => f.OrganizationId == id),
                approved.GetValueOrDefault(id) > 0 && orgs[id].ParentId is not null && scope.Allows(Permission.CommitmentsRun, orgs[id].Path)))
            .ToList();
        return new CommitmentFilingsView(rows, seen);
    }

    /// <summary>Approved items (approved, evaluated, in rectification or closed) per the organization they belong to.</summary>
    private async Task<Dictionary<int, int>> ApprovedByOrganizationAsync(int campaignId, CancellationToken ct)
    {
        var items = await db.Commitments.AsNoTracking().Where(i => i.CampaignId == campaignId && i.ApprovedAt != null).ToListAsync(ct);
        var owners = await queries.OwnersAsync(items, ct);
        return items.GroupBy(i => owners[i.Id].OrganizationId).ToDictionary(g => g.Key, g => g.Count());
    }
}

public static class FilingEndpoints
{
    public static IServiceCollection AddCommitmentFilings(this IServiceCollection services) => services.AddScoped<CommitmentFilings>();

    public static void MapCommitmentFilings(this RouteGroupBuilder g)
    {
        g.MapGet("/{id:int}/filings", ListCommitmentFilings).WithName(nameof(ListCommitmentFilings)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/{id:int}/filings", FileCommitments).WithName(nameof(FileCommitments)).RequirePermission(Permission.CommitmentsRun);
    }

    public static async Task<Ok<CommitmentFilingsView>> ListCommitmentFilings(CommitmentFilings f, int id, CancellationToken ct) =>
        TypedResults.Ok(await f.ListAsync(id, ct));

    /// <summary>备案: answers with the campaign's filings as the caller sees them.</summary>
    public static async Task<Created<CommitmentFilingsView>> FileCommitments(CommitmentFilings f, int id, FileCommitmentsRequest request, CancellationToken ct)
    {
        await f.FileAsync(id, request, ct);
        return TypedResults.Created($"{CommitmentEndpoints.Route}/{id}/filings", await f.ListAsync(id, ct));
    }
}
