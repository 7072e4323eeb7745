using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.Proceedings;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Meetings.Matters;

/// <summary>Raised matters (MTG-4): an organization subtree's list for those who run meetings, and a team member's own on /me.</summary>
public sealed class MatterQueries(DangjianDbContext db, ScopeService scopes, OrgClock clock, IOptions<DecisionRuleOptions> options)
{
    private readonly DecisionRules _rules = options.Value.ToRules();

    /// <summary>The matters of the caller's subtree (or of one organization's subtree), waiting ones first, newest first; searchable by title.</summary>
    public async Task<Paged<MatterView>> ListAsync(
        int? organizationId, RaisedMatterStatus? status, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var orgs = await scopes.OrganizationsAsync(Permission.MeetingsRead, ct);
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.MeetingsRead, orgId, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
            orgs = orgs.Where(o => o.Path.StartsWith(path));
        }

        var q = db.RaisedMatters.AsNoTracking().Where(m => orgs.Any(o => o.Id == m.OrganizationId));
        if (status is { } s)
        {
            q = q.Where(m => m.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            q = q.Where(m => m.Title.Contains(text));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(m => m.Status).ThenByDescending(m => m.RaisedOn).ThenByDescending(m => m.Id)
            .Skip(window.Skip).Take(window.PageSize).ToListAsync(ct);
        return new Paged<MatterView>(await ViewsAsync(rows, ct), total, window.Page, window.PageSize);
    }

    /// <summary>One matter, for whoever may read its organization's meetings or sits on its team.</summary>
    public async Task<MatterView> GetAsync(int id, CancellationToken ct = default)
    {
        var matter = await db.RaisedMatters.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null || !await MayReadAsync(matter.OrganizationId, ct))
        {
            await scopes.DemandRecordAsync(matter?.OrganizationId, "matter", id, Permission.MeetingsRead, ct);
        }

        return (await ViewsAsync([matter!], ct))[0];
    }

    /// <summary>/me: the teams the signed-in person sits on today and their matters (waiting first, then the latest 20 others).</summary>
    public async Task<MyMattersView> MineAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        if (await scopes.CurrentPersonIdAsync(ct) is not { } personId)
        {
            return new MyMattersView(null, [], []);
        }

        var teams = await db.LeadershipTeams.AsNoTracking().Include(t => t.Positions)
            .Where(t => t.StartsOn <= today && today <= t.EndsOn
                && t.Positions.Any(p => p.PersonId == personId && (p.StartsOn == null || p.StartsOn <= today) && (p.EndsOn == null || p.EndsOn >= today))).ToListAsync(ct);
        var teamOrgs = teams.Select(t => t.OrganizationId).Distinct().ToList();
        var orgNames = await db.Organizations.AsNoTracking().Where(o => teamOrgs.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var options = teams.GroupBy(t => t.OrganizationId)
            .Select(g => new MyTeamOption(g.Key, orgNames.GetValueOrDefault(g.Key, string.Empty), g.SelectMany(t => t.Positions).Where(p => p.IsHeldOn(today)).Select(p => p.PersonId).Distinct().Count()))
            .OrderBy(t => t.OrganizationName).ToList();
        var orgIds = options.Select(o => o.OrganizationId).ToList();
        var waiting = await db.RaisedMatters.AsNoTracking().Where(m => orgIds.Contains(m.OrganizationId) && m.Status == RaisedMatterStatus.Raised)
            .OrderByDescending(m => m.RaisedOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        var others = await db.RaisedMatters.AsNoTracking().Where(m => orgIds.Contains(m.OrganizationId) && m.Status != RaisedMatterStatus.Raised)
            .OrderByDescending(m => m.Id).Take(20).ToListAsync(ct);
        return new MyMattersView(personId, options, await ViewsAsync([.. waiting, .. others], ct));
    }

    /// <summary>The open meetings (not closed or cancelled) of the organization a matter can be put on, soonest first.</summary>
    public async Task<IReadOnlyList<MeetingOption>> OpenMeetingsAsync(int organizationId, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.MeetingsRun, organizationId, ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Participants)
            .Where(m => m.OrganizationId == organizationId && m.Status != MeetingStatus.Closed && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.Date).ThenBy(m => m.Id).Take(50).ToListAsync(ct);
        var ids = meetings.SelectMany(m => m.Participants).Select(p => p.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. meetings.Select(m => new MeetingOption(m.Id, m.Title, m.Date, m.Type,
            [.. m.Participants.Select(p => new ParticipantOption(p.PersonId, names.GetValueOrDefault(p.PersonId, string.Empty)))]))];
    }

    private async Task<bool> MayReadAsync(int organizationId, CancellationToken ct)
    {
        if (await scopes.MayAsync(Permission.MeetingsRead, organizationId, ct))
        {
            return true;
        }

        return await scopes.CurrentPersonIdAsync(ct) is { } me && (await MatterTeams.CurrentAsync(db, organizationId, clock.Today, ct)).Contains(me);
    }

    private async Task<IReadOnlyList<MatterView>> ViewsAsync(IReadOnlyList<RaisedMatter> rows, CancellationToken ct)
    {
        var personIds = rows.SelectMany(m => m.SupporterIds.Append(m.RaisedByPersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var orgIds = rows.Select(m => m.OrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var meetingIds = rows.Where(m => m.MeetingId is not null).Select(m => m.MeetingId!.Value).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        return [.. rows.Select(m => new MatterView(
            m.Id, m.OrganizationId, orgs.GetValueOrDefault(m.OrganizationId, string.Empty), m.Title, m.Reason, m.RaisedByPersonId,
            names.GetValueOrDefault(m.RaisedByPersonId, string.Empty), m.RaisedOn, m.SupporterIds,
            [.. m.SupporterIds.Select(id => names.GetValueOrDefault(id, string.Empty))], m.TeamSize, _rules.MandatoryAgenda.SmallestPart(Math.Max(m.TeamSize, 1)),
            m.Mandatory, m.Status, m.MeetingId, m.MeetingId is { } mid ? meetings.GetValueOrDefault(mid) : null, m.AgendaItemId, m.DeclineReason, m.Version))];
    }
}
