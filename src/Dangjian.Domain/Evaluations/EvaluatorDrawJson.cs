using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Evaluations;

/// <summary>A draw as `dangjian evaluation draw` reads it: simple, stratified proportionally, or stratified by given counts.</summary>
public sealed record DrawRequest(
    string Seed,
    int Count,
    IReadOnlyList<DrawEntry> Population,
    bool Stratified,
    IReadOnlyDictionary<string, int>? StrataCounts);

/// <summary>
/// The JSON of `dangjian evaluation draw` (EVA-4): <c>{"seed", "count", "population": [{"key", "stratum"}], "stratified",
/// "strataCounts"}</c> in, <c>{"seed", "drawn": [keys in rank order]}</c> out. With <c>strataCounts</c> the count may be
/// left out (it is their sum) and must equal their sum when given. The algorithm is <see cref="EvaluatorDraw"/>'s.
/// </summary>
public static class EvaluatorDrawJson
{
    /// <summary>Reads and checks the request; on malformed input returns null and every problem found, each naming its field.</summary>
    public static (DrawRequest? Request, IReadOnlyList<ContractError> Errors) Parse(string json)
    {
        if (!ContractJson.TryReadObject(json, out var o, out var unreadable))
        {
            return (null, [unreadable]);
        }

        var errors = new List<ContractError>();
        string seed = string.Empty;
        if (o["seed"] is { } s && s.GetValueKind() == JsonValueKind.String)
        {
            seed = s.GetValue<string>();
        }
        else
        {
            errors.Add(new("seed", o.ContainsKey("seed") ? "seed must be a string" : "seed is missing"));
        }

        var stratified = false;
        if (o["stratified"] is { } st)
        {
            if (st.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                stratified = st.GetValue<bool>();
            }
            else
            {
                errors.Add(new("stratified", "stratified must be true or false"));
            }
        }

        Dictionary<string, int>? strataCounts = null;
        if (o["strataCounts"] is { } sc)
        {
            if (sc is not JsonObject map)
            {
                errors.Add(new("strataCounts", "strataCounts must be an object of stratum → whole number"));
            }
            else
            {
                strataCounts = new(StringComparer.Ordinal);
                foreach (var (stratum, node) in map)
                {
                    if (Whole(node) is { } n)
                    {
                        strataCounts[stratum] = n;
                    }
                    else
                    {
                        errors.Add(new($"strataCounts.{stratum}", "a count must be a whole number"));
                    }
                }

                if (!stratified)
                {
                    errors.Add(new("strataCounts", "strataCounts needs \"stratified\": true"));
                }
            }
        }

        int count = 0;
        if (o["count"] is { } c)
        {
            if (Whole(c) is { } n)
            {
                count = n;
                if (strataCounts is not null && n != strataCounts.Values.Sum())
                {
                    errors.Add(new("count", $"count ({n}) is not the sum of strataCounts ({strataCounts.Values.Sum()})"));
                }
            }
            else
            {
                errors.Add(new("count", "count must be a whole number"));
            }
        }
        else if (strataCounts is not null)
        {
            count = strataCounts.Values.Sum();
        }
        else
        {
            errors.Add(new("count", "count is missing"));
        }

        var population = new List<DrawEntry>();
        if (o["population"] is not JsonArray list)
        {
            errors.Add(new("population", o.ContainsKey("population") ? "population must be an array of {key, stratum}" : "population is missing"));
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject e || e["key"] is not { } k || k.GetValueKind() != JsonValueKind.String)
                {
                    errors.Add(new($"population[{i}].key", "an entry must be an object with a string key"));
                    continue;
                }

                string? stratum = null;
                if (e["stratum"] is { } sn)
                {
                    if (sn.GetValueKind() == JsonValueKind.String)
                    {
                        stratum = sn.GetValue<string>();
                    }
                    else
                    {
                        errors.Add(new($"population[{i}].stratum", "a stratum must be a string"));
                    }
                }

                population.Add(new(k.GetValue<string>(), stratum));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var rules = stratified
            ? EvaluatorDraw.CheckStratified(seed, population, count, strataCounts)
            : EvaluatorDraw.Check(seed, population, count);
        return rules.Count > 0 ? (null, rules) : (new(seed, count, population, stratified, strataCounts), []);
    }

    /// <summary>Makes the draw the request describes: keys in rank order.</summary>
    public static IReadOnlyList<string> Draw(DrawRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Stratified
            ? EvaluatorDraw.DrawStratified(request.Seed, request.Population, request.Count, request.StrataCounts)
            : EvaluatorDraw.Draw(request.Seed, request.Population, request.Count);
    }

    public static string Write(string seed, IReadOnlyList<string> drawn)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        var o = new JsonObject
        {
            ["seed"] = seed,
            ["drawn"] = new JsonArray(drawn.Select(k => (JsonNode)JsonValue.Create(k)).ToArray()),
        };
        return o.ToJsonString(ContractJson.Output);
    }

    private static int? Whole(JsonNode? node) =>
        node is not null && node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var n) ? n : null;
}
