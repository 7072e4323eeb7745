using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>
/// One round of voting at a meeting (ELE-6, ELE-8, ELE-10 … ELE-13): a preliminary vote, a recommendation ballot of
/// one electorate (党员推荐 and 群众推荐 are separate rounds, counted and shown separately), a formal election, or a
/// run-off. It holds the roll (entitled, present), the ballots issued, the candidates as printed on the ballot, and
/// after the count the result and the published ballot list. Electronic ballots are in the
/// <see cref="Secrecy.BallotBox"/> named <see cref="BoxKey"/>; paper ballots are entered by two tellers
/// (<see cref="PaperBallotEntry"/>).
/// </summary>
public sealed class ElectionRound : IVersioned
{
    public const int MaxTitleLength = 200;

    public int Id { get; set; }

    public int ProjectId { get; set; }

    public int BodyId { get; set; }

    public required string Title { get; set; }

    public ElectionMode Mode { get; set; }

    /// <summary>Who votes: members, residents, delegates or the committee (recommendation rounds are shown per electorate).</summary>
    public Electorate Electorate { get; set; }

    public int Seats { get; set; }

    /// <summary>The names on the ballot, in ballot order, as a JSON array; fixed when the round opens.</summary>
    public string CandidatesJson { get; set; } = "[]";

    public int EntitledVoters { get; set; }

    public int VotersPresent { get; set; }

    public int BallotsIssued { get; set; }

    public RoundStatus Status { get; set; }

    /// <summary>The count (the CLI's result JSON), once counted.</summary>
    public string? ResultJson { get; set; }

    /// <summary>The published ballot list (the CLI's input JSON plus receipts), byte for byte as downloaded.</summary>
    public string? PublishedBallotList { get; set; }

    /// <summary>SHA-256 of <see cref="PublishedBallotList"/>'s UTF-8 bytes, hex; also written to the audit log.</summary>
    public string? PublishedHash { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The round this one is a run-off of, if any.</summary>
    public int? RunoffOfRoundId { get; set; }

    public int Version { get; set; }

    public string BoxKey => BoxKeyFor(Id);

    /// <summary>A preliminary vote of its own (预选), not a run-off of one: what <see cref="PreliminaryElected"/> applies.</summary>
    public bool IsPreliminaryVote => Mode == ElectionMode.Preliminary && RunoffOfRoundId is null;

    public static string BoxKeyFor(int roundId) => $"ElectionRound/{roundId}";

    /// <summary>The names on the ballot, in ballot order.</summary>
    public IReadOnlyList<string> CandidateNames() => JsonSerializer.Deserialize<List<string>>(CandidatesJson) ?? [];

    /// <summary>
    /// The roll (ELE-10: 应到, 实到, 发出选票), editable until the count: each number given and not negative, those present
    /// never more than those entitled; every bad number is named at once.
    /// </summary>
    public void RecordRoll(int? entitledVoters, int? votersPresent, int? ballotsIssued)
    {
        if (Status is not (RoundStatus.Draft or RoundStatus.Open or RoundStatus.Closed))
        {
            throw new DomainRuleException("Round.RollFixed", "status");
        }

        var problems = new List<FieldProblem>();
        NotNegative(problems, entitledVoters, "entitledVoters", "Field.Round.EntitledVoters");
        NotNegative(problems, votersPresent, "votersPresent", "Field.Round.VotersPresent");
        NotNegative(problems, ballotsIssued, "ballotsIssued", "Field.Round.BallotsIssued");
        if (votersPresent > entitledVoters)
        {
            problems.Add(new("votersPresent", "Round.PresentOverEntitled", votersPresent!.Value, entitledVoters!.Value));
        }

        DomainRuleException.ThrowIfAny(problems);
        (EntitledVoters, VotersPresent, BallotsIssued) = (entitledVoters!.Value, votersPresent!.Value, ballotsIssued!.Value);
    }

    /// <summary>Draft → Open: the candidates are fixed and the box takes electronic ballots; refused with no candidate.</summary>
    public void Open()
    {
        Demand(RoundStatus.Draft, "Round.NotDraft");
        if (CandidateNames().Count == 0)
        {
            throw new DomainRuleException("Round.NoCandidates", "candidates");
        }

        Status = RoundStatus.Open;
    }

    /// <summary>Open → Closed: no more electronic ballots; the tellers may go on entering paper ones until reconciled.</summary>
    public void Close()
    {
        Demand(RoundStatus.Open, "Round.NotOpen");
        Status = RoundStatus.Closed;
    }

    /// <summary>Tellers enter, correct and withdraw paper ballots while the round is open or closed, never after the count.</summary>
    public void DemandPaperOpen()
    {
        if (Status is not (RoundStatus.Open or RoundStatus.Closed))
        {
            throw new DomainRuleException("Round.PaperNotOpen", "status");
        }
    }

    /// <summary>
    /// Whether the round may be counted (ELE-11, ELE-12): closed, and every paper ballot entered alike by both tellers.
    /// Checked before the box's ballots are read, which only a closed box gives.
    /// </summary>
    public void DemandCountable(PaperReconciliation paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        Demand(RoundStatus.Closed, "Round.NotClosed");
        if (!paper.Reconciled)
        {
            throw new DomainRuleException("Round.NotReconciled", "paper", paper.Differences);
        }
    }

    /// <summary>
    /// Closed → Counted (ELE-12): the ballots and the roll go through the one counting engine; the result is kept as the
    /// CLI prints it. Refused as <see cref="DemandCountable"/> refuses, and for ballots the engine cannot count.
    /// </summary>
    public CountResult Count(PaperReconciliation paper, CountInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DemandCountable(paper);
        if (ElectionCount.Check(input) is { Count: > 0 } problems)
        {
            throw new DomainRuleException("Round.BadBallots", "ballots", problems[0].Field + ": " + problems[0].Message);
        }

        var result = ElectionCount.Count(input);
        ResultJson = CountJson.Write(result);
        Status = RoundStatus.Counted;
        return result;
    }

    /// <summary>Whether the round may be published: counted, and not yet published.</summary>
    public void DemandPublishable() => Demand(RoundStatus.Counted, "Round.NotCounted");

    /// <summary>
    /// Counted → Published (ELE-13): the ballot list (<see cref="Elections.PublishedBallotList"/>: the count's input with
    /// the ballots shuffled, the receipts apart and sorted) is kept byte for byte with its SHA-256, which the audit log
    /// also records so `dangjian election verify` can tell the published file from any other. The instant is kept to the
    /// second, as the list states it.
    /// </summary>
    public void Publish(Elections.PublishedBallotList.Header header, CountInput input, IReadOnlyList<string> receipts)
    {
        ArgumentNullException.ThrowIfNull(header);
        DemandPublishable();
        var at = new DateTimeOffset(header.PublishedAt.UtcTicks - (header.PublishedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var text = Elections.PublishedBallotList.Write(header with { PublishedAt = at }, input, receipts);
        PublishedBallotList = text;
        PublishedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        PublishedAt = at;
        Status = RoundStatus.Published;
    }

    /// <summary>
    /// What a counted preliminary vote (ELE-6, 预选) puts on the candidate list: those it elected, with those its counted
    /// run-offs elected when it sent a tie to one. Refused for any other round, before the count, for a void count, and
    /// while a run-off it needs is not counted.
    /// </summary>
    public IReadOnlySet<string> PreliminaryElected(CountResult? result, IEnumerable<CountResult> runoffResults)
    {
        ArgumentNullException.ThrowIfNull(runoffResults);
        if (!IsPreliminaryVote)
        {
            throw new DomainRuleException("Round.NotPreliminary", "mode");
        }

        if (result is null)
        {
            throw new DomainRuleException("Round.NotCounted", "status");
        }

        if (result.Status != CountStatus.Counted)
        {
            throw new DomainRuleException("Round.VoidResult", "status");
        }

        var elected = new HashSet<string>(result.Elected, StringComparer.Ordinal);
        if (result.Runoff is not null)
        {
            var counted = runoffResults.Where(r => r.Status == CountStatus.Counted).ToList();
            if (counted.Count == 0)
            {
                throw new DomainRuleException("Round.RunoffPending", "status");
            }

            elected.UnionWith(counted.SelectMany(r => r.Elected));
        }

        return elected;
    }

    private void Demand(RoundStatus expected, string code)
    {
        if (Status != expected)
        {
            throw new DomainRuleException(code, "status");
        }
    }

    private static void NotNegative(List<FieldProblem> problems, int? value, string field, string label)
    {
        if (value is null)
        {
            problems.Add(new(field, "Input.Required", label));
        }
        else if (value < 0)
        {
            problems.Add(new(field, "Input.OutOfRange", label, 0, int.MaxValue));
        }
    }
}

public enum Electorate
{
    /// <summary>党员 (党员大会).</summary>
    Members,

    /// <summary>群众 (群众推荐).</summary>
    [FormerName("Masses")]
    Residents,

    /// <summary>党代表 (党代会).</summary>
    Delegates,

    /// <summary>委员会 (electing 书记/副书记).</summary>
    Committee,
}

public enum RoundStatus
{
    /// <summary>Being prepared: candidates, roll and ballots issued can change.</summary>
    Draft,

    /// <summary>Voting: electronic ballots accepted; tellers enter paper ballots.</summary>
    Open,

    /// <summary>Voting closed: no more electronic ballots; paper entry may continue until reconciled.</summary>
    Closed,

    /// <summary>Counted: the result is fixed.</summary>
    Counted,

    /// <summary>Published: the result and the ballot list are public.</summary>
    Published,
}

/// <summary>
/// One paper ballot as one teller entered it (ELE-11: 两名计票人分别录入). Each teller numbers the ballots in the
/// order they take them from the box; the two entries of the same number are compared, and the round can be counted
/// only when every number matches. The number is the ballot's place in the pile, never a voter.
/// </summary>
public sealed class PaperBallotEntry : IVersioned
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>1 or 2.</summary>
    public int Teller { get; set; }

    public int Number { get; set; }

    /// <summary>The ballot as JSON ({"for":[…],"against":[…],"writeIns":[…],"void":false}).</summary>
    public required string Content { get; set; }

    public required string EnteredBy { get; set; }

    public int Version { get; set; }
}
