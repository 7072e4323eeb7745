using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Delegates.Proposals;

/// <summary>A term's proposals as .xlsx (提案台账): one row each, newest first.</summary>
public sealed class ProposalExport(ProposalQueries queries, IStringLocalizer<DelegatesText> text)
{
    public async Task<byte[]> ListAsync(int? termId, int? handlingOrganizationId, CancellationToken ct = default)
    {
        var rows = (await queries.AllAsync(termId, handlingOrganizationId, ct)).Select(p => new Dictionary<string, object?>
        {
            [text["Col.Title"]] = ExcelFile.Safe(p.Title),
            [text["Col.Lead"]] = ExcelFile.Safe(p.LeadName),
            [text["Col.Proposers"]] = p.Proposers,
            [text["Col.FiledOn"]] = DateText.Format(p.FiledOn),
            [text["Col.Status"]] = text[$"ProposalStatus.{p.Status}"].Value,
            [text["Col.Handling"]] = ExcelFile.Safe(p.HandlingOrganizationName),
            [text["Col.Deadline"]] = DateText.Format(p.Deadline),
            [text["Col.Round"]] = p.HandlingRound,
            [text["Col.Overdue"]] = p.Overdue ? text["Yes"].Value : string.Empty,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [text["ProposalsSheet"]] = rows }, cancellationToken: ct);
        return stream.ToArray();
    }
}
