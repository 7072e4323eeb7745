using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Delegates.Duties;

/// <summary>
/// The steps of 质询 and 罢免 (DEL-4), each one entity call on <see cref="DelegateMotion"/>, audited and saved: filing by a
/// serving delegate (Mine.Use) or by staff on a delegate's behalf (Delegates.Manage), co-signing by a serving delegate of the
/// term (Mine.Use), review against the threshold, the vote and closing (Delegates.Manage on the term's organization), the
/// answer to an inquiry (Delegates.Answer on the term's organization: its committee or discipline commission answers).
/// </summary>
public sealed class MotionCommands(DangjianDbContext db, ScopeService scopes, MotionQueries queries, CurrentUser user, OrgClock clock, DelegateMotionRules rules)
{
    public async Task<MotionView> FileAsync(FileMotionRequest r, CancellationToken ct = default)
    {
        var term = await TermAsync(r.TermId, ct);
        return await FileAsync(term, r.LeadPersonId ?? 0, r.CoSignerPersonIds, r.Kind, r.Target, r.TargetPersonId, r.Subject, r.Grounds, ct);
    }

    /// <summary>The signed-in person files a motion they lead: a serving delegate of the term (else a 400 on <c>leadPersonId</c>).</summary>
    public async Task<MotionView> FileMineAsync(FileMyMotionRequest r, CancellationToken ct = default)
    {
        var personId = await scopes.CurrentPersonIdAsync(ct) ?? 0;
        if (r.TermId is not { } termId)
        {
            throw new InputValidationException(new FieldErrors().Add("termId", "Input.Required", "Field.Motion.Term"));
        }

        var term = await db.CongressTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == termId, ct) ?? throw new NotFoundException("congressTerm", termId);
        return await FileAsync(term, personId, r.CoSignerPersonIds, r.Kind, r.Target, r.TargetPersonId, r.Subject, r.Grounds, ct);
    }

    /// <summary>联名: the signed-in person, a serving delegate of the term, joins a filed motion.</summary>
    public async Task<MotionView> CoSignAsync(int id, MotionStepRequest r, CancellationToken ct = default)
    {
        var personId = await scopes.CurrentPersonIdAsync(ct);
        var termId = await db.DelegateMotions.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.TermId).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("delegateMotion", id);
        var seat = personId is null ? null : await db.DelegateSeats.AsNoTracking().FirstOrDefaultAsync(s => s.TermId == termId && s.PersonId == personId, ct);
        if (seat is null)
        {
            throw new ScopeRefusedException();
        }

        var motion = await TrackedAsync(id, r.Version, ct);
        motion.CoSign(seat, clock.Today);
        motion.Version++;
        db.AuditAction = "DelegateMotion.CoSigned";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(motion, personId, ct);
    }

    /// <summary>审查 against the threshold, counting the signers still serving: accepted, or refused with the count.</summary>
    public async Task<MotionView> ReviewAsync(int id, MotionStepRequest r, CancellationToken ct = default)
    {
        var motion = await LoadAsync(id, r.Version, Permission.DelegatesManage, ct);
        var seats = await db.DelegateSeats.AsNoTracking().Where(s => s.TermId == motion.TermId).ToListAsync(ct);
        motion.Review(seats, rules, clock.Today);
        db.AuditAction = motion.Status == MotionStatus.Accepted ? "DelegateMotion.Accepted" : "DelegateMotion.Refused";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(motion, null, ct);
    }

    public async Task<MotionView> AnswerAsync(int id, AnswerMotionRequest r, CancellationToken ct = default)
    {
        var motion = await LoadAsync(id, r.Version, Permission.DelegatesAnswer, ct);
        motion.Answer(r.Text ?? string.Empty, user.Name, clock.Today);
        db.AuditAction = "DelegateMotion.Answered";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(motion, null, ct);
    }

    /// <summary>表决 of a recall: the counts against the term's serving delegates today; the election project must be of the term's subtree.</summary>
    public async Task<MotionView> RecordVoteAsync(int id, RecordMotionVoteRequest r, CancellationToken ct = default)
    {
        var motion = await LoadAsync(id, r.Version, Permission.DelegatesManage, ct);
        var errors = new FieldErrors();
        if (r.VotesFor is null)
        {
            errors.Add("votesFor", "Input.Required", "Field.Motion.VotesFor");
        }

        if (r.VotesAgainst is null)
        {
            errors.Add("votesAgainst", "Input.Required", "Field.Motion.VotesAgainst");
        }

        if (r.ElectionProjectId is { } pid)
        {
            var root = await db.Organizations.AsNoTracking().Where(o => o.Id == motion.OrganizationId).Select(o => o.Path).FirstAsync(ct);
            if (!await db.ElectionProjects.AsNoTracking().AnyAsync(p => p.Id == pid && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(root)), ct))
            {
                errors.Add("electionProjectId", "Delegates.OutsideTheTerm", "Field.Motion.ElectionProject");
            }
            else if (r.ElectionRoundId is { } rid && !await db.ElectionRounds.AsNoTracking().AnyAsync(x => x.Id == rid && x.ProjectId == pid, ct))
            {
                errors.Add("electionRoundId", "Motion.RoundOfAnotherProject");
            }
        }

        errors.ThrowIfAny();
        var serving = await db.DelegateSeats.CountAsync(s => s.TermId == motion.TermId && s.Status == DelegateStatus.Serving, ct);
        motion.RecordVote(r.VotesFor!.Value, r.VotesAgainst!.Value, r.VotesAbstain ?? 0, serving, r.ElectionProjectId, r.ElectionRoundId, rules, clock.Today);
        db.AuditAction = "DelegateMotion.Voted";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(motion, null, ct);
    }

    public async Task<MotionView> CloseAsync(int id, MotionStepRequest r, CancellationToken ct = default)
    {
        var motion = await LoadAsync(id, r.Version, Permission.DelegatesManage, ct);
        motion.Close(clock.Today);
        db.AuditAction = "DelegateMotion.Closed";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(motion, null, ct);
    }

    private async Task<MotionView> FileAsync(
        CongressTerm term, int leadPersonId, IReadOnlyList<int>? coSigners, MotionKind? kind, MotionTarget? target, int? targetPersonId, string? subject, string? grounds, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Motion.Kind");
        }

        if (target is null)
        {
            errors.Add("target", "Input.Required", "Field.Motion.Target");
        }

        errors.ThrowIfAny();
        var seats = await db.DelegateSeats.AsNoTracking().Where(s => s.TermId == term.Id).ToListAsync(ct);
        if (target == MotionTarget.CommitteeMember && targetPersonId is { } tp && !await db.People.AnyAsync(p => p.Id == tp, ct))
        {
            throw new InputValidationException(new FieldErrors().Add("targetPersonId", "Input.Required", "Field.Motion.TargetPerson"));
        }

        var motion = DelegateMotion.File(term, seats, leadPersonId, coSigners ?? [], kind!.Value, target!.Value, targetPersonId, subject ?? string.Empty, grounds ?? string.Empty, user.Name, clock.Today);
        db.DelegateMotions.Add(motion);
        db.AuditAction = "DelegateMotion.Filed";
        await db.SaveChangesAsync(ct);
        return await queries.ViewAsync(motion, null, ct);
    }

    private async Task<CongressTerm> TermAsync(int? termId, CancellationToken ct)
    {
        if (termId is not { } id)
        {
            throw new InputValidationException(new FieldErrors().Add("termId", "Input.Required", "Field.Motion.Term"));
        }

        var orgId = await db.CongressTerms.AsNoTracking().Where(t => t.Id == id).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", id, Permission.DelegatesManage, ct);
        return await db.CongressTerms.AsNoTracking().FirstAsync(t => t.Id == id, ct);
    }

    private async Task<DelegateMotion> LoadAsync(int id, int version, Permission permission, CancellationToken ct)
    {
        var orgId = await db.DelegateMotions.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "delegateMotion", id, permission, ct);
        return await TrackedAsync(id, version, ct);
    }

    private async Task<DelegateMotion> TrackedAsync(int id, int version, CancellationToken ct)
    {
        var motion = await db.DelegateMotions.Include(m => m.Signers).FirstAsync(m => m.Id == id, ct);
        db.ExpectVersion(motion, version);
        return motion;
    }
}
