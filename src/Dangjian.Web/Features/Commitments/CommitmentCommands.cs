using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments;

/// <summary>
/// Changes to commitment items (定、审, CMT-1 … CMT-3). The clerk enters, edits and submits items for anyone whose
/// organization is in their Commitments.Run scope and inside the campaign; a member does the same for themselves alone on
/// their own page (<see cref="MyCommitmentCommands"/>). A level decides with Commitments.Review on the organization that
/// holds that level for the item: the member's branch (支委会), the nearest party committee above it (党委会), or the
/// organization above that committee (上级党组织).
/// </summary>
public sealed class CommitmentCommands(DangjianDbContext db, ScopeService scopes, CommitmentQueries queries, CommitmentInputs inputs, CurrentUser user, TimeProvider time)
{
    public async Task<int> CreateAsync(int campaignId, NewCommitmentRequest r, CancellationToken ct = default)
    {
        var (campaign, campaignPath) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRun, ct);
        var scope = await scopes.GetAsync(ct);
        Commitment item;
        if (r.PersonId is { } personId && r.OwnerOrganizationId is null)
        {
            var person = await inputs.PersonAsync(personId, ct);
            if (person is null || !scope.Allows(Permission.CommitmentsRun, person.Value.Path) || !OrganizationTree.IsWithin(person.Value.Path, campaignPath))
            {
                throw new InputValidationException(new FieldErrors().Add("personId", "Input.UnknownPerson"));
            }

            var content = await inputs.ContentAsync(campaignId, r.Item, person.Value.Name, personId, campaignPath, ct);
            item = Commitment.ForMember(campaign, personId, content, queries.Today);
        }
        else if (r.OwnerOrganizationId is { } orgId && r.PersonId is null)
        {
            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Path, o.Kind }).FirstOrDefaultAsync(ct);
            if (org is null || !scope.Allows(Permission.CommitmentsRun, org.Path) || !OrganizationTree.IsWithin(org.Path, campaignPath))
            {
                throw new InputValidationException(new FieldErrors().Add("ownerOrganizationId", "Input.UnknownOrganization"));
            }

            var content = await inputs.ContentAsync(campaignId, r.Item, null, null, campaignPath, ct);
            item = Commitment.ForOrganization(campaign, orgId, CommitmentRules.LevelOf(org.Kind), r.Direction ?? CommitmentDirection.Upward, content, queries.Today);
        }
        else
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Commitment.OneOwner"));
        }

        db.Commitments.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task UpdateAsync(int campaignId, int commitmentId, UpdateCommitmentRequest r, CancellationToken ct = default)
    {
        var (item, campaign, ownerPath, campaignPath) = await LoadAsync(campaignId, commitmentId, ct);
        await DemandOnAsync(Permission.CommitmentsRun, ownerPath, ct);
        db.ExpectVersion(item, r.Version);
        item.Edit(campaign, await inputs.ContentAsync(campaignId, r.Item, null, null, campaignPath, ct), queries.Today);
        db.AuditAction = "Commitment.Edited";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Submits one owner's drafts and returned items, the member's within the per-member bound (2—5件).</summary>
    public async Task SubmitAsync(int campaignId, SubmitCommitmentsRequest r, CancellationToken ct = default)
    {
        var (campaign, _) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRun, ct);
        string? path = null;
        if (r.PersonId is { } personId && r.OwnerOrganizationId is null)
        {
            path = (await inputs.PersonAsync(personId, ct))?.Path;
        }
        else if (r.OwnerOrganizationId is { } orgId && r.PersonId is null)
        {
            path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        }
        else
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Commitment.OneOwner"));
        }

        if (path is null || !(await scopes.GetAsync(ct)).Allows(Permission.CommitmentsRun, path))
        {
            throw new InputValidationException(new FieldErrors().Add(r.PersonId is null ? "ownerOrganizationId" : "personId", r.PersonId is null ? "Input.UnknownOrganization" : "Input.UnknownPerson"));
        }

        var items = await db.Commitments.Where(i => i.CampaignId == campaignId)
            .Where(i => r.PersonId != null ? i.OwnerPersonId == r.PersonId : i.OwnerOrganizationId == r.OwnerOrganizationId && i.OwnerPersonId == null)
            .OrderBy(i => i.Id).ToListAsync(ct);
        campaign.Submit(items, user.Name, time.GetUtcNow());
        db.AuditAction = "Commitment.Submitted";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>审核 at one level: approve, return with a comment (退回修改), or reject with a comment (不予通过).</summary>
    public async Task DecideAsync(int campaignId, int commitmentId, DecideCommitmentRequest r, CancellationToken ct = default)
    {
        var (item, campaign, ownerPath, _) = await LoadAsync(campaignId, commitmentId, ct);
        var errors = new FieldErrors();
        if (r.Level is not { } level || !Enum.IsDefined(level))
        {
            errors.Add("level", "Input.Required", "Field.Commitment.Level");
        }

        if (r.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            errors.Add("decision", "Input.Required", "Field.Commitment.Decision");
        }

        errors.ThrowIfAny();
        var approver = await ApproverAsync(ownerPath, r.Level!.Value, ct) ?? throw new DomainRuleException("Commitment.NoApprover", "level");
        await scopes.DemandAsync(Permission.CommitmentsReview, approver, ct);
        db.ExpectVersion(item, r.Version);
        item.Decide(campaign, r.Level.Value, r.Decision!.Value, r.Comment, user.Name, time.GetUtcNow());
        db.AuditAction = r.Decision switch
        {
            ApprovalDecision.Approve => "Commitment.Approved",
            ApprovalDecision.Return => "Commitment.Returned",
            _ => "Commitment.Rejected",
        };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The organization that holds <paramref name="level"/> for an item of the organization at <paramref name="ownerPath"/>:
    /// for 支委会 that organization itself; for 党委会 the nearest party committee on its path (a district, township or
    /// street committee: tier 0 or 1); for 上级党组织 the organization above that committee. None when the tree has none.
    /// </summary>
    internal async Task<int?> ApproverAsync(string ownerPath, ApprovalLevel level, CancellationToken ct)
    {
        var ids = OrganizationTree.Ids(ownerPath);
        var chain = (await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Kind, o.ParentId }).ToListAsync(ct))
            .OrderBy(o => ids.ToList().IndexOf(o.Id)).ToList();
        var committee = chain.LastOrDefault(o => o.Kind.Tier() <= 1);
        return level switch
        {
            ApprovalLevel.Branch => ids[^1],
            ApprovalLevel.Committee => committee?.Id,
            _ => committee?.ParentId,
        };
    }

    /// <summary>
    /// The item, tracked, with its campaign, the path of the organization it belongs to and the campaign's; an item the
    /// caller cannot read is not found, as one that does not exist.
    /// </summary>
    private async Task<(Commitment Item, CommitmentCampaign Campaign, string OwnerPath, string CampaignPath)> LoadAsync(int campaignId, int commitmentId, CancellationToken ct)
    {
        var (campaign, campaignPath) = await queries.DemandCampaignAsync(campaignId, Permission.CommitmentsRead, ct);
        var item = await db.Commitments.FirstOrDefaultAsync(i => i.Id == commitmentId && i.CampaignId == campaignId, ct)
            ?? throw new NotFoundException("commitment", commitmentId);
        var owner = (await queries.OwnersAsync([item], ct))[item.Id];
        if (!(await scopes.GetAsync(ct)).Allows(Permission.CommitmentsRead, owner.Path))
        {
            throw new NotFoundException("commitment", commitmentId);
        }

        return (item, campaign, owner.Path, campaignPath);
    }

    private async Task DemandOnAsync(Permission permission, string path, CancellationToken ct)
    {
        if (!(await scopes.GetAsync(ct)).Allows(permission, path))
        {
            throw new ScopeRefusedException();
        }
    }
}

/// <summary>
/// The signed-in member's own items (/api/v1/me/commitments): found from the person the account is linked to, never from an
/// id the caller sends; a campaign that does not cover their organization, or an item not theirs, is not found.
/// </summary>
public sealed class MyCommitmentCommands(DangjianDbContext db, CommitmentQueries queries, CommitmentInputs inputs, CurrentUser user, TimeProvider time)
{
    public async Task<int> CreateAsync(int campaignId, CommitmentRequest r, CancellationToken ct = default)
    {
        var (me, campaign, campaignPath) = await CampaignAsync(campaignId, ct);
        var item = Commitment.ForMember(campaign, me.PersonId, await inputs.ContentAsync(campaignId, r, me.Name, me.PersonId, campaignPath, ct), queries.Today);
        db.Commitments.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task UpdateAsync(int campaignId, int commitmentId, UpdateCommitmentRequest r, CancellationToken ct = default)
    {
        var (me, campaign, campaignPath) = await CampaignAsync(campaignId, ct);
        var item = await db.Commitments.FirstOrDefaultAsync(i => i.Id == commitmentId && i.CampaignId == campaignId && i.OwnerPersonId == me.PersonId, ct)
            ?? throw new NotFoundException("commitment", commitmentId);
        db.ExpectVersion(item, r.Version);
        item.Edit(campaign, await inputs.ContentAsync(campaignId, r.Item, me.Name, me.PersonId, campaignPath, ct), queries.Today);
        db.AuditAction = "Commitment.Edited";
        await db.SaveChangesAsync(ct);
    }

    public async Task SubmitAsync(int campaignId, CancellationToken ct = default)
    {
        var (me, campaign, _) = await CampaignAsync(campaignId, ct);
        var items = await db.Commitments.Where(i => i.CampaignId == campaignId && i.OwnerPersonId == me.PersonId).OrderBy(i => i.Id).ToListAsync(ct);
        campaign.Submit(items, user.Name, time.GetUtcNow());
        db.AuditAction = "Commitment.Submitted";
        await db.SaveChangesAsync(ct);
    }

    private async Task<((int PersonId, string Name, string Path) Me, CommitmentCampaign Campaign, string Path)> CampaignAsync(int campaignId, CancellationToken ct)
    {
        var me = await queries.MeAsync(ct);
        var found = await db.CommitmentCampaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { Campaign = c, o.Path }).FirstOrDefaultAsync(ct);
        if (me is null || found is null || !OrganizationTree.IsWithin(me.Value.Path, found.Path))
        {
            throw new NotFoundException("commitment campaign", campaignId);
        }

        return (me.Value, found.Campaign, found.Path);
    }
}

/// <summary>The input checks the clerk's and the member's entries share: the deadline given, the people and opinions named real.</summary>
public sealed class CommitmentInputs(DangjianDbContext db)
{
    /// <summary>A person on the roll with their name and organization's path; null for an unknown or removed one.</summary>
    public async Task<(string Name, string Path)?> PersonAsync(int personId, CancellationToken ct)
    {
        var p = await db.People.AsNoTracking().Where(x => x.Id == personId && !x.IsRemoved)
            .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new { x.Name, o.Path }).FirstOrDefaultAsync(ct);
        return p is null ? null : (p.Name, p.Path);
    }

    /// <summary>
    /// The item's content; the responsible person defaults to the owner (<paramref name="ownerName"/>) when none is named.
    /// A responsible person given by id must be on the roll inside the campaign, and every cited opinion the campaign's.
    /// </summary>
    public async Task<CommitmentContent> ContentAsync(
        int campaignId, CommitmentRequest r, string? ownerName, int? ownerPersonId, string campaignPath, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (r.Deadline is null)
        {
            errors.Add("deadline", "Input.Required", "Field.Commitment.Deadline");
        }

        if (r.ResponsiblePersonId is { } pid && pid > 0 && (await PersonAsync(pid, ct) is not { } responsible || !OrganizationTree.IsWithin(responsible.Path, campaignPath)))
        {
            errors.Add("responsiblePersonId", "Input.UnknownPerson");
        }

        var cited = (r.CitedOpinionIds ?? []).Distinct().ToList();
        if (cited.Count > 0 && cited.Count <= Commitment.MaxCitedOpinions
            && await db.CommitmentOpinions.AsNoTracking().CountAsync(o => o.CampaignId == campaignId && cited.Contains(o.Id), ct) != cited.Count)
        {
            errors.Add("citedOpinionIds", "Commitment.UnknownOpinion");
        }

        errors.ThrowIfAny();
        var named = !string.IsNullOrWhiteSpace(r.ResponsibleName);
        return new CommitmentContent(
            r.Content ?? string.Empty, r.Measures ?? string.Empty, r.Deadline!.Value,
            named ? r.ResponsibleName! : ownerName ?? string.Empty,
            r.ResponsiblePersonId ?? (named ? null : ownerPersonId),
            r.CitedOpinionIds);
    }
}
