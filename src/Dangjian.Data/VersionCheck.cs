using Dangjian.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data;

/// <summary>Optimistic concurrency for records edited through forms (<see cref="IVersioned"/>).</summary>
public static class VersionCheck
{
    /// <summary>
    /// Declares the version the editor started from. A stale one is refused at once, and the save is made
    /// conditional on it, so a change committed in between also fails the save: the second editor gets a
    /// conflict, never a silent overwrite.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int version)
        where T : class, IVersioned
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        if (entity.Version != version)
        {
            throw new DbUpdateConcurrencyException();
        }
    }
}
