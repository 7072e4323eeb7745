using Dangjian.Data;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments;

/// <summary>One approved item on an organization's public board.</summary>
public sealed record BoardItem(string OwnerName, string OrganizationName, string Content, string Measures, DateOnly Deadline, string ResponsibleName, CommitmentStatus Status);

/// <summary>An organization's public board: its newest campaign and the items approved in it; no campaign yet, none.</summary>
public sealed record BoardView(string OrganizationName, int? Year, string? CampaignTitle, IReadOnlyList<BoardItem> Items);

/// <summary>
/// 公开承诺 (seed 001 第五篇 二、审: 审核通过后…公开承诺): the public board of an organization, read by anyone without signing in.
/// It shows the newest campaign that covers the organization and, of it, only the items a review approved (approved,
/// evaluated, in rectification or closed) whose owner is the organization or inside it; drafts, items awaiting review,
/// returned or rejected ones are never shown.
/// </summary>
public sealed class PublicBoard(DangjianDbContext db, CommitmentQueries queries)
{
    /// <summary>The board; null for an organization that does not exist or was dissolved.</summary>
    public async Task<BoardView?> OfAsync(int organizationId, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId && o.Status == OrganizationStatus.Active)
            .Select(o => new { o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (org is null)
        {
            return null;
        }

        var campaigns = await db.CommitmentCampaigns.AsNoTracking()
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c.Id, c.Year, c.Title, o.Path }).ToListAsync(ct);
        var campaign = campaigns.Where(c => OrganizationTree.IsWithin(org.Path, c.Path)).OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).FirstOrDefault();
        if (campaign is null)
        {
            return new BoardView(org.Name, null, null, []);
        }

        var items = await db.Commitments.AsNoTracking().Where(i => i.CampaignId == campaign.Id && i.ApprovedAt != null).ToListAsync(ct);
        var owners = await queries.OwnersAsync(items, ct);
        return new BoardView(org.Name, campaign.Year, campaign.Title,
            [.. items.Where(i => OrganizationTree.IsWithin(owners[i.Id].Path, org.Path))
                .OrderBy(i => owners[i.Id].Path, StringComparer.Ordinal).ThenBy(i => owners[i.Id].Name, StringComparer.Ordinal).ThenBy(i => i.Deadline).ThenBy(i => i.Id)
                .Select(i => new BoardItem(owners[i.Id].Name, owners[i.Id].OrganizationName, i.Content, i.Measures, i.Deadline, i.ResponsibleName, i.Status))]);
    }
}
