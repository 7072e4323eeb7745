using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Evaluations.Results;

/// <summary>
/// Excel files of a campaign: all scores (one row per subject: every component, per-group scores, grade, rank,
/// consequences), per-dimension means, and the score import template (subject, 实绩, 组织考察). All of them hold
/// component scores, so only those who run the campaign get them.
/// </summary>
public sealed class ResultsExport(ResultsQueries queries, SubjectScores scores, IStringLocalizer<ResultsText> text, IStringLocalizer<RuleText> rules, OrgClock clock)
{
    /// <summary>
    /// The objections filed during publicity (EVA-8) as the objections section shows them (RPT-2), unanswered only when
    /// asked: an unsigned objection keeps only its day and no name (EVA-6), as on the page.
    /// </summary>
    public async Task<byte[]> ObjectionsAsync(int campaignId, bool unansweredOnly, CancellationToken ct = default)
    {
        var rows = await queries.ObjectionsAsync(campaignId, unansweredOnly, ct);
        return await ListSheet.SaveAsync<ObjectionView>(text["Sheet.Objections"], rows,
        [
            (text["Col.FiledAt"], o => o.FiledBy is null ? clock.FormatDate(o.FiledAt) : clock.Format(o.FiledAt)),
            (text["Col.Subject"], o => ExcelFile.Safe(o.SubjectName ?? text["NoSubject"].Value)),
            (text["Col.FiledBy"], o => ExcelFile.Safe(o.FiledBy ?? text["Anonymous"].Value)),
            (text["Col.Contact"], o => ExcelFile.Safe(o.Contact)),
            (text["Col.Objection"], o => ExcelFile.Safe(o.Text)),
            (rules["Field.Evaluation.Answer"], o => ExcelFile.Safe(o.Answer)),
            (text["Col.AnsweredBy"], o => ExcelFile.Safe(o.AnsweredBy)),
            (text["Col.AnsweredAt"], o => o.AnsweredAt is { } at ? clock.Format(at) : null),
        ], ct);
    }

    /// <summary>The follow-ups of the campaign's graded subjects (EVA-9) as the follow-up section shows them (RPT-2).</summary>
    public async Task<byte[]> FollowUpsAsync(int campaignId, CancellationToken ct = default)
    {
        var rows = await queries.FollowUpsAsync(campaignId, ct);
        return await ListSheet.SaveAsync<FollowUpView>(text["Sheet.FollowUps"], rows,
        [
            (text["Col.Subject"], f => ExcelFile.Safe(f.SubjectName)),
            (text["Col.Grade"], f => ExcelFile.Safe(f.Grade)),
            (rules["Field.Evaluation.Measure"], f => ExcelFile.Safe(f.Measure)),
            (rules["Field.Evaluation.Owner"], f => ExcelFile.Safe(f.Owner)),
            (text["Deadline"], f => f.Deadline is { } d ? Dangjian.Domain.Common.DateText.Format(d) : null),
            (rules["Field.Evaluation.FollowUpStatus"], f => text[$"FollowUpStatus.{f.Status}"].Value),
            (rules["Field.Evaluation.Outcome"], f => ExcelFile.Safe(f.Outcome)),
        ], ct);
    }

    public async Task<byte[]> ScoresAsync(int campaignId, CancellationToken ct = default)
    {
        var view = await FullResultsAsync(campaignId, ct);
        var rows = view.Results.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [text["Col.Rank"]] = r.Rank,
                [text["Col.Subject"]] = ExcelFile.Safe(r.Name),
                [text["Col.Description"]] = ExcelFile.Safe(r.Description),
                [text["Col.Achievement"]] = r.Achievement,
                [text["Col.Democratic"]] = r.Democratic is { } democratic ? Round(democratic) : null,
                [text["Col.Inspection"]] = r.Inspection,
                [text["Col.Composite"]] = Round(r.Composite),
            };
            foreach (var g in view.Groups)
            {
                var d = r.Groups.FirstOrDefault(x => x.GroupId == g.Id);
                row[text["Col.GroupScore", g.Name]] = d?.Score is { } s ? Round(s) : null;
                row[text["Col.GroupResponses", g.Name]] = d?.Responses ?? 0;
            }

            row[text["Col.ThresholdGrade"]] = r.ThresholdGrade;
            row[text["Col.Grade"]] = r.Grade;
            row[text["Col.Demoted"]] = r.DemotedByQuota ? text["Demoted"].Value : null;
            row[text["Col.Veto"]] = ExcelFile.Safe(Punctuation.JoinPhrases(r.Vetoes.Select(v => v.Note is null ? v.Item : v.Item + Punctuation.Parenthesized(v.Note))));
            row[text["Col.Bonus"]] = r.BonusCoefficient;
            row[text["Col.Award"]] = r.AwardEligible ? text["Yes"].Value : text["No"].Value;
            row[text["Col.Promotion"]] = r.BlocksPromotion ? text["BlocksPromotion"].Value : null;
            row[text["Col.ResidentCriticism"]] = r.ResidentCriticism ? text["ResidentCriticism"].Value : null;
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet.Scores"], cancellationToken: ct);
        return stream.ToArray();
    }

    public async Task<byte[]> DimensionsAsync(int campaignId, CancellationToken ct = default)
    {
        var view = await FullResultsAsync(campaignId, ct);
        var rows = view.Results.Select(r =>
        {
            var row = new Dictionary<string, object?> { [text["Col.Subject"]] = ExcelFile.Safe(r.Name) };
            foreach (var d in r.Dimensions)
            {
                row[d.Name] = d.Mean is { } m ? Round(m) : null;
            }

            return row;
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet.Dimensions"], cancellationToken: ct);
        return stream.ToArray();
    }

    public async Task<byte[]> TemplateAsync(int campaignId, CancellationToken ct = default)
    {
        var subjects = await scores.TemplateRowsAsync(campaignId, ct);
        var rows = subjects.Select(s => new Dictionary<string, object?>
        {
            [text["Col.Subject"]] = ExcelFile.Safe(s.Name),
            [text["Col.Achievement"]] = s.Achievement,
            [text["Col.Inspection"]] = s.Inspection,
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { [text["Col.Subject"]] = null, [text["Col.Achievement"]] = null, [text["Col.Inspection"]] = null });
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["Sheet.Template"], cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>
    /// Reads a score sheet: the first row is the header (column A subject, B 实绩, C 组织考察, as in the template);
    /// blank rows are skipped. Null when the file is not a readable .xlsx.
    /// </summary>
    public static IReadOnlyList<ScoreSheetRow>? Read(Stream file)
    {
        var rows = new List<ScoreSheetRow>();
        try
        {
            var n = 0;
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                n++;
                if (n == 1)
                {
                    continue;
                }

                cells.TryGetValue("A", out var a);
                cells.TryGetValue("B", out var b);
                cells.TryGetValue("C", out var c);
                if (IsBlank(a) && IsBlank(b) && IsBlank(c))
                {
                    continue;
                }

                rows.Add(new ScoreSheetRow(n, a is null ? null : Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture), b, c));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return null;
        }

        return rows;
    }

    private async Task<CampaignResultsView> FullResultsAsync(int campaignId, CancellationToken ct)
    {
        var view = await queries.ResultsAsync(campaignId, ct);
        return view.Full ? view : throw new ScopeRefusedException();
    }

    private static bool IsBlank(object? v) => v is null || (v is string s && string.IsNullOrWhiteSpace(s));

    private static decimal Round(decimal v) => Dangjian.Domain.Evaluations.EvaluationScoring.Round(v);
}
