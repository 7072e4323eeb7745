using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Calendar;

/// <summary>Reading the working-day calendar (MTG-2): open to every signed-in user.</summary>
public sealed class CalendarQueries(DangjianDbContext db, IWorkingDayCalendar calendar, ScopeService scopes)
{
    public async Task<IReadOnlyList<CalendarYearSummary>> YearsAsync(CancellationToken ct = default)
    {
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var counts = await db.CalendarDays.AsNoTracking().GroupBy(d => new { d.Year, d.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var cal = await calendar.CurrentAsync(ct);
        int Count(int year, CalendarDayKind kind) => counts.FirstOrDefault(c => c.Year == year && c.Kind == kind)?.Count ?? 0;
        return years.Select(y => new CalendarYearSummary(
            y.Year, y.Source, Count(y.Year, CalendarDayKind.Holiday), Count(y.Year, CalendarDayKind.MakeUpWorkday),
            cal.WorkingDays(new DateOnly(y.Year, 1, 1), new DateOnly(y.Year + 1, 1, 1)), y.Version)).ToList();
    }

    public async Task<CalendarYearView> YearAsync(int year, CancellationToken ct = default)
    {
        var row = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct)
            ?? throw new NotFoundException("calendar year", year);
        var days = (await db.CalendarDays.AsNoTracking().Where(d => d.Year == year)
                .Select(d => new CalendarDayView(d.Date, d.Kind, d.Name, d.Version)).ToListAsync(ct))
            .OrderBy(d => d.Date).ToList();
        var cal = await calendar.CurrentAsync(ct);
        var months = Enumerable.Range(1, 12).Select(m =>
        {
            var first = new DateOnly(year, m, 1);
            return new CalendarMonthView(m, cal.WorkingDays(first, first.AddMonths(1)), days.Where(d => d.Date.Month == m).ToList());
        }).ToList();
        return new CalendarYearView(row.Year, row.Source, row.Version, months.Sum(m => m.WorkingDays), days, months);
    }

    /// <summary>
    /// Working days d with <paramref name="from"/> ≤ d &lt; <paramref name="to"/> by the current calendar. A day in a year the
    /// calendar does not hold is refused, naming the year, under the field whose range reaches it.
    /// </summary>
    public async Task<WorkingDaysView> WorkingDaysAsync(string? from, string? to, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var first = Day(errors, "from", "Field.Calendar.From", from);
        var end = Day(errors, "to", "Field.Calendar.To", to);
        errors.ThrowIfAny();

        var cal = await calendar.CurrentAsync(ct);
        try
        {
            return new WorkingDaysView(first, end, cal.WorkingDays(first, end));
        }
        catch (CalendarYearMissingException e)
        {
            throw new DomainRuleException(CalendarRules.Codes.YearMissing, e.Year == first.Year ? "from" : "to", e.Year);
        }
    }

    /// <summary>Whether the caller may change the calendar (district admins only).</summary>
    public Task<bool> MayEditAsync(CancellationToken ct = default) => scopes.HoldsAsync(Permission.CalendarEdit, ct);

    private static DateOnly Day(FieldErrors errors, string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "Input.Required", label);
            return default;
        }

        if (!CalendarRules.TryParseDay(text, out var day))
        {
            errors.Add(field, CalendarRules.Codes.BadDate, text);
        }

        return day;
    }
}
