using Dangjian.Domain.Common;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Reviews;

/// <summary>The review list as .xlsx: one row per review, the columns in the template's order (工作复盘模板).</summary>
public sealed class ReviewExport(ReviewQueries queries, IStringLocalizer<ReviewText> text, IStringLocalizer<RuleText> fields)
{
    public async Task<byte[]> ExportAsync(ReviewFilter filter, CancellationToken ct = default)
    {
        var reviews = await queries.AllAsync(filter, ct);
        var rows = reviews.Select(r => new Dictionary<string, object?>
        {
            [text["Col.Organization"]] = ExcelFile.Safe(r.OrganizationName),
            [fields["Field.Review.Title"]] = ExcelFile.Safe(r.Title),
            [text["Col.Subject"]] = r.Subject is { } s ? ExcelFile.Safe($"{text[$"SubjectKind.{s.Kind}"]} {s.Title}") : null,
            [fields["Field.Review.Summary"]] = ExcelFile.Safe(r.Summary),
            [fields["Field.Review.Participants"]] = ExcelFile.Safe(r.Participants),
            [fields["Field.Review.HeldOn"]] = DateText.Format(r.HeldOn),
            [fields["Field.Review.Place"]] = ExcelFile.Safe(r.Place),
            [fields["Field.Review.Purpose"]] = ExcelFile.Safe(r.Purpose),
            [fields["Field.Review.SpecificGoals"]] = ExcelFile.Safe(r.SpecificGoals),
            [fields["Field.Review.Variance"]] = ExcelFile.Safe(r.Variance),
            [fields["Field.Review.HighlightsAndShortfalls"]] = ExcelFile.Safe(r.HighlightsAndShortfalls),
            [fields["Field.Review.SuccessFactors"]] = ExcelFile.Safe(r.SuccessFactors),
            [fields["Field.Review.FailureFactors"]] = ExcelFile.Safe(r.FailureFactors),
            [fields["Field.Review.Lessons"]] = ExcelFile.Safe(r.Lessons),
            [fields["Field.Review.Improvements"]] = ExcelFile.Safe(r.Improvements),
            [fields["Field.Review.Application"]] = ExcelFile.Safe(r.Application),
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
