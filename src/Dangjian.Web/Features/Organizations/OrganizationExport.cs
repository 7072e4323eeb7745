using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Organizations;

/// <summary>The organization tree as .xlsx (ORG-6), in tree order, with the counts the tree page shows.</summary>
public sealed class OrganizationExport(OrganizationQueries queries, EnumLabels labels, IStringLocalizer<OrganizationText> text)
{
    public async Task<byte[]> ExportAsync(bool includeDissolved, CancellationToken ct = default)
    {
        var nodes = await queries.TreeAsync(includeDissolved, ct);
        var codes = nodes.ToDictionary(n => n.Id, n => n.Code);
        var rows = nodes.Select(n => new Dictionary<string, object?>
        {
            [text["Col.Code"]] = ExcelFile.Safe(n.Code),
            [text["Col.Name"]] = ExcelFile.Safe(new string('　', Math.Max(0, OrganizationTree.Depth(n.Path) - 1)) + n.Name),
            [text["Col.Kind"]] = labels.Of(n.Kind),
            [text["Col.ParentCode"]] = n.ParentId is { } p && codes.TryGetValue(p, out var pc) ? pc : string.Empty,
            [text["Col.Status"]] = labels.Of(n.Status),
            [text["Col.PeopleOnRoll"]] = n.PeopleOnRoll,
            [text["Col.PeopleInSubtree"]] = n.PeopleInSubtree,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
