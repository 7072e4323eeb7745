using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>How an item is decided (MTG-6).</summary>
public enum VoteMode
{
    /// <summary>Each member's vote recorded by name.</summary>
    Open,

    /// <summary>无记名: only the counts are stored, through the secret-ballot box (DESIGN.md "Secrecy").</summary>
    Secret,

    /// <summary>行政首长最后决定: decided by the administrative head after discussion, recorded as such (no vote).</summary>
    AdministrativeHead,
}

public enum ItemStatus
{
    /// <summary>On the agenda, not yet decided.</summary>
    Pending,

    /// <summary>A secret vote is open.</summary>
    Voting,

    Decided,

    /// <summary>The secretary's view contradicts the result: escalated to the superior organization (MTG-7).</summary>
    AwaitingRuling,

    /// <summary>The superior organization ruled on an escalated item.</summary>
    Ruled,

    /// <summary>Taken off the agenda (never a mandatory item, MTG-4).</summary>
    Withdrawn,
}

/// <summary>
/// One agenda item (MTG-3 … MTG-7, MTG-10): its category, the member in charge (分管), who proposed it and the
/// material, then the discussion order, the vote, the outcome with the attendance it was decided on, any escalation
/// and the superior's ruling, and the follow-up.
/// </summary>
public sealed class AgendaItem : IVersioned
{
    public const int MaxTitleLength = 300;

    public int Id { get; set; }

    public int MeetingId { get; set; }

    /// <summary>Position on the agenda, from 1.</summary>
    public int Order { get; set; }

    public required string Title { get; set; }

    public ItemCategory Category { get; set; }

    public int? InChargePersonId { get; set; }

    /// <summary>Who proposed it, as the people's ids (MTG-4, MTG-10).</summary>
    public List<int> ProposerIds { get; set; } = [];

    /// <summary>Raised by half or more of the team members: cannot be left off the agenda (MTG-4).</summary>
    public bool Mandatory { get; set; }

    /// <summary>上会材料: the material, as text or a reference to the document.</summary>
    public string? Material { get; set; }

    public VoteMode VoteMode { get; set; }

    public ItemStatus Status { get; set; }

    /// <summary>The secretary's stated view (MTG-5: recorded last; MTG-7: a contradiction escalates).</summary>
    public VoteChoice? SecretaryView { get; set; }

    // The decision, as decided: the attendance and counts it was decided on are kept (MTG-10).
    public int? EntitledCount { get; set; }

    public int? PresentCount { get; set; }

    public bool? InChargePresent { get; set; }

    public int? VotesFor { get; set; }

    public int? VotesAgainst { get; set; }

    public int? VotesAbstain { get; set; }

    /// <summary>The quorum problems at the time of decision, comma separated contract codes (empty when met).</summary>
    public string? QuorumProblems { get; set; }

    public ItemOutcome? Outcome { get; set; }

    public bool Escalated { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The superior organization's ruling on an escalated item (MTG-7).</summary>
    public ItemOutcome? RulingOutcome { get; set; }

    public string? RulingText { get; set; }

    public int? RulingOrganizationId { get; set; }

    public string? RuledBy { get; set; }

    public DateTimeOffset? RuledAt { get; set; }

    /// <summary>落实情况: how the decision was carried out (MTG-10).</summary>
    public string? FollowUp { get; set; }

    public List<ItemSpeech> Speeches { get; set; } = [];

    public List<ItemVote> Votes { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The outcome that stands: the ruling where there is one, else the vote's (null while awaiting a ruling).</summary>
    public ItemOutcome? FinalOutcome => Status switch
    {
        ItemStatus.Ruled => RulingOutcome,
        ItemStatus.Decided => Outcome,
        _ => null,
    };

    public string BoxKey => BoxKeyFor(Id);

    public static string BoxKeyFor(int itemId) => $"AgendaItem/{itemId}";
}

/// <summary>One member's turn in the discussion of an item, in order (MTG-5).</summary>
public sealed class ItemSpeech
{
    public const int MaxSummaryLength = 2000;

    public int Id { get; set; }

    public int ItemId { get; set; }

    public int Sequence { get; set; }

    public int PersonId { get; set; }

    public VoteChoice? View { get; set; }

    public string? Summary { get; set; }
}

/// <summary>A member's open vote on an item (MTG-6, MTG-10). Secret votes never produce this row.</summary>
public sealed class ItemVote
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public int PersonId { get; set; }

    public VoteChoice Choice { get; set; }
}
