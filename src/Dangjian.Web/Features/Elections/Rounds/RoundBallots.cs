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

    /// <summary>Reads a stored result (CountJson.Write's output) back for pages and the API.</summary>
    public static CountResultView? ReadResult(string? json)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject o)
        {
            return null;
        }

        var runoff = o["runoff"] is JsonObject r
            ? new Runoff([.. r["names"]!.AsArray().Select(n => n!.GetValue<string>())], r["seats"]!.GetValue<int>())
            : null;
        return new CountResultView(
            o["status"]!.GetValue<string>(),
            o["voidReason"]?.GetValue<string>(),
            o["threshold"]!.GetValue<int>(),
            o["ballotsReturned"]!.GetValue<int>(),
            o["validBallots"]!.GetValue<int>(),
            o["invalidBallots"]!.GetValue<int>(),
            [.. o["results"]!.AsArray().Select(c => new CandidateResult(
                c!["name"]!.GetValue<string>(), c["for"]!.GetValue<int>(), c["against"]!.GetValue<int>(), c["abstain"]!.GetValue<int>(), c["writeIn"]!.GetValue<bool>()))],
            [.. o["elected"]!.AsArray().Select(n => n!.GetValue<string>())],
            runoff,
            o["unfilledSeats"]!.GetValue<int>());
    }

    /// <summary>The stored result as the count gave it, for the rules that decide on it (<see cref="ElectionRound.PreliminaryElected"/>).</summary>
    public static CountResult? Result(string? json) => ReadResult(json) is not { } v ? null : new CountResult(
        v.Status == "counted" ? CountStatus.Counted : CountStatus.Void,
        v.VoidReason switch
        {
            "quorum-not-met" => VoidReason.QuorumNotMet,
            "ballots-exceed-issued" => VoidReason.BallotsExceedIssued,
            _ => null,
        },
        v.Threshold,
        v.BallotsReturned,
        v.ValidBallots,
        v.InvalidBallots,
        v.Results,
        v.Elected,
        v.Runoff,
        v.UnfilledSeats);

    private static JsonObject ToNode(Ballot b) => new()
    {
        ["for"] = new JsonArray([.. b.For.Select(n => (JsonNode)JsonValue.Create(n))]),
        ["against"] = new JsonArray([.. b.Against.Select(n => (JsonNode)JsonValue.Create(n))]),
        ["writeIns"] = new JsonArray([.. b.WriteIns.Select(n => (JsonNode)JsonValue.Create(n))]),
        ["void"] = b.Void,
    };
}
