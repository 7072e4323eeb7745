using Dangjian.Domain.Calendar;

namespace Dangjian.Data.Calendar;

/// <summary>
/// Where every "working days" deadline gets its calendar from (issue 4, MTG-2). Callers never use
/// <see cref="HolidayCalendar.Shipped"/> directly, so that holidays edited or imported by a district admin apply everywhere.
/// </summary>
public interface IWorkingDayCalendar
{
    Task<HolidayCalendar> CurrentAsync(CancellationToken ct = default);
}

/// <summary>The calendar shipped with the program (2025 and 2026), until the database holds one.</summary>
public sealed class ShippedWorkingDayCalendar : IWorkingDayCalendar
{
    public Task<HolidayCalendar> CurrentAsync(CancellationToken ct = default) => Task.FromResult(HolidayCalendar.Shipped);
}
