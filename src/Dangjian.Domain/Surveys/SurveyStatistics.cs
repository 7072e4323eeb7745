using System.Globalization;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Surveys;

/// <summary>One option's tally: how many respondents picked it, and what share of those who answered the question.</summary>
public sealed record OptionCount(int Index, string Text, int Count, decimal Percent);

/// <summary>
/// The statistics of one question. <see cref="Answered"/> is the number of respondents who answered it, the base of
/// every percentage (equal to all respondents for a required question).
/// </summary>
public sealed record QuestionStatistics(
    int QuestionId,
    int Order,
    QuestionKind Kind,
    string Text,
    int Answered,
    IReadOnlyList<OptionCount> Options,
    decimal? RatingMean,
    IReadOnlyList<int> RatingDistribution,
    IReadOnlyList<string> Texts);

public sealed record SurveyStatisticsResult(int Respondents, IReadOnlyList<QuestionStatistics> Questions);

/// <summary>One row of a cross-tab: an option of the row question, its count per column option, and row percents.</summary>
public sealed record CrossTabRow(int Index, string Text, IReadOnlyList<int> Counts, int Total, IReadOnlyList<decimal> Percents);

/// <summary>A cross-tab of a choice question's options (rows) against a single-choice question's options (columns).</summary>
public sealed record CrossTab(int RowQuestionId, string RowQuestion, int ColumnQuestionId, string ColumnQuestion, IReadOnlyList<string> Columns, IReadOnlyList<CrossTabRow> Rows, IReadOnlyList<int> ColumnTotals);

/// <summary>
/// Survey statistics (SRV-2), pure: counts and percentages per option (as in seed S3: "125 很满意 17.3%"), rating
/// mean and distribution, the text answers, and cross-tabs. Percentages are exact decimals here; they are rounded to
/// one decimal, half away from zero, only for display (<see cref="Display"/>).
/// </summary>
public static class SurveyStatistics
{
    public static SurveyStatisticsResult Compute(IReadOnlyList<QuestionSpec> questions, IReadOnlyList<IReadOnlyDictionary<int, Answer>> responses)
    {
        var stats = new List<QuestionStatistics>();
        foreach (var q in questions.OrderBy(q => q.Order).ThenBy(q => q.Id))
        {
            var answers = responses.Select(r => r.TryGetValue(q.Id, out var a) ? a : Answer.None).Where(a => !a.IsEmpty).ToList();
            var answered = answers.Count;
            IReadOnlyList<OptionCount> options = [];
            decimal? mean = null;
            IReadOnlyList<int> distribution = [];
            IReadOnlyList<string> texts = [];
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice:
                case QuestionKind.MultipleChoice:
                    // Multiple choice: each option's percent is the share of respondents (who answered) that picked
                    // it, so the percents of a question may add up to more than 100.
                    options = [.. q.Options.Select((text, i) =>
                    {
                        var count = answers.Count(a => a.Picks.Contains(i));
                        return new OptionCount(i, text, count, Percent(count, answered));
                    })];
                    break;
                case QuestionKind.Rating:
                    var scale = q.Scale ?? 0;
                    var ratings = answers.Where(a => a.Rating is { } r && r >= 1 && r <= scale).Select(a => a.Rating!.Value).ToList();
                    distribution = [.. Enumerable.Range(1, scale).Select(v => ratings.Count(r => r == v))];
                    mean = ratings.Count == 0 ? null : (decimal)ratings.Sum() / ratings.Count;
                    break;
                default:
                    texts = [.. answers.Select(a => a.Text!.Trim()).Where(t => t.Length > 0)];
                    break;
            }

            stats.Add(new QuestionStatistics(q.Id, q.Order, q.Kind, q.Text, answered, options, mean, distribution, texts));
        }

        return new SurveyStatisticsResult(responses.Count, stats);
    }

    /// <summary>
    /// Cross-tab of <paramref name="row"/> (single or multiple choice) by <paramref name="column"/> (single choice): a
    /// cell counts the respondents who picked both options; a row's percents are shares of that row's total (the
    /// respondents who picked the row option and answered the column question).
    /// </summary>
    public static CrossTab Cross(QuestionSpec row, QuestionSpec column, IReadOnlyList<IReadOnlyDictionary<int, Answer>> responses)
    {
        if (row.Kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice))
        {
            throw new DomainRuleException("Survey.CrossTabRowNotChoice", "rowQuestionId");
        }

        if (column.Kind != QuestionKind.SingleChoice)
        {
            throw new DomainRuleException("Survey.CrossTabColumnNotSingle", "columnQuestionId");
        }

        if (row.Id == column.Id)
        {
            throw new DomainRuleException("Survey.CrossTabSameQuestion", "columnQuestionId");
        }

        var pairs = responses
            .Select(r => (Row: r.TryGetValue(row.Id, out var a) ? a.Picks : [], Column: r.TryGetValue(column.Id, out var c) && c.Picks.Count == 1 ? c.Picks[0] : -1))
            .Where(p => p.Column >= 0 && p.Column < column.Options.Count)
            .ToList();
        var rows = row.Options.Select((text, i) =>
        {
            var counts = column.Options.Select((_, j) => pairs.Count(p => p.Column == j && p.Row.Contains(i))).ToArray();
            var total = counts.Sum();
            return new CrossTabRow(i, text, counts, total, [.. counts.Select(c => Percent(c, total))]);
        }).ToList();
        var columnTotals = column.Options.Select((_, j) => pairs.Count(p => p.Column == j && p.Row.Count > 0)).ToArray();
        return new CrossTab(row.Id, row.Text, column.Id, column.Text, column.Options, rows, columnTotals);
    }

    /// <summary>count / total × 100, exact; 0 when nobody answered.</summary>
    public static decimal Percent(int count, int total) => total == 0 ? 0m : count * 100m / total;

    /// <summary>A percentage as shown: one decimal, half away from zero ("17.3").</summary>
    public static string Display(decimal percent) =>
        Math.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A rating mean as shown: two decimals, half away from zero.</summary>
    public static string DisplayMean(decimal? mean) =>
        mean is { } m ? Math.Round(m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
