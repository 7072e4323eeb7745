using System.Globalization;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Study.Ranking;

/// <summary>
/// The rankings page as .xlsx (RPT-2): the organization's half-year rounds through the page's own query (so under its
/// permission and scope), newest first, one row per person ranked, with the figures, the proposal and the committee's
/// decision the page shows.
/// </summary>
public sealed class StudyRankingExport(StudyRankingQueries queries, IStringLocalizer<StudyRankingText> text)
{
    public async Task<byte[]> ExportAsync(int? organizationId, CancellationToken ct = default)
    {
        var view = await queries.ListAsync(organizationId, ct);
        var rows = view.Rounds.SelectMany(r => r.Lines.Select(l => (Round: r, Line: l)));
        return await ListSheet.SaveAsync<(StudyRankingRoundView Round, StudyRankingLineView Line)>(text["Sheet"], rows,
        [
            (text["Organization"], _ => ExcelFile.Safe(view.OrganizationName)),
            (text["Year"], x => x.Round.Year),
            (text["Half"], x => text[$"Half.{x.Round.Half}"].Value),
            (text["Col.Status"], x => text[$"Status.{x.Round.Status}"].Value),
            (text["Col.Rank"], x => x.Line.Rank),
            (text["Col.Name"], x => ExcelFile.Safe(x.Line.Name)),
            (text["Col.Credits"], x => x.Line.Credits.ToString("0.##", CultureInfo.InvariantCulture)),
            (text["Col.Exam"], x => x.Line.ExamScore.ToString("0.##", CultureInfo.InvariantCulture)),
            (text["Col.Proposed"], x => text[$"Proposal.{x.Line.Proposed}"].Value),
            (text["Col.Decision"], x => text[$"Proposal.{x.Line.Decision}"].Value),
            (text["Col.Deadline"], x => DateText.Format(x.Line.RectificationDeadline)),
            (text["Col.Class"], x => ExcelFile.Safe(x.Line.ClassName)),
        ], ct);
    }
}
