namespace Dangjian.Domain.Elections;

/// <summary>
/// One ballot as cast or as entered from paper (ELE-11): the listed candidates marked for and against
/// (a listed candidate marked neither is an abstention), people written in (另选他人), or void when the
/// tellers found it unreadable. It carries nothing about who cast it (DESIGN.md "Secrecy").
/// </summary>
public sealed record Ballot(IReadOnlyList<string> For, IReadOnlyList<string> Against, IReadOnlyList<string> WriteIns, bool Void = false)
{
    public static readonly Ballot Unreadable = new([], [], [], Void: true);
}

/// <summary>A round to count: the seats, the roll, the ballots issued and returned, and the list of candidates.</summary>
public sealed record CountInput(
    ElectionMode Mode,
    int Seats,
    int EntitledVoters,
    int VotersPresent,
    int BallotsIssued,
    IReadOnlyList<string> Candidates,
    IReadOnlyList<Ballot> Ballots);
