using Dangjian.Domain.Common;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Supervision.Reports;

/// <summary>
/// The report box ledger as .xlsx: one line per case with its organization, whom it is about, the days of its steps and
/// its handler. Nothing of the reporter, and not the content either: the ledger travels further than the case page.
/// </summary>
public sealed class ReportExport(ReportQueries queries, IStringLocalizer<ReportText> text)
{
    public async Task<byte[]> LedgerAsync(int? organizationId, ReportCaseStatus? status, string? search, CancellationToken ct = default)
    {
        var cases = await queries.AllAsync(organizationId, status, search, ct);
        var rows = cases.Select(c => new Dictionary<string, object?>
        {
            [text["Col.CaseNumber"]] = c.CaseNumber,
            [text["Col.Organization"]] = ExcelFile.Safe(c.OrganizationName),
            [text["Col.Subject"]] = c.SubjectKind == ReportSubjectKind.Cadre ? ExcelFile.Safe(c.CadreName) : text[$"ReportSubjectKind.{c.SubjectKind}"].Value,
            [text["Col.FiledOn"]] = DateText.Format(c.FiledOn),
            [text["Col.Status"]] = text[$"ReportCaseStatus.{c.Status}"].Value,
            [text["Col.Handler"]] = ExcelFile.Safe(c.Handler),
            [text["Col.LastStepOn"]] = DateText.Format(c.LastStepOn),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
