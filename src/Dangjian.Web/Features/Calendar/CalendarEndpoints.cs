using System.Text.Json;
using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Calendar;

/// <summary>/api/v1/calendar: the working-day calendar (MTG-2). Reading is open to every signed-in user; changes are the district admin's.</summary>
public static class CalendarEndpoints
{
    public static IServiceCollection AddCalendar(this IServiceCollection services) =>
        services.AddScoped<CalendarQueries>().AddScoped<CalendarCommands>().AddScoped<CalendarSheet>();

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        group.MapGet("/years", ListCalendarYears).WithName(nameof(ListCalendarYears)).RequirePermission(Permission.CalendarRead);
        group.MapGet("/years/{year:int}", GetCalendarYear).WithName(nameof(GetCalendarYear)).RequirePermission(Permission.CalendarRead);
        group.MapPost("/years", ImportCalendarYear).WithName(nameof(ImportCalendarYear)).RequirePermission(Permission.CalendarEdit);
        group.MapPost("/years/xlsx", ImportCalendarSheet).WithName(nameof(ImportCalendarSheet)).RequirePermission(Permission.CalendarEdit).AcceptsExcel();
        group.MapGet("/template", GetCalendarTemplate).WithName(nameof(GetCalendarTemplate)).RequirePermission(Permission.CalendarEdit);
        group.MapPost("/days", AddCalendarDay).WithName(nameof(AddCalendarDay)).RequirePermission(Permission.CalendarEdit);
        group.MapPut("/days/{date}", UpdateCalendarDay).WithName(nameof(UpdateCalendarDay)).RequirePermission(Permission.CalendarEdit);
        group.MapDelete("/days/{date}", RemoveCalendarDay).WithName(nameof(RemoveCalendarDay)).RequirePermission(Permission.CalendarEdit);
        group.MapGet("/workdays", CountWorkingDays).WithName(nameof(CountWorkingDays)).RequirePermission(Permission.CalendarRead);
    }

    public static async Task<Ok<IReadOnlyList<CalendarYearSummary>>> ListCalendarYears(CalendarQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.YearsAsync(ct));

    public static async Task<Ok<CalendarYearView>> GetCalendarYear(CalendarQueries queries, int year, CancellationToken ct) =>
        TypedResults.Ok(await queries.YearAsync(year, ct));

    /// <summary>
    /// Imports a year: the body is a year entry as in the shipped ChinaHolidays.json
    /// (<c>{"year": 2027, "source": "…", "holidays": [{"name", "from", "to"}], "workdays": ["2027-…" or {"date", "name"}]}</c>).
    /// All or nothing; every entry's problem is reported under its field (<c>holidays[2].from</c>). A year the calendar holds
    /// is refused unless <c>replace=true</c>.
    /// </summary>
    public static async Task<Results<Created<CalendarYearView>, Ok<CalendarYearView>>> ImportCalendarYear(
        CalendarCommands commands, CalendarQueries queries, JsonElement body, bool? replace, CancellationToken ct)
    {
        var result = await commands.ImportAsync(body, replace == true, ct);
        var view = await queries.YearAsync(result.Year, ct);
        return result.Replaced ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/calendar/years/{result.Year}", view);
    }

    /// <summary>
    /// Imports a year from the .xlsx template (columns 日期, 类型 放假/调休上班, 名称), sent as the request body with the .xlsx
    /// content type; <c>year</c> names the year, <c>source</c> the notice. Problems are named by Excel row (<c>rows[5].date</c>).
    /// </summary>
    public static async Task<Results<Created<CalendarYearView>, Ok<CalendarYearView>, ProblemHttpResult>> ImportCalendarSheet(
        HttpContext http, CalendarCommands commands, CalendarQueries queries, ExcelUpload upload, int? year, string? source, bool? replace, CancellationToken ct)
    {
        using var body = await upload.ReadAsync(http, ct);
        if (!body.Accepted)
        {
            return body.Refusal;
        }

        if (year is null)
        {
            throw new InputValidationException(new FieldErrors().Add("year", "Input.Required", "Field.Calendar.Year"));
        }

        var (draft, problems) = CalendarSheet.Read(body.File, year.Value, source);
        var result = await commands.ImportAsync(draft, problems, replace == true, ct);
        var view = await queries.YearAsync(result.Year, ct);
        return result.Replaced ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/calendar/years/{result.Year}", view);
    }

    public static async Task<FileContentHttpResult> GetCalendarTemplate(CalendarSheet sheet, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await sheet.TemplateAsync(ct), "calendar-template", clock);

    public static async Task<Created<CalendarDayView>> AddCalendarDay(CalendarCommands commands, CalendarDayRequest request, CancellationToken ct)
    {
        var day = await commands.AddDayAsync(request, ct);
        return TypedResults.Created($"/api/v1/calendar/years/{day.Date.Year}", day);
    }

    public static async Task<Ok<CalendarDayView>> UpdateCalendarDay(CalendarCommands commands, DateOnly date, CalendarDayRequest request, CancellationToken ct) =>
        TypedResults.Ok(await commands.UpdateDayAsync(date, request, ct));

    public static async Task<NoContent> RemoveCalendarDay(CalendarCommands commands, DateOnly date, CancellationToken ct)
    {
        await commands.RemoveDayAsync(date, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Working days d with from ≤ d &lt; to (yyyy-MM-dd) by the current calendar; a year it does not hold is refused, naming the year.</summary>
    public static async Task<Ok<WorkingDaysView>> CountWorkingDays(CalendarQueries queries, string? from, string? to, CancellationToken ct) =>
        TypedResults.Ok(await queries.WorkingDaysAsync(from, to, ct));
}
