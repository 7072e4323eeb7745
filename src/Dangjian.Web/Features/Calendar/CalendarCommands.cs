using System.Text.Json;
using Dangjian.Data;
using Dangjian.Data.Calendar;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Calendar;

/// <summary>
/// Changing the working-day calendar (MTG-2: deadlines in working days): a day added, edited or removed, or a whole year imported from the
/// year's official notice. District admins only (组织部): the calendar is one for the whole district, and every
/// working-day deadline of every organization follows it. Each change is audited by the save that makes it.
/// </summary>
public sealed class CalendarCommands(DangjianDbContext db, ScopeService scopes, IWorkingDayCalendar calendar)
{
    public const string EditedAction = "CalendarDay.Edited";
    public const string ReplacedAction = "CalendarYear.Replaced";
    public const string ImportedAction = "Calendar.Imported";

    public async Task<CalendarDayView> AddDayAsync(CalendarDayRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await scopes.DemandHeldAsync(Permission.CalendarEdit, ct);
        var errors = new FieldErrors();
        if (request.Date is null)
        {
            errors.Add("date", "Input.Required", "Field.Calendar.Date");
        }

        if (request.Kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Calendar.Kind");
        }

        errors.ThrowIfAny();
        var date = request.Date!.Value;
        var kind = request.Kind!.Value;
        var covered = await db.CalendarYears.AnyAsync(y => y.Year == date.Year, ct);
        var others = await OtherDaysAsync(date.Year, except: null, ct);
        Throw(CalendarRules.CheckDay(date, kind, request.Name, covered, others));

        var day = new CalendarDay { Year = date.Year, Date = date, Kind = kind, Name = request.Name?.Trim() ?? string.Empty };
        db.CalendarDays.Add(day);
        await SaveAsync(ct);
        return View(day);
    }

    public async Task<CalendarDayView> UpdateDayAsync(DateOnly date, CalendarDayRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await scopes.DemandHeldAsync(Permission.CalendarEdit, ct);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct) ?? throw new NotFoundException("calendar day", date);
        var errors = new FieldErrors();
        if (request.Kind is null)
        {
            errors.Add("kind", "Input.Required", "Field.Calendar.Kind");
        }

        if (request.Version is null)
        {
            errors.Add("version", "Input.Required", "Field.Version");
        }

        if (request.Date is { } moved && moved != date)
        {
            // A day is moved by removing it and adding the new one: its date is its identity.
            errors.Add("date", "Calendar.DateFixed");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(day, request.Version!.Value);
        var others = await OtherDaysAsync(date.Year, except: date, ct);
        Throw(CalendarRules.CheckDay(date, request.Kind!.Value, request.Name, yearCovered: true, others));

        day.Kind = request.Kind.Value;
        day.Name = request.Name?.Trim() ?? string.Empty;
        db.AuditAction = EditedAction;
        await SaveAsync(ct);
        return View(day);
    }

    public async Task RemoveDayAsync(DateOnly date, CancellationToken ct = default)
    {
        await scopes.DemandHeldAsync(Permission.CalendarEdit, ct);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct) ?? throw new NotFoundException("calendar day", date);
        db.CalendarDays.Remove(day);
        await SaveAsync(ct);
    }

    /// <summary>Imports a year given as JSON in the shape of the shipped file's year entry (<see cref="CalendarYearJson"/>).</summary>
    public async Task<CalendarImportResult> ImportAsync(JsonElement entry, bool replace, CancellationToken ct = default)
    {
        await scopes.DemandHeldAsync(Permission.CalendarEdit, ct);
        var read = CalendarYearJson.Read(entry);
        Throw(read.Problems);
        return await SaveYearAsync(read.Draft!, replace, ct);
    }

    /// <summary>Imports a year read from elsewhere (a spreadsheet), checked by the same rules as JSON.</summary>
    public async Task<CalendarImportResult> ImportAsync(CalendarYearDraft draft, IReadOnlyList<CalendarProblem> readProblems, bool replace, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(readProblems);
        await scopes.DemandHeldAsync(Permission.CalendarEdit, ct);
        Throw([.. readProblems, .. CalendarRules.CheckYear(draft)]);
        return await SaveYearAsync(draft, replace, ct);
    }

    /// <summary>
    /// All or nothing: the year row and all its days in one save (one transaction), after every entry was checked. An
    /// existing year is refused unless <paramref name="replace"/>, which swaps all of its days in the same save.
    /// </summary>
    private async Task<CalendarImportResult> SaveYearAsync(CalendarYearDraft draft, bool replace, CancellationToken ct)
    {
        var existing = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == draft.Year, ct);
        if (existing is not null && !replace)
        {
            throw new DomainRuleException(CalendarRules.Codes.YearExists, "year", draft.Year);
        }

        if (existing is null)
        {
            db.CalendarYears.Add(new CalendarYear { Year = draft.Year, Source = draft.Source });
        }
        else
        {
            existing.Source = draft.Source;
            db.Entry(existing).State = EntityState.Modified; // the year's version moves even when its notice text is unchanged
            db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.Year == draft.Year).ToListAsync(ct));
            db.AuditAction = ReplacedAction;
        }

        // Deletes and inserts of the same dates in one save: written apart so the unique date index never sees both rows.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.CalendarDays.AddRange(draft.Days.Select(d => new CalendarDay { Year = draft.Year, Date = d.Date, Kind = d.Kind, Name = d.Name.Trim() }));
        var result = new CalendarImportResult(
            draft.Year, existing is not null,
            draft.Days.Count(d => d.Kind == CalendarDayKind.Holiday), draft.Days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
        db.AddAuditEvent(ImportedAction, nameof(CalendarYear), draft.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), result);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        (calendar as DatabaseWorkingDayCalendar)?.Invalidate();
        return result;
    }

    /// <summary>Saves, and makes this scope's later working-day counts see the change.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        (calendar as DatabaseWorkingDayCalendar)?.Invalidate();
    }


    private async Task<Dictionary<DateOnly, CalendarDayKind>> OtherDaysAsync(int year, DateOnly? except, CancellationToken ct) =>
        await db.CalendarDays.AsNoTracking().Where(d => d.Year == year && (except == null || d.Date != except.Value))
            .ToDictionaryAsync(d => d.Date, d => d.Kind, ct);

    private static void Throw(IEnumerable<CalendarProblem> problems)
    {
        var errors = new FieldErrors();
        foreach (var p in problems)
        {
            errors.Add(p.Field, p.Code, p.Arguments);
        }

        errors.ThrowIfAny();
    }

    private static CalendarDayView View(CalendarDay d) => new(d.Date, d.Kind, d.Name, d.Version);
}
