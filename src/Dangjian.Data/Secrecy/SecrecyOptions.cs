namespace Dangjian.Data.Secrecy;

/// <summary>
/// The "Secrecy" settings: how casts into ballot boxes (and anonymous forms) are mixed before they are written, and
/// how long closing a box may wait for the database to let go of the insertion history (DESIGN.md "Secrecy").
/// </summary>
public sealed record SecrecyOptions
{
    public const string Section = "Secrecy";

    /// <summary>
    /// k: a batch is written as soon as it holds this many casts. Every commit that stores ballots then deletes at
    /// least this many codes and stores as many ballots, when that many people are voting (about 10).
    /// </summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>
    /// The longest a cast waits for others to mix with before its batch is written anyway: a lone voter waits this
    /// long for the receipt, and is then the only cast in its commit (README "Secrecy" says so).
    /// </summary>
    public TimeSpan MixingWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The most casts one commit takes: under a burst, the rest go into the next batch.</summary>
    public int MaxBatchSize { get; init; } = 500;

    /// <summary>
    /// How long closing a box keeps retrying while the database cannot yet erase the history (a reader holds the
    /// SQLite log, an old PostgreSQL snapshot still sees deleted rows) before it gives up and says so.
    /// </summary>
    public TimeSpan EraseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the report box's history is erased every night (<see cref="SecretTables.ReportBoxTables"/>): a report
    /// box has no close, so its rows are rewritten and the database's history of their inserts erased on a schedule
    /// instead. On by default; the tests turn it off and call the erase themselves.
    /// </summary>
    public bool NightlyErase { get; init; } = true;

    /// <summary>When, on the organization's wall clock, the nightly erase runs (it rebuilds the SQLite file: a quiet hour).</summary>
    public TimeOnly NightlyEraseAt { get; init; } = new(3, 0);

    public bool IsValid() =>
        BatchSize >= 1 && MaxBatchSize >= BatchSize && MixingWindow >= TimeSpan.Zero && MixingWindow <= TimeSpan.FromMinutes(1)
        && EraseTimeout > TimeSpan.Zero;
}
