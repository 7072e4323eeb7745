using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Delegates.Duties;

/// <summary>A term's activities (代表活动台账) and motions (质询、罢免台账) as .xlsx, one row each, the latest first.</summary>
public sealed class DutyExport(ActivityQueries activities, MotionQueries motions, IStringLocalizer<DelegatesText> text)
{
    public async Task<byte[]> ActivitiesAsync(int? termId, CancellationToken ct = default)
    {
        var rows = (await activities.AllAsync(termId, ct)).Select(a => new Dictionary<string, object?>
        {
            [text["Col.Kind"]] = text[$"ActivityKind.{a.Kind}"].Value,
            [text["Col.HeldOn"]] = DateText.Format(a.HeldOn),
            [text["Col.Place"]] = ExcelFile.Safe(a.Place),
            [text["Col.Subject"]] = ExcelFile.Safe(a.Subject),
            [text["Col.Present"]] = a.Present,
            [text["Col.Absent"]] = a.Absent,
            [text["Col.Published"]] = a.Published ? text["Yes"].Value : string.Empty,
        }).ToList();
        return await SaveAsync(text["ActivitiesSheet"], rows, ct);
    }

    public async Task<byte[]> MotionsAsync(int? termId, CancellationToken ct = default)
    {
        var rows = (await motions.AllAsync(termId, ct)).Select(m => new Dictionary<string, object?>
        {
            [text["Col.Kind"]] = text[$"MotionKind.{m.Kind}"].Value,
            [text["Col.Subject"]] = ExcelFile.Safe(m.Subject),
            [text["Col.Target"]] = ExcelFile.Safe(m.TargetName is { } n ? $"{text[$"MotionTarget.{m.Target}"].Value} {n}" : text[$"MotionTarget.{m.Target}"].Value),
            [text["Col.FiledOn"]] = DateText.Format(m.FiledOn),
            [text["Col.Signers"]] = m.Signers,
            [text["Col.Status"]] = text[$"MotionStatus.{m.Status}"].Value,
            [text["Col.Outcome"]] = m.Outcome is { } o ? text[$"MotionOutcome.{o}"].Value : string.Empty,
        }).ToList();
        return await SaveAsync(text["MotionsSheet"], rows, ct);
    }

    private static async Task<byte[]> SaveAsync(string sheet, List<Dictionary<string, object?>> rows, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [sheet] = rows }, cancellationToken: ct);
        return stream.ToArray();
    }
}
