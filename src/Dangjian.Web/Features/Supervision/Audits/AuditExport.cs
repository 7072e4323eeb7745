using Dangjian.Domain.Common;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Supervision.Audits;

/// <summary>A subtree's audits as .xlsx: one row per audit, and one per finding with its rectification.</summary>
public sealed class AuditExport(AuditQueries queries, IStringLocalizer<EconomicAuditText> text, IStringLocalizer<EnumText> enums)
{
    public async Task<byte[]> ListAsync(int? organizationId, EconomicAuditStatus? status, string? search, CancellationToken ct = default)
    {
        var audits = await queries.AllAsync(organizationId, status, search, ct);
        var rows = audits.Select(a => new Dictionary<string, object?>
        {
            [text["Col.Person"]] = ExcelFile.Safe(a.PersonName),
            [text["Col.Organization"]] = ExcelFile.Safe(a.OrganizationName),
            [text["Col.Kind"]] = enums[$"EconomicAuditKind.{a.Kind}"].Value,
            [text["Col.Period"]] = $"{DateText.Format(a.PeriodFrom)} — {DateText.Format(a.PeriodTo)}",
            [text["Col.PlannedOn"]] = DateText.Format(a.PlannedOn),
            [text["Col.Status"]] = enums[$"EconomicAuditStatus.{a.Status}"].Value,
            [text["Col.CompletedOn"]] = DateText.Format(a.CompletedOn),
            [text["Col.Conclusion"]] = ExcelFile.Safe(a.Conclusion),
            [text["Col.Findings"]] = a.Findings.Count,
            [text["Col.Rectified"]] = a.Findings.Count(f => f.RectifiedOn is not null),
        }).ToList();
        var findings = audits.SelectMany(a => a.Findings.Select(f => new Dictionary<string, object?>
        {
            [text["Col.Person"]] = ExcelFile.Safe(a.PersonName),
            [text["Col.Finding"]] = ExcelFile.Safe(f.Text),
            [text["Col.Measure"]] = ExcelFile.Safe(f.Measure),
            [text["Col.RectifiedOn"]] = DateText.Format(f.RectifiedOn),
        })).ToList();
        var sheets = new Dictionary<string, object> { [text["Sheet"]] = rows, [text["FindingsSheet"]] = findings };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }
}
