using System.Globalization;
using Dangjian.Data;
using Dangjian.Domain.Calendar;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Calendar;

/// <summary>
/// A calendar year as a spreadsheet: one row per special day with the columns 日期 (date), 类型 (放假 or 调休上班) and 名称
/// (the holiday), English headers accepted too. Reading gives a draft for <see cref="CalendarCommands"/>, which checks it
/// by the same rules as a JSON import; problems are named by row as Excel numbers it ("rows[5]").
/// </summary>
public sealed class CalendarSheet(DangjianDbContext db, IStringLocalizer<CalendarText> text)
{
    public const int MaxRows = 1_000;

    /// <summary>A worksheet at most this large once unzipped (a year has a few dozen rows).</summary>
    public const long MaxUnpackedBytes = 10 * 1024 * 1024;

    private static readonly string[] DateHeaders = ["日期", "date"];
    private static readonly string[] KindHeaders = ["类型", "kind", "type"];
    private static readonly string[] NameHeaders = ["名称", "name"];
    private static readonly string[] HolidayWords = ["放假", "休", "假", "节假日", "holiday"];
    private static readonly string[] WorkdayWords = ["调休上班", "上班", "班", "补班", "调休上班日", "makeupworkday", "make-upworkday", "workday"];
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    /// <summary>The template: the three columns, filled with the latest year the calendar holds as an example.</summary>
    public async Task<byte[]> TemplateAsync(CancellationToken ct = default)
    {
        var latest = await db.CalendarYears.AsNoTracking().MaxAsync(y => (int?)y.Year, ct);
        var days = latest is null
            ? []
            : (await db.CalendarDays.AsNoTracking().Where(d => d.Year == latest).ToListAsync(ct)).OrderBy(d => d.Date).ToList();
        var rows = days.Select(d => new Dictionary<string, object?>
        {
            [text["Col.Date"]] = CalendarRules.Format(d.Date),
            [text["Col.Kind"]] = text[d.Kind == CalendarDayKind.Holiday ? "Kind.Holiday" : "Kind.MakeUpWorkday"].Value,
            [text["Col.Name"]] = ExcelFile.Safe(d.Name),
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { [text["Col.Date"]] = null, [text["Col.Kind"]] = null, [text["Col.Name"]] = null });
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>Reads the first sheet of <paramref name="xlsx"/> as the days of <paramref name="year"/>.</summary>
    public static (CalendarYearDraft Draft, IReadOnlyList<CalendarProblem> Problems) Read(Stream xlsx, int year, string? source)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        var problems = new List<CalendarProblem>();
        var days = new List<CalendarDayDraft>();
        var draft = new CalendarYearDraft(year, source?.Trim() ?? string.Empty, days);
        var inspection = XlsxPackage.Inspect(xlsx, MaxUnpackedBytes);
        if (!inspection.IsWorkbook)
        {
            return (draft, [new CalendarProblem("file", "Import.NotXlsx")]);
        }

        if (inspection.TooLarge)
        {
            return (draft, [new CalendarProblem("file", "Import.TooLargeUnpacked")]);
        }

        xlsx.Position = 0;
        (string Date, string Kind, string Name)? columns = null;
        var rowNumber = 0;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rowNumber++;
            if (columns is null)
            {
                columns = Header(cells);
                if (columns is null && cells.Values.Any(v => !string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
                {
                    return (draft, [new CalendarProblem("file", "Calendar.MissingColumns")]);
                }

                continue;
            }

            var (dateCol, kindCol, nameCol) = columns.Value;
            var dateCell = cells.TryGetValue(dateCol, out var dv) ? dv : null;
            var kindText = Text(cells, kindCol);
            var name = Text(cells, nameCol);
            if (dateCell is null or "" && kindText.Length == 0 && name.Length == 0)
            {
                continue;
            }

            if (days.Count + problems.Count >= MaxRows)
            {
                return (draft, [new CalendarProblem("file", "Import.TooManyRows", MaxRows)]);
            }

            var field = $"rows[{rowNumber.ToString(CultureInfo.InvariantCulture)}]";
            var date = Date(dateCell);
            if (date is null)
            {
                problems.Add(dateCell is null or ""
                    ? new CalendarProblem(field + ".date", "Input.Required", "Field.Calendar.Date")
                    : new CalendarProblem(field + ".date", CalendarRules.Codes.BadDate, Convert.ToString(dateCell, CultureInfo.InvariantCulture) ?? string.Empty));
            }

            var kind = Kind(kindText);
            if (kind is null)
            {
                problems.Add(new CalendarProblem(field + ".kind", "Calendar.BadKind", kindText));
            }

            if (date is not null && kind is not null)
            {
                days.Add(new CalendarDayDraft(field, date.Value, kind.Value, name));
            }
        }

        if (columns is null)
        {
            problems.Add(new CalendarProblem("file", "Calendar.EmptySheet"));
        }

        return (draft, problems);
    }

    private static (string, string, string)? Header(IDictionary<string, object?> cells)
    {
        string? Find(string[] names) => cells.FirstOrDefault(c => names.Contains(Normalize(Convert.ToString(c.Value, CultureInfo.InvariantCulture)))).Key;
        var (date, kind, name) = (Find(DateHeaders), Find(KindHeaders), Find(NameHeaders));
        return date is null || kind is null || name is null ? null : (date, kind, name);
    }

    private static string Normalize(string? s) => (s ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string Text(IDictionary<string, object?> cells, string column) =>
        cells.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty : string.Empty;

    private static CalendarDayKind? Kind(string text)
    {
        var k = Normalize(text);
        return HolidayWords.Contains(k) ? CalendarDayKind.Holiday : WorkdayWords.Contains(k) ? CalendarDayKind.MakeUpWorkday : null;
    }

    private static DateOnly? Date(object? cell) => cell switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        DateOnly d => d,
        double serial when serial is > 1 and < 100_000 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
        string s when DateOnly.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };
}
