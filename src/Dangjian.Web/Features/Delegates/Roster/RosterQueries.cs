using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Delegates.Roster;

/// <summary>Congress terms and their rosters (DEL-1), read with Delegates.Read on the term's organization.</summary>
public sealed class RosterQueries(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>The terms of the organization's subtree (its own congress and those of organizations below), newest first.</summary>
    public async Task<TermListView> TermsAsync(int? organizationId, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.DelegatesRead, orgId, ct);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var ids = await db.CongressTerms.AsNoTracking()
            .Where(t => db.Organizations.Any(o => o.Id == t.OrganizationId && o.Path.StartsWith(path)))
            .OrderByDescending(t => t.StartsOn).ThenByDescending(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        var terms = new List<CongressTermView>();
        foreach (var id in ids)
        {
            terms.Add(await TermAsync(id, ct));
        }

        return new TermListView(terms, await scopes.MayAsync(Permission.DelegatesManage, orgId, ct));
    }

    public async Task<RosterView> RosterAsync(
        int termId, int? delegationId, DelegateStatus? status, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var term = await DemandTermAsync(termId, Permission.DelegatesRead, ct);
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var delegations = await DelegationsAsync(termId, ct);
        var seats = Seats(termId);
        if (delegationId is { } d)
        {
            seats = seats.Where(s => s.DelegationId == d);
        }

        if (status is { } st)
        {
            seats = seats.Where(s => s.Status == st);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            seats = seats.Where(s => s.Name.Contains(text));
        }

        var total = await seats.CountAsync(ct);
        var rows = await seats.OrderBy(s => s.DelegationName).ThenBy(s => s.Name).ThenBy(s => s.Id).Skip(new PageWindow(p, size).Skip).Take(size).ToListAsync(ct);
        return new RosterView(term, delegations, new Paged<DelegateSeatView>([.. rows.Select(r => r.View())], total, p, size), await scopes.MayAsync(Permission.DelegatesManage, term.OrganizationId, ct));
    }

    /// <summary>Every seat of the term, by delegation and name: what the export writes.</summary>
    public async Task<(CongressTermView Term, List<DelegateSeatView> Seats)> AllSeatsAsync(int termId, CancellationToken ct = default)
    {
        var term = await DemandTermAsync(termId, Permission.DelegatesRead, ct);
        var rows = await Seats(termId).OrderBy(s => s.DelegationName).ThenBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        return (term, [.. rows.Select(r => r.View())]);
    }

    /// <summary>The term, after demanding <paramref name="permission"/> on its organization (404 / 403 as the scope says).</summary>
    public async Task<CongressTermView> DemandTermAsync(int termId, Permission permission, CancellationToken ct)
    {
        var orgId = await db.CongressTerms.AsNoTracking().Where(t => t.Id == termId).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "congressTerm", termId, permission, ct);
        return await TermAsync(termId, ct);
    }

    public async Task<CongressTermView> TermAsync(int termId, CancellationToken ct)
    {
        var t = await db.CongressTerms.AsNoTracking().Where(t => t.Id == termId)
            .Select(t => new
            {
                t.Id, t.OrganizationId, Name = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First(), t.Number, t.StartsOn, t.EndsOn, t.Version,
                Seats = db.DelegateSeats.Count(s => s.TermId == t.Id),
                Serving = db.DelegateSeats.Count(s => s.TermId == t.Id && s.Status == DelegateStatus.Serving),
            }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("congressTerm", termId);
        return new(t.Id, t.OrganizationId, t.Name, t.Number, t.StartsOn, t.EndsOn, t.Seats, t.Serving, t.Version);
    }

    public async Task<IReadOnlyList<DelegationView>> DelegationsAsync(int termId, CancellationToken ct) =>
        await db.Delegations.AsNoTracking().Where(d => d.TermId == termId).OrderBy(d => d.Name)
            .Select(d => new DelegationView(
                d.Id, d.Name, d.ConstituencyOrganizationId,
                db.Organizations.Where(o => o.Id == d.ConstituencyOrganizationId).Select(o => o.Name).FirstOrDefault(),
                db.DelegateSeats.Count(s => s.DelegationId == d.Id && s.Status == DelegateStatus.Serving), d.Version))
            .ToListAsync(ct);

    public async Task<DelegateSeatView> SeatAsync(int seatId, CancellationToken ct) =>
        (await Seats(null).Where(s => s.Id == seatId).FirstOrDefaultAsync(ct))?.View() ?? throw new NotFoundException("delegateSeat", seatId);

    private IQueryable<SeatRow> Seats(int? termId) =>
        from s in db.DelegateSeats.AsNoTracking()
        where termId == null || s.TermId == termId
        join p in db.People on s.PersonId equals p.Id
        join o in db.Organizations on p.OrganizationId equals o.Id
        join d in db.Delegations on s.DelegationId equals d.Id
        select new SeatRow
        {
            Id = s.Id, PersonId = s.PersonId, Name = p.Name, OrganizationName = o.Name, DelegationId = s.DelegationId, DelegationName = d.Name,
            ElectionProjectId = s.ElectionProjectId,
            ElectionProjectTitle = db.ElectionProjects.Where(e => e.Id == s.ElectionProjectId).Select(e => e.Title).FirstOrDefault(),
            Status = s.Status, EndedOn = s.EndedOn, EndReason = s.EndReason, Version = s.Version,
        };

    /// <summary>A seat as the query reads it: a class with settable members, so that filters and order translate after the projection.</summary>
    private sealed class SeatRow
    {
        public int Id { get; init; }

        public int PersonId { get; init; }

        public string Name { get; init; } = string.Empty;

        public string OrganizationName { get; init; } = string.Empty;

        public int DelegationId { get; init; }

        public string DelegationName { get; init; } = string.Empty;

        public int? ElectionProjectId { get; init; }

        public string? ElectionProjectTitle { get; init; }

        public DelegateStatus Status { get; init; }

        public DateOnly? EndedOn { get; init; }

        public string? EndReason { get; init; }

        public int Version { get; init; }

        public DelegateSeatView View() =>
            new(Id, PersonId, Name, OrganizationName, DelegationId, DelegationName, ElectionProjectId, ElectionProjectTitle, Status, EndedOn, EndReason, Version);
    }
}
