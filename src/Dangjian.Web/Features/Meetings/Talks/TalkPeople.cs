using Dangjian.Data;
using Dangjian.Domain.Meetings.Talks;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Talks;

/// <summary>
/// The people of an organization the register knows: those on its roll (not removed) and the seats of its team in office
/// on a day (<see cref="TeamsInOffice"/>), a team member kept on another roll included.
/// </summary>
public sealed class TalkPeople(DangjianDbContext db)
{
    /// <summary>The seats of the organization's team in office on <paramref name="day"/>; empty when none was.</summary>
    public async Task<List<TalkTeamSeat>> TeamAsync(int organizationId, DateOnly day, CancellationToken ct = default)
    {
        var team = await db.LeadershipTeams.AsNoTracking().Where(t => t.OrganizationId == organizationId).InOffice(db.LeadershipTeams, day)
            .OrderByDescending(t => t.StartsOn).Select(t => t.Id).FirstOrDefaultAsync(ct);
        return team == 0 ? [] : await db.TeamPositions.AsNoTracking().Where(p => p.TeamId == team).HeldOn(day).OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new TalkTeamSeat(p.PersonId, p.Role)).ToListAsync(ct);
    }

    /// <summary>The party members (正式、预备) on the organization's roll.</summary>
    public Task<List<int>> MembersAsync(int organizationId, CancellationToken ct = default) =>
        db.People.AsNoTracking().Where(p => p.OrganizationId == organizationId && !p.IsRemoved && p.Status != MemberStatus.Resident)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    /// <summary>Everyone a talk of the organization may name: its roll and its team in office on any of <paramref name="days"/>.</summary>
    public async Task<HashSet<int>> IdsAsync(int organizationId, IEnumerable<DateOnly> days, CancellationToken ct = default)
    {
        var ids = (await db.People.AsNoTracking().Where(p => p.OrganizationId == organizationId && !p.IsRemoved).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        foreach (var day in days.Distinct())
        {
            ids.UnionWith((await TeamAsync(organizationId, day, ct)).Select(s => s.PersonId));
        }

        return ids;
    }

    /// <summary>The people the form offers on <paramref name="today"/>, the team first, each matching <paramref name="search"/> by name.</summary>
    public async Task<IReadOnlyList<TalkPersonOption>> OptionsAsync(int organizationId, DateOnly today, string? search, CancellationToken ct = default)
    {
        var team = (await TeamAsync(organizationId, today, ct)).Select(s => s.PersonId).ToHashSet();
        var ids = await IdsAsync(organizationId, [today], ct);
        var text = search?.Trim();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Where(p => string.IsNullOrEmpty(text) || p.Name.Contains(text!))
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return [.. people.OrderByDescending(p => team.Contains(p.Id)).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p => new TalkPersonOption(p.Id, p.Name, team.Contains(p.Id)))];
    }

    public async Task<Dictionary<int, string>> NamesAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }
}
