using Dangjian.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Calendar;

/// <summary>
/// Puts the shipped years (<c>ChinaHolidays.json</c>) into the database at start-up, each only if the database does not hold
/// that year yet: a year a district admin edited or imported is never overwritten, and running it again changes nothing.
/// A newer program that ships a further year adds just that year.
/// </summary>
public static class CalendarSeed
{
    public const string SeededAction = "Calendar.Seeded";

    /// <summary>Adds the shipped years the database lacks; returns the years added.</summary>
    public static async Task<IReadOnlyList<int>> EnsureAsync(DangjianDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var held = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        var missing = CalendarYearJson.Shipped.Where(y => !held.Contains(y.Year)).ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        foreach (var year in missing)
        {
            db.CalendarYears.Add(new CalendarYear { Year = year.Year, Source = year.Source });
            db.CalendarDays.AddRange(year.Days.Select(d => new CalendarDay { Year = year.Year, Date = d.Date, Kind = d.Kind, Name = d.Name }));
        }

        var added = missing.Select(y => y.Year).ToList();
        db.AddAuditEvent(SeededAction, nameof(CalendarYear), string.Join(",", added), new { years = added, from = "ChinaHolidays.json" });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment may have seeded the same years first: then nothing is left to do.
            db.ChangeTracker.Clear();
            if (!await AllHeldAsync(db, added, ct))
            {
                throw;
            }

            return [];
        }

        db.ChangeTracker.Clear();
        return added;
    }

    private static async Task<bool> AllHeldAsync(DangjianDbContext db, List<int> years, CancellationToken ct)
    {
        return await db.CalendarYears.AsNoTracking().CountAsync(y => years.Contains(y.Year), ct) == years.Count;
    }
}
