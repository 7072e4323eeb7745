using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Surveys;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Grading;

/// <summary>
/// Reads of a campaign's 评 (CMT-6): the items the committee grades with their satisfaction votes and rounds, the
/// publicity and its objections, the 述职 reports, and a member's own results across campaigns. Scoped as the ledger is:
/// a caller sees the items whose organization is in their Commitments.Read scope.
/// </summary>
public sealed class GradingQueries(DangjianDbContext db, ScopeService scopes, CommitmentQueries queries, SurveyQueries surveys)
{
    private static readonly CommitmentStatus[] Gradable =
        [CommitmentStatus.Approved, CommitmentStatus.Evaluated, CommitmentStatus.Rectifying, CommitmentStatus.Closed];

    public async Task<CampaignGradingView> CampaignAsync(int campaignId, CancellationToken ct = default)
    {
        var (campaign, _) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRead, ct);
        var items = await db.Commitments.AsNoTracking().Include(i => i.Evaluations)
            .Where(i => i.CampaignId == campaignId && Gradable.Contains(i.Status)).ToListAsync(ct);
        var owners = await queries.OwnersAsync(items, ct);
        var scope = await scopes.GetAsync(ct);
        items = [.. items.Where(i => scope.Allows(Permission.CommitmentsRead, owners[i.Id].Path))
            .OrderBy(i => owners[i.Id].Path, StringComparer.Ordinal).ThenBy(i => owners[i.Id].Name, StringComparer.Ordinal).ThenBy(i => i.Id)];
        var votes = await VotesAsync([.. items.Select(i => i.Id)], ct);
        var views = items.Select(i =>
        {
            var vote = votes.GetValueOrDefault(i.Id);
            return new GradableItemView(i.Id, owners[i.Id].Name, owners[i.Id].OrganizationName, i.Content, i.Status, vote?.Tally(), vote is { Result: null },
                CommitmentEvaluationView.All(i.Evaluations), i.Version);
        }).ToList();
        return new CampaignGradingView(campaign.Id, campaign.Status, campaign.PublicityFrom, campaign.PublicityTo, campaign.InPublicity(queries.Today),
            campaign.EvaluationCampaignId, views, await ObjectionsAsync(campaignId, ct), campaign.Version);
    }

    /// <summary>The campaign's objections, oldest first.</summary>
    public async Task<IReadOnlyList<CommitmentObjectionView>> ObjectionsAsync(int campaignId, CancellationToken ct = default)
    {
        await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRead, ct);
        var rows = await db.CommitmentObjections.AsNoTracking().Where(o => o.CampaignId == campaignId).ToListAsync(ct);
        return [.. rows.OrderBy(o => o.FiledAt).ThenBy(o => o.Id).Select(o =>
            new CommitmentObjectionView(o.Id, o.CampaignId, o.CommitmentId, o.Text, o.FiledBy, o.FiledAt, o.Answer, o.AnsweredBy, o.AnsweredAt, o.Version))];
    }

    /// <summary>The campaign's 述职 reports of owners in the caller's scope.</summary>
    public async Task<IReadOnlyList<SelfReportView>> ReportsAsync(int campaignId, CancellationToken ct = default)
    {
        await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRead, ct);
        var rows = await db.CommitmentSelfReports.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync(ct);
        var personIds = rows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Id, p.Name, o.Path }).ToDictionaryAsync(p => p.Id, ct);
        var orgIds = rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Path }).ToDictionaryAsync(o => o.Id, ct);
        var scope = await scopes.GetAsync(ct);
        return [.. rows
            .Select(r => (Report: r, Owner: r.PersonId is { } pid ? (people[pid].Name, people[pid].Path) : (orgs[r.OrganizationId!.Value].Name, orgs[r.OrganizationId!.Value].Path)))
            .Where(x => scope.Allows(Permission.CommitmentsRead, x.Owner.Path))
            .OrderBy(x => x.Owner.Path, StringComparer.Ordinal).ThenBy(x => x.Owner.Name, StringComparer.Ordinal)
            .Select(x => new SelfReportView(x.Report.Id, x.Report.CampaignId, x.Report.PersonId, x.Report.OrganizationId, x.Owner.Name, x.Report.Text,
                x.Report.SubmittedBy, x.Report.SubmittedAt, x.Report.Version))];
    }

    /// <summary>The signed-in member's graded items across campaigns, newest campaign first (results feed the person's record).</summary>
    public async Task<IReadOnlyList<MyCommitmentResultView>> MineAsync(CancellationToken ct = default)
    {
        if (await queries.MeAsync(ct) is not { } me)
        {
            return [];
        }

        var items = await db.Commitments.AsNoTracking().Include(i => i.Evaluations)
            .Where(i => i.OwnerPersonId == me.PersonId && i.Evaluations.Count > 0)
            .Join(db.CommitmentCampaigns, i => i.CampaignId, c => c.Id, (i, c) => new { Item = i, c.Year, c.Title })
            .ToListAsync(ct);
        return [.. items.OrderByDescending(x => x.Year).ThenByDescending(x => x.Item.CampaignId).ThenBy(x => x.Item.Id)
            .Select(x => new MyCommitmentResultView(x.Item.Id, x.Item.CampaignId, x.Year, x.Title, x.Item.Content, x.Item.Status, CommitmentEvaluationView.All(x.Item.Evaluations)))];
    }

    /// <summary>
    /// 评议结果公示 on an organization's public board, read without signing in: while the newest campaign that covers the
    /// organization has its grades publicized (today within the period), each graded item of the organization's subtree with
    /// its latest grade and outcome; null otherwise (before, after, or never publicized).
    /// </summary>
    public async Task<PublicGradesView?> PublicAsync(int organizationId, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId && o.Status == OrganizationStatus.Active).Select(o => o.Path).FirstOrDefaultAsync(ct);
        var campaign = org is null ? null : (await db.CommitmentCampaigns.AsNoTracking()
                .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { Campaign = c, o.Path }).ToListAsync(ct))
            .Where(c => OrganizationTree.IsWithin(org, c.Path)).OrderByDescending(c => c.Campaign.Year).ThenByDescending(c => c.Campaign.Id).Select(c => c.Campaign).FirstOrDefault();
        if (campaign is null || !campaign.InPublicity(queries.Today))
        {
            return null;
        }

        var items = await db.Commitments.AsNoTracking().Include(i => i.Evaluations).Where(i => i.CampaignId == campaign.Id && i.Evaluations.Count > 0).ToListAsync(ct);
        var owners = await queries.OwnersAsync(items, ct);
        return new PublicGradesView(campaign.PublicityFrom!.Value, campaign.PublicityTo!.Value,
            [.. items.Where(i => OrganizationTree.IsWithin(owners[i.Id].Path, org!))
                .OrderBy(i => owners[i.Id].Path, StringComparer.Ordinal).ThenBy(i => owners[i.Id].Name, StringComparer.Ordinal).ThenBy(i => i.Id)
                .Select(i => new PublicGradeRow(owners[i.Id].Name, i.Content, i.LastEvaluation!.Grade, i.LastEvaluation.Outcome))]);
    }

    /// <summary>
    /// The tally to grade an item with, by default: its latest satisfaction vote's, once that vote is closed; null when
    /// it has none or the vote still runs.
    /// </summary>
    public async Task<(SatisfactionTally Tally, DateTimeOffset OpenedAt)?> VoteTallyAsync(int commitmentId, CancellationToken ct = default)
    {
        if (await surveys.SatisfactionAsync(SurveyTargetKind.Commitment, commitmentId, ct) is not { } summary || summary.Tally() is not { } tally)
        {
            return null;
        }

        var opened = await db.Surveys.AsNoTracking().Where(s => s.Id == summary.Survey.Id).Select(s => s.OpenedAt ?? s.CreatedAt).FirstAsync(ct);
        return (tally, opened);
    }

    /// <summary>Each item's latest satisfaction vote (only items that have one are asked for).</summary>
    private async Task<Dictionary<int, SatisfactionSummary>> VotesAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var voted = await db.Surveys.AsNoTracking().Where(s => s.TargetKind == SurveyTargetKind.Commitment && s.TargetId != null && ids.Contains(s.TargetId.Value))
            .Select(s => s.TargetId!.Value).Distinct().ToListAsync(ct);
        var votes = new Dictionary<int, SatisfactionSummary>();
        foreach (var id in voted)
        {
            if (await surveys.SatisfactionAsync(SurveyTargetKind.Commitment, id, ct) is { } summary)
            {
                votes[id] = summary;
            }
        }

        return votes;
    }
}
