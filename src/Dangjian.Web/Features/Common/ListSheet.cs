using MiniExcelLibs;

namespace Dangjian.Web.Features.Common;

/// <summary>
/// What a list's Excel export (RPT-2) writes: every page of the list as the caller filtered it, read through the list's own
/// query (so the file holds what the list holds, in its order, under its permission and scope), and one sheet of rows.
/// </summary>
public static class ListSheet
{
    /// <summary>Every row of a paged list, page by page at the largest page size the list allows.</summary>
    public static async Task<IReadOnlyList<T>> AllPagesAsync<T>(Func<int, int, Task<Paged<T>>> page)
    {
        var rows = new List<T>();
        for (var number = 1; ; number++)
        {
            var one = await page(number, Paging.MaxPageSize);
            rows.AddRange(one.Items);
            if (one.Items.Count < one.PageSize || rows.Count >= one.Total)
            {
                return rows;
            }
        }
    }

    /// <summary>One sheet named <paramref name="sheet"/>, a column per (header, value) pair; with no rows, the headers alone,
    /// so an empty file still says what it would hold.</summary>
    public static async Task<byte[]> SaveAsync<T>(string sheet, IEnumerable<T> items, IReadOnlyList<(string Header, Func<T, object?> Value)> columns, CancellationToken ct)
    {
        var rows = items.Select(i => columns.ToDictionary(c => c.Header, c => c.Value(i))).ToList();
        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            using var empty = new System.Data.DataTable();
            foreach (var (header, _) in columns)
            {
                empty.Columns.Add(header, typeof(string));
            }

            await stream.SaveAsAsync(empty, sheetName: sheet, cancellationToken: ct);
        }
        else
        {
            await stream.SaveAsAsync(rows, sheetName: sheet, cancellationToken: ct);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// One sheet of a workbook of several (<see cref="SaveSheetsAsync"/>): a table named <paramref name="sheet"/> with a text
    /// column per (header, value) pair, so a sheet without rows still has its headers.
    /// </summary>
    public static System.Data.DataTable Sheet<T>(string sheet, IEnumerable<T> items, IReadOnlyList<(string Header, Func<T, object?> Value)> columns)
    {
        var table = new System.Data.DataTable(sheet);
        foreach (var (header, _) in columns)
        {
            table.Columns.Add(header, typeof(string));
        }

        foreach (var item in items)
        {
            table.Rows.Add([.. columns.Select(c => Convert.ToString(c.Value(item), System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return table;
    }

    /// <summary>A workbook of several sheets, in the order given (a list and the people it leaves out, say).</summary>
    public static async Task<byte[]> SaveSheetsAsync(IReadOnlyList<System.Data.DataTable> sheets, CancellationToken ct)
    {
        using var workbook = new System.Data.DataSet();
        foreach (var sheet in sheets)
        {
            workbook.Tables.Add(sheet);
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(workbook, cancellationToken: ct);
        return stream.ToArray();
    }
}
