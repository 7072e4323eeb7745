using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;

using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Opinions;

/// <summary>
/// A campaign's opinions (定, CMT-1): read with Commitments.Read where the caller's scope meets the campaign, recorded by
/// staff with Commitments.Run there. The anonymous ones come only through the public form (<see cref="PublicSuggestions"/>).
/// </summary>
public sealed class CampaignOpinions(DangjianDbContext db, CommitmentQueries queries)
{
    public async Task<CommitmentOpinionList> ListAsync(int campaignId, CancellationToken ct = default)
    {
        var (campaign, _) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRead, ct);
        var rows = await db.CommitmentOpinions.AsNoTracking().Where(o => o.CampaignId == campaignId)
            .Select(o => new CommitmentOpinionView(o.Id, o.Channel, o.Text, o.ReceivedOn, o.SubmitterName)).ToListAsync(ct);
        // Ordered here, the same on both providers: by channel, then text, then the random id.
        var ordered = rows.OrderBy(o => o.Channel).ThenBy(o => o.Text, StringComparer.Ordinal).ThenBy(o => o.Id).ToList();
        return new CommitmentOpinionList(
            OpinionGathering.IsOpen(campaign.Status),
            Enum.GetValues<OpinionChannel>().ToDictionary(c => c, c => ordered.Count(o => o.Channel == c)),
            ordered);
    }

    public async Task<Guid> AddAsync(int campaignId, CommitmentOpinionRequest r, CancellationToken ct = default)
    {
        var (campaign, _) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRun, ct);
        var opinion = OpinionGathering.Recorded(campaignId, campaign.Status, r.Channel, r.Text, r.ReceivedOn, r.SubmitterName, queries.Today);
        db.CommitmentOpinions.Add(opinion);
        db.AddAuditEvent("CommitmentOpinion.Recorded", nameof(CommitmentCampaign), campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { Opinion = opinion.Id, opinion.Channel });
        await db.SaveChangesAsync(ct);
        return opinion.Id;
    }
}
