using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Delegates.Proposals;

/// <summary>
/// Proposals (DEL-2) as staff read them (Delegates.Read on the term's organization, or Delegates.Answer on the handling
/// organization for those assigned to it), as their proposers read them on /me, and as anyone reads the public list.
/// </summary>
public sealed class ProposalQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock, ProposalRules rules)
{
    public DateOnly Today => clock.Today;

    /// <summary>
    /// A page of a term's proposals (or, without a term, of those assigned to the handling organization's subtree), newest
    /// first, by status, a word of the title, and overdue.
    /// </summary>
    public async Task<ProposalListView> ListAsync(
        int? termId, int? handlingOrganizationId, ProposalStatus? status, string? search, bool? overdue, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var (items, canManage) = await ScopedAsync(termId, handlingOrganizationId, ct);
        if (status is { } s)
        {
            items = items.Where(x => x.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            items = items.Where(x => x.Title.Contains(text));
        }

        if (overdue == true)
        {
            var today = Today;
            items = items.Where(x => x.Status == ProposalStatus.Assigned && x.Deadline < today);
        }

        var total = await items.CountAsync(ct);
        var ids = await items.OrderByDescending(x => x.FiledOn).ThenByDescending(x => x.Id).Skip(new PageWindow(p, size).Skip).Take(size).Select(x => x.Id).ToListAsync(ct);
        return new ProposalListView(new Paged<ProposalRow>(await RowsAsync(ids, ct), total, p, size), canManage);
    }

    /// <summary>Every proposal of the term, newest first: what the export writes.</summary>
    public async Task<IReadOnlyList<ProposalRow>> AllAsync(int? termId, int? handlingOrganizationId, CancellationToken ct = default)
    {
        var (items, _) = await ScopedAsync(termId, handlingOrganizationId, ct);
        var ids = await items.OrderByDescending(x => x.FiledOn).ThenByDescending(x => x.Id).Select(x => x.Id).ToListAsync(ct);
        return await RowsAsync(ids, ct);
    }

    /// <summary>督办: the term's proposals in handling that are overdue today or due within the reminder days (<see cref="Proposals.ToSupervise"/>).</summary>
    public async Task<IReadOnlyList<ProposalRow>> SupervisionAsync(int? termId, int? handlingOrganizationId, CancellationToken ct = default)
    {
        var (items, _) = await ScopedAsync(termId, handlingOrganizationId, ct);
        var assigned = await items.Where(x => x.Status == ProposalStatus.Assigned).ToListAsync(ct);
        var ids = Domain.Delegates.Proposals.ToSupervise(assigned, Today, rules).Select(x => x.Id).ToList();
        var rows = await RowsAsync(ids, ct);
        return [.. ids.Select(id => rows.Single(r => r.Id == id))];
    }

    /// <summary>One proposal, to staff of the term, to the handling unit it is assigned to, or to one of its proposers.</summary>
    public async Task<ProposalView> GetAsync(int id, CancellationToken ct = default)
    {
        var keys = await db.Proposals.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.OrganizationId, x.HandlingOrganizationId }).FirstOrDefaultAsync(ct);
        var person = await scopes.CurrentPersonIdAsync(ct);
        var proposer = person is { } pid && await db.ProposalProposers.AnyAsync(x => x.ProposalId == id && x.PersonId == pid, ct);
        var handler = keys?.HandlingOrganizationId is { } h && await scopes.MayAsync(Permission.DelegatesAnswer, h, ct);
        if (!proposer && !handler)
        {
            await scopes.DemandRecordAsync(keys?.OrganizationId, "proposal", id, Permission.DelegatesRead, ct);
        }

        var proposal = await db.Proposals.AsNoTracking().Include(x => x.Proposers).Include(x => x.Answers).Include(x => x.Ratings)
            .AsSplitQuery().FirstAsync(x => x.Id == id, ct);
        return await ViewAsync(proposal, person, ct);
    }

    /// <summary>The signed-in person's seats and the proposals they lead or co-signed, newest first.</summary>
    public async Task<MyProposalsView> MineAsync(CancellationToken ct = default)
    {
        if (await scopes.CurrentPersonIdAsync(ct) is not { } personId)
        {
            return new MyProposalsView([], [], rules.MinimumCoSigners);
        }

        var today = Today;
        var seats = await (from s in db.DelegateSeats.AsNoTracking()
                           where s.PersonId == personId
                           join t in db.CongressTerms on s.TermId equals t.Id
                           join d in db.Delegations on s.DelegationId equals d.Id
                           join o in db.Organizations on t.OrganizationId equals o.Id
                           orderby t.StartsOn descending
                           select new { t.Id, t.Number, OrgName = o.Name, Delegation = d.Name, s.Status, Term = t }).ToListAsync(ct);
        var mySeats = new List<MySeatView>();
        foreach (var s in seats)
        {
            var others = await (from x in db.DelegateSeats.AsNoTracking()
                                where x.TermId == s.Id && x.Status == DelegateStatus.Serving && x.PersonId != personId
                                join p in db.People on x.PersonId equals p.Id
                                orderby p.Name
                                select new ProposerView(p.Id, p.Name, false)).ToListAsync(ct);
            mySeats.Add(new MySeatView(s.Id, s.Number, s.OrgName, s.Delegation, s.Status == DelegateStatus.Serving, s.Term.RunsOn(today), others));
        }

        var ids = await db.ProposalProposers.AsNoTracking().Where(x => x.PersonId == personId).Select(x => x.ProposalId).ToListAsync(ct);
        var proposals = await db.Proposals.AsNoTracking().Where(x => ids.Contains(x.Id)).Include(x => x.Proposers).Include(x => x.Answers).Include(x => x.Ratings)
            .AsSplitQuery().OrderByDescending(x => x.FiledOn).ThenByDescending(x => x.Id).ToListAsync(ct);
        var views = new List<ProposalView>();
        foreach (var p in proposals)
        {
            views.Add(await ViewAsync(p, personId, ct));
        }

        return new MyProposalsView(mySeats, views, rules.MinimumCoSigners);
    }

    /// <summary>The public list of a term: registered proposals (not those filed or declined), their proposers' names and the answers.</summary>
    public async Task<PublicProposalList?> PublicAsync(int termId, CancellationToken ct = default)
    {
        var term = await db.CongressTerms.AsNoTracking().Where(t => t.Id == termId)
            .Select(t => new { t.Number, Name = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First() }).FirstOrDefaultAsync(ct);
        if (term is null)
        {
            return null;
        }

        var proposals = await db.Proposals.AsNoTracking()
            .Where(x => x.TermId == termId && x.Status != ProposalStatus.Filed && x.Status != ProposalStatus.NotRegistered)
            .Include(x => x.Proposers).Include(x => x.Answers).AsSplitQuery()
            .OrderByDescending(x => x.FiledOn).ThenByDescending(x => x.Id).ToListAsync(ct);
        var names = await NamesAsync(proposals.SelectMany(x => x.Proposers.Select(p => p.PersonId)), ct);
        var orgs = await OrganizationNamesAsync(proposals.Select(x => x.HandlingOrganizationId).Concat(proposals.SelectMany(x => x.Answers.Select(a => (int?)a.OrganizationId))), ct);
        return new PublicProposalList(term.Name, term.Number, [.. proposals.Select(x => new PublicProposal(
            x.Title, x.Content, x.FiledOn, x.Status,
            [.. x.Proposers.OrderByDescending(p => p.IsLead).ThenBy(p => p.Id).Select(p => names[p.PersonId])],
            x.HandlingOrganizationId is { } h ? orgs[h] : null,
            [.. x.Answers.OrderBy(a => a.Round).Select(a => new PublicAnswer(a.Round, orgs[a.OrganizationId], a.AnsweredOn, a.Text))]))]);
    }

    /// <summary>The proposal as its page shows it, with what <paramref name="personId"/> (the caller's person) may do on it.</summary>
    public async Task<ProposalView> ViewAsync(Proposal x, int? personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(x);
        var term = await db.CongressTerms.AsNoTracking().Where(t => t.Id == x.TermId)
            .Select(t => new { t.Number, Name = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First() }).FirstAsync(ct);
        var names = await NamesAsync(x.Proposers.Select(p => p.PersonId).Concat(x.Ratings.Select(r => r.PersonId)), ct);
        var orgs = await OrganizationNamesAsync(x.Answers.Select(a => (int?)a.OrganizationId).Append(x.HandlingOrganizationId), ct);
        var awaiting = x.AwaitingRating();
        var rights = new ProposalRights(
            await scopes.MayAsync(Permission.DelegatesManage, x.OrganizationId, ct),
            x.HandlingOrganizationId is { } h && await scopes.MayAsync(Permission.DelegatesAnswer, h, ct),
            personId is { } me && awaiting.Contains(me));
        return new ProposalView(
            x.Id, x.TermId, term.Number, term.Name, x.Title, x.Content, x.FiledOn, x.FiledBy, x.Status, x.RegisteredOn, x.NotRegisteredReason,
            x.HandlingOrganizationId, x.HandlingOrganizationId is { } ho ? orgs[ho] : null, x.AssignedOn, x.Deadline, x.HandlingRound, x.ClosedOn, x.IsOverdueOn(Today),
            [.. x.Proposers.OrderByDescending(p => p.IsLead).ThenBy(p => p.Id).Select(p => new ProposerView(p.PersonId, names[p.PersonId], p.IsLead))],
            [.. x.Answers.OrderBy(a => a.Round).Select(a => new ProposalAnswerView(a.Round, orgs[a.OrganizationId], a.Text, a.AnsweredBy, a.AnsweredOn, a.Deadline, a.AnsweredOn > a.Deadline))],
            [.. x.Ratings.OrderBy(r => r.Round).ThenBy(r => r.Id).Select(r => new ProposalRatingView(r.Round, r.PersonId, names[r.PersonId], r.Rating, r.RatedOn))],
            awaiting, x.Version, rights);
    }

    /// <summary>
    /// The proposals the caller may list: a term's (Delegates.Read on its organization) or, without a term, those assigned to
    /// the handling organization's subtree (Delegates.Answer on it).
    /// </summary>
    private async Task<(IQueryable<Proposal> Items, bool CanManage)> ScopedAsync(int? termId, int? handlingOrganizationId, CancellationToken ct)
    {
        if (termId is { } t)
        {
            var orgId = await db.CongressTerms.AsNoTracking().Where(x => x.Id == t).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct);
            await scopes.DemandRecordAsync(orgId, "congressTerm", t, Permission.DelegatesRead, ct);
            var items = db.Proposals.AsNoTracking().Where(x => x.TermId == t);
            if (handlingOrganizationId is { } ho)
            {
                items = items.Where(x => x.HandlingOrganizationId == ho);
            }

            return (items, await scopes.MayAsync(Permission.DelegatesManage, orgId!.Value, ct));
        }

        if (handlingOrganizationId is { } h)
        {
            await scopes.DemandAsync(Permission.DelegatesAnswer, h, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == h).Select(o => o.Path).FirstAsync(ct);
            return (db.Proposals.AsNoTracking().Where(x => db.Organizations.Any(o => o.Id == x.HandlingOrganizationId && o.Path.StartsWith(path))), false);
        }

        throw new InputValidationException(new FieldErrors().Add("termId", "Input.Required", "Field.Proposal.Term"));
    }

    private async Task<List<ProposalRow>> RowsAsync(List<int> ids, CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Proposals.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new
            {
                x.Id, x.TermId, x.Title, x.Status, x.FiledOn, x.Deadline, x.HandlingRound,
                Lead = db.ProposalProposers.Where(p => p.ProposalId == x.Id && p.IsLead).Join(db.People, p => p.PersonId, p => p.Id, (_, p) => p.Name).FirstOrDefault(),
                Count = db.ProposalProposers.Count(p => p.ProposalId == x.Id),
                Handling = db.Organizations.Where(o => o.Id == x.HandlingOrganizationId).Select(o => o.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. rows.OrderBy(r => order[r.Id]).Select(r => new ProposalRow(
            r.Id, r.TermId, r.Title, r.Lead ?? string.Empty, r.Count, r.Status, r.Handling, r.FiledOn, r.Deadline, r.HandlingRound,
            r.Status == ProposalStatus.Assigned && r.Deadline < today))];
    }

    private async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    private async Task<Dictionary<int, string>> OrganizationNamesAsync(IEnumerable<int?> organizationIds, CancellationToken ct)
    {
        var ids = organizationIds.OfType<int>().Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
