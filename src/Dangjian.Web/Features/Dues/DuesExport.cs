using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Dues;

/// <summary>The dues ledger and the activity funds as .xlsx, with the same figures the pages show.</summary>
public sealed class DuesExport(DuesQueries queries, ActivityFunds funds, IStringLocalizer<DuesText> text, IStringLocalizer<EnumText> enums)
{
    /// <summary>One row per member of the subtree, by organization: organization, profile, each month's payment (excused months marked), due, paid, arrears, unpaid months, the flag.</summary>
    public async Task<byte[]> LedgerAsync(int? organizationId, string? from, string? to, CancellationToken ct = default)
    {
        var ledger = await queries.LedgerAsync(organizationId, from, to, ct);
        var rows = ledger.Members.Select(m =>
        {
            var row = new Dictionary<string, object?>
            {
                [text["Col.Organization"]] = ExcelFile.Safe(m.OrganizationName),
                [text["Col.Name"]] = ExcelFile.Safe(m.Name),
                [text["Col.Category"]] = m.Category is { } c ? enums[$"DuesCategory.{c}"].Value : null,
                [text["Col.Base"]] = m.Base ?? m.Amount,
                [text["Col.Monthly"]] = m.Monthly,
            };
            foreach (var month in m.Months)
            {
                row[month.Month] = month.Excused ? text["Excused"].Value : month.Paid;
            }

            row[text["Col.Due"]] = m.Due;
            row[text["Col.Paid"]] = m.Paid;
            row[text["Col.Arrears"]] = m.Arrears;
            row[text["Col.UnpaidMonths"]] = string.Join(' ', m.UnpaidMonths);
            row[text["Col.Flagged"]] = m.Flagged ? text["Flagged"].Value : null;
            return row;
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["LedgerSheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>One row per entry, newest first, and the balance in the last row.</summary>
    public async Task<byte[]> FundsAsync(int? organizationId, CancellationToken ct = default)
    {
        var view = await funds.ListAsync(organizationId, ct);
        var rows = view.Entries.Select(e => new Dictionary<string, object?>
        {
            [text["Col.On"]] = DateText.Format(e.On),
            [text["Col.Kind"]] = enums[$"ActivityFundKind.{e.Kind}"].Value,
            [text["Col.Amount"]] = e.Amount,
            [text["Col.Purpose"]] = ExcelFile.Safe(e.Purpose),
            [text["Col.Approver"]] = ExcelFile.Safe(e.Approver),
            [text["Col.RecordedBy"]] = ExcelFile.Safe(e.RecordedBy),
        }).Append(new Dictionary<string, object?>
        {
            [text["Col.On"]] = text["Balance"].Value,
            [text["Col.Kind"]] = null,
            [text["Col.Amount"]] = view.Balance,
            [text["Col.Purpose"]] = null,
            [text["Col.Approver"]] = null,
            [text["Col.RecordedBy"]] = null,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["FundsSheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
