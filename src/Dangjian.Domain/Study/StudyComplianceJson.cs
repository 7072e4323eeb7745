using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Common.ContractFields;

namespace Dangjian.Domain.Study;

/// <summary>One person of `dangjian study compliance`: role, term (when given), study records and exams.</summary>
public sealed record StudyPerson(string Name, string Role, StudyTerm? Term, IReadOnlyList<StudyTime> Records, IReadOnlyList<StudyExam> Exams);

/// <summary>The input of `dangjian study compliance`, checked for consistency.</summary>
public sealed record StudyComplianceInput(DateOnly AsOf, decimal PassScore, IReadOnlyList<StudyRequirement> Requirements, IReadOnlyList<StudyPerson> People);

public sealed record StudyPersonCompliance(StudyPerson Person, ExamState Exam, IReadOnlyList<StudyRequirementStatus> Requirements);

public sealed record StudyComplianceResult(DateOnly AsOf, IReadOnlyList<StudyPersonCompliance> People);

/// <summary>
/// The JSON contract of `dangjian study compliance`: asOf, passScore, requirements and people in; per person the exam
/// state and each of their requirements' done, missing and behindPace out. Tools depend on these names: do not rename
/// them. Numbers are read as decimals straight from the JSON text and written back the same way, so 4.5 stays 4.5.
/// </summary>
public static class StudyComplianceJson
{
    /// <summary>Reads the input; on malformed input returns null and every problem found, each naming its field.</summary>
    public static (StudyComplianceInput? Input, IReadOnlyList<ContractError> Errors) Parse(string json)
    {
        if (!ContractJson.TryReadObject(json, out var o, out var unreadable))
        {
            return (null, [unreadable]);
        }

        var errors = new List<ContractError>();
        var asOf = Day(o, "asOf", "asOf", required: true, errors);
        var passScore = NonNegative(o, "passScore", "passScore", errors);
        var requirements = Requirements(o, errors);
        var people = People(o, requirements, asOf, passScore, errors);

        return errors.Count > 0 ? (null, errors) : (new StudyComplianceInput(asOf!.Value, passScore!.Value, requirements, people), []);
    }

    /// <summary>Applies the rules (<see cref="StudyCompliance"/>, <see cref="StudyExams"/>) to well-formed input.</summary>
    public static StudyComplianceResult Evaluate(StudyComplianceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(input.AsOf, [.. input.People.Select(p => new StudyPersonCompliance(
            p,
            StudyExams.Replay(p.Exams, input.PassScore, input.AsOf).State,
            StudyCompliance.Evaluate(p.Role, p.Term, p.Records, input.Requirements, input.AsOf)))]);
    }

    /// <summary>The output: people in input order, each with their requirements in input order.</summary>
    public static string Write(StudyComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = new JsonObject
        {
            ["asOf"] = DateText.Format(result.AsOf),
            ["people"] = new JsonArray([.. result.People.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Person.Name,
                ["role"] = p.Person.Role,
                ["exam"] = Code(p.Exam),
                ["requirements"] = new JsonArray([.. p.Requirements.Select(r => (JsonNode)new JsonObject
                {
                    ["kind"] = r.Requirement.Kind,
                    ["per"] = r.Requirement.Per == StudyPer.Year ? "year" : "term",
                    ["unit"] = r.Requirement.Unit == StudyUnit.Hours ? "hours" : "days",
                    ["min"] = r.Requirement.Min,
                    ["done"] = r.Done,
                    ["missing"] = r.Missing,
                    ["behindPace"] = r.BehindPace,
                })]),
            })]),
        };
        return o.ToJsonString(ContractJson.Output);
    }

    /// <summary>The contract's name of an exam state.</summary>
    public static string Code(ExamState state) => state switch
    {
        ExamState.MakeUpDue => "make-up-due",
        ExamState.Suspended => "suspended",
        _ => "ok",
    };

    private static List<StudyRequirement> Requirements(JsonObject o, List<ContractError> errors)
    {
        var requirements = new List<StudyRequirement>();
        if (Array(o, "requirements", "requirements", required: true, errors) is not { } list)
        {
            return requirements;
        }

        var seen = new Dictionary<(string, string, StudyPer), int>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"requirements[{i}]";
            if (list[i] is not JsonObject r)
            {
                errors.Add(new(at, "a requirement must be an object with role, kind, per, unit and min"));
                continue;
            }

            var role = Text(r, "role", $"{at}.role", errors);
            var kind = Text(r, "kind", $"{at}.kind", errors);
            var per = Choice(r, "per", $"{at}.per", errors, ("year", StudyPer.Year), ("term", StudyPer.Term));
            var unit = Choice(r, "unit", $"{at}.unit", errors, ("hours", StudyUnit.Hours), ("days", StudyUnit.Days));
            var min = NonNegative(r, "min", $"{at}.min", errors);
            if (role is null || kind is null || per is null || unit is null || min is null)
            {
                continue;
            }

            if (!seen.TryAdd((role, kind, per.Value), i))
            {
                errors.Add(new(at, $"requirements[{seen[(role, kind, per.Value)]}] already sets role \"{role}\", kind \"{kind}\", per \"{Name(per.Value)}\""));
                continue;
            }

            requirements.Add(new(role, kind, per.Value, unit.Value, min.Value));
        }

        return requirements;
    }

    private static List<StudyPerson> People(JsonObject o, List<StudyRequirement> requirements, DateOnly? asOf, decimal? passScore, List<ContractError> errors)
    {
        var people = new List<StudyPerson>();
        if (Array(o, "people", "people", required: true, errors) is not { } list)
        {
            return people;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"people[{i}]";
            if (list[i] is not JsonObject p)
            {
                errors.Add(new(at, "a person must be an object with name, role, records and exams"));
                continue;
            }

            var name = Text(p, "name", $"{at}.name", errors);
            if (name is not null && !names.TryAdd(name, i))
            {
                errors.Add(new($"{at}.name", $"\"{name}\" is already people[{names[name]}]"));
            }

            var role = Text(p, "role", $"{at}.role", errors);
            var own = role is null ? [] : StudyCompliance.For(role, requirements);
            var term = Term(p, at, own.Any(r => r.Per == StudyPer.Term), errors);
            var records = Records(p, at, own, errors);
            var exams = Exams(p, at, errors);

            // Only exams on or before asOf are taken (their order is the state machine's), so only they can be invalid.
            if (exams is not null && asOf is { } day && passScore is { } pass && StudyExams.Replay(exams, pass, day).InvalidMakeUp is { } bad)
            {
                errors.Add(new($"{at}.exams[{bad}]", "a make-up is only valid after a failed exam or while suspended"));
            }

            people.Add(new(name ?? string.Empty, role ?? string.Empty, term, records, exams ?? []));
        }

        return people;
    }

    private static StudyTerm? Term(JsonObject p, string at, bool needed, List<ContractError> errors)
    {
        var start = Day(p, "termStart", $"{at}.termStart", needed, errors);
        var end = Day(p, "termEnd", $"{at}.termEnd", needed, errors);
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                errors.Add(new($"{at}.termEnd", $"{at}.termEnd is before {at}.termStart"));
                return null;
            }

            return new(s, e);
        }

        if ((start is null) != (end is null) && !needed && !errors.Any(x => x.Field.StartsWith($"{at}.term", StringComparison.Ordinal)))
        {
            errors.Add(new(start is null ? $"{at}.termStart" : $"{at}.termEnd", "termStart and termEnd are given together or not at all"));
        }

        return null;
    }

    /// <summary>The records; one of a kind the person's requirements count must have each counting requirement's shape.</summary>
    private static List<StudyTime> Records(JsonObject p, string at, IReadOnlyList<StudyRequirement> own, List<ContractError> errors)
    {
        var records = new List<StudyTime>();
        if (Array(p, "records", $"{at}.records", required: false, errors) is not { } list)
        {
            return records;
        }

        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var j = 0; j < list.Count; j++)
        {
            var rat = $"{at}.records[{j}]";
            if (list[j] is not JsonObject r)
            {
                errors.Add(new(rat, "a record must be an object with kind and either date and hours or from and to"));
                continue;
            }

            if (Text(r, "kind", $"{rat}.kind", errors) is not { } kind)
            {
                continue;
            }

            var units = own.Where(q => string.Equals(q.Kind, kind, StringComparison.Ordinal)).Select(q => q.Unit).ToHashSet();
            if (units.Count == 0)
            {
                continue; // a kind none of this person's requirements counts: ignored, whatever its shape
            }

            DateOnly? date = null, from = null, to = null;
            decimal? hours = null;
            if (units.Contains(StudyUnit.Hours))
            {
                date = Day(r, "date", $"{rat}.date", required: true, errors);
                hours = NonNegative(r, "hours", $"{rat}.hours", errors);
                if (hours is { } h)
                {
                    // The hours of a kind are summed; a total past decimal's range cannot be counted exactly.
                    var total = totals.GetValueOrDefault(kind);
                    if (total > decimal.MaxValue - h)
                    {
                        errors.Add(new($"{rat}.hours", $"the {kind} hours add up past the largest number that can be counted"));
                    }
                    else
                    {
                        totals[kind] = total + h;
                    }
                }
            }

            if (units.Contains(StudyUnit.Days))
            {
                from = Day(r, "from", $"{rat}.from", required: true, errors);
                to = Day(r, "to", $"{rat}.to", required: true, errors);
                if (from is { } f && to is { } t && t < f)
                {
                    errors.Add(new($"{rat}.to", $"{rat}.to is before {rat}.from"));
                }
            }

            records.Add(new(kind, date, hours, from, to));
        }

        return records;
    }

    /// <summary>The exams; null when any of them is malformed.</summary>
    private static List<StudyExam>? Exams(JsonObject p, string at, List<ContractError> errors)
    {
        var exams = new List<StudyExam>();
        if (Array(p, "exams", $"{at}.exams", required: false, errors) is not { } list)
        {
            return p.ContainsKey("exams") ? null : exams;
        }

        for (var j = 0; j < list.Count; j++)
        {
            var eat = $"{at}.exams[{j}]";
            if (list[j] is not JsonObject e)
            {
                errors.Add(new(eat, "an exam must be an object with date, kind and score"));
                continue;
            }

            var date = Day(e, "date", $"{eat}.date", required: true, errors);
            var kind = Choice(e, "kind", $"{eat}.kind", errors, ("regular", ExamKind.Regular), ("makeup", ExamKind.MakeUp));
            var score = NonNegative(e, "score", $"{eat}.score", errors);
            if (date is { } d && kind is { } k && score is { } s)
            {
                exams.Add(new(d, k, s));
            }
        }

        return exams.Count == list.Count ? exams : null;
    }

    private static string Name(StudyPer per) => per == StudyPer.Year ? "year" : "term";

    private static JsonArray? Array(JsonObject o, string key, string field, bool required, List<ContractError> errors)
    {
        if (o[key] is JsonArray list)
        {
            return list;
        }

        if (o.ContainsKey(key) || required)
        {
            errors.Add(new(field, o.ContainsKey(key) ? $"{field} must be an array" : $"{field} is missing"));
        }

        return null;
    }

    /// <summary>One of the contract's names for a choice (per, unit, exam kind).</summary>
    private static T? Choice<T>(JsonObject o, string key, string field, List<ContractError> errors, params (string Name, T Value)[] choices)
        where T : struct
    {
        if (Text(o, key, field, errors) is not { } text)
        {
            return null;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        errors.Add(new(field, $"unknown {key} \"{text}\" (expected {string.Join(", ", choices.Select(c => c.Name))})"));
        return null;
    }

    /// <summary>A number of at least zero, read exactly as a decimal.</summary>
    private static decimal? NonNegative(JsonObject o, string key, string field, List<ContractError> errors)
    {
        var value = Number(o, key, field, errors);
        if (value < 0)
        {
            errors.Add(new(field, $"{field} may not be negative"));
            return null;
        }

        return value;
    }
}
