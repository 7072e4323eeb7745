using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>
/// The JSON contract of a count (`dangjian election count`): the input a tellers' file or a published
/// ballot list gives, and the result printed. Auditors' tools depend on these names: do not rename them.
/// </summary>
public static class CountJson
{
    /// <summary>Reads the input; on malformed input returns null and every problem found, each naming its field.</summary>
    public static (CountInput? Input, IReadOnlyList<ContractError> Errors) Parse(string json)
    {
        if (!ContractJson.TryReadObject(json, out var o, out var unreadable))
        {
            return (null, [unreadable]);
        }

        var errors = new List<ContractError>();
        var mode = ElectionMode.Formal;
        if (o["mode"] is { } m)
        {
            if (m.GetValueKind() != JsonValueKind.String || !TryMode(m.GetValue<string>(), out mode))
            {
                errors.Add(new("mode", "mode must be \"formal\", \"preliminary\" or \"recommendation\""));
            }
        }

        var seats = Integer(o, "seats", errors);
        var entitled = Integer(o, "entitledVoters", errors);
        var present = Integer(o, "votersPresent", errors);
        var issued = Integer(o, "ballotsIssued", errors);
        var candidates = Names(o["candidates"], "candidates", required: true, errors);
        var ballots = new List<Ballot>();
        if (o["ballots"] is not JsonArray list)
        {
            errors.Add(new("ballots", o.ContainsKey("ballots") ? "ballots must be an array" : "ballots is missing"));
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject b)
                {
                    errors.Add(new($"ballots[{i}]", "a ballot must be an object"));
                    continue;
                }

                var isVoid = false;
                if (b["void"] is { } v)
                {
                    if (v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        errors.Add(new($"ballots[{i}].void", "void must be true or false"));
                    }
                    else
                    {
                        isVoid = v.GetValue<bool>();
                    }
                }

                ballots.Add(new Ballot(
                    Names(b["for"], $"ballots[{i}].for", required: false, errors),
                    Names(b["against"], $"ballots[{i}].against", required: false, errors),
                    Names(b["writeIns"], $"ballots[{i}].writeIns", required: false, errors),
                    isVoid));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var input = new CountInput(mode, seats, entitled, present, issued, candidates, ballots);
        var rules = ElectionCount.Check(input);
        return rules.Count > 0 ? (null, rules) : (input, []);
    }

    public static string Write(CountResult r)
    {
        var o = new JsonObject
        {
            ["status"] = Name(r.Status),
            ["voidReason"] = r.VoidReason is { } reason ? Name(reason) : null,
            ["threshold"] = r.Threshold,
            ["ballotsReturned"] = r.BallotsReturned,
            ["validBallots"] = r.ValidBallots,
            ["invalidBallots"] = r.InvalidBallots,
            ["results"] = new JsonArray(r.Results.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["for"] = c.For,
                ["against"] = c.Against,
                ["abstain"] = c.Abstain,
                ["writeIn"] = c.WriteIn,
            }).ToArray()),
            ["elected"] = new JsonArray(r.Elected.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
            ["runoff"] = r.Runoff is null ? null : new JsonObject
            {
                ["names"] = new JsonArray(r.Runoff.Names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
                ["seats"] = r.Runoff.Seats,
            },
            ["unfilledSeats"] = r.UnfilledSeats,
        };
        return o.ToJsonString(ContractJson.Output);
    }

    /// <summary>Reads a result <see cref="Write"/> printed (a stored or published count) back; null for none.</summary>
    public static CountResult? ReadResult(string? json)
    {
        if (json is null || ContractJson.Parse(json) is not JsonObject o)
        {
            return null;
        }

        var runoff = o["runoff"] is JsonObject r ? new Runoff(Strings(r["names"]), r["seats"]!.GetValue<int>()) : null;
        var reason = o["voidReason"]?.GetValue<string>();
        return new CountResult(
            Enum.GetValues<CountStatus>().Single(s => Name(s) == o["status"]!.GetValue<string>()),
            reason is null ? null : Enum.GetValues<VoidReason>().Single(v => Name(v) == reason),
            o["threshold"]!.GetValue<int>(),
            o["ballotsReturned"]!.GetValue<int>(),
            o["validBallots"]!.GetValue<int>(),
            o["invalidBallots"]!.GetValue<int>(),
            [.. o["results"]!.AsArray().Select(c => new CandidateResult(
                c!["name"]!.GetValue<string>(), c["for"]!.GetValue<int>(), c["against"]!.GetValue<int>(), c["abstain"]!.GetValue<int>(), c["writeIn"]!.GetValue<bool>()))],
            Strings(o["elected"]),
            runoff,
            o["unfilledSeats"]!.GetValue<int>());

        static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
    }

    /// <summary>The contract's name of a status: "counted" or "void" (the enum's JSON name, so the API says the same).</summary>
    public static string Name(CountStatus status) => JsonName(status);

    /// <summary>The contract's name of a reason: "quorum-not-met" or "ballots-exceed-issued".</summary>
    public static string Name(VoidReason reason) => JsonName(reason);

    private static string JsonName<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false) is [JsonStringEnumMemberNameAttribute a]
            ? a.Name
            : throw new InvalidOperationException($"{typeof(T).Name}.{value} has no contract name.");

    /// <summary>The input's name of a mode ("formal", "preliminary", "recommendation").</summary>
    public static string ModeName(ElectionMode mode) => mode switch
    {
        ElectionMode.Preliminary => "preliminary",
        ElectionMode.Recommendation => "recommendation",
        _ => "formal",
    };

    private static bool TryMode(string text, out ElectionMode mode)
    {
        mode = text switch
        {
            "formal" => ElectionMode.Formal,
            "preliminary" => ElectionMode.Preliminary,
            "recommendation" => ElectionMode.Recommendation,
            _ => (ElectionMode)(-1),
        };
        return Enum.IsDefined(mode);
    }

    private static int Integer(JsonObject o, string field, List<ContractError> errors)
    {
        if (o[field] is not { } node)
        {
            errors.Add(new(field, $"{field} is missing"));
            return 0;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
        {
            errors.Add(new(field, $"{field} must be a whole number"));
            return 0;
        }

        if (value < 0)
        {
            errors.Add(new(field, $"{field} must not be negative (is {value})"));
        }

        return value;
    }

    private static List<string> Names(JsonNode? node, string field, bool required, List<ContractError> errors)
    {
        var names = new List<string>();
        if (node is null)
        {
            if (required)
            {
                errors.Add(new(field, $"{field} is missing"));
            }

            return names;
        }

        if (node is not JsonArray array)
        {
            errors.Add(new(field, $"{field} must be an array of names"));
            return names;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is { } n && n.GetValueKind() == JsonValueKind.String)
            {
                names.Add(n.GetValue<string>());
            }
            else
            {
                errors.Add(new($"{field}[{i}]", "a name must be a string"));
            }
        }

        return names;
    }
}
