using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.People;

/// <summary>The roster as .xlsx with the current filter applied (ORG-6); ID numbers as the caller may see them.</summary>
public sealed class PeopleExport(PeopleQueries queries, EnumLabels labels, IStringLocalizer<PeopleText> text)
{
    public async Task<byte[]> ExportAsync(RosterFilter filter, CancellationToken ct = default)
    {
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var p in queries.AllAsync(filter, ct))
        {
            rows.Add(new Dictionary<string, object?>
            {
                [text["Col.Name"]] = ExcelFile.Safe(p.Name),
                [text["Col.Gender"]] = labels.Of(p.Gender),
                [text["Col.IdNumber"]] = p.IdNumber,
                [text["Col.BirthDate"]] = p.BirthDate is { } born ? DateText.Format(born) : null,
                [text["Col.Status"]] = labels.Of(p.Status),
                [text["Col.JoinedPartyOn"]] = p.JoinedPartyOn is { } joined ? DateText.Format(joined) : null,
                [text["Col.FullMemberOn"]] = p.FullMemberOn is { } full ? DateText.Format(full) : null,
                [text["Col.IsCadre"]] = p.IsCadre ? text["Cadre.Yes"].Value : text["Cadre.No"].Value,
                [text["Col.OrganizationCode"]] = p.OrganizationCode,
                [text["Col.Organization"]] = ExcelFile.Safe(p.OrganizationName),
                [text["Col.Phone"]] = ExcelFile.Safe(p.Phone),
                [text["Col.Workplace"]] = ExcelFile.Safe(p.Workplace),
            });
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
