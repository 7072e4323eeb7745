using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Supervision;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organizations;

/// <summary>
/// 合并 (ORG-1): organization B merged into A. The rule is <see cref="OrganizationMerge"/>; this loads what it needs, moves
/// what carries on under A — the people on B's roll, B's units (as their organization and as the area they lie in), the
/// service requests B raised or was asked and that are still open, and the rectification notices to B's cadres not yet
/// closed —
/// and saves it all at once, every changed row in the audit log under the action "Organization.Merged".
/// What is closed stays B's (meetings held, decisions, elections, teams and their terms, evaluations): B stays readable,
/// marked merged into A, and A's page lists B.
/// </summary>
public sealed class OrganizationMerger(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    /// <summary>What merging <paramref name="id"/> into <paramref name="intoId"/> would move and what stops it, changing nothing.</summary>
    public async Task<MergePreview> PreviewAsync(int id, int? intoId, CancellationToken ct = default)
    {
        var (from, into) = await LoadPairAsync(id, intoId, tracked: false, ct);
        var blockers = await BlockersAsync(id, ct);
        string? refusal = null;
        try
        {
            OrganizationMerge.EnsureMayMerge(from, into, blockers);
        }
        catch (DomainRuleException e)
        {
            refusal = e.Code;
        }

        return new MergePreview(
            Ref(from),
            Ref(into),
            await db.People.CountAsync(p => p.OrganizationId == id && !p.IsRemoved, ct),
            await db.Organizations.CountAsync(o => o.ParentId == id && o.Status == OrganizationStatus.Active, ct),
            await db.Units.CountAsync(u => u.OrganizationId == id || u.AreaOrganizationId == id, ct),
            await OpenRequests(id).CountAsync(ct),
            await OpenNotices(id, NoticeTargetKind.Cadre).CountAsync(ct),
            blockers,
            await db.RoleAssignments.Where(r => r.OrganizationId == id).Select(r => r.UserId).Distinct().CountAsync(ct),
            refusal);
    }

    public async Task MergeAsync(int id, MergeOrganizationRequest request, CancellationToken ct = default)
    {
        var (from, into) = await LoadPairAsync(id, request.IntoId, tracked: true, ct);
        db.ExpectVersion(from, request.Version);
        var descendants = await db.Organizations.Where(o => o.Path.StartsWith(from.Path) && o.Id != id).ToListAsync(ct);
        var blockers = await BlockersAsync(id, ct);
        OrganizationMerge.Merge(from, into, descendants, blockers, request.On ?? clock.Today, clock.Today);

        foreach (var person in await db.People.Where(p => p.OrganizationId == id && !p.IsRemoved).ToListAsync(ct))
        {
            person.OrganizationId = into.Id;
        }

        foreach (var unit in await db.Units.Where(u => u.OrganizationId == id || u.AreaOrganizationId == id).ToListAsync(ct))
        {
            unit.OrganizationId = unit.OrganizationId == id ? into.Id : unit.OrganizationId;
            unit.AreaOrganizationId = unit.AreaOrganizationId == id ? into.Id : unit.AreaOrganizationId;
        }

        foreach (var need in await OpenRequests(id).ToListAsync(ct))
        {
            need.OrganizationId = need.OrganizationId == id ? into.Id : need.OrganizationId;
            need.ToOrganizationId = need.ToOrganizationId == id ? into.Id : need.ToOrganizationId;
        }

        foreach (var notice in await OpenNotices(id, NoticeTargetKind.Cadre).ToListAsync(ct))
        {
            notice.OrganizationId = into.Id;
        }

        db.AuditAction = "Organization.Merged";
        await db.SaveChangesAsync(ct);
        scopes.Invalidate();
    }

    /// <summary>Both organizations, after the caller's restructuring scope over each (B's first, before the input is read); the target is required.</summary>
    private async Task<(Organization From, Organization Into)> LoadPairAsync(int id, int? intoId, bool tracked, CancellationToken ct)
    {
        await scopes.DemandAsync(Permission.OrganizationsRestructure, id, ct);
        if (intoId is null)
        {
            throw new InputValidationException(new FieldErrors().Add("intoId", "Input.Required", "Field.MergeInto"));
        }

        await scopes.DemandAsync(Permission.OrganizationsRestructure, intoId.Value, ct);
        var orgs = tracked ? db.Organizations : db.Organizations.AsNoTracking();
        var from = await orgs.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("organization", id);
        var into = await orgs.FirstOrDefaultAsync(o => o.Id == intoId, ct) ?? throw new NotFoundException("organization", intoId.Value);
        return (from, into);
    }

    /// <summary>Work under way in B that belongs to B's own roll or team (see <see cref="MergeBlockers"/>).</summary>
    private async Task<MergeBlockers> BlockersAsync(int id, CancellationToken ct) => new(
        await db.Meetings.CountAsync(m => m.OrganizationId == id && m.Status != MeetingStatus.Closed && m.Status != MeetingStatus.Cancelled, ct),
        await db.DemocraticLifeMeetings.CountAsync(m => m.OrganizationId == id && m.Status != DemocraticLifeStatus.Held, ct),
        await db.ElectionProjects.CountAsync(p => p.OrganizationId == id && p.ClosedAt == null, ct),
        await db.EvaluationCampaigns.CountAsync(c => c.OrganizationId == id && c.Status != Domain.Evaluations.CampaignStatus.Finalized, ct),
        await db.Surveys.CountAsync(s => s.OrganizationId == id && s.Status != SurveyStatus.Closed, ct),
        await db.RaisedMatters.CountAsync(m => m.OrganizationId == id && m.Status == RaisedMatterStatus.Raised, ct),
        await OpenNotices(id, NoticeTargetKind.Team).CountAsync(ct));

    private IQueryable<Domain.Services.ServiceRequest> OpenRequests(int id) =>
        db.ServiceRequests.Where(r => (r.OrganizationId == id || r.ToOrganizationId == id)
            && (r.Status == Domain.Services.ServiceRequestStatus.Raised || r.Status == Domain.Services.ServiceRequestStatus.TakenUp || r.Status == Domain.Services.ServiceRequestStatus.Answered));

    private IQueryable<RectificationNotice> OpenNotices(int id, NoticeTargetKind target) =>
        db.RectificationNotices.Where(n => n.OrganizationId == id && n.TargetKind == target && n.Status != RectificationNoticeStatus.Closed);

    private static OrganizationRef Ref(Organization o) => new(o.Id, o.Code, o.Name, o.Kind);
}
