using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.Talks;

/// <summary>The talk register and an organization's coverage of a year as .xlsx.</summary>
public sealed class TalkExport(TalkQueries queries, IStringLocalizer<TalkText> text)
{
    public async Task<byte[]> RegisterAsync(int? organizationId, int? personId, int? year, string? search, CancellationToken ct = default)
    {
        var talks = await queries.AllAsync(organizationId, personId, year, search, ct);
        var rows = talks.Select(t => new Dictionary<string, object?>
        {
            [text["Col.HeldOn"]] = DateText.Format(t.HeldOn),
            [text["Col.Organization"]] = ExcelFile.Safe(t.OrganizationName),
            [text["Col.Initiator"]] = ExcelFile.Safe(t.InitiatorName),
            [text["Col.Partner"]] = ExcelFile.Safe(t.PartnerName),
            [text["Col.Kind"]] = text[$"TalkKind.{t.Kind}"].Value,
            [text["Col.Topics"]] = ExcelFile.Safe(t.Topics),
            [text["Col.FollowUp"]] = ExcelFile.Safe(t.FollowUp),
            [text["Col.FollowUpDoneOn"]] = DateText.Format(t.FollowUpDoneOn),
            [text["Col.RecordedBy"]] = ExcelFile.Safe(t.RecordedBy),
        }).ToList();
        return await SaveAsync(new Dictionary<string, object> { [text["RegisterSheet"]] = rows }, ct);
    }

    public async Task<byte[]> CoverageAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var view = await queries.CoverageAsync(organizationId, year, ct);
        var rows = view.Pairs.OrderByDescending(p => p.Owed).Select(p => new Dictionary<string, object?>
        {
            [text["Col.First"]] = ExcelFile.Safe(p.FirstName),
            [text["Col.Second"]] = ExcelFile.Safe(p.SecondName),
            [text["Col.Duty"]] = text[$"TalkDuty.{p.Duty}"].Value,
            [text["Col.Talks"]] = p.Talks,
            [text["Col.Status"]] = p.Owed ? text["Owed"].Value : text["Covered"].Value,
        }).ToList();
        return await SaveAsync(new Dictionary<string, object> { [text["CoverageSheet"]] = rows }, ct);
    }

    private static async Task<byte[]> SaveAsync(Dictionary<string, object> sheets, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }
}
