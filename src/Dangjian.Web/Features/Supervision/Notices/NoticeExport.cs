using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Supervision.Notices;

/// <summary>The notices a list shows (every page of it) as .xlsx, one row each, with whether it is overdue on the list's day.</summary>
public sealed class NoticeExport(NoticeQueries queries, IStringLocalizer<NoticeText> text, IStringLocalizer<EnumText> enums)
{
    public async Task<byte[]> ListAsync(NoticeFilter filter, CancellationToken ct = default)
    {
        var (_, _, _, notices) = await queries.AllAsync(filter, ct);
        var rows = notices.Select(n => new Dictionary<string, object?>
        {
            [text["Col.IssuedOn"]] = DateText.Format(n.IssuedOn),
            [text["Col.Organization"]] = ExcelFile.Safe(n.OrganizationName),
            [text["Col.TargetKind"]] = enums[$"NoticeTargetKind.{n.TargetKind}"].Value,
            [text["Col.Target"]] = ExcelFile.Safe(Target(n)),
            [text["Col.Problem"]] = ExcelFile.Safe(n.Problem),
            [text["Col.Evidence"]] = ExcelFile.Safe(n.Evidence),
            [text["Col.Deadline"]] = DateText.Format(n.Deadline),
            [text["Col.Status"]] = enums[$"RectificationNoticeStatus.{n.Status}"].Value,
            [text["Col.Overdue"]] = n.Overdue ? text["Yes"].Value : string.Empty,
            [text["Col.Response"]] = ExcelFile.Safe(n.Response),
            [text["Col.RespondedOn"]] = DateText.Format(n.RespondedOn),
            [text["Col.Note"]] = ExcelFile.Safe(n.VerificationNote),
            [text["Col.Returns"]] = n.Returns,
            [text["Col.ClosedOn"]] = DateText.Format(n.ClosedOn),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    private string Target(NoticeView n) => n.TeamTerm is { } term ? text["TeamName", n.TargetName, term] : n.TargetName;
}
