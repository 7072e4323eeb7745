using System.Globalization;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.People;

/// <summary>
/// Reads the first sheet of an uploaded roster (ORG-6) into row drafts: the header found, each cell parsed, and the
/// problems of single cells and of the header reported by row and column. It knows no database; what needs one
/// (organization codes, ID numbers already taken) is checked afterwards by <see cref="RosterRowCheck"/>.
/// </summary>
internal sealed class RosterSheetReader(IStringLocalizer<PeopleText> text, ILogger log)
{
    private const int HeaderSearchRows = 20;

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    /// <summary>Reads the first sheet into row drafts, reporting problems of single cells and of the header.</summary>
    public RosterSheet? Read(Stream file, XlsxInspection inspection, int maxRows, RosterReport report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var pool = new TextPool();
        var formulas = inspection.Formulas.ToLookup(f => f.Row);
        var drafts = new List<RosterDraft>();
        Dictionary<string, (RosterColumn Column, string Header)>? columns = null;
        var firstRows = new List<(int Row, IDictionary<string, object?> Cells)>();
        var rowNumber = 0;
        try
        {
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                rowNumber++;
                if (rowNumber % 1000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(ImportPhase.Validating, drafts.Count, 0));
                }

                if (columns is null)
                {
                    // The header is the first row naming at least three template columns (a title row above it is
                    // allowed), else the first non-blank row, whose missing columns are then reported.
                    if (IsBlank(cells))
                    {
                        continue;
                    }

                    firstRows.Add((rowNumber, cells));
                    if (cells.Values.Count(v => RosterColumns.ForHeader(v as string) is not null) >= 3)
                    {
                        columns = Header(cells, rowNumber, formulas, report);
                    }
                    else if (firstRows.Count >= HeaderSearchRows)
                    {
                        columns = Header(firstRows[0].Cells, firstRows[0].Row, formulas, report);
                    }

                    if (columns is null)
                    {
                        continue;
                    }

                    if (report.Count > 0)
                    {
                        return null;
                    }

                    // Rows between a title row and the header were not data.
                    continue;
                }

                if (IsBlank(cells) && !formulas.Contains(rowNumber))
                {
                    continue;
                }

                if (drafts.Count == maxRows)
                {
                    report.Clear();
                    report.File("Import.TooManyRows", maxRows);
                    return null;
                }

                drafts.Add(ReadRow(cells, rowNumber, columns, formulas[rowNumber], pool));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // MiniExcel met something that is not a readable sheet; one clear message, not a stack trace.
            log.LogInformation(e, "Roster upload could not be read as .xlsx");
            report.Clear();
            report.File("Import.NotXlsx");
            return null;
        }

        if (columns is null && firstRows.Count > 0)
        {
            columns = Header(firstRows[0].Cells, firstRows[0].Row, formulas, report);
            if (report.Count > 0)
            {
                return null;
            }
        }

        if (drafts.Count == 0)
        {
            report.File("Import.Empty");
            return null;
        }

        return new RosterSheet(columns!.Values.ToDictionary(c => c.Column, c => c.Header), drafts);
    }

    private Dictionary<string, (RosterColumn Column, string Header)>? Header(
        IDictionary<string, object?> cells, int row, ILookup<int, FormulaCell> formulas, RosterReport report)
    {
        var columns = new Dictionary<string, (RosterColumn, string)>(StringComparer.Ordinal);
        var seen = new HashSet<RosterColumn>();
        foreach (var (letter, value) in cells)
        {
            var header = (value as string)?.Trim();
            if (RosterColumns.ForHeader(header) is not { } column)
            {
                continue;
            }

            if (!seen.Add(column))
            {
                report.Add(row, header, "Import.DuplicateColumn", header!);
                continue;
            }

            columns[letter] = (column, header!);
        }

        foreach (var f in formulas[row])
        {
            report.Add(row, f.Column, "Import.Formula", f.Reference);
        }

        foreach (var missing in RosterColumns.Required.Where(c => !seen.Contains(c)).OrderBy(c => c))
        {
            var header = text[RosterColumns.ResourceKey(missing)].Value;
            report.Add(row, header, "Import.MissingColumn", header);
        }

        return columns;
    }

    private static RosterDraft ReadRow(
        IDictionary<string, object?> cells, int row, Dictionary<string, (RosterColumn Column, string Header)> columns, IEnumerable<FormulaCell> formulas, TextPool pool)
    {
        var draft = new RosterDraft(row);
        foreach (var f in formulas)
        {
            if (columns.TryGetValue(f.Column, out var c))
            {
                draft.Fail(c.Column, c.Header, "Import.Formula", f.Reference);
            }
            else
            {
                draft.Fail(null, f.Column, "Import.Formula", f.Reference);
            }
        }

        foreach (var (letter, value) in cells)
        {
            RosterColumn? column = columns.TryGetValue(letter, out var c) ? c.Column : null;
            var header = column is null ? letter : c.Header;
            if (column is { } known && draft.IsBad(known))
            {
                continue;
            }

            // Checks on every cell, read or not: no huge text, nothing a spreadsheet would run.
            if (value is string s)
            {
                if (s.Length > RosterImport.MaxCellLength)
                {
                    draft.Fail(column, header, "Import.CellTooLong", RosterImport.MaxCellLength);
                    continue;
                }

                if (s.TrimStart().StartsWith('='))
                {
                    draft.Fail(column, header, "Import.FormulaText");
                    continue;
                }
            }

            if (column is { } target)
            {
                Assign(draft, target, header, value, pool);
            }
        }

        return draft;
    }

    private static void Assign(RosterDraft d, RosterColumn column, string header, object? value, TextPool pool)
    {
        switch (column)
        {
            case RosterColumn.Name:
                d.Name = TextOf(value);
                break;
            case RosterColumn.IdNumber:
                if (value is double or float or decimal or int or long)
                {
                    // An 18-digit number has lost its last digits in Excel (15 significant digits).
                    d.Fail(column, header, "Import.IdNumberAsNumber");
                }
                else
                {
                    d.IdNumber = TextOf(value);
                }

                break;
            case RosterColumn.Gender:
                d.Gender = Parse(d, column, header, value, RosterColumns.ParseGender, "Import.UnknownGender");
                break;
            case RosterColumn.Status:
                d.Status = Parse(d, column, header, value, RosterColumns.ParseStatus, "Import.UnknownStatus");
                break;
            case RosterColumn.BirthDate:
                d.BirthDate = DateOf(d, column, header, value, "Field.BirthDate");
                break;
            case RosterColumn.JoinedPartyOn:
                d.JoinedPartyOn = DateOf(d, column, header, value, "Field.JoinedPartyOn");
                break;
            case RosterColumn.FullMemberOn:
                d.FullMemberOn = DateOf(d, column, header, value, "Field.FullMemberOn");
                break;
            case RosterColumn.IsCadre:
                d.IsCadre = Parse(d, column, header, value, RosterColumns.ParseYesNo, "Input.Invalid", "Field.IsCadre") ?? false;
                break;
            case RosterColumn.OrganizationCode:
                d.OrganizationCode = pool.Of(TextOf(value)?.Trim());
                break;
            case RosterColumn.Phone:
                d.Phone = TextOf(value);
                break;
            case RosterColumn.Ethnicity:
                d.Ethnicity = pool.Of(TextOf(value));
                break;
            case RosterColumn.Education:
                d.Education = pool.Of(TextOf(value));
                break;
            case RosterColumn.Workplace:
                d.Workplace = pool.Of(TextOf(value));
                break;
            case RosterColumn.DuesCategory:
                if (!string.IsNullOrWhiteSpace(TextOf(value)))
                {
                    d.DuesCategory = Parse(d, column, header, value, RosterColumns.ParseDuesCategory, "Input.Invalid", "Field.Dues.Category");
                }

                break;
            case RosterColumn.DuesBase:
                d.DuesBase = NumberOf(d, column, header, value, "Field.Dues.Base");
                break;
        }
    }

    /// <summary>A number cell, or text that reads as one; anything else is named as invalid.</summary>
    private static decimal? NumberOf(RosterDraft d, RosterColumn column, string header, object? value, string label)
    {
        switch (value)
        {
            case null:
                return null;
            case double x when !double.IsNaN(x) && !double.IsInfinity(x) && Math.Abs(x) < 1e15:
                return decimal.Round((decimal)x, 10);
            case string s when string.IsNullOrWhiteSpace(s):
                return null;
            case string s when decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n):
                return n;
            case IConvertible c when value is int or long or decimal or float:
                return c.ToDecimal(CultureInfo.InvariantCulture);
            default:
                d.Fail(column, header, "Input.Invalid", label);
                return null;
        }
    }

    private static T? Parse<T>(RosterDraft d, RosterColumn column, string header, object? value, Func<string?, T?> parse, string unknownCode, params object[] arguments)
        where T : struct
    {
        var s = TextOf(value);
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        if (parse(s) is { } v)
        {
            return v;
        }

        d.Fail(column, header, unknownCode, arguments);
        return null;
    }

    /// <summary>A real Excel date cell, or text as yyyy-MM-dd, yyyy/M/d and their kin.</summary>
    private static DateOnly? DateOf(RosterDraft d, RosterColumn column, string header, object? value, string label)
    {
        switch (value)
        {
            case null:
                return null;
            case DateTime dt:
                return DateOnly.FromDateTime(dt);
            case string s when string.IsNullOrWhiteSpace(s):
                return null;
            case string s when DateTime.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed):
                return DateOnly.FromDateTime(parsed);
            default:
                d.Fail(column, header, "Input.BadDate", label);
                return null;
        }
    }

    private static string? TextOf(object? value) => value switch
    {
        null => null,
        string s => s,
        double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => x.ToString("0", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// One string for each repeated value of a column with few values (organization codes, ethnicity, education, workplaces): a
    /// province's roster repeats them a million times. Bounded, so a file of all-different values costs no more than before.
    /// </summary>
    private sealed class TextPool
    {
        private const int MaxEntries = 100_000;
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string? Of(string? s)
        {
            if (s is null)
            {
                return null;
            }

            if (_strings.TryGetValue(s, out var pooled))
            {
                return pooled;
            }

            if (_strings.Count < MaxEntries)
            {
                _strings[s] = s;
            }

            return s;
        }
    }

    private static bool IsBlank(IDictionary<string, object?> cells) =>
        cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));

}
