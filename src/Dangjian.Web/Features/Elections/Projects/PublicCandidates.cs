using Dangjian.Data;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>
/// 候选人介绍 (ELE-9) for anyone, signed in or not: only nominees on a fixed candidate list are shown. Anything else
/// (a nominee still being vetted, an unfixed list, an id that does not exist) is the same "not found".
/// </summary>
public sealed class PublicCandidates(DangjianDbContext db)
{
    public async Task<PublicCandidate> GetAsync(int nomineeId, CancellationToken ct = default)
    {
        var list = await QueryAsync(nomineeId, null, ct);
        return list.Count == 1 ? list[0] : throw new NotFoundException("candidate", nomineeId);
    }

    public async Task<IReadOnlyList<PublicCandidate>> ForProjectAsync(int projectId, CancellationToken ct = default)
    {
        var list = await QueryAsync(null, projectId, ct);
        return list.Count == 0 ? throw new NotFoundException("project", projectId) : list;
    }

    private async Task<IReadOnlyList<PublicCandidate>> QueryAsync(int? nomineeId, int? projectId, CancellationToken ct)
    {
        var rows = await db.Nominees.AsNoTracking()
            .Where(n => n.OnList && (nomineeId == null || n.Id == nomineeId) && (projectId == null || n.ProjectId == projectId))
            .Join(db.ElectionBodies.Where(b => b.ListFixedAt != null), n => n.BodyId, b => b.Id, (n, b) => new { n, b.Kind })
            .Join(db.ElectionProjects, x => x.n.ProjectId, p => p.Id, (x, p) => new { x.n, x.Kind, p.Title, p.OrganizationId })
            .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new { x.n, x.Kind, x.Title, OrgName = o.Name })
            .Join(db.People, x => x.n.PersonId, p => p.Id, (x, p) => new PublicCandidate(
                x.n.Id, x.n.ProjectId, x.Title, x.OrgName, x.Kind, p.Name, x.n.Profile, x.n.ReviewSummary, x.n.Statement))
            .ToListAsync(ct);
        return rows.OrderBy(c => c.BodyKind).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.NomineeId).ToList();
    }
}
