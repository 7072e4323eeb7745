using System.Globalization;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Study.Lectures;

/// <summary>
/// The lectures page as .xlsx (RPT-2): the year's lectures over the subtree, and a second sheet of the cadres without one,
/// read through the page's own query (so the same permission, scope and year).
/// </summary>
public sealed class TheoryLectureExport(TheoryLectureQueries queries, IStringLocalizer<TheoryLectureText> text)
{
    public async Task<byte[]> ListAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var view = await queries.ListAsync(organizationId, year, ct);
        return await ListSheet.SaveSheetsAsync(
        [
            ListSheet.Sheet<TheoryLectureView>(text["Sheet.Lectures"], view.Lectures,
            [
                (text["Col.Name"], l => ExcelFile.Safe(l.Name)),
                (text["Col.Organization"], l => ExcelFile.Safe(l.OrganizationName)),
                (text["Col.Topic"], l => ExcelFile.Safe(l.Topic)),
                (text["Col.PlannedOn"], l => DateText.Format(l.PlannedOn)),
                (text["Col.GivenOn"], l => DateText.Format(l.GivenOn)),
                (text["Col.Hours"], l => l.Hours?.ToString("0.##", CultureInfo.InvariantCulture)),
            ]),
            ListSheet.Sheet<CadreWithoutLectureView>(text["Sheet.Without"], view.Without,
            [
                (text["Col.Name"], c => ExcelFile.Safe(c.Name)),
                (text["Col.Organization"], c => ExcelFile.Safe(c.OrganizationName)),
            ]),
        ], ct);
    }
}
