using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>
/// Every read and change of a project's records starts here: the project must exist and the caller must reach its
/// organization (Access.Read to read, Access.Write to change); a closed project takes no more changes.
/// </summary>
public sealed class ProjectAccess(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>The project's organization, after the scope check; 404 for an unknown id (403 for a caller without any scope).</summary>
    public async Task<int> DemandAsync(int projectId, Access access, CancellationToken ct)
    {
        var p = await db.ElectionProjects.AsNoTracking().Where(x => x.Id == projectId)
            .Select(x => new { x.OrganizationId, x.ClosedAt }).FirstOrDefaultAsync(ct);
        if (p is null)
        {
            var scope = await scopes.GetAsync(ct);
            throw scope.Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("election project", projectId);
        }

        await scopes.DemandAsync(access, p.OrganizationId, ct);
        if (access == Access.Write && p.ClosedAt is not null)
        {
            throw new DomainRuleException("Election.ProjectClosed", "id");
        }

        return p.OrganizationId;
    }

    /// <summary>Whether the caller may change the project's records (pages show write controls only then).</summary>
    public async Task<bool> MayWriteAsync(int organizationId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstAsync(ct);
        return scope.Allows(Access.Write, path);
    }
}
