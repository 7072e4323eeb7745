using System.Globalization;
using Dangjian.Web.Features.People;
using Dangjian.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Common;

/// <summary>
/// The first sheet of an uploaded .xlsx for an all-or-nothing import (the dues payments, study records; the roster's
/// rule ORG-6): looked inside first (a workbook at all, not a zip bomb, no formulas), then read as its non-blank rows.
/// </summary>
public static class XlsxImportSheet
{
    /// <summary>How much an .xlsx may inflate to, relative to the upload limit.</summary>
    public const int MaxInflation = 40;

    /// <summary>
    /// The non-blank rows, the header first, each with its 1-based row number, and the formula cells as problems; or no
    /// rows and the problem that keeps the file from being read at all (not an .xlsx, too large unpacked, no data row
    /// — <paramref name="emptyCode"/> —, more than <paramref name="maxRows"/> data rows).
    /// </summary>
    public static (List<(int Row, IDictionary<string, object?> Cells)>? Rows, List<ImportError> Errors) Read(
        MemoryStream file, long maxUploadBytes, int maxRows, IStringLocalizer<RuleText> rules, ILogger log, string emptyCode)
    {
        ImportError FileError(string code, params object[] args) => new(null, null, FieldErrors.Localize(rules, code, args));
        var inspection = XlsxPackage.Inspect(file, maxUploadBytes * MaxInflation);
        if (!inspection.IsWorkbook || inspection.TooLarge)
        {
            return (null, [FileError(inspection.TooLarge ? "Import.TooLargeUnpacked" : "Import.NotXlsx")]);
        }

        var errors = inspection.Formulas.Select(f => new ImportError(f.Row, f.Column, FieldErrors.Localize(rules, "Import.Formula", [f.Reference]))).ToList();
        List<(int Row, IDictionary<string, object?> Cells)> rows;
        try
        {
            file.Position = 0;
            rows = [.. MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select((cells, i) => (Row: i + 1, Cells: cells)).Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
                .Take(maxRows + 2)];
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            log.LogInformation(e, "An upload could not be read as .xlsx");
            return (null, [FileError("Import.NotXlsx")]);
        }

        return rows.Count < 2 ? (null, [FileError(emptyCode)])
            : rows.Count > maxRows + 1 ? (null, [FileError("Import.TooManyRows", maxRows)])
            : (rows, errors);
    }

    /// <summary>A cell as text: a date as yyyy-MM-dd, a number in invariant form, blank as null.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        _ => string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString()!.Trim(),
    };
}
