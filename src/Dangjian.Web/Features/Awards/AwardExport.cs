using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Awards;

/// <summary>A selection's nominations as .xlsx: category, nominee, who nominated, eligibility with the reasons in words, chosen.</summary>
public sealed class AwardExport(AwardQueries queries, IStringLocalizer<AwardText> text)
{
    public async Task<byte[]> SelectionAsync(int id, CancellationToken ct = default)
    {
        var view = await queries.GetAsync(id, ct);
        var rows = view.Nominations.Select(n => new Dictionary<string, object?>
        {
            [text["Col.Category"]] = text[$"AwardCategory.{n.Category}"].Value,
            [text["Col.Nominee"]] = ExcelFile.Safe(n.NomineeName),
            [text["Col.NominatedBy"]] = ExcelFile.Safe(n.NominatedBy),
            [text["Col.Statement"]] = ExcelFile.Safe(n.Statement),
            [text["Col.Eligibility"]] = text[$"NominationEligibility.{n.Eligibility}"].Value,
            [text["Col.Reasons"]] = ExcelFile.Safe(Punctuation.JoinList(n.Refusals.Select(r => r.Text))),
            [text["Col.Chosen"]] = n.Chosen ? text["Yes"].Value : string.Empty,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Nominations"], cancellationToken: ct);
        return stream.ToArray();
    }
}
