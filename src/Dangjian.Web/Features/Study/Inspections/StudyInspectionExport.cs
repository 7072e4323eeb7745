using Dangjian.Domain.Study;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Study.Inspections;

/// <summary>
/// The inspections page as .xlsx (RPT-2), through its own query: the leaders no inspection of the period reached, then
/// one row per person an inspection found on (its day, organization, inspector, satisfactory or not, the note).
/// </summary>
public sealed class StudyInspectionExport(StudyInspectionQueries queries, IStringLocalizer<StudyInspectionText> text)
{
    public async Task<byte[]> ListAsync(int? organizationId, StudyInspectionKind? kind, DateOnly? day, CancellationToken ct = default)
    {
        var view = await queries.ListAsync(organizationId, kind, day, ct);
        var findings = view.Inspections.SelectMany(i => i.Findings.Select(f => (Inspection: i, Finding: f))).ToList();
        return await ListSheet.SaveSheetsAsync(
        [
            ListSheet.Sheet<NotInspectedView>(text["Sheet.NotInspected"], view.NotInspected,
            [
                (text["Col.Name"], p => ExcelFile.Safe(p.Name)),
                (text["Col.Organization"], p => ExcelFile.Safe(p.OrganizationName)),
            ]),
            ListSheet.Sheet<(StudyInspectionView Inspection, StudyFindingView Finding)>(text["Sheet.Findings"], findings,
            [
                (text["Col.Date"], r => DateText.Format(r.Inspection.Date)),
                (text["Col.Organization"], r => ExcelFile.Safe(r.Inspection.OrganizationName)),
                (text["Kind"], r => text[$"Kind.{r.Inspection.Kind}"].Value),
                (text["Col.Inspector"], r => ExcelFile.Safe(r.Inspection.InspectorName)),
                (text["Col.Name"], r => ExcelFile.Safe(r.Finding.Name)),
                (text["Col.Satisfactory"], r => (r.Finding.Satisfactory ? text["Satisfactory"] : text["Unsatisfactory"]).Value),
                (text["Col.Note"], r => ExcelFile.Safe(r.Finding.Text)),
            ]),
        ], ct);
    }
}
