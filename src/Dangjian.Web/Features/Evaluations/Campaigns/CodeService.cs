using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>
/// One-time codes for a group's ballot box (EVA-5), returned in clear this once (the slips page and the API answer
/// are the only places they exist; only hashes are stored). Allowed while the campaign is Draft, Announced or Open;
/// the box is created on the first batch, so slips can be printed before the meeting. Codes are never issued to names.
/// </summary>
public sealed class CodeService(DangjianDbContext db, CampaignAccess access, BallotBoxService boxes, CampaignQueries queries)
{
    public async Task<IssuedEvaluationCodes> IssueAsync(int groupId, int? count, string formAddress, CancellationToken ct = default)
    {
        var t = await access.DemandGroupAsync(groupId, Permission.EvaluationsRun, ct);
        EvaluationCampaign.DemandStatus(t.Status, CampaignStatus.Draft, CampaignStatus.Announced, CampaignStatus.Open);
        var group = await db.EvaluationGroups.AsNoTracking().FirstAsync(g => g.Id == groupId, ct);
        var n = count ?? group.SampleSize ?? 0;
        if (n is < 1 or > BallotBoxService.MaxCodesPerBatch)
        {
            throw new InputValidationException(new FieldErrors().Add("count", "Input.OutOfRange", "Field.Evaluation.CodeCount", 1, BallotBoxService.MaxCodesPerBatch));
        }

        var box = await boxes.FindAsync(group.BoxKey, ct);
        if (box is null)
        {
            boxes.Create(group.BoxKey);
            await db.SaveChangesAsync(ct);
        }
        else if (box.Closed)
        {
            throw new InputValidationException(new FieldErrors().Add("group", "Evaluation.BoxClosed"));
        }

        var codes = await boxes.IssueCodesAsync(group.BoxKey, n, ct);
        var title = await db.EvaluationCampaigns.AsNoTracking().Where(c => c.Id == t.CampaignId).Select(c => c.Title).FirstAsync(ct);
        var progress = (await queries.ProgressAsync(t.CampaignId, ct)).Groups.First(g => g.GroupId == groupId);
        return new IssuedEvaluationCodes(groupId, group.Name, title, formAddress, codes, progress);
    }

    /// <summary>A group's progress alone (for the codes page): counts only.</summary>
    public async Task<(GroupProgress Progress, string CampaignTitle, int CampaignId)> ProgressAsync(int groupId, CancellationToken ct = default)
    {
        var t = await access.DemandGroupAsync(groupId, Permission.EvaluationsRead, ct);
        var title = await db.EvaluationCampaigns.AsNoTracking().Where(c => c.Id == t.CampaignId).Select(c => c.Title).FirstAsync(ct);
        var progress = (await queries.ProgressAsync(t.CampaignId, ct)).Groups.First(g => g.GroupId == groupId);
        return (progress, title, t.CampaignId);
    }
}
