using Dangjian.Domain.Meetings;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.Matters;

/// <summary>The raised matters of a subtree as .xlsx, with the same filters as the list.</summary>
public sealed class MatterExport(MatterQueries queries, IStringLocalizer<MatterText> text)
{
    public async Task<byte[]> ListAsync(int? organizationId, RaisedMatterStatus? status, string? search, CancellationToken ct = default)
    {
        var all = new List<MatterView>();
        for (var page = 1; ; page++)
        {
            var chunk = await queries.ListAsync(organizationId, status, search, page, Paging.MaxPageSize, ct);
            all.AddRange(chunk.Items);
            if (all.Count >= chunk.Total || chunk.Items.Count == 0)
            {
                break;
            }
        }

        var rows = all.Select(m => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(m.OrganizationName),
            [text["Col.Title"]] = ExcelFile.Safe(m.Title),
            [text["Col.Reason"]] = ExcelFile.Safe(m.Reason),
            [text["Col.RaisedBy"]] = ExcelFile.Safe(m.RaisedByName),
            [text["Col.RaisedOn"]] = DateText.Format(m.RaisedOn),
            [text["Col.Supporters"]] = ExcelFile.Safe(Punctuation.JoinList(m.SupporterNames)),
            [text["Col.TeamSize"]] = m.TeamSize,
            [text["Col.Mandatory"]] = m.Mandatory ? text["Yes"].Value : text["No"].Value,
            [text["Col.Status"]] = text[$"Status.{m.Status}"].Value,
            [text["Col.Meeting"]] = ExcelFile.Safe(m.MeetingTitle),
            [text["Col.DeclineReason"]] = ExcelFile.Safe(m.DeclineReason),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, cancellationToken: ct);
        return stream.ToArray();
    }
}
