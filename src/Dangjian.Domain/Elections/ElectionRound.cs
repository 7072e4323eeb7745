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

    public static string BoxKeyFor(int roundId) => $"ElectionRound/{roundId}";
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
