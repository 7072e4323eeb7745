using System.Globalization;
using Dangjian.Domain.Study;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Study.Exams;

/// <summary>The exam list as .xlsx (RPT-2): every page of the people the state filter keeps, through the list's own query.</summary>
public sealed class StudyExamExport(StudyExamQueries queries, IStringLocalizer<StudyExamText> text)
{
    public async Task<byte[]> ListAsync(int? organizationId, ExamState? state, CancellationToken ct = default)
    {
        var rows = await ListSheet.AllPagesAsync(async (page, size) => (await queries.ListAsync(organizationId, state, page, size, ct)).Rows);
        return await ListSheet.SaveAsync<StudyExamRow>(text["Sheet.List"], rows,
        [
            (text["Col.Name"], r => ExcelFile.Safe(r.Name)),
            (text["Col.Organization"], r => ExcelFile.Safe(r.OrganizationName)),
            (text["Col.State"], r => text[$"ExamState.{r.State}"].Value),
            (text["Col.MakeUpDue"], r => DateText.Format(r.MakeUpDue)),
            (text["Col.SuspendedSince"], r => DateText.Format(r.SuspendedSince)),
            (text["Col.LastExam"], r => DateText.Format(r.LastExam)),
            (text["Score"], r => r.LastScore?.ToString("0.##", CultureInfo.InvariantCulture)),
        ], ct);
    }
}
