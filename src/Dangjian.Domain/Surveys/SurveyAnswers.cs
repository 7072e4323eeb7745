using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dangjian.Domain.Surveys;

/// <summary>
/// One answer: the picked options' 0-based indexes (single and multiple choice), a rating, or a text. An empty answer
/// (nothing picked, no rating, blank text) means the question was left out.
/// </summary>
public sealed record Answer(IReadOnlyList<int> Picks, int? Rating, string? Text)
{
    public static readonly Answer None = new([], null, null);

    public static Answer Choice(params int[] picks) => new(picks, null, null);

    public static Answer Rated(int rating) => new([], rating, null);

    public static Answer Written(string text) => new([], null, text);

    public bool IsEmpty => Picks.Count == 0 && Rating is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>An error in an answer set: the question, a rule code (SurveyText "Answer.…") and its arguments.</summary>
public sealed record AnswerError(int QuestionId, string Code, params object[] Arguments);

/// <summary>
/// The rules of a response and its stored shape. A response is checked whole before it is cast, so an invalid one is
/// sent back naming each question and the respondent's code stays unused.
/// </summary>
public static class SurveyAnswers
{
    public const int MaxTextLength = 1000;

    public static IReadOnlyList<AnswerError> Check(IReadOnlyList<QuestionSpec> questions, IReadOnlyDictionary<int, Answer> answers)
    {
        var errors = new List<AnswerError>();
        foreach (var q in questions.OrderBy(q => q.Order))
        {
            var a = answers.TryGetValue(q.Id, out var given) ? given : Answer.None;
            if (a.IsEmpty)
            {
                if (q.Required)
                {
                    errors.Add(new(q.Id, "Answer.Required", q.Order));
                }

                continue;
            }

            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice when a.Rating is not null || a.Text is not null:
                    errors.Add(new(q.Id, "Answer.Malformed", q.Order));
                    break;
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice when a.Picks.Any(p => p < 0 || p >= q.Options.Count) || a.Picks.Distinct().Count() != a.Picks.Count:
                    errors.Add(new(q.Id, "Answer.NoSuchOption", q.Order));
                    break;
                case QuestionKind.SingleChoice when a.Picks.Count > 1:
                    errors.Add(new(q.Id, "Answer.OneOnly", q.Order));
                    break;
                case QuestionKind.MultipleChoice when q.MaxPicks is { } max && a.Picks.Count > max:
                    errors.Add(new(q.Id, "Answer.TooManyPicks", q.Order, max));
                    break;
                case QuestionKind.Rating when a.Picks.Count > 0 || a.Text is not null || a.Rating is not { } r || r < 1 || r > (q.Scale ?? 0):
                    errors.Add(new(q.Id, "Answer.RatingRange", q.Order, q.Scale ?? 0));
                    break;
                case QuestionKind.Text when a.Picks.Count > 0 || a.Rating is not null:
                    errors.Add(new(q.Id, "Answer.Malformed", q.Order));
                    break;
                case QuestionKind.Text when a.Text!.Trim().Length > MaxTextLength:
                    errors.Add(new(q.Id, "Answer.TextTooLong", q.Order, MaxTextLength));
                    break;
            }
        }

        var known = questions.Select(q => q.Id).ToHashSet();
        errors.AddRange(answers.Keys.Where(id => !known.Contains(id)).Order().Select(id => new AnswerError(id, "Answer.NoSuchQuestion", id)));
        return errors;
    }

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// The stored response: {"q12":[0],"q13":[0,2],"q14":4,"q15":"…"} in question order, picks sorted, texts trimmed,
    /// left-out questions omitted. No time, no code, nothing but the answers, so equal responses are equal strings.
    /// </summary>
    public static string Write(IReadOnlyList<QuestionSpec> questions, IReadOnlyDictionary<int, Answer> answers)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Encoder }))
        {
            w.WriteStartObject();
            foreach (var q in questions.OrderBy(q => q.Order).ThenBy(q => q.Id))
            {
                if (!answers.TryGetValue(q.Id, out var a) || a.IsEmpty)
                {
                    continue;
                }

                var name = "q" + q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                switch (q.Kind)
                {
                    case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                        w.WriteStartArray(name);
                        foreach (var p in a.Picks.Distinct().Order())
                        {
                            w.WriteNumberValue(p);
                        }

                        w.WriteEndArray();
                        break;
                    case QuestionKind.Rating:
                        w.WriteNumber(name, a.Rating!.Value);
                        break;
                    default:
                        w.WriteString(name, a.Text!.Trim());
                        break;
                }
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a stored response back; unknown or malformed members are skipped.</summary>
    public static Dictionary<int, Answer> Parse(string content)
    {
        var result = new Dictionary<int, Answer>();
        using var doc = JsonDocument.Parse(content);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Name.Length < 2 || p.Name[0] != 'q' || !int.TryParse(p.Name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            result[id] = p.Value.ValueKind switch
            {
                JsonValueKind.Array => Answer.Choice([.. p.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt32())]),
                JsonValueKind.Number => Answer.Rated(p.Value.GetInt32()),
                JsonValueKind.String => Answer.Written(p.Value.GetString() ?? string.Empty),
                _ => Answer.None,
            };
        }

        return result;
    }
}
