using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Cadres.Supervisors;

/// <summary>The roster as .xlsx: each supervisor with their units, reports filed and reports overdue on the list's day.</summary>
public sealed class SupervisorExport(SupervisorQueries queries, IStringLocalizer<WorkSupervisorText> text)
{
    public async Task<byte[]> ListAsync(int? organizationId, bool overdue, DateOnly? on, string? search, CancellationToken ct = default)
    {
        var (_, supervisors) = await queries.AllAsync(organizationId, overdue, on, search, ct);
        var rows = supervisors.Select(s => new Dictionary<string, object?>
        {
            [text["Col.Person"]] = ExcelFile.Safe(s.PersonName),
            [text["Col.Organization"]] = ExcelFile.Safe(s.OrganizationName),
            [text["Col.AppointedOn"]] = DateText.Format(s.AppointedOn),
            [text["Col.EndedOn"]] = DateText.Format(s.EndedOn),
            [text["Col.Units"]] = ExcelFile.Safe(Punctuation.JoinList(s.Units.Select(u => u.Name))),
            [text["Col.Reports"]] = s.Reports.Count,
            [text["Col.Overdue"]] = string.Join(" ", s.Overdue.Select(o => text["PeriodName", o.Year, o.Period].Value)),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
