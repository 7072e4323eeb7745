using Dangjian.Domain.Elections;

namespace Dangjian.Web.Features.Elections.Rounds;

/// <summary>A new round (ELE-6, ELE-8, ELE-10): for a body, or a run-off of a counted round (then body, mode and seats come from it).</summary>
public sealed record RoundCreateRequest(
    int? BodyId,
    ElectionMode? Mode,
    Electorate? Electorate,
    string? Title,
    int? Seats,
    int? RunoffOfRoundId = null);

/// <summary>The roll (ELE-10): 应到, 实到, 发出选票.</summary>
public sealed record RollRequest(int? EntitledVoters, int? VotersPresent, int? BallotsIssued, int Version = 0);

/// <summary>A round's status change (open, close, count, publish) made from the version the caller saw.</summary>
public sealed record RoundVersionRequest(int? Version = null);

/// <summary>One paper ballot as a teller reads it (ELE-11). Number is the ballot's place in the teller's pile; omitted = the next.</summary>
public sealed record PaperEntryRequest(
    int? Teller,
    int? Number,
    IReadOnlyList<string>? For,
    IReadOnlyList<string>? Against,
    IReadOnlyList<string>? WriteIns,
    bool Void = false,
    int Version = 0);

public sealed record RoundBodyOption(int Id, BodyKind Kind, int Seats, bool ListFixed);

public sealed record RoundProjectView(int Id, string Title, string OrganizationName, bool CanWrite, IReadOnlyList<RoundBodyOption> Bodies);

public sealed record RoundSummary(
    int Id,
    int ProjectId,
    int BodyId,
    BodyKind BodyKind,
    string Title,
    ElectionMode Mode,
    Electorate Electorate,
    int Seats,
    RoundStatus Status,
    int? RunoffOfRoundId);

public sealed record RoundView(
    int Id,
    int ProjectId,
    string ProjectTitle,
    int OrganizationId,
    string OrganizationName,
    int BodyId,
    BodyKind BodyKind,
    string Title,
    ElectionMode Mode,
    Electorate Electorate,
    int Seats,
    IReadOnlyList<string> Candidates,
    int EntitledVoters,
    int VotersPresent,
    int BallotsIssued,
    RoundStatus Status,
    int? RunoffOfRoundId,
    int? FollowedByRoundId,
    string? FollowedByRoundTitle,
    int ElectronicBallots,
    int PaperEntries,
    DateTimeOffset? PublishedAt,
    string? PublishedHash,
    bool CanWrite,
    int Version);

/// <summary>A ballot's content, in the count's JSON shape.</summary>
public sealed record BallotContent(IReadOnlyList<string> For, IReadOnlyList<string> Against, IReadOnlyList<string> WriteIns, bool Void)
{
    public Ballot ToBallot() => new(For, Against, WriteIns, Void);
}

public sealed record PaperEntryView(int Id, int Teller, int Number, BallotContent Ballot, string EnteredBy, int Version);

/// <summary>One ballot number as both tellers entered it.</summary>
public sealed record ReconciliationRow(int Number, PaperEntryView? Teller1, PaperEntryView? Teller2, bool Matches);

/// <summary>The comparison of the two tellers' entries (ELE-11): reconciled when every number is in both and equal.</summary>
public sealed record Reconciliation(int RoundId, bool Reconciled, int Numbers, int Differences, IReadOnlyList<ReconciliationRow> Rows);

/// <summary>A counted round's result (the CLI's result JSON, read back), with the round it belongs to.</summary>
public sealed record RoundResult(RoundView Round, CountResult Result);

/// <summary>Member and resident recommendation rounds of one body, shown side by side (ELE-8, 两票制), each counted alone.</summary>
public sealed record RecommendationBody(int BodyId, BodyKind BodyKind, IReadOnlyList<RecommendationColumn> Columns);

public sealed record RecommendationColumn(int RoundId, string Title, Electorate Electorate, RoundStatus Status, CountResult? Result);

/// <summary>What the public page shows of a published round: <paramref name="Ballots"/> counted, of which <paramref name="ElectronicBallots"/> have a receipt.</summary>
public sealed record PublicRoundView(
    int Id,
    string Title,
    string ProjectTitle,
    string OrganizationName,
    ElectionMode Mode,
    int Seats,
    int EntitledVoters,
    int VotersPresent,
    int BallotsIssued,
    DateTimeOffset PublishedAt,
    string Sha256,
    CountResult Result,
    int Ballots,
    int ElectronicBallots,
    int PaperBallots);

/// <summary>A receipt looked up in the published list: among its receipts or not, and how many ballots were counted (never which is its own).</summary>
public sealed record ReceiptLookup(string Receipt, bool Found, int Counted);

/// <summary>Strings of the election round pages (RoundText.resx, RoundText.en.resx).</summary>
public sealed class RoundText;
