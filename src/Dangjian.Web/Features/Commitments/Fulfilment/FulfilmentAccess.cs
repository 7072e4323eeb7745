using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Commitments.Fulfilment;

/// <summary>
/// Who may touch one commitment item, by the organization it belongs to (the member's own branch, or the owning
/// organization): an item the caller cannot read is not found, as one that does not exist; one they read but may not
/// change is refused.
/// </summary>
public sealed class FulfilmentAccess(DangjianDbContext db, ScopeService scopes, CommitmentQueries queries)
{
    /// <summary>The item (tracked when <paramref name="tracked"/>) and its organization's path, after the checks.</summary>
    public async Task<(Commitment Item, string Path)> DemandItemAsync(int commitmentId, Permission permission, bool tracked, CancellationToken ct)
    {
        var item = await (tracked ? db.Commitments : db.Commitments.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == commitmentId, ct);
        var scope = await scopes.GetAsync(ct);
        var path = item is null ? null : (await queries.OwnersAsync([item], ct))[item.Id].Path;
        if (item is null || path is null || !scope.Allows(Permission.CommitmentsRead, path))
        {
            throw scope.Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("commitment", commitmentId);
        }

        if (!scope.Allows(permission, path))
        {
            throw new ScopeRefusedException();
        }

        return (item, path);
    }
}
