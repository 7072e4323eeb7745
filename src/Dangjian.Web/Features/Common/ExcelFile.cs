using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Common;

/// <summary>An .xlsx download with a dated, meaningful file name.</summary>
public static class ExcelFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The date in the name is the organization's day (DESIGN.md "Time"): an export taken at 07:30 in Beijing
    /// is named by that day, not by the UTC day before it.</summary>
    public static FileContentHttpResult Result(byte[] content, string name, OrgClock clock) =>
        TypedResults.File(content, ContentType, string.Create(CultureInfo.InvariantCulture, $"{name}-{clock.Today:yyyyMMdd}.xlsx"));

    /// <summary>
    /// Text that a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading
    /// apostrophe, so an exported roster cannot carry formula injection (OWASP "CSV injection").
    /// </summary>
    public static string? Safe(string? text) =>
        text is { Length: > 0 } && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
