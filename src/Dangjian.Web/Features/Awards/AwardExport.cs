using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Awards;

/// <summary>A selection's nominations as .xlsx: category, nominee, who nominated, eligibility with the reasons in words, chosen.</summary>
public sealed class AwardExport(AwardQueries queries, IStringLocalizer<AwardText> text)
{
    /// <summary>The selections list as the caller searched it (RPT-2), every page.</summary>
    public async Task<byte[]> SelectionsAsync(int? organizationId, string? search, CancellationToken ct = default)
    {
        var rows = await ListSheet.AllPagesAsync((page, size) => queries.ListAsync(organizationId, search, page, size, ct));
        return await ListSheet.SaveAsync<AwardSelectionRow>(text["Sheet.Selections"], rows,
        [
            (text["Col.Year"], r => r.Year),
            (text["Col.Title"], r => ExcelFile.Safe(r.Title)),
            (text["Col.Organization"], r => ExcelFile.Safe(r.OrganizationName)),
            (text["Col.Status"], r => text[$"AwardSelectionStatus.{r.Status}"].Value),
            (text["Col.Nominations"], r => r.Nominations),
            (text["Col.Chosen"], r => r.Chosen),
        ], ct);
    }

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
