using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dangjian.Domain.Elections;

namespace Dangjian.Web.Features.Elections.Voting;

/// <summary>Resource marker for VotingText.resx (zh-CN) and VotingText.en.resx.</summary>
public sealed class VotingText;

/// <summary>POST /api/v1/elections/rounds/{id}/codes.</summary>
public sealed record IssueCodesRequest(int Count);

/// <summary>A batch of codes, in clear, returned once: only their hashes are stored.</summary>
public sealed record IssuedCodes(int RoundId, string RoundTitle, string VoteAddress, IReadOnlyList<string> Codes, BoxProgress Progress);

/// <summary>What an organizer may see of a box: counts, never who or when.</summary>
public sealed record BoxProgress(int RoundId, string RoundTitle, RoundStatus Status, bool BoxExists, bool IsOpen, bool Closed, int CodesIssued, int BallotsCast);

/// <summary>The public part of a round, as printed on its ballot.</summary>
public sealed record VoteRound(int Id, string Title, string OrganizationName, ElectionMode Mode, int Seats, IReadOnlyList<string> Candidates, RoundStatus Status, bool BoxOpen)
{
    public bool AcceptsBallots => Status == RoundStatus.Open && BoxOpen;

    /// <summary>The round's version when read: a rendered ballot is kept under it (<see cref="PublicForms.FormPages"/>).</summary>
    public int Version { get; init; }
}

/// <summary>A voter's mark for one candidate (赞成 / 不赞成 / 弃权).</summary>
public enum Mark
{
    Abstain,
    For,
    Against,
}

/// <summary>A filled-in ballot as the form sends it: one mark per listed candidate (in ballot order) and the names written in.</summary>
public sealed record BallotChoice(IReadOnlyList<Mark> Marks, IReadOnlyList<string> WriteIns);

public enum VoteOutcome
{
    Accepted,

    /// <summary>The code is not a code of this round: never issued or mistyped. One answer for both.</summary>
    Refused,

    /// <summary>The code was issued for this round and has already been used.</summary>
    AlreadyUsed,

    /// <summary>The round does not take ballots now.</summary>
    NotOpen,

    /// <summary>The ballot itself has errors; the code was not used.</summary>
    Invalid,
}

/// <summary>One error of a ballot form: the field and a VotingText key with its arguments.</summary>
public sealed record BallotError(string Field, string Key, params object[] Arguments);

public sealed record VoteResult(VoteOutcome Outcome, string? Receipt, IReadOnlyList<BallotError> Errors)
{
    public static readonly VoteResult Refused = new(VoteOutcome.Refused, null, []);
    public static readonly VoteResult NotOpen = new(VoteOutcome.NotOpen, null, []);
}

/// <summary>
/// The ballot form's rules and the stored shape. A voter must not spoil a ballot by accident, so a ballot the count
/// would find invalid (more 赞成 than seats, a written-in name that is on the list, the same name written twice) is
/// refused with a message naming the field before the code is used; a blank ballot (all 弃权) is a voter's right.
/// </summary>
public static class BallotForm
{
    public const int MaxWriteInLength = 50;

    /// <summary>Write-in fields on the form: one per seat (a ballot may vote for at most that many), at most 20.</summary>
    public static int WriteInFields(int seats) => Math.Clamp(seats, 1, 20);

    public static IReadOnlyList<BallotError> Check(VoteRound round, BallotChoice choice)
    {
        var errors = new List<BallotError>();
        if (choice.Marks.Count != round.Candidates.Count || choice.Marks.Any(m => !Enum.IsDefined(m)))
        {
            errors.Add(new("marks", "Error.Marks"));
            return errors;
        }

        var names = new HashSet<string>(round.Candidates, StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < choice.WriteIns.Count; i++)
        {
            var name = choice.WriteIns[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (name.Length > MaxWriteInLength)
            {
                errors.Add(new($"writeIns[{i}]", "Error.WriteInTooLong", i + 1, MaxWriteInLength));
            }
            else if (names.Contains(name))
            {
                errors.Add(new($"writeIns[{i}]", "Error.WriteInListed", i + 1, name));
            }
            else if (!written.Add(name))
            {
                errors.Add(new($"writeIns[{i}]", "Error.WriteInTwice", i + 1, name));
            }
        }

        var votesFor = choice.Marks.Count(m => m == Mark.For) + written.Count;
        if (votesFor > round.Seats)
        {
            errors.Add(new("for", "Error.TooManyFor", votesFor, round.Seats));
        }

        return errors;
    }

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// The stored ballot, exactly the count's shape {"for":[…],"against":[…],"writeIns":[…],"void":false}: candidates
    /// in ballot order, written-in names sorted (ordinal), no time, no field order that depends on how the form was
    /// filled, so equal ballots are equal strings and a ballot's text says nothing but its votes.
    /// </summary>
    public static string Content(VoteRound round, BallotChoice choice)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Encoder }))
        {
            w.WriteStartObject();
            w.WriteStartArray("for");
            for (var i = 0; i < round.Candidates.Count; i++)
            {
                if (choice.Marks[i] == Mark.For)
                {
                    w.WriteStringValue(round.Candidates[i]);
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("against");
            for (var i = 0; i < round.Candidates.Count; i++)
            {
                if (choice.Marks[i] == Mark.Against)
                {
                    w.WriteStringValue(round.Candidates[i]);
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("writeIns");
            foreach (var name in choice.WriteIns.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteBoolean("void", false);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a stored ballot back (the count's shape).</summary>
    public static Ballot Parse(string content)
    {
        using var doc = JsonDocument.Parse(content);
        var root = doc.RootElement;
        static string[] Names(JsonElement e, string name) =>
            e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(x => x.GetString() ?? string.Empty)] : [];
        return new Ballot(Names(root, "for"), Names(root, "against"), Names(root, "writeIns"), root.TryGetProperty("void", out var v) && v.GetBoolean());
    }
}
