using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Awards;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Awards;

/// <summary>
/// 评先评优 (EVA-11) read by staff with Evaluations.Read over the selection's organization, and the facts of a nominee the
/// eligibility check reads from the other modules (<see cref="FactsAsync"/>).
/// </summary>
public sealed class AwardQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock, IStringLocalizer<RuleText> rules)
{
    /// <summary>The selections of the organizations the caller reads, newest year first, filtered by a word of the title.</summary>
    public async Task<Paged<AwardSelectionRow>> ListAsync(int? organizationId, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var readable = await scopes.OrganizationsAsync(Permission.EvaluationsRead, ct);
        var ids = readable.Select(o => o.Id);
        var q = db.AwardSelections.AsNoTracking().Where(s => ids.Contains(s.OrganizationId));
        if (organizationId is { } org)
        {
            await scopes.DemandAsync(Permission.EvaluationsRead, org, ct);
            q = q.Where(s => s.OrganizationId == org);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var word = search.Trim();
            q = q.Where(s => s.Title.Contains(word));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(s => s.Year).ThenByDescending(s => s.Id).Skip(new PageWindow(p, size).Skip).Take(size)
            .Select(s => new AwardSelectionRow(
                s.Id, s.OrganizationId, db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Name).First(), s.Year, s.Title, s.Status,
                s.Nominations.Count, s.Nominations.Count(n => n.Chosen)))
            .ToListAsync(ct);
        return new Paged<AwardSelectionRow>(rows, total, p, size);
    }

    /// <summary>The selection's organization, after the caller's scope on it is checked (404 when there is none).</summary>
    public async Task<int> DemandAsync(int id, Permission permission, CancellationToken ct = default)
    {
        var org = await db.AwardSelections.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(org, "awardSelection", id, permission, ct);
        return org!.Value;
    }

    public async Task<AwardSelectionView> GetAsync(int id, CancellationToken ct = default)
    {
        await DemandAsync(id, Permission.EvaluationsRead, ct);
        var s = await db.AwardSelections.AsNoTracking().Include(x => x.Nominations).Include(x => x.Objections).FirstAsync(x => x.Id == id, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        return View(s, name, await scopes.MayAsync(Permission.EvaluationsRun, s.OrganizationId, ct));
    }

    public AwardSelectionView View(AwardSelection s, string organizationName, bool canRun)
    {
        ArgumentNullException.ThrowIfNull(s);
        var names = s.Nominations.ToDictionary(n => n.Id, n => n.NomineeName);
        return new(
            s.Id, s.OrganizationId, organizationName, s.Year, s.Title, s.Status, s.OrganizationQuota, s.MemberQuota, s.PartyWorkerQuota,
            s.PublicityFrom, s.PublicityTo, s.AwardedOn,
            [.. s.Nominations.OrderBy(n => n.Category).ThenBy(n => n.Id).Select(n => new NominationView(
                n.Id, n.Category, n.PersonId, n.NomineeOrganizationId, n.NomineeName, n.NominatedBy, n.Statement, n.Eligibility,
                [.. n.Refusals.Select(Refusal)], n.Chosen, n.RemovedByObjection))],
            [.. s.Objections.OrderBy(o => o.Id).Select(o => new AwardObjectionView(
                o.Id, o.NominationId, names.GetValueOrDefault(o.NominationId, string.Empty), o.Text, o.FiledBy, o.FiledOn, o.Upheld, o.Answer, o.AnsweredBy, o.AnsweredOn))],
            canRun, s.Version);
    }

    /// <summary>A stored refusal (<c>Code(arg, …)</c>) as its code, arguments and message in the caller's language.</summary>
    public RefusalView Refusal(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var open = stored.IndexOf('(', StringComparison.Ordinal);
        var code = open < 0 ? stored : stored[..open];
        IReadOnlyList<string> args = open < 0 ? [] : stored[(open + 1)..^1].Split(", ");
        return new(code, args, FieldErrors.Localize(rules, code, [.. args.Cast<object>()]));
    }

    /// <summary>
    /// What the eligibility rules read of a nominee for <paramref name="year"/>: the grades of the evaluation results of that year
    /// (the campaigns' results once computed), the satisfaction votes and grades of the nominee's commitments graded in campaigns of
    /// that year, the rectification notices against them not yet closed (a cadre's own; for an organization, its leadership teams'),
    /// and whether a person is a probationary member.
    /// </summary>
    public async Task<NomineeFacts> FactsAsync(Nomination n, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(n);
        var results = db.EvaluationResults.AsNoTracking()
            .Join(db.EvaluationSubjects, r => r.SubjectId, s => s.Id, (r, s) => new { r.Grade, s.PersonId, s.SubjectOrganizationId, s.CampaignId })
            .Join(db.EvaluationCampaigns.Where(c => c.Year == year), x => x.CampaignId, c => c.Id, (x, c) => x);
        var grades = n.PersonId is { } pid
            ? await results.Where(x => x.PersonId == pid).Select(x => x.Grade).ToListAsync(ct)
            : await results.Where(x => x.SubjectOrganizationId == n.NomineeOrganizationId).Select(x => x.Grade).ToListAsync(ct);

        var commitments = db.Commitments.AsNoTracking()
            .Where(c => n.PersonId != null ? c.OwnerPersonId == n.PersonId : c.OwnerOrganizationId == n.NomineeOrganizationId)
            .Join(db.CommitmentCampaigns.Where(k => k.Year == year), c => c.CampaignId, k => k.Id, (c, k) => c.Id);
        var evaluations = await db.CommitmentEvaluations.AsNoTracking().Where(e => commitments.Contains(e.CommitmentId))
            .Select(e => new { e.Grade, e.Satisfied, e.BasicallySatisfied, e.Dissatisfied }).ToListAsync(ct);

        var open = db.RectificationNotices.AsNoTracking().Where(x => x.Status != RectificationNoticeStatus.Closed);
        int notices;
        bool? probationary = null;
        if (n.PersonId is { } person)
        {
            notices = await open.CountAsync(x => x.TargetKind == NoticeTargetKind.Cadre && x.TargetId == person, ct);
            probationary = await db.People.AsNoTracking().Where(p => p.Id == person).Select(p => (bool?)(p.Status == MemberStatus.Probationary)).FirstOrDefaultAsync(ct);
        }
        else
        {
            var teams = db.LeadershipTeams.AsNoTracking().Where(t => t.OrganizationId == n.NomineeOrganizationId).Select(t => t.Id);
            notices = await open.CountAsync(x => x.TargetKind == NoticeTargetKind.Team && teams.Contains(x.TargetId), ct);
        }

        return new NomineeFacts(
            n.Category, grades,
            [.. evaluations.Select(e => new SatisfactionTally(e.Satisfied, e.BasicallySatisfied, e.Dissatisfied))],
            [.. evaluations.Select(e => e.Grade)], notices, probationary);
    }

    /// <summary>The awards of a person, newest first, as far as the caller reads the person's organization.</summary>
    public async Task<IReadOnlyList<AwardRecordView>> OfPersonAsync(int personId, CancellationToken ct = default)
    {
        var org = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved).Select(p => (int?)p.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(org, "person", personId, Permission.EvaluationsRead, ct);
        return await Records(db.AwardRecords.Where(r => r.PersonId == personId), ct);
    }

    /// <summary>The awards of an organization (先进基层党组织), newest first.</summary>
    public async Task<IReadOnlyList<AwardRecordView>> OfOrganizationAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.EvaluationsRead, organizationId, ct);
        return await Records(db.AwardRecords.Where(r => r.NomineeOrganizationId == organizationId), ct);
    }

    /// <summary>The publicity page of a selection in 公示 or awarded; null otherwise (nothing to show the public).</summary>
    public async Task<PublicAwardView?> PublicAsync(int id, CancellationToken ct = default)
    {
        var s = await db.AwardSelections.AsNoTracking().Include(x => x.Nominations)
            .FirstOrDefaultAsync(x => x.Id == id && (x.Status == AwardSelectionStatus.Publicity || x.Status == AwardSelectionStatus.Awarded), ct);
        if (s is null)
        {
            return null;
        }

        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == s.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var today = clock.Today;
        return new PublicAwardView(
            s.Id, name, s.Year, s.Title, s.PublicityFrom!.Value, s.PublicityTo!.Value,
            s.Status == AwardSelectionStatus.Publicity && today >= s.PublicityFrom && today <= s.PublicityTo,
            [.. s.Nominations.Where(n => n.Chosen).OrderBy(n => n.Category).ThenBy(n => n.Id).Select(n => new PublicAwardNominee(n.Id, n.Category, n.NomineeName, n.Statement))]);
    }

    private static async Task<IReadOnlyList<AwardRecordView>> Records(IQueryable<AwardRecord> q, CancellationToken ct) =>
        await q.AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.Id)
            .Select(r => new AwardRecordView(r.Id, r.SelectionId, r.Year, r.Title, r.Category, r.NomineeName, r.AwardedOn)).ToListAsync(ct);
}
