using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Delegates.Duties;

/// <summary>
/// 质询 and 罢免 (DEL-4) as staff read them (Delegates.Read on the term's organization) and as their signers read them.
/// </summary>
public sealed class MotionQueries(DangjianDbContext db, ScopeService scopes, DelegateMotionRules rules)
{
    /// <summary>A page of a term's motions, the latest first, by kind and status, with the thresholds as they stand today.</summary>
    public async Task<MotionListView> ListAsync(int? termId, MotionKind? kind, MotionStatus? status, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (items, canManage, t) = await ScopedAsync(termId, ct);
        if (kind is { } k)
        {
            items = items.Where(m => m.Kind == k);
        }

        if (status is { } s)
        {
            items = items.Where(m => m.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            items = items.Where(m => m.Subject.Contains(text));
        }

        var total = await items.CountAsync(ct);
        var rows = await Rows(items.OrderByDescending(m => m.FiledOn).ThenByDescending(m => m.Id).Skip(new PageWindow(p, size).Skip).Take(size)).ToListAsync(ct);
        var serving = await db.DelegateSeats.CountAsync(x => x.TermId == t && x.Status == DelegateStatus.Serving, ct);
        return new MotionListView(new Paged<MotionRow>(rows, total, p, size), canManage, serving,
            rules.RequiredSigners(MotionKind.Inquiry, serving), rules.RequiredSigners(MotionKind.Recall, serving));
    }

    public async Task<IReadOnlyList<MotionRow>> AllAsync(int? termId, CancellationToken ct = default)
    {
        var (items, _, _) = await ScopedAsync(termId, ct);
        return await Rows(items.OrderByDescending(m => m.FiledOn).ThenByDescending(m => m.Id)).ToListAsync(ct);
    }

    /// <summary>One motion, to staff of the term or to one of its signers, or to a serving delegate of the term while it may be co-signed.</summary>
    public async Task<MotionView> GetAsync(int id, CancellationToken ct = default)
    {
        var keys = await db.DelegateMotions.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.OrganizationId, m.TermId }).FirstOrDefaultAsync(ct);
        var person = await scopes.CurrentPersonIdAsync(ct);
        var delegateOfTerm = keys is not null && person is { } pid && await db.DelegateSeats.AnyAsync(s => s.TermId == keys.TermId && s.PersonId == pid && s.Status == DelegateStatus.Serving, ct);
        if (!delegateOfTerm)
        {
            await scopes.DemandRecordAsync(keys?.OrganizationId, "delegateMotion", id, Permission.DelegatesRead, ct);
        }

        var motion = await db.DelegateMotions.AsNoTracking().Include(m => m.Signers).FirstAsync(m => m.Id == id, ct);
        return await ViewAsync(motion, person, ct);
    }

    /// <summary>
    /// The elections a recall's vote may cite (those of the term's organization or below, as
    /// <see cref="MotionCommands.RecordVoteAsync"/> accepts) with their rounds, the latest first; for those who manage the term.
    /// </summary>
    public async Task<IReadOnlyList<ElectionChoice>> ElectionChoicesAsync(int id, CancellationToken ct = default)
    {
        var orgId = await db.DelegateMotions.AsNoTracking().Where(m => m.Id == id).Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "delegateMotion", id, Permission.DelegatesManage, ct);
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var projects = await db.ElectionProjects.AsNoTracking()
            .Where(p => db.Organizations.Any(o => o.Id == p.OrganizationId && o.Path.StartsWith(root)))
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var rounds = (await db.ElectionRounds.AsNoTracking().Where(r => ids.Contains(r.ProjectId)).Select(r => new { r.Id, r.ProjectId, r.Title }).ToListAsync(ct))
            .ToLookup(r => r.ProjectId);
        return [.. projects.OrderByDescending(p => p.Id).Select(p => new ElectionChoice(
            p.Id, p.Title, [.. rounds[p.Id].OrderBy(r => r.Id).Select(r => new LinkChoice(r.Id, r.Title))]))];
    }

    /// <summary>The motions of the signed-in person's terms that they signed or may still co-sign, the latest first.</summary>
    public async Task<IReadOnlyList<MotionView>> MineAsync(CancellationToken ct = default)
    {
        if (await scopes.CurrentPersonIdAsync(ct) is not { } personId)
        {
            return [];
        }

        var terms = await db.DelegateSeats.AsNoTracking().Where(s => s.PersonId == personId && s.Status == DelegateStatus.Serving).Select(s => s.TermId).ToListAsync(ct);
        var motions = await db.DelegateMotions.AsNoTracking().Include(m => m.Signers)
            .Where(m => m.Signers.Any(s => s.PersonId == personId) || (terms.Contains(m.TermId) && m.Status == MotionStatus.Filed))
            .OrderByDescending(m => m.FiledOn).ThenByDescending(m => m.Id).Take(50).ToListAsync(ct);
        var views = new List<MotionView>();
        foreach (var m in motions)
        {
            views.Add(await ViewAsync(m, personId, ct));
        }

        return views;
    }

    public async Task<MotionView> ViewAsync(DelegateMotion m, int? personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(m);
        var term = await db.CongressTerms.AsNoTracking().Where(t => t.Id == m.TermId)
            .Select(t => new { t.Number, Name = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First() }).FirstAsync(ct);
        var ids = m.Signers.Select(s => s.PersonId).Append(m.TargetPersonId ?? 0).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var mayCoSign = personId is { } me && m.Status == MotionStatus.Filed && m.Signers.All(s => s.PersonId != me) && m.TargetPersonId != me
            && await db.DelegateSeats.AnyAsync(s => s.TermId == m.TermId && s.PersonId == me && s.Status == DelegateStatus.Serving, ct);
        var rights = new MotionRights(
            await scopes.MayAsync(Permission.DelegatesManage, m.OrganizationId, ct), await scopes.MayAsync(Permission.DelegatesAnswer, m.OrganizationId, ct), mayCoSign);
        return new MotionView(
            m.Id, m.TermId, term.Number, term.Name, m.Kind, m.Target, m.TargetPersonId, m.TargetPersonId is { } tp ? names.GetValueOrDefault(tp) : null,
            m.Subject, m.Grounds, m.FiledOn, m.FiledBy, m.Status, m.ReviewedOn, m.SignersCounted, m.SignersRequired, m.ServingDelegates,
            m.AnswerText, m.AnsweredBy, m.AnsweredOn, m.VotesFor, m.VotesAgainst, m.VotesAbstain, m.VotedOn, m.ElectionProjectId, m.ElectionRoundId, m.Outcome, m.ClosedOn,
            [.. m.Signers.OrderByDescending(s => s.IsLead).ThenBy(s => s.Id).Select(s => new MotionSignerView(s.PersonId, names.GetValueOrDefault(s.PersonId) ?? string.Empty, s.IsLead, s.SignedOn))],
            m.Version, rights);
    }

    /// <summary>The people a staff filing form offers (<see cref="MotionFilingChoices"/>), for those who manage the term.</summary>
    public async Task<MotionFilingChoices> FilingChoicesAsync(int termId, DateOnly today, CancellationToken ct = default)
    {
        var orgId = await db.CongressTerms.AsNoTracking().Where(x => x.Id == termId).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", termId, Permission.DelegatesManage, ct);
        var delegates = await db.DelegateSeats.AsNoTracking().Where(s => s.TermId == termId && s.Status == DelegateStatus.Serving)
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { p.Id, p.Name }).ToListAsync(ct);
        var teams = await db.LeadershipTeams.AsNoTracking().Where(t => t.OrganizationId == orgId).InOffice(db.LeadershipTeams, today).Select(t => t.Id).ToListAsync(ct);
        var committee = await db.TeamPositions.AsNoTracking().Where(s => teams.Contains(s.TeamId)).HeldOn(today)
            .Join(db.People.Where(p => !p.IsRemoved), s => s.PersonId, p => p.Id, (s, p) => new { p.Id, p.Name }).ToListAsync(ct);
        return new MotionFilingChoices(Choices(delegates.Select(d => (d.Id, d.Name))), Choices(committee.Select(c => (c.Id, c.Name))));

        static List<MotionPersonChoice> Choices(IEnumerable<(int Id, string Name)> people) =>
            [.. people.DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new MotionPersonChoice(p.Id, p.Name))];
    }

    private IQueryable<MotionRow> Rows(IQueryable<DelegateMotion> items) =>
        items.Select(m => new MotionRow(
            m.Id, m.TermId, m.Kind, m.Target, db.People.Where(p => p.Id == m.TargetPersonId).Select(p => p.Name).FirstOrDefault(), m.Subject, m.FiledOn,
            m.Signers.Count, m.Status, m.Outcome));

    private async Task<(IQueryable<DelegateMotion> Items, bool CanManage, int TermId)> ScopedAsync(int? termId, CancellationToken ct)
    {
        if (termId is not { } t)
        {
            throw new InputValidationException(new FieldErrors().Add("termId", "Input.Required", "Field.Motion.Term"));
        }

        var orgId = await db.CongressTerms.AsNoTracking().Where(x => x.Id == t).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", t, Permission.DelegatesRead, ct);
        return (db.DelegateMotions.AsNoTracking().Where(m => m.TermId == t), await scopes.MayAsync(Permission.DelegatesManage, orgId!.Value, ct), t);
    }
}
