using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dangjian.Domain.Common;

/// <summary>
/// A reason a command-line contract's input is malformed, naming its field as a JSON path of the contract
/// (<c>ballots[0].for[0]</c>, <c>subjects[0].responses[1].ratings.德</c>; <c>$</c> for the whole input). Not a rule
/// outcome: a void round or a rejected motion is a result, not an error.
/// </summary>
public sealed record ContractError(string Field, string Message);

/// <summary>
/// The one reader and writer of the command-line contracts' JSON (election count and verify, decision check,
/// evaluation score and draw). Strict: an input that gives the same key twice (two "seats", two weights for 德) is
/// refused rather than silently keeping one, since auditors' tools and a person reading the file could take the
/// other. Output is indented with Chinese kept readable.
/// </summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>The document, strictly; throws <see cref="JsonException"/> on text that is not JSON or repeats a key.</summary>
    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: Strict);

    /// <summary>The input's top-level object, or the one problem (field <c>$</c>) that stops reading it.</summary>
    public static bool TryReadObject(string json, [NotNullWhen(true)] out JsonObject? input, [NotNullWhen(false)] out ContractError? problem)
    {
        input = null;
        problem = null;
        try
        {
            if (Parse(json) is JsonObject o)
            {
                input = o;
                return true;
            }

            problem = new("$", "the input must be a JSON object");
        }
        catch (JsonException e)
        {
            problem = new("$", "not valid JSON: " + e.Message);
        }

        return false;
    }

    /// <summary>The non-empty string at <paramref name="key"/>, or null with the problem (missing, not a string, blank) named <paramref name="field"/>.</summary>
    public static string? Text(JsonObject o, string key, string field, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(errors);
        if (o[key] is not { } node)
        {
            errors.Add(new(field, $"{field} is missing"));
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(node.GetValue<string>()))
        {
            errors.Add(new(field, $"{field} must be a non-empty string"));
            return null;
        }

        return node.GetValue<string>();
    }

    /// <summary>A JSON number read exactly as a decimal (0.15 stays 0.15, never through binary floating point); null when not a number or out of decimal's range.</summary>
    public static decimal? Number(JsonNode? node) =>
        node is not null && node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<decimal>(out var d) ? d : null;
}
