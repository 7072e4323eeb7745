using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Notices;

/// <summary>
/// Changes to rectification notices (SUP-2): the department issues, verifies and closes them (Supervision.Notify on the
/// notice's organization); the addressed organization answers (Supervision.Write there, so a branch secretary answers
/// their own branch's). Each loads, calls one entity method, names the audit action and saves.
/// </summary>
public sealed class NoticeCommands(DangjianDbContext db, ScopeService scopes, CurrentUser user, OrgClock clock)
{
    public async Task<int> IssueAsync(IssueNoticeRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.SupervisionNotify, orgId, ct);
        var errors = new FieldErrors();
        if (r.TargetKind is null)
        {
            errors.Add("targetKind", "Input.Required", "Field.Notice.TargetKind");
        }

        if (r.TargetId is null)
        {
            errors.Add("targetId", "Input.Required", "Field.Notice.Target");
        }

        if (r.Deadline is null)
        {
            errors.Add("deadline", "Input.Required", "Field.Notice.Deadline");
        }

        errors.ThrowIfAny();
        if (!await TargetBelongsAsync(orgId, r.TargetKind!.Value, r.TargetId!.Value, ct))
        {
            throw new DomainRuleException("RectificationNotice.TargetNotInOrganization", "targetId");
        }

        var today = clock.Today;
        var notice = RectificationNotice.Issue(
            orgId, r.TargetKind.Value, r.TargetId.Value, r.Problem ?? string.Empty, r.Evidence ?? string.Empty, r.Deadline!.Value, user.Name, r.IssuedOn ?? today, today);
        db.RectificationNotices.Add(notice);
        db.AuditAction = "RectificationNotice.Issued";
        await db.SaveChangesAsync(ct);
        return notice.Id;
    }

    public async Task RespondAsync(int id, RespondNoticeRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var notice = await LoadAsync(id, Permission.SupervisionWrite, r.Version, ct);
        notice.Respond(r.Response ?? string.Empty, r.On ?? clock.Today, clock.Today);
        db.AuditAction = "RectificationNotice.Responded";
        await db.SaveChangesAsync(ct);
    }

    public async Task VerifyAsync(int id, VerifyNoticeRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var notice = await LoadAsync(id, Permission.SupervisionNotify, r.Version, ct);
        if (r.Holds is not { } holds)
        {
            throw new InputValidationException(new FieldErrors().Add("holds", "Input.Required", "Field.Notice.Holds"));
        }

        notice.Verify(holds, r.Note, user.Name, r.On ?? clock.Today, clock.Today);
        db.AuditAction = holds ? "RectificationNotice.Verified" : "RectificationNotice.Returned";
        await db.SaveChangesAsync(ct);
    }

    public async Task CloseAsync(int id, CloseNoticeRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var notice = await LoadAsync(id, Permission.SupervisionNotify, r.Version, ct);
        notice.Close(user.Name, r.On ?? clock.Today, clock.Today);
        db.AuditAction = "RectificationNotice.Closed";
        await db.SaveChangesAsync(ct);
    }

    private async Task<RectificationNotice> LoadAsync(int id, Permission permission, int version, CancellationToken ct)
    {
        var notice = await db.RectificationNotices.FirstOrDefaultAsync(n => n.Id == id, ct);
        await scopes.DemandRecordAsync(notice?.OrganizationId, "notice", id, permission, ct);
        db.ExpectVersion(notice!, version);
        return notice!;
    }

    /// <summary>A team is the organization's own; a cadre is on the rolls of its subtree.</summary>
    private async Task<bool> TargetBelongsAsync(int orgId, NoticeTargetKind kind, int targetId, CancellationToken ct)
    {
        if (kind == NoticeTargetKind.Team)
        {
            return await db.LeadershipTeams.AnyAsync(t => t.Id == targetId && t.OrganizationId == orgId, ct);
        }

        var path = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var subtree = ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]).Select(o => o.Id);
        return await db.People.AnyAsync(p => p.Id == targetId && !p.IsRemoved && subtree.Contains(p.OrganizationId), ct);
    }
}
