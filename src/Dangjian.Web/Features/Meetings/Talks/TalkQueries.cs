using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings.Talks;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Talks;

/// <summary>
/// The talk register read by staff holding Talks.Read over their scope (talk content is personal: members read none),
/// and an organization's coverage of a year from <see cref="TalkRequirements"/>, so the page, the API and the export agree.
/// </summary>
public sealed class TalkQueries(DangjianDbContext db, ScopeService scopes, TalkPeople people, OrgClock clock)
{
    /// <summary>
    /// A page of talks, newest first: of the organization's subtree when one is named (else of the caller's whole scope),
    /// of a person on either side, of a calendar year, and matching <paramref name="search"/> in either name or the topics.
    /// </summary>
    public async Task<TalkRegisterView> ListAsync(
        int? organizationId, int? personId, int? year, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        CheckYear(year, errors);
        errors.ThrowIfAny();
        var query = await FilteredAsync(organizationId, personId, year, search, ct);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(window.Skip).Take(window.PageSize).ToListAsync(ct);
        var canWrite = organizationId is { } org && await scopes.MayAsync(Permission.TalksWrite, org, ct);
        return new TalkRegisterView(new Paged<TalkView>(rows, total, window.Page, window.PageSize), canWrite);
    }

    /// <summary>Every talk the same filters select, newest first: what the export writes.</summary>
    public async Task<List<TalkView>> AllAsync(int? organizationId, int? personId, int? year, string? search, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        CheckYear(year, errors);
        errors.ThrowIfAny();
        return await (await FilteredAsync(organizationId, personId, year, search, ct)).ToListAsync(ct);
    }

    public async Task<TalkView> GetAsync(int id, CancellationToken ct = default)
    {
        await DemandAsync(id, Permission.TalksRead, ct);
        return await Views(db.Talks.AsNoTracking().Where(t => t.Id == id), db.Organizations.AsNoTracking()).FirstAsync(ct);
    }

    /// <summary>Demands <paramref name="permission"/> on the talk's organization; a talk that does not exist is not found (or refused, outside any scope).</summary>
    public async Task<int> DemandAsync(int id, Permission permission, CancellationToken ct = default)
    {
        var org = await db.Talks.AsNoTracking().Where(t => t.Id == id).Select(t => (int?)t.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(org, "talk", id, permission, ct);
        return org!.Value;
    }

    /// <summary>The people the record form offers for the organization: its team in office and its roll.</summary>
    public async Task<IReadOnlyList<TalkPersonOption>> PeopleAsync(int? organizationId, string? search, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.TalksRead, orgId, ct);
        return await people.OptionsAsync(orgId, clock.Today, search, ct);
    }

    /// <summary>
    /// The organization's coverage of <paramref name="year"/> (by default this year): the pairs its team in office and its
    /// party members must talk in, each with the year's talks, those still owed among them.
    /// </summary>
    public async Task<TalkCoverageView> CoverageAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        var errors = new FieldErrors();
        CheckYear(year, errors);
        errors.ThrowIfAny();
        await scopes.DemandAsync(Permission.TalksRead, orgId, ct);
        var today = clock.Today;
        var y = year ?? today.Year;
        var day = TalkRequirements.TeamDay(y, today);
        var team = await people.TeamAsync(orgId, day, ct);
        var members = await people.MembersAsync(orgId, ct);
        var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var talks = await db.Talks.AsNoTracking().Where(t => t.OrganizationId == orgId && t.HeldOn >= first && t.HeldOn <= last)
            .Select(t => new Talk { HeldOn = t.HeldOn, InitiatorId = t.InitiatorId, PartnerId = t.PartnerId }).ToListAsync(ct);
        var coverage = TalkRequirements.Coverage(y, team, members, talks);
        var names = await people.NamesAsync(coverage.Pairs.SelectMany(p => new[] { p.FirstId, p.SecondId }), ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        return new TalkCoverageView(
            orgId, orgName, y, day, team.Count > 0, coverage.Required, coverage.Covered, coverage.Owed,
            [.. coverage.Pairs.Select(p => new TalkPairView(p.FirstId, names.GetValueOrDefault(p.FirstId, "?"), p.SecondId, names.GetValueOrDefault(p.SecondId, "?"), p.Duty, p.Talks, p.Owed))]);
    }

    private async Task<IQueryable<TalkView>> FilteredAsync(int? organizationId, int? personId, int? year, string? search, CancellationToken ct)
    {
        IQueryable<Organization> orgs;
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.TalksRead, orgId, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
            orgs = ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]);
        }
        else
        {
            orgs = await scopes.OrganizationsAsync(Permission.TalksRead, ct);
        }

        var talks = db.Talks.AsNoTracking();
        if (personId is { } p)
        {
            talks = talks.Where(t => t.InitiatorId == p || t.PartnerId == p);
        }

        if (year is { } y)
        {
            var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            talks = talks.Where(t => t.HeldOn >= first && t.HeldOn <= last);
        }

        if (search?.Trim() is { Length: > 0 } text)
        {
            talks = talks.Where(t => t.Topics.Contains(text)
                || db.People.Any(x => (x.Id == t.InitiatorId || x.Id == t.PartnerId) && x.Name.Contains(text)));
        }

        return Views(talks, orgs);
    }

    private IQueryable<TalkView> Views(IQueryable<Talk> talks, IQueryable<Organization> orgs) =>
        from t in talks
        join o in orgs on t.OrganizationId equals o.Id
        join a in db.People on t.InitiatorId equals a.Id
        join b in db.People on t.PartnerId equals b.Id
        orderby t.HeldOn descending, t.Id descending
        select new TalkView(t.Id, t.OrganizationId, o.Name, t.HeldOn, t.InitiatorId, a.Name, t.PartnerId, b.Name, t.Kind, t.Topics, t.FollowUp, t.FollowUpDoneOn, t.RecordedBy, t.Version);

    private static void CheckYear(int? year, FieldErrors errors)
    {
        if (year is { } y && (y < SaneDates.MinDay.Year || y > SaneDates.MaxDay.Year))
        {
            errors.Add("year", "Input.OutOfRange", "Field.Talk.Year", SaneDates.MinDay.Year, SaneDates.MaxDay.Year);
        }
    }
}
