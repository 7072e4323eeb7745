using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Cadres.Exits;

/// <summary>A subtree's exit cases as .xlsx, one row each with the decision.</summary>
public sealed class ExitExport(ExitQueries queries, IStringLocalizer<ExitText> text, IStringLocalizer<EnumText> enums)
{
    public async Task<byte[]> ListAsync(int? organizationId, ExitStatus? status, ExitKind? kind, string? search, CancellationToken ct = default)
    {
        var rows = (await queries.AllAsync(organizationId, status, kind, search, ct)).Select(c => new Dictionary<string, object?>
        {
            [text["Col.Person"]] = ExcelFile.Safe(c.PersonName),
            [text["Col.Organization"]] = ExcelFile.Safe(c.OrganizationName),
            [text["Col.Kind"]] = enums[$"ExitKind.{c.Kind}"].Value,
            [text["Col.Grounds"]] = ExcelFile.Safe(c.Grounds),
            [text["Col.OpenedOn"]] = DateText.Format(c.OpenedOn),
            [text["Col.Status"]] = enums[$"ExitStatus.{c.Status}"].Value,
            [text["Col.Outcome"]] = c.Outcome is { } o ? enums[$"ExitOutcome.{o}"].Value : string.Empty,
            [text["Col.DecidedBy"]] = ExcelFile.Safe(c.DecidedBy),
            [text["Col.DecidedOn"]] = DateText.Format(c.DecidedOn),
            [text["Col.DecisionText"]] = ExcelFile.Safe(c.DecisionText),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
