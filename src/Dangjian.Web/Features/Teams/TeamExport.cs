using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Teams;

/// <summary>Current leadership teams in scope as .xlsx (ORG-6): one row per seat.</summary>
public sealed class TeamExport(TeamQueries queries, EnumLabels labels, IStringLocalizer<TeamText> text)
{
    public async Task<byte[]> ExportAsync(CancellationToken ct = default)
    {
        var teams = await queries.CurrentInScopeAsync(ct);
        var rows = teams.SelectMany(t => t.Positions.Where(s => s.Held).Select(s => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(t.OrganizationName),
            [text["Col.Term"]] = t.TermNumber,
            [text["Col.StartsOn"]] = DateText.Format(t.StartsOn),
            [text["Col.EndsOn"]] = DateText.Format(t.EndsOn),
            [text["Col.Person"]] = ExcelFile.Safe(s.PersonName),
            [text["Col.Role"]] = labels.Of(s.Role),
            [text["Col.Portfolio"]] = ExcelFile.Safe(s.Portfolio),
            [text["Col.SeatFrom"]] = DateText.Format(s.StartsOn ?? t.StartsOn),
        }));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
