using Dangjian.Domain.Common;

namespace Dangjian.Domain.Elections;

/// <summary>
/// 换届工作 (ELE-1): the work of electing an organization's next leadership team, opened when its term is ending.
/// It holds the schedule, the bodies to elect with their seats, and every step's records; its
/// <see cref="ElectionStage"/> is worked out from those records, never stored.
/// </summary>
public sealed class ElectionProject : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public required string Title { get; set; }

    /// <summary>The 届次 this election produces (the current term's number plus one).</summary>
    public int TermNumber { get; set; }

    /// <summary>When the current term ends (from the current team), if there is one.</summary>
    public DateOnly? CurrentTermEndsOn { get; set; }

    /// <summary>Planned date of the election meeting (选举大会).</summary>
    public DateOnly? PlannedElectionOn { get; set; }

    /// <summary>五类责任主体 and their duties, as written by the organization department.</summary>
    public string? Responsibilities { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Set when the work is finished (the new team recorded) or abandoned.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public List<ElectionBody> Bodies { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>A body to elect and its seats (委员, 书记, 副书记, 代表, 纪委委员), with the differential rule frozen at creation.</summary>
public sealed class ElectionBody : IVersioned
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public BodyKind Kind { get; set; }

    public int Seats { get; set; }

    /// <summary>How many more candidates than seats the list needs, in percent of the seats, rounded up (ELE-7); 0 allows 等额.</summary>
    public int MinExtraPercent { get; set; }

    /// <summary>When the candidate list was fixed (确定候选人); null while nominees are still being vetted.</summary>
    public DateTimeOffset? ListFixedAt { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// 确定候选人 from a counted preliminary vote (ELE-6): those it elected go on the list, every other nominee off it, and
    /// the list is fixed. Refused when the list is already fixed, and when fewer were elected than the differential rule
    /// asks of the list (ELE-7).
    /// </summary>
    public void FixListFromPreliminary(IReadOnlySet<string> elected, IEnumerable<(Nominee Nominee, string Name)> nominees, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(elected);
        ArgumentNullException.ThrowIfNull(nominees);
        if (ListFixedAt is not null)
        {
            throw new DomainRuleException("Round.ListAlreadyFixed", "bodyId");
        }

        var minimum = DifferentialRule.MinimumCandidates(Seats, MinExtraPercent);
        if (elected.Count < minimum)
        {
            throw new DomainRuleException("Round.TooFewForList", "elected", elected.Count, minimum);
        }

        foreach (var (nominee, name) in nominees)
        {
            nominee.OnList = elected.Contains(name);
        }

        ListFixedAt = at;
    }
}

/// <summary>The bodies an organization elects (GLOSSARY: Secretary / DeputySecretary / CommitteeMember, Delegate).</summary>
public enum BodyKind
{
    /// <summary>委员: the committee, elected by the member assembly or congress.</summary>
    Committee,

    /// <summary>书记: elected by the committee (may be 等额).</summary>
    Secretary,

    /// <summary>副书记: elected by the committee (may be 等额).</summary>
    DeputySecretary,

    /// <summary>代表: delegates to the congress above.</summary>
    Delegates,

    /// <summary>纪委委员.</summary>
    DisciplineCommittee,
}

/// <summary>Where an election project stands, derived from its records (the dashboard's column).</summary>
public enum ElectionStage
{
    /// <summary>筹备: opened, nothing recorded yet.</summary>
    Preparation,

    /// <summary>调研: research, talks or checklists recorded.</summary>
    Research,

    /// <summary>提名考察: nominees named, being vetted.</summary>
    Nomination,

    /// <summary>确定候选人: a candidate list is fixed.</summary>
    Candidates,

    /// <summary>选举大会: a round of voting exists.</summary>
    Meeting,

    /// <summary>结果公布: every formal round counted is published.</summary>
    Published,

    /// <summary>已结束.</summary>
    Closed,
}

/// <summary>
/// The facts the stage is read from. Seats a formal round left unfilled or tied (<see cref="SupplementaryElection.Owed"/>)
/// keep the project at the meeting: the result is not the new team until every seat is filled or given up (ELE-12).
/// </summary>
public sealed record ElectionProgress(
    bool Closed, bool AnyResearch, bool AnyNominee, bool AnyListFixed, bool AnyRound, bool AnyRoundPublished, bool AllRoundsPublished, int SeatsOwed = 0)
{
    public ElectionStage Stage =>
        Closed ? ElectionStage.Closed
        : AnyRoundPublished && AllRoundsPublished && SeatsOwed == 0 ? ElectionStage.Published
        : AnyRound ? ElectionStage.Meeting
        : AnyListFixed ? ElectionStage.Candidates
        : AnyNominee ? ElectionStage.Nomination
        : AnyResearch ? ElectionStage.Research
        : ElectionStage.Preparation;
}
