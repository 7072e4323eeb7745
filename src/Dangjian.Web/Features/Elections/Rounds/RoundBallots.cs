using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Elections;

namespace Dangjian.Web.Features.Elections.Rounds;

/// <summary>
/// Ballots as JSON (the count's shape, Domain's CountJson: {"for":[],"against":[],"writeIns":[],"void":false}), their hash and the
/// stored result; the published ballot list itself is written and read by Domain's <see cref="PublishedBallotList"/>.
/// </summary>
public static class RoundBallots
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>A ballot as stored: compact JSON in the count's shape (readings are stored in <see cref="PaperBallots.Normalize"/>'s form).</summary>
    public static string Write(Ballot b) => ToNode(b).ToJsonString(Compact);

    /// <summary>Reads a stored ballot; null when it is not in the ballot shape.</summary>
    public static BallotContent? Parse(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o)
            {
                return null;
            }

            var isVoid = o["void"] is { } v && v.GetValueKind() == JsonValueKind.True;
            return new BallotContent(Names(o["for"]), Names(o["against"]), Names(o["writeIns"]), isVoid);
        }
        catch (JsonException)
        {
            return null;
        }

        static List<string> Names(JsonNode? node) =>
            node is JsonArray a ? [.. a.Where(n => n is not null && n.GetValueKind() == JsonValueKind.String).Select(n => n!.GetValue<string>())] : [];
    }

    /// <summary>SHA-256 of the text's UTF-8 bytes, lower-case hex (what the audit log records and the CLI checks).</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static JsonObject ToNode(Ballot b) => new()
    {
        ["for"] = new JsonArray([.. b.For.Select(n => (JsonNode)JsonValue.Create(n))]),
        ["against"] = new JsonArray([.. b.Against.Select(n => (JsonNode)JsonValue.Create(n))]),
        ["writeIns"] = new JsonArray([.. b.WriteIns.Select(n => (JsonNode)JsonValue.Create(n))]),
        ["void"] = b.Void,
    };
}
