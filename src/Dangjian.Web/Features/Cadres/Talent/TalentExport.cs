using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Cadres.Talent;

/// <summary>The talent pool as the list's filter picks it, as .xlsx.</summary>
public sealed class TalentExport(TalentQueries queries, IStringLocalizer<TalentText> text)
{
    public async Task<byte[]> ListAsync(TalentFilter filter, CancellationToken ct = default)
    {
        var rows = await queries.AllAsync(filter, ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [text["Col.Name"]] = ExcelFile.Safe(r.PersonName),
            [text["Col.Organization"]] = ExcelFile.Safe(r.PersonOrganization),
            [text["Col.Category"]] = text[$"TalentCategory.{r.Category}"].Value,
            [text["Col.Skills"]] = ExcelFile.Safe(Punctuation.JoinList(r.Skills)),
            [text["Col.PostsHeld"]] = ExcelFile.Safe(Punctuation.JoinList(r.PostsHeld)),
            [text["Col.Availability"]] = text[$"TalentAvailability.{r.Availability}"].Value,
            [text["Col.EnteredOn"]] = DateText.Format(r.EnteredOn),
            [text["Col.LeftOn"]] = r.LeftOn is { } l ? DateText.Format(l) : null,
            [text["Col.LeaveReason"]] = ExcelFile.Safe(r.LeaveReason),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [text["Sheet"]] = sheet }, cancellationToken: ct);
        return stream.ToArray();
    }
}
