using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Opinions;

/// <summary>What the suggestion form shows: whose campaign, and whether it still takes suggestions (定 only).</summary>
public sealed record SuggestionForm(int CampaignId, string OrganizationName, int Year, string Title, bool Open);

/// <summary>
/// 意见箱 (seed 001 第五篇 一、定: 设置一个意见箱), the anonymous public form of a commitment campaign, for anyone, no sign-in.
/// It stores the text, the channel and the organization's day under a random id, nothing about who sent it (no account,
/// address, agent or time of day); the row is not audited (DangjianDbContext.IsAuditedType) and is written in a mixed
/// batch (SecretRows). The form closes when the campaign leaves 定, and the table is then rewritten (<see cref="SuggestionBoxClosing"/>).
/// </summary>
public sealed class PublicSuggestions(DangjianDbContext db, OrgClock clock, SecrecyOptions secrecy)
{
    public async Task<SuggestionForm?> FormAsync(int campaignId, CancellationToken ct = default) =>
        await db.CommitmentCampaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id,
                (c, o) => new SuggestionForm(c.Id, o.Name, c.Year, c.Title, c.Status == CommitmentCampaignStatus.Defining))
            .FirstOrDefaultAsync(ct);

    /// <summary>The open campaign (in 定) that covers an organization, newest first: the public board links its form.</summary>
    public async Task<int?> OpenCampaignForAsync(int organizationId, CancellationToken ct = default)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId && o.Status == OrganizationStatus.Active)
            .Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null)
        {
            return null;
        }

        var open = await db.CommitmentCampaigns.AsNoTracking().Where(c => c.Status == CommitmentCampaignStatus.Defining)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c.Id, c.Year, o.Path }).ToListAsync(ct);
        return open.Where(c => OrganizationTree.IsWithin(path, c.Path)).OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => (int?)c.Id).FirstOrDefault();
    }

    public async Task<OpinionResult> SubmitAsync(int campaignId, string? text, CancellationToken ct = default)
    {
        var campaign = await db.CommitmentCampaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.Id, c.Status }).FirstOrDefaultAsync(ct);
        if (campaign is null)
        {
            return new OpinionResult(OpinionOutcome.NotFound, []);
        }

        if (!OpinionGathering.IsOpen(campaign.Status))
        {
            return new OpinionResult(OpinionOutcome.Closed, []);
        }

        CommitmentOpinion opinion;
        try
        {
            opinion = OpinionGathering.FromSuggestionBox(campaign.Id, campaign.Status, text, clock.Today);
        }
        catch (DomainRuleException e)
        {
            return new OpinionResult(OpinionOutcome.Invalid, [new FieldError(e.Field, e.Code, e.Arguments)]);
        }

        // Written with whatever else was sent within the mixing window, in a random order (SecretRows).
        await SecretRows.AddAsync(db, secrecy, opinion, ct);
        return new OpinionResult(OpinionOutcome.Accepted, []);
    }
}

/// <summary>
/// Closing the suggestion box when a campaign leaves 定, as a ballot box closes (DESIGN.md "Secrecy"): the campaign's
/// opinions are rewritten in a random order in a transaction of their own, and the database's history of their inserts
/// (free pages, the write-ahead log, dead tuples) is erased before the step is recorded. If the database cannot erase it
/// yet, nothing is recorded and advancing again finishes the job (SecretTables). The ids stay: they are random (version
/// 4) and carry no order, and the commitments that cite an opinion cite it by id.
/// </summary>
public static class SuggestionBoxClosing
{
    /// <returns>How many opinions the campaign holds.</returns>
    public static async Task<int> CloseAsync(DangjianDbContext db, SecrecyOptions secrecy, int campaignId, CancellationToken ct)
    {
        var received = 0;
        await SecretTables.RewriteAndEraseAsync(db, secrecy, SecretTables.OpinionTables, async (w, c) =>
        {
            var rows = await w.CommitmentOpinions.AsNoTracking().Where(o => o.CampaignId == campaignId).ToArrayAsync(c);
            System.Security.Cryptography.RandomNumberGenerator.Shuffle(rows.AsSpan());
            await w.CommitmentOpinions.Where(o => o.CampaignId == campaignId).ExecuteDeleteAsync(c);
            w.CommitmentOpinions.AddRange(rows);
            await w.SaveChangesAsync(c);
            received = rows.Length;
        }, ct);
        return received;
    }
}
