using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Services.Requests;

/// <summary>The 三服务 ledger as .xlsx: every request matching the list's filters, with its steps, times and whether it is overdue.</summary>
public sealed class ServiceRequestExport(ServiceRequestQueries queries, IStringLocalizer<ServiceText> text)
{
    public async Task<byte[]> RequestsAsync(ServiceRequestFilter filter, CancellationToken ct = default)
    {
        var rows = (await queries.AllAsync(filter, ct)).Select(r => new Dictionary<string, object?>
        {
            [text["Col.Raiser"]] = ExcelFile.Safe(r.OrganizationName),
            [text["Col.To"]] = ExcelFile.Safe(r.ToOrganizationName),
            [text["Col.Kind"]] = text[$"ServiceKind.{r.Kind}"].Value,
            [text["Col.Title"]] = ExcelFile.Safe(r.Title),
            [text["Col.Details"]] = ExcelFile.Safe(r.Details),
            [text["Col.Status"]] = text[$"ServiceRequestStatus.{r.Status}"].Value,
            [text["Col.RaisedOn"]] = DateText.Format(r.RaisedOn),
            [text["Col.TakeUpDue"]] = DateText.Format(r.TakeUpDue),
            [text["Col.AnswerDue"]] = DateText.Format(r.AnswerDue),
            [text["Col.TakenUpOn"]] = r.TakenUpOn is { } t ? DateText.Format(t) : null,
            [text["Col.AnsweredOn"]] = r.AnsweredOn is { } a ? DateText.Format(a) : null,
            [text["Col.ClosedOn"]] = r.ClosedOn is { } c ? DateText.Format(c) : null,
            [text["Col.Answer"]] = ExcelFile.Safe(r.Answer),
            [text["Col.Response"]] = r.ResponseWorkingDays,
            [text["Col.Closing"]] = r.ClosingWorkingDays,
            [text["Col.Overdue"]] = r.Overdue ? text["Yes"].Value : text["No"].Value,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [text["Sheet"]] = rows }, cancellationToken: ct);
        return stream.ToArray();
    }
}
