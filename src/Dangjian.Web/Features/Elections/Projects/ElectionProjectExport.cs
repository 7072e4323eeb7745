using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>The election dashboard (ELE-1) as .xlsx: one row per project in scope, with its stage.</summary>
public sealed class ElectionProjectExport(ElectionProjectQueries queries, EnumLabels labels, IStringLocalizer<ElectionText> text)
{
    public async Task<byte[]> ExportAsync(ElectionStage? stage, CancellationToken ct = default)
    {
        var rows = (await queries.AllInScopeAsync(stage, ct)).Select(p => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(p.OrganizationName),
            [text["Col.Title"]] = ExcelFile.Safe(p.Title),
            [text["Col.TermNumber"]] = p.TermNumber,
            [text["Col.CurrentTermEndsOn"]] = p.CurrentTermEndsOn is { } ends ? DateText.Format(ends) : null,
            [text["Col.PlannedElectionOn"]] = p.PlannedElectionOn is { } planned ? DateText.Format(planned) : null,
            [text["Col.Stage"]] = labels.Of(p.Stage),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
