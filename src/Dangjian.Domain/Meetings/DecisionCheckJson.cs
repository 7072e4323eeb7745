using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>The input of `dangjian decision check`, checked for consistency.</summary>
public sealed record DecisionCheckInput(
    ItemCategory Category,
    IReadOnlyList<string> Members,
    string Secretary,
    string? InCharge,
    IReadOnlyList<string> Present,
    VoteCounts Votes,
    VoteChoice? SecretaryView,
    DateOnly? NoticeDate,
    DateOnly? MeetingDate,
    bool Emergency);

public sealed record DecisionCheckResult(ItemDecisionResult Decision, NoticeCheck? Notice);

/// <summary>
/// The JSON contract of `dangjian decision check` : the facts of one agenda item in, the quorum, notice,
/// outcome and escalation out. Auditors' tools depend on these names: do not rename them.
/// </summary>
public static class DecisionCheckJson
{
    /// <summary>Reads the input; on malformed input returns null and every problem found, each naming its field.</summary>
    public static (DecisionCheckInput? Input, IReadOnlyList<ContractError> Errors) Parse(string json)
    {
        if (!ContractJson.TryReadObject(json, out var o, out var unreadable))
        {
            return (null, [unreadable]);
        }

        var errors = new List<ContractError>();
        var category = Category(o, errors);
        var members = Names(o, "members", errors);
        var present = Names(o, "present", errors);
        var secretary = Name(o, "secretary", required: true, errors);
        var inCharge = Name(o, "inCharge", required: false, errors);
        var votes = Votes(o, errors);
        var view = View(o, errors);
        var notice = Day(o, "noticeDate", errors);
        var meeting = Day(o, "meetingDate", errors);
        var emergency = false;
        if (o["emergency"] is { } em)
        {
            if (em.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                emergency = em.GetValue<bool>();
            }
            else
            {
                errors.Add(new("emergency", "emergency must be true or false"));
            }
        }

        var team = members.ToHashSet(StringComparer.Ordinal);
        if (secretary is not null && members.Count > 0 && !team.Contains(secretary))
        {
            errors.Add(new("secretary", $"the secretary \"{secretary}\" is not among members"));
        }

        if (inCharge is not null && members.Count > 0 && !team.Contains(inCharge))
        {
            errors.Add(new("inCharge", $"the member in charge \"{inCharge}\" is not among members"));
        }

        for (var i = 0; i < present.Count; i++)
        {
            if (members.Count > 0 && !team.Contains(present[i]))
            {
                errors.Add(new($"present[{i}]", $"\"{present[i]}\" is present but not among members"));
            }
        }

        if (votes.Total > present.Count && !errors.Any(e => e.Field.StartsWith("votes", StringComparison.Ordinal)))
        {
            errors.Add(new("votes", $"{votes.Total} votes were cast but only {present.Count} members are present"));
        }

        if ((notice is null) != (meeting is null) && !errors.Any(e => e.Field is "noticeDate" or "meetingDate"))
        {
            errors.Add(new(notice is null ? "noticeDate" : "meetingDate", "noticeDate and meetingDate are given together or not at all"));
        }

        if (notice is { } n && meeting is { } m)
        {
            foreach (var (field, day) in new[] { ("noticeDate", n), ("meetingDate", m) })
            {
                if (!HolidayCalendar.Shipped.Covers(day))
                {
                    errors.Add(new(field, new CalendarYearMissingException(day.Year).Message));
                }
            }
        }

        if (errors.Count > 0 || category is null || secretary is null)
        {
            return (null, errors);
        }

        return (new DecisionCheckInput(category.Value, members, secretary, inCharge, present, votes, view, notice, meeting, emergency), []);
    }

    /// <summary>Applies the rules to well-formed input, with the shipped calendar for the notice period.</summary>
    public static DecisionCheckResult Check(DecisionCheckInput input, DecisionRules? rules = null)
    {
        var present = input.Present.ToHashSet(StringComparer.Ordinal);
        var facts = new ItemFacts(
            input.Category,
            input.Members.Count,
            present.Count,
            input.InCharge is null ? null : present.Contains(input.InCharge),
            input.Votes,
            input.SecretaryView);
        var notice = input.NoticeDate is { } n && input.MeetingDate is { } m
            ? NoticeRule.Check(HolidayCalendar.Shipped, n, m, input.Emergency)
            : null;
        return new(ItemDecision.Decide(facts, rules), notice);
    }

    public static string Write(DecisionCheckResult r)
    {
        var o = new JsonObject
        {
            ["quorumMet"] = r.Decision.QuorumMet,
            ["quorumProblems"] = new JsonArray(r.Decision.QuorumProblems.Select(p => (JsonNode)JsonValue.Create(Code(p))).ToArray()),
            ["noticeWorkingDays"] = r.Notice?.WorkingDays,
            ["noticeOk"] = r.Notice?.Ok,
            ["outcome"] = r.Decision.Outcome switch
            {
                ItemOutcome.Passed => "passed",
                ItemOutcome.Rejected => "rejected",
                _ => "not-decided",
            },
            ["escalate"] = r.Decision.Escalate,
        };
        return o.ToJsonString(ContractJson.Output);
    }

    /// <summary>The contract's name of a quorum problem.</summary>
    public static string Code(QuorumProblem p) => p switch
    {
        QuorumProblem.AttendanceBelowHalf => "attendance-below-half",
        QuorumProblem.AttendanceBelowTwoThirds => "attendance-below-two-thirds",
        QuorumProblem.InChargeAbsent => "in-charge-absent",
        _ => "attendance-below-threshold",
    };

    private static ItemCategory? Category(JsonObject o, List<ContractError> errors)
    {
        if (o["category"] is { } c && c.GetValueKind() == JsonValueKind.String)
        {
            switch (c.GetValue<string>())
            {
                case "major": return ItemCategory.Major;
                case "cadre": return ItemCategory.Cadre;
                case "routine": return ItemCategory.Routine;
            }
        }

        errors.Add(new("category", o.ContainsKey("category")
            ? "category must be \"major\", \"cadre\" or \"routine\""
            : "category is missing (\"major\", \"cadre\" or \"routine\")"));
        return null;
    }

    private static List<string> Names(JsonObject o, string field, List<ContractError> errors)
    {
        var names = new List<string>();
        if (o[field] is not JsonArray array)
        {
            errors.Add(new(field, o.ContainsKey(field) ? $"{field} must be an array of names" : $"{field} is missing"));
            return names;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not { } n || n.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(n.GetValue<string>()))
            {
                errors.Add(new($"{field}[{i}]", "a name must be a non-empty string"));
                continue;
            }

            var name = n.GetValue<string>();
            if (!seen.Add(name))
            {
                errors.Add(new($"{field}[{i}]", $"duplicate name \"{name}\" in {field}"));
            }

            names.Add(name);
        }

        if (field == "members" && array.Count == 0)
        {
            errors.Add(new(field, "members must name at least one member"));
        }

        return names;
    }

    private static string? Name(JsonObject o, string field, bool required, List<ContractError> errors)
    {
        if (o[field] is null)
        {
            if (required)
            {
                errors.Add(new(field, $"{field} is missing"));
            }

            return null;
        }

        if (o[field]!.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(o[field]!.GetValue<string>()))
        {
            errors.Add(new(field, $"{field} must be a non-empty name"));
            return null;
        }

        return o[field]!.GetValue<string>();
    }

    private static VoteCounts Votes(JsonObject o, List<ContractError> errors)
    {
        if (o["votes"] is not JsonObject v)
        {
            errors.Add(new("votes", o.ContainsKey("votes") ? "votes must be an object with for, against and abstain" : "votes is missing"));
            return default;
        }

        foreach (var unknown in v.Select(p => p.Key).Where(k => k is not ("for" or "against" or "abstain")))
        {
            errors.Add(new($"votes.{unknown}", $"unknown vote kind \"{unknown}\" (expected for, against, abstain)"));
        }

        int Count(string kind)
        {
            if (v[kind] is not { } node)
            {
                errors.Add(new($"votes.{kind}", $"votes.{kind} is missing"));
                return 0;
            }

            if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var n))
            {
                errors.Add(new($"votes.{kind}", $"votes.{kind} must be a whole number"));
                return 0;
            }

            if (n < 0)
            {
                errors.Add(new($"votes.{kind}", $"votes.{kind} must not be negative (is {n.ToString(CultureInfo.InvariantCulture)})"));
                return 0;
            }

            return n;
        }

        return new(Count("for"), Count("against"), Count("abstain"));
    }

    private static VoteChoice? View(JsonObject o, List<ContractError> errors)
    {
        if (o["secretaryView"] is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            switch (node.GetValue<string>())
            {
                case "for": return VoteChoice.For;
                case "against": return VoteChoice.Against;
            }
        }

        errors.Add(new("secretaryView", "secretaryView must be \"for\" or \"against\""));
        return null;
    }

    private static DateOnly? Day(JsonObject o, string field, List<ContractError> errors)
    {
        if (o[field] is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String
            && DateOnly.TryParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new(field, $"{field} must be a date as yyyy-MM-dd"));
        return null;
    }
}
