using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.Compliance;

/// <summary>The 三会一课 dashboard as .xlsx (MTG-9): one row per organization and required type, with the filters applied.</summary>
public sealed class ComplianceExport(ComplianceQueries queries, EnumLabels labels, IStringLocalizer<ComplianceText> text)
{
    public async Task<byte[]> ExportAsync(ComplianceFilter filter, CancellationToken ct = default)
    {
        var rows = (await queries.AllAsync(filter, ct)).Select(r => new Dictionary<string, object?>
        {
            [text["Col.Township"]] = ExcelFile.Safe(r.TownshipName),
            [text["Col.Organization"]] = ExcelFile.Safe(r.OrganizationName),
            [text["Col.Kind"]] = labels.Of(r.Kind),
            [text["Col.Type"]] = labels.Of(r.Type),
            [text["Col.Frequency"]] = labels.Of(r.Frequency),
            [text["Col.HeldThisYear"]] = r.HeldThisYear,
            [text["Col.OverdueCount"]] = r.OverdueCount,
            [text["Col.LastHeld"]] = Format(r.LastHeld),
            [text["Col.NextDue"]] = Format(r.NextDue),
            [text["Col.State"]] = labels.Of(r.State),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    private static string? Format(DateOnly? d) => d is { } day ? DateText.Format(day) : null;
}
