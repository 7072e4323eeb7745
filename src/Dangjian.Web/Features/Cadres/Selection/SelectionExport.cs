using Dangjian.Domain.Cadres.Selection;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Cadres.Selection;

/// <summary>The selection case ledger as .xlsx: one row a case, by the list's filter.</summary>
public sealed class SelectionExport(SelectionQueries queries, IStringLocalizer<SelectionText> text)
{
    public async Task<byte[]> CasesAsync(int? organizationId, SelectionPhase? phase, string? search, CancellationToken ct = default)
    {
        var cases = await queries.AllAsync(organizationId, phase, search, ct);
        var rows = cases.Select(c => new Dictionary<string, object?>
        {
            [text["Col.Id"]] = c.Id,
            [text["Col.Organization"]] = ExcelFile.Safe(c.OrganizationName),
            [text["Col.Post"]] = ExcelFile.Safe(c.Post),
            [text["Col.Posts"]] = c.Posts,
            [text["Col.Phase"]] = c.Stopped ? text["Stopped"].Value : text[$"Phase.{c.Phase}"].Value,
            [text["Col.PublicityLastDay"]] = c.PublicityLastDay is { } d ? DateText.Format(d) : string.Empty,
            [text["Col.AppointedOn"]] = c.AppointedOn is { } a ? DateText.Format(a) : string.Empty,
            [text["Col.OpenObjections"]] = c.OpenObjections,
            [text["Col.OpenedBy"]] = ExcelFile.Safe(c.OpenedBy),
            [text["Col.OpenedAt"]] = c.OpenedAt,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [text["Sheet"]] = rows }, cancellationToken: ct);
        return stream.ToArray();
    }
}
