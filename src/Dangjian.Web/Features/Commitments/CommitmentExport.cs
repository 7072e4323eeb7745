using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Commitments;

/// <summary>
/// The ledger as .xlsx in a clerk's layout (承诺事项台账): one row per item — organization, owner, content, measures,
/// deadline, status, the latest progress — under the ledger's filters and the caller's scope.
/// </summary>
public sealed class CommitmentExport(CommitmentQueries queries, IStringLocalizer<CommitmentText> text)
{
    /// <summary>The campaign list as the caller filtered it (RPT-2), every page.</summary>
    public async Task<byte[]> CampaignsAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var rows = await ListSheet.AllPagesAsync((page, size) => queries.ListCampaignsAsync(organizationId, year, page, size, ct));
        return await ListSheet.SaveAsync<CommitmentCampaignRow>(text["Sheet.Campaigns"], rows,
        [
            (text["Col.Year"], r => r.Year),
            (text["Col.Organization"], r => ExcelFile.Safe(r.OrganizationName)),
            (text["Col.Title"], r => ExcelFile.Safe(r.Title)),
            (text["Col.Status"], r => text[$"CampaignStatus.{r.Status}"].Value),
            (text["Col.Items"], r => r.Items),
        ], ct);
    }

    public async Task<byte[]> ExportAsync(int id, LedgerFilter filter, CancellationToken ct = default)
    {
        var items = await queries.LedgerAllAsync(id, filter, ct);
        var rows = items.Select(i => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(i.OrganizationName),
            [text["Col.Owner"]] = ExcelFile.Safe(i.OwnerName),
            [text["Col.Content"]] = ExcelFile.Safe(i.Content),
            [text["Col.Measures"]] = ExcelFile.Safe(i.Measures),
            [text["Col.Responsible"]] = ExcelFile.Safe(i.ResponsibleName),
            [text["Col.Deadline"]] = DateText.Format(i.Deadline),
            [text["Col.Status"]] = text[$"CommitmentStatus.{i.Status}"].Value,
            [text["Col.Overdue"]] = i.Overdue ? text["Overdue"].Value : null,
            [text["Col.LastProgress"]] = i.LastProgress is { } p ? ExcelFile.Safe(DateText.Format(p.Date) + Punctuation.Colon + p.Steps) : null,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
