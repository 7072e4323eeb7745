using Dangjian.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Calendar;

/// <summary>
/// Where every "working days" deadline gets its calendar from (MTG-2). Callers never use
/// <see cref="HolidayCalendar.Shipped"/> directly, so that holidays edited or imported by a district admin apply everywhere.
/// </summary>
public interface IWorkingDayCalendar
{
    Task<HolidayCalendar> CurrentAsync(CancellationToken ct = default);
}

/// <summary>The calendar shipped with the program (2025 and 2026), for tools that work without a database.</summary>
public sealed class ShippedWorkingDayCalendar : IWorkingDayCalendar
{
    public Task<HolidayCalendar> CurrentAsync(CancellationToken ct = default) => Task.FromResult(HolidayCalendar.Shipped);
}

/// <summary>
/// The calendar as the database holds it (<see cref="CalendarYear"/>, <see cref="CalendarDay"/>), seeded from the shipped
/// file (<see cref="CalendarSeed"/>) and edited by district admins. Read once per scope (one request, one page operation),
/// so an edit is seen by the next request; a year the database does not hold is refused
/// (<see cref="CalendarYearMissingException"/>), as with the shipped calendar.
/// </summary>
public sealed class DatabaseWorkingDayCalendar(DangjianDbContext db) : IWorkingDayCalendar
{
    private HolidayCalendar? _current;

    public async Task<HolidayCalendar> CurrentAsync(CancellationToken ct = default)
    {
        if (_current is not null)
        {
            return _current;
        }

        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        _current = CalendarRules.Build(years, days.Select(d => (d.Date, d.Kind)));
        return _current;
    }

    /// <summary>Forget the calendar read in this scope (after this scope changed it).</summary>
    public void Invalidate() => _current = null;
}
