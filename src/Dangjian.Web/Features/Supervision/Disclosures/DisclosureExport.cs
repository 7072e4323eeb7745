using Dangjian.Domain.Common;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Supervision.Disclosures;

/// <summary>A subtree's quarter of 三务公开 as .xlsx: the items, and each organization with its count (0 for those that published nothing).</summary>
public sealed class DisclosureExport(DisclosureQueries queries, IStringLocalizer<DisclosureText> text, IStringLocalizer<EnumText> enums)
{
    public async Task<byte[]> QuarterAsync(int? organizationId, int? year, int? quarter, DisclosureCategory? category, CancellationToken ct = default)
    {
        var view = await queries.AllOfQuarterAsync(organizationId, year, quarter, category, ct);
        var rows = view.Items.Items.Select(i => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(i.OrganizationName),
            [text["Col.Category"]] = enums[$"DisclosureCategory.{i.Category}"].Value,
            [text["Col.Title"]] = ExcelFile.Safe(i.Title),
            [text["Col.Content"]] = ExcelFile.Safe(i.Content),
            [text["Col.PublishedOn"]] = DateText.Format(i.PublishedOn),
        }).ToList();
        var counts = view.Organizations.Select(o => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(o.OrganizationName),
            [text["Col.Published"]] = o.Published,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [text["ItemsSheet"]] = rows,
            [text["CountsSheet"]] = counts,
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }
}
