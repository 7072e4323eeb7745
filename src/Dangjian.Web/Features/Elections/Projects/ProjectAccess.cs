using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>
/// Every read and change of a project's records starts here: the project must exist and the caller must reach its
/// organization (Elections.Read to read, Elections.Run to change); a closed project takes no more changes.
/// </summary>
public sealed class ProjectAccess(DangjianDbContext db, ScopeService scopes)
{
    /// <summary>The project's organization, after the scope check; 404 for an unknown id (403 for a caller without any scope).</summary>
    public async Task<int> DemandAsync(int projectId, Permission permission, CancellationToken ct)
    {
        var p = await db.ElectionProjects.AsNoTracking().Where(x => x.Id == projectId)
            .Select(x => new { x.OrganizationId, x.ClosedAt }).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(p?.OrganizationId, "election project", projectId, permission, ct);
        if (permission != Permission.ElectionsRead && p!.ClosedAt is not null)
        {
            throw new DomainRuleException("Election.ProjectClosed", "id");
        }

        return p!.OrganizationId;
    }

    /// <summary>Whether the caller may change the project's records (pages show write controls only then).</summary>
    public Task<bool> MayWriteAsync(int organizationId, CancellationToken ct) => scopes.MayAsync(Permission.ElectionsRun, organizationId, ct);
}
