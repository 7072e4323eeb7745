using Dangjian.Data;
using Dangjian.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>
/// The rectification measures a person owns (<see cref="RectificationOwnership"/>): those whose 责任人 is their name, of
/// meetings of an organization the person belongs to (on its roll, or seated on one of its teams), where nobody else of
/// that organization — on its roll now or before, or on one of its teams — bears the name. Read for the person's own page
/// and checked before they mark one done.
/// </summary>
public sealed class RectificationOwners(DangjianDbContext db)
{
    /// <summary>The person's measures: open ones first (by deadline, so the overdue lead), then the done ones, latest first.</summary>
    public async Task<IReadOnlyList<OwnRectificationView>> OfAsync(int personId, DateOnly today, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved)
            .Select(p => new { p.Name, p.OrganizationId }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return [];
        }

        var name = person.Name.Trim();
        var seatedIn = db.TeamPositions.Where(tp => tp.PersonId == personId).Join(db.LeadershipTeams, tp => tp.TeamId, t => t.Id, (tp, t) => t.OrganizationId);
        var candidates = await db.DemocraticLifeRectifications.AsNoTracking().Where(r => r.Owner == name)
            .Join(db.DemocraticLifeProblems, r => r.ProblemId, p => p.Id, (r, p) => new { r, p.MeetingId })
            .Join(db.DemocraticLifeMeetings, x => x.MeetingId, m => m.Id, (x, m) => new { x.r, m })
            .Where(x => x.m.OrganizationId == person.OrganizationId || seatedIn.Contains(x.m.OrganizationId))
            .Join(db.Organizations, x => x.m.OrganizationId, o => o.Id, (x, o) => new { x.r, x.m, OrganizationName = o.Name })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        var namesakes = await PeopleNamedAsync(name, [.. candidates.Select(c => c.m.OrganizationId).Distinct()], ct);
        return [.. candidates
            .Where(c => RectificationOwnership.OwnerAmong(c.r.Owner, namesakes[c.m.OrganizationId]) == personId)
            .OrderBy(c => c.r.Status)
            .ThenBy(c => c.r.Status == RectificationStatus.Open ? c.r.Deadline.DayNumber : -(c.r.DoneOn ?? c.r.Deadline).DayNumber)
            .ThenBy(c => c.r.Id)
            .Select(c => new OwnRectificationView(DemocraticLifeQueries.View(c.r, today), c.m.Id, c.m.OrganizationId, c.OrganizationName, c.m.Year, c.m.Theme))];
    }

    /// <summary>Whether the measure is the person's own.</summary>
    public async Task<bool> OwnsAsync(int personId, int rectificationId, CancellationToken ct = default) =>
        (await OfAsync(personId, DateOnly.MinValue, ct)).Any(r => r.Rectification.Id == rectificationId);

    /// <summary>
    /// The owner of each measure, by the same rule as <see cref="OfAsync"/>: the one person of the meeting's organization
    /// (on its roll or seated on its teams) whose name the 责任人 text is, unless they have left the roll; a measure
    /// naming no one, or a shared name, has none and is left out. For the reminders of rectification deadlines.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> OwnersOfAsync(
        IReadOnlyCollection<(int RectificationId, int OrganizationId, string Owner)> measures, CancellationToken ct = default)
    {
        var owners = new Dictionary<int, int>();
        foreach (var byName in measures.Where(m => !string.IsNullOrWhiteSpace(m.Owner)).GroupBy(m => m.Owner, StringComparer.Ordinal))
        {
            var namesakes = await PeopleNamedAsync(byName.Key, [.. byName.Select(m => m.OrganizationId).Distinct()], ct);
            var named = byName.Select(m => (m.RectificationId, Person: RectificationOwnership.OwnerAmong(m.Owner, namesakes[m.OrganizationId])))
                .Where(x => x.Person is not null).ToList();
            var ids = named.Select(x => x.Person!.Value).Distinct().ToList();
            var onRoll = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && !p.IsRemoved).Select(p => p.Id).ToListAsync(ct);
            foreach (var (rectificationId, person) in named.Where(x => onRoll.Contains(x.Person!.Value)))
            {
                owners[rectificationId] = person!.Value;
            }
        }

        return owners;
    }

    /// <summary>Everyone of each organization who bears the name: on its roll (removed ones too: a name once there stays ambiguous) or seated on its teams.</summary>
    private async Task<ILookup<int, (int Id, string Name)>> PeopleNamedAsync(string name, IReadOnlyList<int> organizationIds, CancellationToken ct)
    {
        var onRoll = await db.People.AsNoTracking().Where(p => p.Name == name && organizationIds.Contains(p.OrganizationId))
            .Select(p => new { p.OrganizationId, p.Id, p.Name }).ToListAsync(ct);
        var seated = await db.TeamPositions.AsNoTracking()
            .Join(db.LeadershipTeams, tp => tp.TeamId, t => t.Id, (tp, t) => new { tp.PersonId, t.OrganizationId })
            .Where(x => organizationIds.Contains(x.OrganizationId))
            .Join(db.People.Where(p => p.Name == name), x => x.PersonId, p => p.Id, (x, p) => new { x.OrganizationId, p.Id, p.Name })
            .ToListAsync(ct);
        return onRoll.Concat(seated).ToLookup(x => x.OrganizationId, x => (x.Id, x.Name));
    }
}

/// <summary>A measure its owner sees on their own page, with the meeting it came from.</summary>
public sealed record OwnRectificationView(RectificationView Rectification, int MeetingId, int OrganizationId, string OrganizationName, int Year, string Theme);
