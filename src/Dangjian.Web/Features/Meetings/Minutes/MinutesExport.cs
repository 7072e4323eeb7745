using System.Globalization;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.Minutes;

/// <summary>An organization's register of numbered minutes for a year as .xlsx (MTG-8).</summary>
public sealed class MinutesExport(MinutesQueries queries, EnumLabels labels, IStringLocalizer<MinutesText> text, OrgClock clock)
{
    public async Task<byte[]> ExportAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var register = await queries.RegisterAsync(organizationId, year, ct);
        var rows = register.Rows.Select(r => new Dictionary<string, object?>
        {
            [text["Col.Number"]] = r.Display,
            [text["Col.Organization"]] = ExcelFile.Safe(register.OrganizationName),
            [text["Col.Meeting"]] = ExcelFile.Safe(r.MeetingTitle),
            [text["Col.Type"]] = labels.Of(r.MeetingType),
            [text["Col.Date"]] = DateText.Format(r.MeetingDate),
            [text["Col.Revision"]] = r.Revision,
            [text["Col.SignedBy"]] = ExcelFile.Safe(r.SignedBy),
            [text["Col.SignedAt"]] = clock.Format(r.SignedAt),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
