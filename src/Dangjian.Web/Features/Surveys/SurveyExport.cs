using System.Globalization;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Surveys;

/// <summary>A closed survey as .xlsx (SRV-2): its raw answers, and its statistics.</summary>
public sealed class SurveyExport(SurveyQueries queries, IStringLocalizer<SurveyText> text, EnumLabels labels, OrgClock clock)
{
    /// <summary>The survey list as the caller filtered it (RPT-2), every page: what the list shows, never an answer.</summary>
    public async Task<byte[]> ListAsync(int? organizationId, SurveyStatus? status, string? search, CancellationToken ct = default)
    {
        var rows = await ListSheet.AllPagesAsync((page, size) => queries.ListAsync(organizationId, status, search, page, size, ct));
        return await ListSheet.SaveAsync<SurveyRow>(text["Sheet.List"], rows,
        [
            (text["Col.Title"], r => ExcelFile.Safe(r.Title)),
            (text["Col.Organization"], r => ExcelFile.Safe(r.OrganizationName)),
            (text["Col.Status"], r => labels.Of(r.Status)),
            (text["Col.Access"], r => labels.Of(r.Access)),
            (text["Col.Questions"], r => r.Questions),
            (text["Col.Responses"], r => r.Responses),
            (text["Col.Quota"], r => r.Quota),
            (text["Col.ClosesAt"], r => r.ClosesAt is { } at ? clock.Format(at) : null),
        ], ct);
    }

    /// <summary>
    /// One row per response in the box's stored (shuffled) order, never the order of answering; one column per
    /// question: the picked options' texts (multiple picks joined with "；"), the rating, or the text.
    /// </summary>
    public async Task<byte[]> RawAsync(int id, CancellationToken ct = default)
    {
        var (questions, responses) = await queries.ResponsesAsync(id, ct);
        var rows = responses.Select((r, i) =>
        {
            var row = new Dictionary<string, object?> { [text["Export.Response"]] = i + 1 };
            foreach (var q in questions)
            {
                row[Column(q)] = r.TryGetValue(q.Id, out var a) && !a.IsEmpty ? Cell(q, a) : null;
            }

            return row;
        }).ToList();
        if (rows.Count == 0)
        {
            var empty = new Dictionary<string, object?> { [text["Export.Response"]] = null };
            foreach (var q in questions)
            {
                empty[Column(q)] = null;
            }

            rows.Add(empty);
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Export.AnswersSheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>Per question and option: count and percent (one decimal, as shown); ratings' mean and distribution.</summary>
    public async Task<byte[]> StatisticsAsync(int id, CancellationToken ct = default)
    {
        var stats = await queries.StatisticsAsync(id, ct);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var q in stats.Questions)
        {
            void Add(string answer, object? count, string? percent) => rows.Add(new Dictionary<string, object?>
            {
                [text["Export.Question"]] = ExcelFile.Safe($"{q.Order}. {q.Text}"),
                [text["Export.Answered"]] = q.Answered,
                [text["Export.Answer"]] = ExcelFile.Safe(answer),
                [text["Export.Count"]] = count,
                [text["Export.Percent"]] = percent,
            });

            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    foreach (var o in q.Options)
                    {
                        Add(o.Text, o.Count, SurveyStatistics.Display(o.Percent));
                    }

                    break;
                case QuestionKind.Rating:
                    Add(text["Stats.Mean"], SurveyStatistics.DisplayMean(q.RatingMean), null);
                    for (var v = 0; v < q.RatingDistribution.Count; v++)
                    {
                        Add((v + 1).ToString(CultureInfo.InvariantCulture), q.RatingDistribution[v], SurveyStatistics.Display(SurveyStatistics.Percent(q.RatingDistribution[v], q.Answered)));
                    }

                    break;
                default:
                    foreach (var t in q.Texts)
                    {
                        Add(t, null, null);
                    }

                    break;
            }
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Export.StatisticsSheet"], cancellationToken: ct);
        return stream.ToArray();
    }

    private static string Column(QuestionSpec q) => $"{q.Order}. {q.Text}";

    private static object? Cell(QuestionSpec q, Answer a) => q.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => ExcelFile.Safe(string.Join("；", a.Picks.Where(p => p >= 0 && p < q.Options.Count).Select(p => q.Options[p]))),
        QuestionKind.Rating => a.Rating,
        _ => ExcelFile.Safe(a.Text),
    };
}
