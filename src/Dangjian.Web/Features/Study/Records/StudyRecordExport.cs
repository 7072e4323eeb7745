using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Study.Records;

/// <summary>
/// The records of an organization subtree as .xlsx, with the figures the list shows. The columns the import reads carry
/// the import's headers, so an exported sheet can be corrected and imported elsewhere.
/// </summary>
public sealed class StudyRecordExport(StudyRecordQueries queries, IStringLocalizer<StudyRecordText> text)
{
    /// <summary>The most rows one export writes.</summary>
    public const int MaxRows = 50_000;

    public async Task<byte[]> RecordsAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var (_, records) = await queries.AllAsync(organizationId, year, MaxRows, ct);
        var rows = records.Select(r => new Dictionary<string, object?>
        {
            [text["Import.Name"]] = ExcelFile.Safe(r.PersonName),
            [text["Import.Kind"]] = text[$"Kind.{r.Kind}"].Value,
            [text["Import.Date"]] = r.Date is { } d ? DateText.Format(d) : null,
            [text["Import.Hours"]] = r.Hours,
            [text["Import.From"]] = r.From is { } f ? DateText.Format(f) : null,
            [text["Import.To"]] = r.To is { } t ? DateText.Format(t) : null,
            [text["Credits"]] = r.Credits,
            [text["Import.Topic"]] = ExcelFile.Safe(r.Topic),
            [text["Import.Content"]] = r.Content is { } c ? text[$"Content.{c}"].Value : null,
            [text["Import.Notes"]] = ExcelFile.Safe(r.Notes),
            [text["Status"]] = text[$"Status.{r.Status}"].Value,
            [text["EnteredBy"]] = ExcelFile.Safe(r.EnteredBy),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
