using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dangjian.Domain.Evaluations;

/// <summary>What the evaluation commands' JSON contracts share: strict reading of the top object and the output style.</summary>
internal static class ContractJson
{
    /// <summary>Indented, with Chinese kept readable.</summary>
    public static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // A JSON object given the same key twice (two weights for 德) is refused rather than silently keeping one.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>The input's top-level object, or null with the one problem that stops reading it ("$").</summary>
    public static JsonObject? ReadObject(string json, out EvaluationInputError? error)
    {
        error = null;
        try
        {
            if (JsonNode.Parse(json, documentOptions: Strict) is JsonObject o)
            {
                return o;
            }

            error = new("$", "the input must be a JSON object");
        }
        catch (JsonException e)
        {
            error = new("$", "not valid JSON: " + e.Message);
        }

        return null;
    }
}
