using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments;

/// <summary>
/// Changes to commitment campaigns (公开承诺, CMT-1): create one for a year over an organization's subtree with its rule
/// data, and move it through its steps (定 → 审 → 履 → 评 → closed). Each needs Commitments.Run on the campaign's own
/// organization: the organization that runs the campaign, not one inside it.
/// </summary>
public sealed class CampaignCommands(DangjianDbContext db, ScopeService scopes, CommitmentQueries queries, Dangjian.Data.Secrecy.SecrecyOptions secrecy)
{
    public async Task<int> CreateAsync(CreateCommitmentCampaignRequest r, CancellationToken ct = default)
    {
        if (r.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        await scopes.DemandAsync(Permission.CommitmentsRun, orgId, ct);
        var errors = new FieldErrors();
        if (r.Year is null)
        {
            errors.Add("year", "Input.Required", "Field.Commitment.Year");
        }

        var rules = Rules(r.Rules, errors);
        errors.ThrowIfAny();
        var campaign = new CommitmentCampaign { OrganizationId = orgId };
        campaign.Describe(r.Year!.Value, r.Title ?? string.Empty);
        campaign.SetRules(rules);
        db.CommitmentCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign.Id;
    }

    /// <summary>The next step, named by the caller: a step skipped or gone back to is refused by the campaign.</summary>
    public async Task AdvanceAsync(int id, AdvanceCommitmentCampaignRequest r, CancellationToken ct = default)
    {
        var (found, _) = await queries.DemandCampaignAsync(id, Permission.CommitmentsRead, ct);
        await scopes.DemandAsync(Permission.CommitmentsRun, found.OrganizationId, ct);
        if (r.To is not { } to || !Enum.IsDefined(to))
        {
            throw new InputValidationException(new FieldErrors().Add("to", "Input.Required", "Field.Commitment.Step"));
        }

        var campaign = await db.CommitmentCampaigns.FirstAsync(c => c.Id == id, ct);
        db.ExpectVersion(campaign, r.Version);
        var statuses = await db.Commitments.AsNoTracking().Where(i => i.CampaignId == id).Select(i => i.Status).ToListAsync(ct);
        switch (to)
        {
            case CommitmentCampaignStatus.Approving:
                campaign.StartApproval(statuses);
                break;
            case CommitmentCampaignStatus.Fulfilling:
                campaign.StartFulfilment(statuses);
                break;
            case CommitmentCampaignStatus.Evaluating:
                campaign.StartEvaluation();
                break;
            case CommitmentCampaignStatus.Closed:
                // The grades' publicity must be over and its objections answered (评议结果公示).
                campaign.Close(statuses, queries.Today, await db.CommitmentObjections.CountAsync(o => o.CampaignId == id && o.AnsweredAt == null, ct));
                break;
            default:
                // 定 is where a campaign starts; no step goes back to it.
                throw new DomainRuleException("Commitment.CampaignStage", "to");
        }

        if (to == CommitmentCampaignStatus.Approving)
        {
            // Leaving 定 closes the suggestion box: its rows are rewritten and their insert history erased first.
            var opinions = await Opinions.SuggestionBoxClosing.CloseAsync(db, secrecy, id, ct);
            db.AddAuditEvent("CommitmentCampaign.OpinionsClosed", nameof(CommitmentCampaign), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { Opinions = opinions });
        }

        db.AuditAction = $"CommitmentCampaign.{to}";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The request's rule data over the seed's defaults; a share given must be given whole.</summary>
    private static CommitmentRules Rules(CommitmentRulesRequest? r, FieldErrors errors)
    {
        var d = CommitmentRules.Default;
        if (r is null)
        {
            return d;
        }

        return d with
        {
            MinPerMember = r.MinPerMember ?? d.MinPerMember,
            MaxPerMember = r.MaxPerMember ?? d.MaxPerMember,
            Closure = ShareOf(r.Closure, d.Closure, "rules.closure", "Field.Commitment.Closure", errors),
            Rectification = ShareOf(r.Rectification, d.Rectification, "rules.rectification", "Field.Commitment.Rectification", errors),
            ApprovalLevels = r.ApprovalLevels ?? d.ApprovalLevels,
        };
    }

    private static Share ShareOf(ShareRequest? r, Share fallback, string field, string label, FieldErrors errors)
    {
        if (r is null)
        {
            return fallback;
        }

        if (r is not { Numerator: { } n, Denominator: { } den })
        {
            errors.Add(field, "Input.Required", label);
            return fallback;
        }

        return new Share(n, den, r.Inclusive ?? fallback.Inclusive);
    }
}
