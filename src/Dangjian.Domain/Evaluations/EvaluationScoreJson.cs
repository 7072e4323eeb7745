using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Evaluations;

/// <summary>
/// The JSON contract of `dangjian evaluation score` : scale, dimensions, groups,
/// components, grades, vetoGrade and subjects in; per subject democratic, composite, grade and rank out. Auditors' tools
/// depend on these names: do not rename them.
/// </summary>
public static class EvaluationScoreJson
{
    /// <summary>Reads the input; on malformed input returns null and every problem found, each naming its field.</summary>
    public static (ScoringInput? Input, IReadOnlyList<ContractError> Errors) Parse(string json)
    {
        if (!ContractJson.TryReadObject(json, out var o, out var unreadable))
        {
            return (null, [unreadable]);
        }

        var errors = new List<ContractError>();
        var scale = Map(o, "scale", errors).Select(p => new ScaleLevel(p.Name, p.Weight)).ToList();
        var dimensions = Map(o, "dimensions", errors);
        var groups = Map(o, "groups", errors);
        var components = Components(o, errors);
        var grades = Grades(o, errors);
        var vetoGrade = ContractJson.Text(o, "vetoGrade", "vetoGrade", errors);
        var subjects = Subjects(o, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var input = new ScoringInput(scale, dimensions, groups, components, grades, vetoGrade!, subjects);
        var rules = EvaluationScoring.Check(input);
        return rules.Count > 0 ? (null, rules) : (input, []);
    }

    /// <summary>The output: subjects in result order with scores rounded to 2 decimals (half away from zero) as JSON numbers.</summary>
    public static string Write(ScoringResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = new JsonObject
        {
            ["subjects"] = new JsonArray(result.Subjects.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["democratic"] = EvaluationScoring.Round(s.Democratic),
                ["composite"] = EvaluationScoring.Round(s.Composite),
                ["grade"] = s.Grade,
                ["rank"] = s.Rank,
            }).ToArray()),
        };
        return o.ToJsonString(ContractJson.Output);
    }

    /// <summary>A JSON object of name → number, in the given order (scale, dimensions, groups).</summary>
    private static List<NamedWeight> Map(JsonObject o, string field, List<ContractError> errors)
    {
        var list = new List<NamedWeight>();
        if (o[field] is not JsonObject map)
        {
            errors.Add(new(field, o.ContainsKey(field) ? $"{field} must be an object of name → number" : $"{field} is missing"));
            return list;
        }

        foreach (var (name, node) in map)
        {
            if (ContractJson.Number(node) is { } value)
            {
                list.Add(new(name, value));
            }
            else
            {
                errors.Add(new($"{field}.{name}", $"{field}.{name} must be a number"));
            }
        }

        return list;
    }

    private static ComponentWeights Components(JsonObject o, List<ContractError> errors)
    {
        if (o["components"] is not JsonObject c)
        {
            errors.Add(new("components", o.ContainsKey("components") ? "components must be an object with achievement, democratic and inspection" : "components is missing"));
            return new(0, 0, 0);
        }

        foreach (var unknown in c.Select(p => p.Key).Where(k => k is not ("achievement" or "democratic" or "inspection")))
        {
            errors.Add(new($"components.{unknown}", $"unknown component \"{unknown}\" (expected achievement, democratic, inspection)"));
        }

        return new(
            RequiredNumber(c, "achievement", "components.achievement", errors),
            RequiredNumber(c, "democratic", "components.democratic", errors),
            RequiredNumber(c, "inspection", "components.inspection", errors));
    }

    private static List<EvaluationGrade> Grades(JsonObject o, List<ContractError> errors)
    {
        var grades = new List<EvaluationGrade>();
        if (o["grades"] is not JsonArray list)
        {
            errors.Add(new("grades", o.ContainsKey("grades") ? "grades must be an array" : "grades is missing"));
            return grades;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var at = $"grades[{i}]";
            if (list[i] is not JsonObject g)
            {
                errors.Add(new(at, "a grade must be an object with name, min and optionally quota"));
                continue;
            }

            var name = ContractJson.Text(g, "name", $"{at}.name", errors);
            var min = RequiredNumber(g, "min", $"{at}.min", errors);
            decimal? quota = null;
            if (g["quota"] is { } q)
            {
                quota = ContractJson.Number(q);
                if (quota is null)
                {
                    errors.Add(new($"{at}.quota", $"{at}.quota must be a number between 0 and 1"));
                }
            }

            grades.Add(new(name ?? string.Empty, min, quota));
        }

        return grades;
    }

    private static List<ScoringSubject> Subjects(JsonObject o, List<ContractError> errors)
    {
        var subjects = new List<ScoringSubject>();
        if (o["subjects"] is not JsonArray list)
        {
            errors.Add(new("subjects", o.ContainsKey("subjects") ? "subjects must be an array" : "subjects is missing"));
            return subjects;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var at = $"subjects[{i}]";
            if (list[i] is not JsonObject s)
            {
                errors.Add(new(at, "a subject must be an object"));
                continue;
            }

            var name = ContractJson.Text(s, "name", $"{at}.name", errors);
            var achievement = RequiredNumber(s, "achievement", $"{at}.achievement", errors);
            var inspection = RequiredNumber(s, "inspection", $"{at}.inspection", errors);
            var veto = false;
            if (s["veto"] is not { } v)
            {
                errors.Add(new($"{at}.veto", $"{at}.veto is missing (true or false)"));
            }
            else if (v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(new($"{at}.veto", $"{at}.veto must be true or false"));
            }
            else
            {
                veto = v.GetValue<bool>();
            }

            subjects.Add(new(name ?? string.Empty, achievement, inspection, veto, Responses(s, at, errors)));
        }

        return subjects;
    }

    private static List<EvaluationResponse> Responses(JsonObject s, string at, List<ContractError> errors)
    {
        var responses = new List<EvaluationResponse>();
        if (s["responses"] is not JsonArray list)
        {
            errors.Add(new($"{at}.responses", s.ContainsKey("responses") ? $"{at}.responses must be an array" : $"{at}.responses is missing"));
            return responses;
        }

        for (var j = 0; j < list.Count; j++)
        {
            var rat = $"{at}.responses[{j}]";
            if (list[j] is not JsonObject r)
            {
                errors.Add(new(rat, "a response must be an object with group and ratings"));
                continue;
            }

            var group = ContractJson.Text(r, "group", $"{rat}.group", errors);
            var ratings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (r["ratings"] is not JsonObject map)
            {
                errors.Add(new($"{rat}.ratings", r.ContainsKey("ratings") ? $"{rat}.ratings must be an object of dimension → scale label" : $"{rat}.ratings is missing"));
            }
            else
            {
                foreach (var (dimension, node) in map)
                {
                    if (node is not null && node.GetValueKind() == JsonValueKind.String)
                    {
                        ratings[dimension] = node.GetValue<string>();
                    }
                    else
                    {
                        errors.Add(new($"{rat}.ratings.{dimension}", "a rating must be a scale label (a string)"));
                    }
                }
            }

            responses.Add(new(group ?? string.Empty, ratings));
        }

        return responses;
    }

    private static decimal RequiredNumber(JsonObject o, string key, string field, List<ContractError> errors)
    {
        if (o[key] is not { } node)
        {
            errors.Add(new(field, $"{field} is missing"));
            return 0;
        }

        if (ContractJson.Number(node) is not { } value)
        {
            errors.Add(new(field, $"{field} must be a number"));
            return 0;
        }

        return value;
    }
}
