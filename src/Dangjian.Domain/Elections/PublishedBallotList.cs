using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>
/// The published ballot list of a round (ELE-13). A receipt proves that a ballot was counted, never what it says
/// (DESIGN.md "Secrecy"), so the list holds two lists that nothing pairs:
/// <list type="bullet">
/// <item>"ballots": exactly the count's input (<see cref="CountJson"/>, so `dangjian election count` recounts the file),
/// every counted ballot, electronic and paper, in a random order drawn once at publication, each only its marks;</item>
/// <item>"receipts": the receipt of every electronic ballot, sorted ordinally (paper ballots have none).</item>
/// </list>
/// "electronicBallots" + "paperBallots" = the number of "ballots", and the number of "receipts" = "electronicBallots".
/// Lists published in the earlier format carried each electronic ballot's "receipt" inside the ballot
/// and had no "receipts"; they stay as published (their SHA-256 is in the audit log), and <see cref="Read"/> reads them.
/// </summary>
public static class PublishedBallotList
{
    /// <summary>The fields of a published ballot: its marks, nothing that could pair it with a receipt.</summary>
    private static readonly string[] BallotFields = ["for", "against", "writeIns", "void"];


    /// <summary>The round's details on the list (who, what, when), for a reader of the file alone.</summary>
    public sealed record Header(int RoundId, string Title, string Project, string Organization, DateTimeOffset PublishedAt);

    /// <summary>
    /// What a list says about its receipts: the receipts, how many ballots it holds and of which kind, and every way
    /// it fails to hold together (none for a consistent list).
    /// </summary>
    public sealed record Contents(bool EarlierFormat, IReadOnlyList<string> Receipts, int Ballots, int ElectronicBallots, int PaperBallots, IReadOnlyList<string> Problems)
    {
        /// <summary>Whether the receipt (as typed: see <see cref="NormalizeReceipt"/>) is among the list's receipts.</summary>
        public bool Has(string receipt) => Receipts.Contains(NormalizeReceipt(receipt), StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes the list: <paramref name="input"/>'s ballots shuffled, and <paramref name="receipts"/> (one per
    /// electronic ballot) sorted. Every ballot of the input beyond the receipts' number is a paper ballot.
    /// </summary>
    public static string Write(Header header, CountInput input, IReadOnlyList<string> receipts)
    {
        var sorted = receipts.Order(StringComparer.Ordinal).ToArray();
        if (sorted.Length > input.Ballots.Count || sorted.Distinct(StringComparer.Ordinal).Count() != sorted.Length)
        {
            throw new ArgumentException("One distinct receipt per electronic ballot, and no more receipts than ballots.", nameof(receipts));
        }

        // A random order, drawn once: the file is stored as written and served byte for byte (its hash is audited),
        // so the order says nothing about when, by whom or with which receipt a ballot was cast.
        var ballots = input.Ballots.ToArray();
        RandomNumberGenerator.Shuffle(ballots.AsSpan());
        var o = new JsonObject
        {
            ["round"] = new JsonObject
            {
                ["id"] = header.RoundId,
                ["title"] = header.Title,
                ["project"] = header.Project,
                ["organization"] = header.Organization,
                ["publishedAt"] = header.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
            ["mode"] = CountJson.ModeName(input.Mode),
            ["seats"] = input.Seats,
            ["entitledVoters"] = input.EntitledVoters,
            ["votersPresent"] = input.VotersPresent,
            ["ballotsIssued"] = input.BallotsIssued,
            ["candidates"] = Strings(input.Candidates),
            ["electronicBallots"] = sorted.Length,
            ["paperBallots"] = ballots.Length - sorted.Length,
            ["ballots"] = new JsonArray([.. ballots.Select(b => (JsonNode)new JsonObject
            {
                ["for"] = Strings(b.For),
                ["against"] = Strings(b.Against),
                ["writeIns"] = Strings(b.WriteIns),
                ["void"] = b.Void,
            })]),
            ["receipts"] = Strings(sorted),
        };
        return o.ToJsonString(ContractJson.Output) + "\n";
    }

    /// <summary>
    /// Reads a list's receipts and checks that they hold together: in the current format, the receipts unique and
    /// sorted, as many as the electronic ballots, the two counts adding up to the ballots, and no ballot carrying
    /// anything but its marks; in the earlier format, the receipts inside the ballots unique.
    /// </summary>
    public static Contents Read(string json)
    {
        JsonObject? root;
        try
        {
            root = ContractJson.Parse(json) as JsonObject;
        }
        catch (JsonException e)
        {
            return new Contents(false, [], 0, 0, 0, ["not valid JSON: " + e.Message]);
        }

        if (root?["ballots"] is not JsonArray ballots)
        {
            return new Contents(false, [], 0, 0, 0, ["ballots is missing"]);
        }

        return root.ContainsKey("receipts") ? ReadCurrent(root, ballots) : ReadEarlier(root, ballots);
    }

    /// <summary>A receipt as typed from a slip: spaces and dashes dropped, upper case.</summary>
    public static string NormalizeReceipt(string typed) =>
        new([.. typed.Where(c => c is not (' ' or '-' or '\t')).Select(char.ToUpperInvariant)]);

    private static Contents ReadCurrent(JsonObject root, JsonArray ballots)
    {
        var problems = new List<string>();
        var receipts = new List<string>();
        if (root["receipts"] is not JsonArray list)
        {
            problems.Add("receipts must be an array of receipts");
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is { } n && n.GetValueKind() == JsonValueKind.String)
                {
                    receipts.Add(n.GetValue<string>());
                }
                else
                {
                    problems.Add($"receipts[{i}] must be a string");
                }
            }
        }

        Repeats(receipts, problems);
        for (var i = 1; i < receipts.Count; i++)
        {
            if (string.CompareOrdinal(receipts[i - 1], receipts[i]) > 0)
            {
                problems.Add($"receipts are not sorted (ordinal order): receipts[{i}] {receipts[i]} comes after {receipts[i - 1]}");
                break;
            }
        }

        var electronic = Count(root, "electronicBallots", problems);
        var paper = Count(root, "paperBallots", problems);
        if (electronic is { } e && paper is { } p && e + p != ballots.Count)
        {
            problems.Add($"{e} electronic and {p} paper ballots, but the list has {ballots.Count}");
        }

        if (electronic is { } expected && receipts.Count != expected)
        {
            problems.Add($"{receipts.Count} receipts for {expected} electronic ballots: there must be one receipt per electronic ballot");
        }

        for (var i = 0; i < ballots.Count; i++)
        {
            if (ballots[i] is JsonObject b)
            {
                foreach (var name in b.Select(x => x.Key).Where(k => !BallotFields.Contains(k, StringComparer.Ordinal)))
                {
                    problems.Add($"ballots[{i}] carries \"{name}\": a published ballot holds only its marks, so that nothing pairs it with a receipt");
                }
            }
        }

        return new Contents(false, receipts, ballots.Count, electronic ?? 0, paper ?? 0, problems);
    }

    private static Contents ReadEarlier(JsonObject root, JsonArray ballots)
    {
        var problems = new List<string>();
        foreach (var name in new[] { "electronicBallots", "paperBallots" }.Where(root.ContainsKey))
        {
            problems.Add($"receipts is missing, but {name} is there");
        }

        var receipts = new List<string>();
        for (var i = 0; i < ballots.Count; i++)
        {
            if (ballots[i]?["receipt"] is { } r)
            {
                if (r.GetValueKind() == JsonValueKind.String)
                {
                    receipts.Add(r.GetValue<string>());
                }
                else
                {
                    problems.Add($"ballots[{i}].receipt must be a string");
                }
            }
        }

        Repeats(receipts, problems);
        return new Contents(true, receipts, ballots.Count, receipts.Count, ballots.Count - receipts.Count, problems);
    }

    private static void Repeats(List<string> receipts, List<string> problems)
    {
        foreach (var twice in receipts.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"receipts: {twice.Key} repeats ({twice.Count()} times); a receipt is unique");
        }
    }

    private static int? Count(JsonObject root, string field, List<string> problems)
    {
        if (root[field] is { } n && n.GetValueKind() == JsonValueKind.Number && n.AsValue().TryGetValue<int>(out var value) && value >= 0)
        {
            return value;
        }

        problems.Add(root.ContainsKey(field) ? $"{field} must be a whole number, not negative" : $"{field} is missing");
        return null;
    }

    private static JsonArray Strings(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode)JsonValue.Create(n))]);
}
