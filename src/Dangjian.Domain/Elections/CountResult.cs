using System.Text.Json.Serialization;

namespace Dangjian.Domain.Elections;

// The names are the count contract's (CountJson): the API and the pages show a result as the command-line tool prints it.
public enum CountStatus
{
    [JsonStringEnumMemberName("counted")]
    Counted,

    [JsonStringEnumMemberName("void")]
    Void,
}

/// <summary>Why a round is void (ELE-10).</summary>
public enum VoidReason
{
    /// <summary>Voters present are not more than four fifths of those entitled.</summary>
    [JsonStringEnumMemberName("quorum-not-met")]
    QuorumNotMet,

    /// <summary>More ballots came back than were issued.</summary>
    [JsonStringEnumMemberName("ballots-exceed-issued")]
    BallotsExceedIssued,
}

/// <summary>One person's tally. Write-ins have only "for" votes: they were not on the ballot to be marked against.</summary>
public sealed record CandidateResult(string Name, int For, int Against, int Abstain, bool WriteIn);

/// <summary>Tied people who go to a run-off for the seats left (ELE-12).</summary>
public sealed record Runoff(IReadOnlyList<string> Names, int Seats);

/// <summary>The outcome of a count (ELE-12). Elected + run-off seats + unfilled seats = seats when counted.</summary>
public sealed record CountResult(
    CountStatus Status,
    VoidReason? VoidReason,
    int Threshold,
    int BallotsReturned,
    int ValidBallots,
    int InvalidBallots,
    IReadOnlyList<CandidateResult> Results,
    IReadOnlyList<string> Elected,
    Runoff? Runoff,
    int UnfilledSeats);
