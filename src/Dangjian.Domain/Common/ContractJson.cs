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
}
