using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.People;

/// <summary>
/// The roster (ORG-3): server-side paged, filtered by organization subtree, status, team role and name,
/// always inside the caller's scope. ID numbers leave here masked unless the caller is a district admin.
/// </summary>
public sealed class PeopleQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<Paged<PersonRow>> ListAsync(RosterFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        var filtered = await FilteredAsync(filter, ct);
        var (query, scope) = (filtered.Query, filtered.Scope);
        var (keys, total) = await KeysAsync(filter, filtered, window, ct);
        var end = window.End(total);
        if (window.Skip >= total)
        {
            return new Paged<PersonRow>([], total, p, size);
        }

        // The page's ids first, from an index alone, then only those people's rows. A page past the middle is read from
        // the other end of the name order, so the last page of a province's roster skips as few entries as the first (the
        // order by name and id is total: reversed, it gives the same rows).
        var fromEnd = window.NearerEnd(total);
        var ordered = fromEnd
            ? keys.OrderByDescending(k => k.Name).ThenByDescending(k => k.Id).Skip((int)(total - end))
            : keys.OrderBy(k => k.Name).ThenBy(k => k.Id).Skip(window.Skip);
        var ids = await ordered.Take((int)(end - window.Skip)).Select(k => k.Id).ToListAsync(ct);
        var rows = await query.Where(x => ids.Contains(x.Person.Id))
            .Select(x => new { x.Person, x.Org.Name, x.Org.Code })
            .ToDictionaryAsync(r => r.Person.Id, ct);
        if (fromEnd)
        {
            ids.Reverse();
        }

        return new Paged<PersonRow>(ids.Select(id => rows[id]).Select(r => ToRow(r.Person, r.Name, r.Code, scope)).ToList(), total, p, size);
    }

    /// <summary>
    /// Whether a page is read by walking the roster index's name order (true) or by sorting the people found through the
    /// index by organization (false); null, the default, takes the cheaper way (<see cref="WalkPays"/>). Tests set it to
    /// take each way.
    /// </summary>
    public bool? Walk { get; set; }

    /// <summary>
    /// Whether walking the name order reads fewer entries than sorting. The walk passes about
    /// <paramref name="everyone"/> / <paramref name="total"/> entries per match (the roster index holds every person, the
    /// filter keeps <paramref name="total"/>) until it has the <paramref name="need"/> matches up to the page's far edge,
    /// counted from the nearer end; sorting reads the <paramref name="inScope"/> people of the organizations in scope
    /// whatever the page. Page 1 of a province (20 × 1,000,000 against 1,000,000²) walks; a branch of 50 in that
    /// province (20 × 1,000,000 against 50 × 50) sorts; a status filter keeping 15,000 of 300,000 walks (20 × 300,000
    /// against 300,000 × 15,000), where sorting would read all 300,000 to find them.
    /// </summary>
    public static bool WalkPays(long need, long everyone, long inScope, long total) => need * everyone < inScope * total;

    /// <summary>
    /// The (name, id) keys the filter selects, in an order an index can give, and how many there are — without reading
    /// a province's million people (ORG-3):
    /// <list type="bullet">
    /// <item>a name: the entries of its first character (PersonNameChar), already in name order and holding every column
    /// the other filters test;</item>
    /// <item>otherwise the count is the sum of the roster counts (RosterCount) over the organizations in scope; a few
    /// thousand people are sorted, more are walked in the roster index's name order (<c>OrganizationId + 0</c> keeps the
    /// planner from choosing the index by organization and sorting them all);</item>
    /// <item>a team role narrows by what neither holds, so it counts the people themselves.</item>
    /// </list>
    /// </summary>
    private async Task<(IQueryable<RosterKey> Keys, int Total)> KeysAsync(RosterFilter filter, Filtered filtered, PageWindow window, CancellationToken ct)
    {
        var (people, orgIds) = (filtered.People, filtered.Orgs.Select(o => o.Id));
        if (filter.Role is not null)
        {
            return (people.Select(x => new RosterKey { Name = x.Name, Id = x.Id }), await people.CountAsync(ct));
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            var first = char.IsSurrogatePair(name, 0) ? name[..2] : name[..1];
            var chars = db.PersonNameChars.AsNoTracking()
                .Where(c => c.Character == first && c.Name.Contains(name) && orgIds.Contains(c.OrganizationId));
            if (filter.Status is { } s)
            {
                chars = chars.Where(c => c.Status == s);
            }

            if (filter.Cadre is { } k)
            {
                chars = chars.Where(c => c.IsCadre == k);
            }

            return (chars.Select(c => new RosterKey { Name = c.Name, Id = c.PersonId }), await chars.CountAsync(ct));
        }

        // The scope's counts by status and cadre mark: a handful of rows, however many people.
        var counts = await db.RosterCounts.AsNoTracking().Where(c => orgIds.Contains(c.OrganizationId))
            .GroupBy(c => new { c.Status, c.IsCadre })
            .Select(g => new { g.Key.Status, g.Key.IsCadre, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        var inScope = counts.Sum(c => (long)c.Count);
        var total = counts.Where(c => (filter.Status is null || c.Status == filter.Status) && (filter.Cadre is null || c.IsCadre == filter.Cadre)).Sum(c => c.Count);
        var walk = Walk ?? (total > 0 && WalkPays(window.Need(total), await db.RosterCounts.SumAsync(c => (long)c.Count, ct), inScope, total));
        var keys = walk ? filtered.AnyOrganization.Where(x => orgIds.Contains(x.OrganizationId + 0)) : people;
        return (keys.Select(x => new RosterKey { Name = x.Name, Id = x.Id }), total);
    }

    private sealed class RosterKey
    {
        public required string Name { get; init; }

        public required int Id { get; init; }
    }

    /// <summary>Every row matching the filter, streamed, for the Excel export.</summary>
    public async IAsyncEnumerable<PersonRow> AllAsync(RosterFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var (query, scope, _, _, _) = await FilteredAsync(filter, ct);
        var rows = query.OrderBy(x => x.Org.Path).ThenBy(x => x.Person.Name).ThenBy(x => x.Person.Id)
            .Select(x => new { x.Person, x.Org.Name, x.Org.Code })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            yield return ToRow(r.Person, r.Name, r.Code, scope);
        }
    }

    public async Task<PersonDetail> GetAsync(int id, CancellationToken ct = default)
    {
        var row = await db.People.AsNoTracking()
            .Where(x => x.Id == id && !x.IsRemoved)
            .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new { Person = x, o.Name, o.Path })
            .FirstOrDefaultAsync(ct);
        var scope = await scopes.GetAsync(ct);
        if (row is null)
        {
            throw scope.Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("person", id);
        }

        var self = await IsSelfAsync(id, ct);
        if (!scope.Allows(Permission.PeopleRead, row.Path) && !self)
        {
            throw new ScopeRefusedException();
        }

        var today = clock.Today;
        var positions = await db.TeamPositions.AsNoTracking()
            .Where(tp => tp.PersonId == id)
            .Join(db.LeadershipTeams, tp => tp.TeamId, t => t.Id, (tp, t) => new { tp, t })
            .Join(db.Organizations, x => x.t.OrganizationId, o => o.Id, (x, o) => new { x.tp, x.t, o.Name })
            .OrderByDescending(x => x.t.StartsOn)
            .Select(x => new PositionHeld(x.t.Id, x.t.OrganizationId, x.Name, x.t.TermNumber, x.t.StartsOn, x.t.EndsOn, x.tp.Role, x.tp.Portfolio,
                // In office (TermRules.InOffice): no later team of the organization has started by today.
                x.t.StartsOn <= today && !db.LeadershipTeams.Any(n => n.OrganizationId == x.t.OrganizationId && n.StartsOn > x.t.StartsOn && n.StartsOn <= today)
                && (x.tp.StartsOn == null || x.tp.StartsOn <= today) && (x.tp.EndsOn == null || x.tp.EndsOn >= today)))
            .ToListAsync(ct);
        var p = row.Person;
        return new PersonDetail(
            p.Id, p.Name, p.Gender, ShownIdNumber(p.IdNumber, scope), !scope.SeesFullIdNumbers, p.BirthDate, p.Ethnicity, p.Education, p.Phone,
            p.Status, p.JoinedPartyOn, p.OrganizationId, row.Name, p.Workplace, p.Version, positions, scope.Allows(Permission.PeopleEdit, row.Path),
            p.FullMemberOn, p.IsCadre);
    }

    /// <summary>Throws as the roster would for this filter (an organization outside the caller's scope), without reading people.</summary>
    public async Task CheckFilterAsync(RosterFilter filter, CancellationToken ct = default) => await FilteredAsync(filter, ct);

    /// <summary>Whether the caller may do <paramref name="permission"/> somewhere (shows the roster's create and import buttons).</summary>
    public Task<bool> CanAsync(Permission permission, CancellationToken ct = default) => scopes.HoldsAsync(permission, ct);

    /// <summary>Organizations whose roster the caller may read, by name or code, for the roster's organization filter.</summary>
    public async Task<IReadOnlyList<OrganizationChoice>> OrganizationChoicesAsync(string? search, int max = 30, CancellationToken ct = default)
    {
        var orgs = (await scopes.OrganizationsAsync(Permission.PeopleRead, ct)).Where(o => o.Status == OrganizationStatus.Active);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            orgs = orgs.Where(o => o.Name.Contains(s) || o.Code.Contains(s));
        }

        return await orgs.OrderBy(o => o.Path).Take(max).Select(o => new OrganizationChoice(o.Id, o.Code, o.Name)).ToListAsync(ct);
    }

    /// <summary>One organization of the roster filter; refused like the roster when outside the caller's scope.</summary>
    public async Task<OrganizationChoice> OrganizationChoiceAsync(int id, CancellationToken ct = default)
    {
        await CheckFilterAsync(new RosterFilter(id), ct);
        return await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new OrganizationChoice(o.Id, o.Code, o.Name)).FirstAsync(ct);
    }

    /// <summary>Names of organizations in the caller's roster scope, for showing ids found in a person's history.</summary>
    public async Task<IReadOnlyDictionary<int, string>> OrganizationNamesAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        var orgs = await scopes.OrganizationsAsync(Permission.PeopleRead, ct);
        return await orgs.Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private async Task<bool> IsSelfAsync(int personId, CancellationToken ct) =>
        await scopes.CurrentPersonIdAsync(ct) == personId;

    /// <summary>
    /// The people the filter selects, joined to their organizations for the rows; the same people alone, for the page's
    /// ids and the counts that read rows; those people before the scope's organizations are applied, and those
    /// organizations, for <see cref="KeysAsync"/>.
    /// </summary>
    private sealed record Filtered(IQueryable<Row> Query, Scope Scope, IQueryable<Person> People, IQueryable<Person> AnyOrganization, IQueryable<Organization> Orgs);

    private async Task<Filtered> FilteredAsync(RosterFilter filter, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var orgs = await scopes.OrganizationsAsync(Permission.PeopleRead, ct);
        if (filter.OrganizationId is { } orgId)
        {
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !scope.Allows(Permission.PeopleRead, path))
            {
                throw new ScopeRefusedException();
            }

            orgs = filter.Subtree ? orgs.Where(o => o.Path.StartsWith(path)) : orgs.Where(o => o.Id == orgId);
        }

        var people = db.People.AsNoTracking().Where(x => !x.IsRemoved);
        if (filter.Status is { } status)
        {
            people = people.Where(x => x.Status == status);
        }

        if (filter.Cadre is { } cadre)
        {
            people = people.Where(x => x.IsCadre == cadre);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            people = people.Where(x => x.Name.Contains(name));
        }

        if (filter.Role is { } role)
        {
            var today = clock.Today;
            people = people.Where(x => db.TeamPositions.Any(tp => tp.PersonId == x.Id && tp.Role == role
                && (tp.StartsOn == null || tp.StartsOn <= today) && (tp.EndsOn == null || tp.EndsOn >= today)
                && db.LeadershipTeams.InOffice(db.LeadershipTeams, today).Any(t => t.Id == tp.TeamId)));
        }

        var inScope = people.Where(x => orgs.Select(o => o.Id).Contains(x.OrganizationId));
        var query = inScope.Join(db.Organizations.AsNoTracking(), x => x.OrganizationId, o => o.Id, (x, o) => new Row { Person = x, Org = o });
        return new(query, scope, inScope, people, orgs);
    }

    public static string ShownIdNumber(string? idNumber, Scope scope) =>
        scope.SeesFullIdNumbers ? idNumber ?? string.Empty : IdNumber.Mask(idNumber);

    private static PersonRow ToRow(Person p, string orgName, string orgCode, Scope scope) =>
        new(p.Id, p.Name, p.Gender, ShownIdNumber(p.IdNumber, scope), p.BirthDate, p.Status, p.JoinedPartyOn, p.OrganizationId, orgName, orgCode, p.Phone, p.Workplace, p.FullMemberOn, p.IsCadre);

    private sealed class Row
    {
        public required Person Person { get; init; }

        public required Organization Org { get; init; }
    }
}
