using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Cadres.Reserve;

/// <summary>The reserve pool as the list's filter picks it, as .xlsx: one row an entry.</summary>
public sealed class ReserveExport(ReserveQueries queries, IStringLocalizer<ReserveText> text)
{
    public async Task<byte[]> ListAsync(ReserveFilter filter, CancellationToken ct = default)
    {
        var (_, rows) = await queries.AllAsync(filter, ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [text["Col.Name"]] = ExcelFile.Safe(r.PersonName),
            [text["Col.Organization"]] = ExcelFile.Safe(r.PersonOrganization),
            [text["Col.BirthDate"]] = r.BirthDate is { } b ? DateText.Format(b) : null,
            [text["Col.Education"]] = ExcelFile.Safe(r.Education),
            [text["Col.PostLevel"]] = ExcelFile.Safe(r.TargetPostLevel),
            [text["Col.PostType"]] = ExcelFile.Safe(r.TargetPostType),
            [text["Col.Field"]] = ExcelFile.Safe(r.Field),
            [text["Col.Source"]] = text[$"ReserveSource.{r.Source}"].Value,
            [text["Col.EnteredOn"]] = DateText.Format(r.EnteredOn),
            [text["Col.LeftOn"]] = r.LeftOn is { } l ? DateText.Format(l) : null,
            [text["Col.LeaveReason"]] = ExcelFile.Safe(r.LeaveReason),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [text["Sheet"]] = sheet }, cancellationToken: ct);
        return stream.ToArray();
    }
}
