using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Cadres.Accountability;

/// <summary>A subtree's accountability cases as .xlsx, one row each with the selection case it names.</summary>
public sealed class AccountabilityExport(AccountabilityQueries queries, IStringLocalizer<AccountabilityText> text, IStringLocalizer<EnumText> enums)
{
    public async Task<byte[]> ListAsync(int? organizationId, AccountabilityStatus? status, int? selectionCaseId, CancellationToken ct = default)
    {
        var rows = (await queries.AllAsync(organizationId, status, selectionCaseId, ct)).Select(c => new Dictionary<string, object?>
        {
            [text["Col.OpenedOn"]] = DateText.Format(c.OpenedOn),
            [text["Col.Organization"]] = ExcelFile.Safe(c.OrganizationName),
            [text["Col.SelectionCase"]] = c.SelectionCaseId,
            [text["Col.Ground"]] = enums[$"AccountabilityGround.{c.Ground}"].Value,
            [text["Col.Description"]] = ExcelFile.Safe(c.Description),
            [text["Col.Status"]] = enums[$"AccountabilityStatus.{c.Status}"].Value,
            [text["Col.Finding"]] = ExcelFile.Safe(c.Finding),
            [text["Col.Responsible"]] = ExcelFile.Safe(Punctuation.JoinList(c.Responsible.Select(p => p.Name))),
            [text["Col.Measure"]] = ExcelFile.Safe(c.Measure),
            [text["Col.DecidedOn"]] = DateText.Format(c.DecidedOn),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
