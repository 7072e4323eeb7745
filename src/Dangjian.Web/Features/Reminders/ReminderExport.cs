using Dangjian.Domain.Reminders;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Reminders;

/// <summary>The outbox of a subtree as .xlsx, with the filters of the page.</summary>
public sealed class ReminderExport(ReminderQueries queries, OrgClock clock, IStringLocalizer<ReminderText> text)
{
    public async Task<byte[]> OutboxAsync(int? organizationId, OutboxState? state, string? search, CancellationToken ct = default)
    {
        var rows = (await queries.AllAsync(organizationId, state, search, ct)).Select(m => new Dictionary<string, object?>
        {
            [text["Col.CreatedAt"]] = clock.Format(m.CreatedAt),
            [text["Col.Recipient"]] = ExcelFile.Safe(m.RecipientName),
            [text["Col.Organization"]] = ExcelFile.Safe(m.OrganizationName),
            [text["Col.Channel"]] = text[$"ReminderChannel.{m.Channel}"].Value,
            [text["Col.Subject"]] = ExcelFile.Safe(m.Subject),
            [text["Col.Body"]] = ExcelFile.Safe(m.Body),
            [text["Col.State"]] = text[$"OutboxState.{m.State}"].Value,
            [text["Col.Attempts"]] = m.Attempts,
            [text["Col.SentAt"]] = m.SentAt is { } s ? clock.Format(s) : string.Empty,
            [text["Col.LastError"]] = ExcelFile.Safe(m.LastError),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [text["Sheet"]] = rows }, cancellationToken: ct);
        return stream.ToArray();
    }
}
