using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.Proceedings;

/// <summary>The meeting list as .xlsx, with the list's filter: one row per meeting in scope.</summary>
public sealed class MeetingExport(MeetingQueries queries, EnumLabels labels, IStringLocalizer<MeetingText> text)
{
    public async Task<byte[]> ExportAsync(
        int? organizationId, MeetingType? type, MeetingStatus? status, DateOnly? from, DateOnly? to, string? search, CancellationToken ct = default)
    {
        var rows = (await queries.AllAsync(organizationId, type, status, from, to, search, ct)).Select(m => new Dictionary<string, object?>
        {
            [text["Col.Date"]] = DateText.Format(m.Date),
            [text["Col.Organization"]] = ExcelFile.Safe(m.OrganizationName),
            [text["Col.Type"]] = labels.Of(m.Type),
            [text["Col.Title"]] = ExcelFile.Safe(m.Title),
            [text["Col.Status"]] = labels.Of(m.Status),
            [text["Col.Emergency"]] = m.Emergency ? text["Yes"].Value : string.Empty,
            [text["Col.Items"]] = m.Items,
            [text["Col.AwaitingRuling"]] = m.AwaitingRuling,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
