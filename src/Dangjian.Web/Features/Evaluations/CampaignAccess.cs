using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations;

/// <summary>
/// Every read and change of an evaluation campaign (and of its groups, subjects, objections) starts here: the record
/// must exist and the caller must reach the campaign's organization (Evaluations.Read to read, Evaluations.Run to
/// change, which a 民主评议党员 campaign narrows to Evaluations.RunMemberReview: <see cref="CampaignPermissions"/>).
/// A record that does not exist and one outside the scope look alike to a caller without grants.
/// </summary>
public sealed class CampaignAccess(DangjianDbContext db, ScopeService scopes)
{
    public sealed record Target(int CampaignId, int OrganizationId, CampaignStatus Status, CampaignKind Kind);

    /// <summary>A reader of a campaign's results: whether they run it (read everything) and, if not, their own person.</summary>
    public sealed record ResultsReader(Target Campaign, bool RunsCampaign, int? PersonId);

    public async Task<Target> DemandCampaignAsync(int campaignId, Permission permission, CancellationToken ct)
    {
        var t = await db.EvaluationCampaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new Target(c.Id, c.OrganizationId, c.Status, c.Kind)).FirstOrDefaultAsync(ct);
        return await CheckAsync(t, "campaign", campaignId, permission, ct);
    }

    public async Task<Target> DemandGroupAsync(int groupId, Permission permission, CancellationToken ct)
    {
        var t = await db.EvaluationGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Join(db.EvaluationCampaigns, g => g.CampaignId, c => c.Id, (g, c) => new Target(c.Id, c.OrganizationId, c.Status, c.Kind))
            .FirstOrDefaultAsync(ct);
        return await CheckAsync(t, "group", groupId, permission, ct);
    }

    public async Task<Target> DemandSubjectAsync(int subjectId, Permission permission, CancellationToken ct)
    {
        var t = await db.EvaluationSubjects.AsNoTracking().Where(s => s.Id == subjectId)
            .Join(db.EvaluationCampaigns, s => s.CampaignId, c => c.Id, (s, c) => new Target(c.Id, c.OrganizationId, c.Status, c.Kind))
            .FirstOrDefaultAsync(ct);
        return await CheckAsync(t, "subject", subjectId, permission, ct);
    }

    public async Task<Target> DemandObjectionAsync(int objectionId, Permission permission, CancellationToken ct)
    {
        var t = await db.EvaluationObjections.AsNoTracking().Where(o => o.Id == objectionId)
            .Join(db.EvaluationCampaigns, o => o.CampaignId, c => c.Id, (o, c) => new Target(c.Id, c.OrganizationId, c.Status, c.Kind))
            .FirstOrDefaultAsync(ct);
        return await CheckAsync(t, "objection", objectionId, permission, ct);
    }

    public async Task<Target> DemandFollowUpAsync(int followUpId, Permission permission, CancellationToken ct)
    {
        var t = await db.EvaluationFollowUps.AsNoTracking().Where(f => f.Id == followUpId)
            .Join(db.EvaluationCampaigns, f => f.CampaignId, c => c.Id, (f, c) => new Target(c.Id, c.OrganizationId, c.Status, c.Kind))
            .FirstOrDefaultAsync(ct);
        return await CheckAsync(t, "follow-up", followUpId, permission, ct);
    }

    /// <summary>The campaign, tracked, for a change to its set-up: Permission.EvaluationsRun on its organization, and still Draft.</summary>
    public async Task<EvaluationCampaign> DemandDraftAsync(int campaignId, CancellationToken ct)
    {
        var t = await DemandCampaignAsync(campaignId, Permission.EvaluationsRun, ct);
        EvaluationCampaign.DemandStatus(t.Status, CampaignStatus.Draft);
        return await db.EvaluationCampaigns.FirstAsync(c => c.Id == campaignId, ct);
    }

    /// <summary>
    /// Demands read access to a campaign's results (<see cref="ResultsVisibility"/>): those who may write to the campaign
    /// read them whole; others in scope are refused until the results are publicized, and then read what 公示 shows.
    /// </summary>
    public async Task<ResultsReader> DemandResultsAsync(int campaignId, CancellationToken ct)
    {
        var t = await DemandCampaignAsync(campaignId, Permission.EvaluationsRead, ct);
        if (await MayRunAsync(t, ct))
        {
            return new ResultsReader(t, true, null);
        }

        if (!ResultsVisibility.IsPublic(t.Status))
        {
            throw new ScopeRefusedException();
        }

        return new ResultsReader(t, false, await scopes.CurrentPersonIdAsync(ct));
    }

    /// <summary>Whether the caller may run this campaign (to show or hide edit buttons).</summary>
    public Task<bool> MayRunAsync(Target campaign, CancellationToken ct) =>
        scopes.MayAsync(CampaignPermissions.ToRun(campaign.Kind), campaign.OrganizationId, ct);

    private async Task<Target> CheckAsync(Target? t, string what, int id, Permission permission, CancellationToken ct)
    {
        var needed = permission == Permission.EvaluationsRun && t is not null ? CampaignPermissions.ToRun(t.Kind) : permission;
        await scopes.DemandRecordAsync(t?.OrganizationId, what, id, needed, ct);
        return t!;
    }
}
