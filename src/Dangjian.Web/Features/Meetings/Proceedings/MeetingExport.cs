using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.Proceedings;

/// <summary>The meeting list as .xlsx, with the list's filter: one row per meeting in scope.</summary>
public sealed class MeetingExport(MeetingQueries queries, EnumLabels labels, IStringLocalizer<MeetingText> text)
{
    public async Task<byte[]> ExportAsync(
        int? organizationId, MeetingType? type, MeetingStatus? status, DateOnly? from, DateOnly? to, string? search, CancellationToken ct = default)
    {
        var rows = (await queries.AllAsync(organizationId, type, status, from, to, search, ct)).Select(m => new Dictionary<string, object?>
        {
            [text["Col.Date"]] = DateText.Format(m.Date),
            [text["Col.Organization"]] = ExcelFile.Safe(m.OrganizationName),
            [text["Col.Type"]] = labels.Of(m.Type),
            [text["Col.Title"]] = ExcelFile.Safe(m.Title),
            [text["Col.Status"]] = labels.Of(m.Status),
            [text["Col.Emergency"]] = m.Emergency ? text["Yes"].Value : string.Empty,
            [text["Col.Items"]] = m.Items,
            [text["Col.AwaitingRuling"]] = m.AwaitingRuling,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>The items awaiting the caller's ruling (MTG-7) as the rulings page lists them (RPT-2): the facts, no form.</summary>
    public async Task<byte[]> RulingsAsync(CancellationToken ct = default)
    {
        var rows = await queries.EscalationsAsync(ct);
        return await ListSheet.SaveAsync<EscalationRow>(text["Sheet.Rulings"], rows,
        [
            (text["Col.Date"], r => DateText.Format(r.MeetingDate)),
            (text["Col.Organization"], r => ExcelFile.Safe(r.OrganizationName)),
            (text["Col.Title"], r => ExcelFile.Safe(r.MeetingTitle)),
            (text["Col.Item"], r => ExcelFile.Safe(r.ItemTitle)),
            (text["Col.Category"], r => labels.Of(r.Category)),
            (text["Col.Outcome"], r => labels.Of(r.Outcome)),
            (text["Col.For"], r => r.VotesFor),
            (text["Col.Against"], r => r.VotesAgainst),
            (text["Col.Abstain"], r => r.VotesAbstain),
            (text["Col.Entitled"], r => r.Entitled),
            (text["Col.SecretaryView"], r => labels.Of(r.SecretaryView)),
        ], ct);
    }
}
