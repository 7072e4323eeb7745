using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.Consultation;

/// <summary>A consultation's comments (each with its day and whether it is shown) and expert opinions as .xlsx.</summary>
public sealed class ConsultationExport(ConsultationQueries queries, IStringLocalizer<ConsultationText> text)
{
    public async Task<byte[]> CommentsAsync(int id, CancellationToken ct = default)
    {
        var (view, title) = await queries.ForExportAsync(id, ct);
        var comments = view.Comments.Select((c, i) => new Dictionary<string, object?>
        {
            [text["Col.Number"]] = i + 1,
            [text["Col.Item"]] = ExcelFile.Safe(title),
            [text["Col.ReceivedOn"]] = DateText.Format(c.ReceivedOn),
            [text["Col.Comment"]] = ExcelFile.Safe(c.Text),
            [text["Col.Status"]] = text[$"CommentStatus.{c.Status}"].Value,
        }).ToList();
        var experts = view.ExpertOpinions.Select(e => new Dictionary<string, object?>
        {
            [text["Col.Expert"]] = ExcelFile.Safe(e.ExpertName),
            [text["Col.ExpertField"]] = ExcelFile.Safe(e.Field),
            [text["Col.Opinion"]] = ExcelFile.Safe(e.Opinion),
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [text["CommentsSheet"]] = comments,
            [text["ExpertsSheet"]] = experts,
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }
}
