using System.Globalization;
using Dangjian.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Audit;

/// <summary>One change to a record, as its history shows it.</summary>
public sealed record HistoryEntry(long Sequence, DateTimeOffset At, string Actor, string Action, string? Before, string? After);

/// <summary>
/// The history of a record is its entries in the audit log (ORG-1 "history of each change is kept and
/// visible"): one mechanism for every module, nothing kept twice. Callers check scope on the record first.
/// </summary>
public sealed class AuditHistory(DangjianDbContext db)
{
    public async Task<IReadOnlyList<HistoryEntry>> ForAsync(string entityType, int id, CancellationToken ct = default)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == key)
            .OrderByDescending(a => a.Sequence)
            .Take(500)
            .Select(a => new HistoryEntry(a.Sequence, a.At, a.Actor, a.Action, a.Before, a.After))
            .ToListAsync(ct);
        return rows;
    }
}
