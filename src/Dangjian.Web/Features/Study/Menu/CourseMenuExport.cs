using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Study.Menu;

/// <summary>The training statistics as .xlsx: the seed's table on the first sheet, each leader's count on the second, the menu's courses (with their teachers) on the third.</summary>
public sealed class CourseMenuExport(CourseMenuQueries queries, IStringLocalizer<CourseMenuText> text)
{
    public async Task<byte[]> StatisticsAsync(int? organizationId, int? year, CancellationToken ct = default)
    {
        var s = await queries.StatisticsAsync(organizationId, year, ct);
        var bands = s.Bands.Select(b => new Dictionary<string, object?>
        {
            [text["Col.Band"]] = text[$"Band.{b.Band}"].Value,
            [text["Col.People"]] = b.People,
            [text["Col.Percent"]] = b.Percent,
        }).Append(new Dictionary<string, object?>
        {
            [text["Col.Band"]] = text["Total"].Value,
            [text["Col.People"]] = s.People,
            [text["Col.Percent"]] = null,
        });
        var people = s.Leaders.Select(l => new Dictionary<string, object?>
        {
            [text["Col.Name"]] = ExcelFile.Safe(l.Name),
            [text["Col.Organization"]] = ExcelFile.Safe(l.OrganizationName),
            [text["Col.Times"]] = l.Times,
        });
        var courses = (await queries.CoursesAsync(organizationId, year, ct)).Select(c => new Dictionary<string, object?>
        {
            [text["Col.Course"]] = ExcelFile.Safe(c.Title),
            [text["Col.Date"]] = c.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [text["Col.Hours"]] = c.Hours,
            [text["Col.Teacher"]] = c.Teacher is null ? null : ExcelFile.Safe(c.Teacher),
            [text["Col.Picked"]] = c.Picked,
            [text["Col.Attended"]] = c.Attended,
        });
        var sheets = new Dictionary<string, object>
        {
            [text["StatisticsSheet"]] = bands,
            [text["LeadersSheet"]] = people,
            [text["CoursesSheet"]] = courses,
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }
}
