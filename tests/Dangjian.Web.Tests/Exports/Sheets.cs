using System.Globalization;
using System.Net;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Exports;

/// <summary>Reads an export back as a user's spreadsheet program would: the file opens, its first row names the columns.</summary>
public static class Sheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The rows of the first sheet of a successful .xlsx download, each cell as text ("" when empty).</summary>
    public static async Task<List<Dictionary<string, string>>> RowsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(c => c.Key, c => Convert.ToString(c.Value, CultureInfo.InvariantCulture) ?? string.Empty))
            .ToList();
    }

    /// <summary>The column names (first row) of the first sheet, in order.</summary>
    public static async Task<IReadOnlyList<string>> HeadersAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return [.. new MemoryStream(bytes).GetColumns(useHeaderRow: true) ?? []];
    }

    /// <summary>The rows whose <paramref name="column"/> is <paramref name="value"/>.</summary>
    public static IEnumerable<Dictionary<string, string>> Where(this IEnumerable<Dictionary<string, string>> rows, string column, string value) =>
        rows.Where(r => r.TryGetValue(column, out var v) && v == value);
}
