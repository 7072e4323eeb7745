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

    /// <summary>Refuses a change to an item no longer pending (being voted on, decided, withdrawn …).</summary>
    public void DemandPending()
    {
        if (Status != ItemStatus.Pending)
        {
            throw new DomainRuleException("Meeting.ItemNotPending", "id");
        }
    }

    /// <summary>Refuses a way of deciding the item that is not the one set for it (MTG-6).</summary>
    public void DemandVoteMode(VoteMode mode)
    {
        if (VoteMode != mode)
        {
            throw new DomainRuleException("Meeting.WrongVoteMode", "voteMode");
        }
    }

    /// <summary>Takes a pending item off the agenda; MTG-4: never one raised by half or more of the team (<see cref="Mandatory"/>).</summary>
    public void Withdraw()
    {
        DemandPending();
        if (Mandatory)
        {
            throw new DomainRuleException("Meeting.ItemMandatory", "id");
        }

        Status = ItemStatus.Withdrawn;
    }

    /// <summary>
    /// Sets who proposed the item; <paramref name="teamProposers"/> of them are on the team of <paramref name="teamSize"/>.
    /// MTG-4: once raised by half or more of the team the item is mandatory, and a later edit of the proposers never
    /// clears it (the matter was raised; taking names off does not unraise it).
    /// </summary>
    public void SetProposers(IReadOnlyList<int> proposerIds, int teamProposers, int teamSize, DecisionRules? rules = null)
    {
        ProposerIds = [.. proposerIds];
        Mandatory |= ItemDecision.MustBeOnAgenda(teamProposers, teamSize, rules);
    }

    /// <summary>Refuses to close a secret vote that is not open.</summary>
    public void DemandVoting()
    {
        if (Status != ItemStatus.Voting)
        {
            throw new DomainRuleException("Meeting.NoSecretVote", "id");
        }
    }

    /// <summary>
    /// Closes a secret vote with its counts, decided on the attendance taken when it started; only the counts are kept.
    /// </summary>
    public void CloseSecretVote(VoteCounts counts, DecisionRules rules, DateTimeOffset at)
    {
        DemandVoting();
        Decide(new ItemAttendance(EntitledCount ?? 0, PresentCount ?? 0, InChargePresent), counts, rules, at);
    }

    /// <summary>
    /// The superior organization rules on an escalated item (MTG-7): passed or rejected, with the ruling's text, the
    /// organization that ruled, who and when.
    /// </summary>
    public void Rule(ItemOutcome? outcome, string? text, int superiorOrganizationId, string by, DateTimeOffset at)
    {
        if (Status != ItemStatus.AwaitingRuling)
        {
            throw new DomainRuleException("Meeting.NotAwaitingRuling", "id");
        }

        var problems = new List<FieldProblem>();
        if (outcome is not (ItemOutcome.Passed or ItemOutcome.Rejected))
        {
            problems.Add(new("outcome", "Input.Required", "Field.Item.Outcome"));
        }

        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problems.Add(new("text", "Input.Required", "Field.Item.RulingText"));
        }
        else if (text.Length > Meeting.MaxTextLength)
        {
            problems.Add(new("text", "Input.TooLong", "Field.Item.RulingText", Meeting.MaxTextLength));
        }

        DomainRuleException.ThrowIfAny(problems);
        (RulingOutcome, RulingText, RulingOrganizationId, RuledBy, RuledAt) = (outcome, text, superiorOrganizationId, by, at);
        Status = ItemStatus.Ruled;
    }

    /// <summary>落实情况 (MTG-10): how a decided item was carried out; empty clears it. Refused before the item is decided.</summary>
    public void RecordFollowUp(string? text)
    {
        if (Outcome is null)
        {
            throw new DomainRuleException("Meeting.NotDecidedYet", "followUp");
        }

        FollowUp = string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>A secret vote starts: the attendance it will be decided on is taken now.</summary>
    internal void StartVoting(ItemAttendance attendance)
    {
        (EntitledCount, PresentCount, InChargePresent) = (attendance.Entitled, attendance.Present, attendance.InChargePresent);
        Status = ItemStatus.Voting;
    }

    /// <summary>
    /// Decides the item from the attendance it is decided on and the counts, keeping both (MTG-10): with the quorum unmet
    /// nothing is decided; a secretary whose view contradicts the outcome sends it to the superior (MTG-7).
    /// </summary>
    internal void Decide(ItemAttendance attendance, VoteCounts counts, DecisionRules rules, DateTimeOffset at)
    {
        var result = ItemDecision.Decide(new ItemFacts(Category, attendance.Entitled, attendance.Present, attendance.InChargePresent, counts, SecretaryView), rules);
        (EntitledCount, PresentCount, InChargePresent) = (attendance.Entitled, attendance.Present, attendance.InChargePresent);
        (VotesFor, VotesAgainst, VotesAbstain) = (counts.For, counts.Against, counts.Abstain);
        QuorumProblems = string.Join(',', result.QuorumProblems.Select(DecisionCheckJson.Code));
        Outcome = result.Outcome;
        Escalated = result.Escalate;
        Status = result.Escalate ? ItemStatus.AwaitingRuling : ItemStatus.Decided;
        DecidedAt = at;
    }

    /// <summary>行政首长最后决定: recorded as decided (never escalated), or not decided when the quorum is unmet.</summary>
    internal void RecordHeadDecision(ItemAttendance attendance, ItemOutcome outcome, DecisionRules rules, DateTimeOffset at)
    {
        var problems = ItemDecision.QuorumProblems(Category, attendance.Entitled, attendance.Present, attendance.InChargePresent, rules);
        (EntitledCount, PresentCount, InChargePresent) = (attendance.Entitled, attendance.Present, attendance.InChargePresent);
        QuorumProblems = string.Join(',', problems.Select(DecisionCheckJson.Code));
        Outcome = problems.Count > 0 ? ItemOutcome.NotDecided : outcome;
        Escalated = false;
        Status = ItemStatus.Decided;
        DecidedAt = at;
    }
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
