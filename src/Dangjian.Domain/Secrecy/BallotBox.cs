namespace Dangjian.Domain.Secrecy;

/// <summary>
/// A box that secret ballots go into (DESIGN.md "Secrecy"): one per election round, evaluation group or survey.
/// The shared mechanism for every module that votes anonymously (elections ELE-13, evaluations EVA-5, surveys SRV-2):
/// codes are issued against the box, each code opens it once, and what comes out holds no trace of the code or the
/// time. <see cref="Key"/> names the owner ("ElectionRound/12").
/// </summary>
public sealed class BallotBox
{
    public const int MaxKeyLength = 80;

    public required string Key { get; set; }

    /// <summary>Ballots are accepted only while open.</summary>
    public bool IsOpen { get; set; }

    /// <summary>Access codes issued so far (every batch adds to it).</summary>
    public int CodesIssued { get; set; }

    /// <summary>Ballots accepted so far. A count, not a list: it says how many, never who or when.</summary>
    public int BallotsCast { get; set; }

    /// <summary>Set when the box was closed and its ballots reshuffled (<c>BallotBoxService.CloseAsync</c>).</summary>
    public bool Closed { get; set; }
}

/// <summary>
/// One unused access code (一次性码), kept only as a hash (<see cref="AccessCode.Hash"/>). Using the code deletes
/// this row in the transaction that stores the ballot, so "used" is only the absence of a row: nothing is left that
/// could name which ballot a code produced, or when.
/// </summary>
public sealed class UnusedAccessCode
{
    public required string BoxKey { get; set; }

    /// <summary>SHA-256 of the box key and the code, hex.</summary>
    public required string CodeHash { get; set; }
}

/// <summary>
/// A code that has been used, kept only as its hash so that a voter whose reply was lost can be told "this code has
/// already been used to vote" rather than "no such code". It names no ballot: it is written in the same
/// batch as a handful of others (group commit), in an order independent of the ballots', and at close the box's rows
/// are rewritten in random order like the ballots, so neither a row's place nor its transaction pairs it with a
/// ballot.
/// </summary>
public sealed class SpentAccessCode
{
    public required string BoxKey { get; set; }

    /// <summary>SHA-256 of the box key and the code, hex, as <see cref="UnusedAccessCode.CodeHash"/>.</summary>
    public required string CodeHash { get; set; }
}

/// <summary>
/// A secret ballot as stored: the box, the content (a module's JSON, e.g. <see cref="Elections.Ballot"/>), and the
/// receipt (回执码) that lets its caster find it in the published list. No voter, no code, no time, and a random id,
/// so neither the row nor its key orders ballots by casting (SQLite stores the table WITHOUT ROWID; closing a box
/// rewrites its ballots in random order, so PostgreSQL's row positions and transaction ids say nothing either).
/// </summary>
public sealed class SecretBallot
{
    public const int MaxContentLength = 20_000;

    public Guid Id { get; set; }

    public required string BoxKey { get; set; }

    public required string Content { get; set; }

    /// <summary>Null for paper ballots entered by tellers; a random code for electronic ones.</summary>
    public string? Receipt { get; set; }
}
