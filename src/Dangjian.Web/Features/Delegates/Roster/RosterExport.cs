using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Delegates.Roster;

/// <summary>A term's roster as .xlsx: one row per seat, by delegation and name.</summary>
public sealed class RosterExport(RosterQueries queries, IStringLocalizer<DelegatesText> text)
{
    public async Task<byte[]> RosterAsync(int termId, CancellationToken ct = default)
    {
        var (_, seats) = await queries.AllSeatsAsync(termId, ct);
        var rows = seats.Select(s => new Dictionary<string, object?>
        {
            [text["Col.Delegation"]] = ExcelFile.Safe(s.DelegationName),
            [text["Col.Name"]] = ExcelFile.Safe(s.Name),
            [text["Col.Organization"]] = ExcelFile.Safe(s.OrganizationName),
            [text["Col.Election"]] = ExcelFile.Safe(s.ElectionProjectTitle),
            [text["Col.SeatStatus"]] = text[$"DelegateStatus.{s.Status}"].Value,
            [text["Col.EndedOn"]] = DateText.Format(s.EndedOn),
            [text["Col.EndReason"]] = ExcelFile.Safe(s.EndReason),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [text["RosterSheet"]] = rows }, cancellationToken: ct);
        return stream.ToArray();
    }
}
