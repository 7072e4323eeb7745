using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>
/// A campaign's evaluator groups and their weights while it is set up (EVA-3), the usual ones of its kind among them.
/// Every change goes through <see cref="CampaignAccess"/> (Permission.EvaluationsRun, still Draft) and is audited by its save.
/// </summary>
public sealed class GroupCommands(DangjianDbContext db, CampaignAccess access, BallotBoxService boxes, IStringLocalizer<EnumText> names)
{
    public async Task<int> AddGroupAsync(int campaignId, GroupRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await access.DemandDraftAsync(campaignId, ct);
        var (name, kind, weight) = await CheckGroupAsync(campaignId, null, r, ct);
        var order = (await db.EvaluationGroups.Where(g => g.CampaignId == campaignId).MaxAsync(g => (int?)g.Order, ct) ?? 0) + 1;
        var group = new EvaluationGroup { CampaignId = campaignId, Name = name, Kind = kind, Weight = weight, Order = order };
        db.EvaluationGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group.Id;
    }

    /// <summary>Adds the usual groups of the campaign's kind (<see cref="CampaignRules.DefaultGroups"/>) it does not have yet, by name in the caller's language.</summary>
    public async Task<int> AddDefaultGroupsAsync(int campaignId, CancellationToken ct = default)
    {
        var campaign = await access.DemandDraftAsync(campaignId, ct);
        var existing = await db.EvaluationGroups.Where(g => g.CampaignId == campaignId).ToListAsync(ct);
        var order = existing.Count == 0 ? 0 : existing.Max(g => g.Order);
        var added = 0;
        foreach (var d in CampaignRules.DefaultGroups(campaign.Kind))
        {
            var name = names[d.NameKey].Value;
            if (existing.All(g => g.Name != name))
            {
                db.EvaluationGroups.Add(new EvaluationGroup { CampaignId = campaignId, Name = name, Kind = d.Kind, Weight = d.Weight, Order = ++order });
                added++;
            }
        }

        db.AuditAction = "EvaluationGroup.DefaultsAdded";
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task UpdateGroupAsync(int groupId, GroupRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = await access.DemandGroupAsync(groupId, Permission.EvaluationsRun, ct);
        EvaluationCampaign.DemandStatus(t.Status, CampaignStatus.Draft);
        var group = await db.EvaluationGroups.FirstAsync(g => g.Id == groupId, ct);
        db.ExpectVersion(group, r.Version);
        var (name, kind, weight) = await CheckGroupAsync(t.CampaignId, groupId, r, ct);
        group.Name = name;
        group.Kind = kind;
        group.Weight = weight;
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveGroupAsync(int groupId, CancellationToken ct = default)
    {
        var t = await access.DemandGroupAsync(groupId, Permission.EvaluationsRun, ct);
        EvaluationCampaign.DemandStatus(t.Status, CampaignStatus.Draft);
        var group = await db.EvaluationGroups.FirstAsync(g => g.Id == groupId, ct);
        if (await boxes.FindAsync(group.BoxKey, ct) is { CodesIssued: > 0 })
        {
            throw new InputValidationException(new FieldErrors().Add("group", "Evaluation.GroupHasCodes"));
        }

        await db.EvaluatorSamples.Where(s => s.GroupId == groupId).LoadAsync(ct);
        db.EvaluatorSamples.RemoveRange(db.EvaluatorSamples.Local.Where(s => s.GroupId == groupId).ToList());
        db.EvaluationGroups.Remove(group);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(string Name, EvaluatorKind Kind, decimal Weight)> CheckGroupAsync(int campaignId, int? groupId, GroupRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", "Field.Evaluation.GroupName", r.Name, EvaluationGroup.MaxNameLength);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.Evaluation.GroupKind");
            kind = EvaluatorKind.Staff;
        }

        if (r.Weight is not { } weight || weight < 0 || weight > 1)
        {
            errors.Add("weight", "Input.OutOfRange", "Field.Evaluation.GroupWeight", 0, 1);
            weight = 0;
        }

        if (name.Length > 0 && await db.EvaluationGroups.AnyAsync(g => g.CampaignId == campaignId && g.Name == name && g.Id != groupId, ct))
        {
            errors.Add("name", "Evaluation.Duplicate", "Field.Evaluation.GroupName", name);
        }

        errors.ThrowIfAny();
        return (name, kind, weight);
    }
}
