using Dangjian.Data;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Inspections;

/// <summary>A person the study rules assess, with the organization whose team they sit in.</summary>
public sealed record StudyLeader(int PersonId, string Name, int OrganizationId, string OrganizationName);

/// <summary>
/// The people whose study is inspected, ranked and trained: 全体班子成员 (seed 000, 一, 一是人员考核: 学习人员…必须是全体班子成员),
/// the seats of each organization's team in office on a day (<see cref="TermRules.InOffice"/>: a branch whose term is
/// overdue still has its leaders until 换届).
/// </summary>
public sealed class StudyLeaders(DangjianDbContext db)
{
    /// <summary>The leaders of the organizations in <paramref name="organizationId"/>'s subtree, in tree order, each once.</summary>
    public Task<IReadOnlyList<StudyLeader>> OfSubtreeAsync(int organizationId, DateOnly day, CancellationToken ct = default) =>
        LoadAsync(organizationId, day, subtree: true, ct);

    /// <summary>The leaders of <paramref name="organizationId"/> itself.</summary>
    public Task<IReadOnlyList<StudyLeader>> OfAsync(int organizationId, DateOnly day, CancellationToken ct = default) =>
        LoadAsync(organizationId, day, subtree: false, ct);

    private async Task<IReadOnlyList<StudyLeader>> LoadAsync(int organizationId, DateOnly day, bool subtree, CancellationToken ct)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync(ct);
        var orgs = db.Organizations.AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Active && (subtree ? o.Path.StartsWith(path) : o.Id == organizationId));
        var teams = await db.LeadershipTeams.AsNoTracking()
            .Where(t => t.StartsOn <= day && orgs.Any(o => o.Id == t.OrganizationId))
            .Select(t => new { t.Id, t.OrganizationId, t.TermNumber, t.StartsOn, t.EndsOn }).ToListAsync(ct);
        var inOffice = teams.GroupBy(t => t.OrganizationId)
            .Select(g => TermRules.InOffice(g.Select(t => new TermSpan(t.Id, t.TermNumber, t.StartsOn, t.EndsOn)), day)!.Value.Id).ToList();
        var seats = await (
            from s in db.TeamPositions.AsNoTracking().HeldOn(day)
            where inOffice.Contains(s.TeamId)
            join t in db.LeadershipTeams on s.TeamId equals t.Id
            join o in db.Organizations on t.OrganizationId equals o.Id
            join p in db.People on s.PersonId equals p.Id
            where !p.IsRemoved
            select new { p.Id, p.Name, OrgId = o.Id, OrgName = o.Name, o.Path, s.Role }).ToListAsync(ct);
        return [.. seats.OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Role).ThenBy(s => s.Name, StringComparer.Ordinal)
            .DistinctBy(s => s.Id).Select(s => new StudyLeader(s.Id, s.Name, s.OrgId, s.OrgName))];
    }
}
