using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>The rectification list of a meeting as .xlsx (整改台账): the open ones carried over from earlier meetings first, then its own.</summary>
public sealed class DemocraticLifeExport(DemocraticLifeQueries queries, IStringLocalizer<DemocraticLifeText> text)
{
    /// <summary>The list of democratic life meetings as the caller filtered it (RPT-2), every page.</summary>
    public async Task<byte[]> ListAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var rows = await ListSheet.AllPagesAsync((page, size) => queries.ListAsync(organizationId, year, page, size, ct));
        return await ListSheet.SaveAsync<DemocraticLifeRow>(text["Sheet.List"], rows,
        [
            (text["Col.Year"], r => r.Year),
            (text["Col.Organization"], r => ExcelFile.Safe(r.OrganizationName)),
            (text["Col.Theme"], r => ExcelFile.Safe(r.Theme)),
            (text["Col.Date"], r => Day(r.HeldDate ?? r.PlannedDate)),
            (text["Col.Status"], r => text[$"DemocraticLifeStatus.{r.Status}"].Value),
            (text["Col.Quality"], r => DlmForms.Quality(r.Quality, text["NoProblems"])),
            (text["Col.OpenRectifications"], r => r.OpenRectifications),
        ], ct);
    }

    public async Task<byte[]> ExportAsync(int id, CancellationToken ct = default)
    {
        var (meeting, own) = await queries.RectificationListAsync(id, ct);
        var rows = meeting.CarriedOver.Concat(own).Select(r => new Dictionary<string, object?>
        {
            [text["Col.Meeting"]] = ExcelFile.Safe($"{r.MeetingYear} {r.MeetingTheme}"),
            [text["Col.Member"]] = ExcelFile.Safe(r.PersonName),
            [text["Col.ProblemKind"]] = text[$"ProblemKind.{r.Kind}"].Value,
            [text["Col.Problem"]] = ExcelFile.Safe(r.ProblemText),
            [text["Col.Measure"]] = ExcelFile.Safe(r.Rectification.Measure),
            [text["Col.Owner"]] = ExcelFile.Safe(r.Rectification.Owner),
            [text["Col.Deadline"]] = Day(r.Rectification.Deadline),
            [text["Col.Status"]] = text[$"RectificationStatus.{r.Rectification.Status}"].Value,
            [text["Col.DoneOn"]] = r.Rectification.DoneOn is { } d ? Day(d) : null,
            [text["Col.Evidence"]] = ExcelFile.Safe(r.Rectification.Evidence),
            [text["Col.Overdue"]] = r.Rectification.Overdue ? text["Overdue"].Value : null,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    private static string Day(DateOnly d) => DateText.Format(d);
}
