namespace Dangjian.Domain.Meetings;

public enum QuorumProblem
{
    /// <summary>Not more than half of the members entitled to attend were present.</summary>
    AttendanceBelowHalf,

    /// <summary>Fewer than two thirds of the members entitled to attend were present.</summary>
    AttendanceBelowTwoThirds,

    /// <summary>Attendance below a threshold other than the two above (rule data changed).</summary>
    AttendanceBelowThreshold,

    /// <summary>The member in charge (分管) of a major matter was absent.</summary>
    InChargeAbsent,
}

public enum ItemOutcome
{
    /// <summary>The quorum was not met: nothing was decided, whatever the votes.</summary>
    NotDecided,
    Passed,
    Rejected,
}

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>The votes on one item: each member's vote (open) or only the counts (secret); either way these counts.</summary>
public readonly record struct VoteCounts(int For, int Against, int Abstain)
{
    public int Total => For + Against + Abstain;
}

/// <summary>
/// The facts of one agenda item at the moment it is decided: the members entitled to attend (应到会成员, the team),
/// how many were present for this item (MTG-3: per item, against live attendance), whether the member in charge was
/// present (null: no member in charge named), the votes, and the secretary's stated view (null: none recorded).
/// </summary>
public sealed record ItemFacts(
    ItemCategory Category,
    int Entitled,
    int Present,
    bool? InChargePresent,
    VoteCounts Votes,
    VoteChoice? SecretaryView);

public sealed record ItemDecisionResult(
    bool QuorumMet,
    IReadOnlyList<QuorumProblem> QuorumProblems,
    ItemOutcome Outcome,
    bool Escalate);

/// <summary>
/// How an agenda item is decided under democratic centralism (MTG-3, MTG-6, MTG-7), by <see cref="DecisionRules"/>.
/// </summary>
public static class ItemDecision
{
    public static ItemDecisionResult Decide(ItemFacts facts, DecisionRules? rules = null)
    {
        rules ??= DecisionRules.Default;
        var problems = QuorumProblems(facts.Category, facts.Entitled, facts.Present, facts.InChargePresent, rules);
        if (problems.Count > 0)
        {
            return new(false, problems, ItemOutcome.NotDecided, Escalate: false);
        }

        // MTG-6: 表决以应到会成员超过半数同意为通过 — against the members entitled to attend, not those present or voting.
        var outcome = rules.Pass.IsMet(facts.Votes.For, facts.Entitled) ? ItemOutcome.Passed : ItemOutcome.Rejected;

        // MTG-7 (seed 004 四): 一把手的意见与多数意见相左 — a secretary who voted for a rejected item, or against a passed one.
        var escalate = facts.SecretaryView switch
        {
            VoteChoice.For => outcome == ItemOutcome.Rejected,
            VoteChoice.Against => outcome == ItemOutcome.Passed,
            _ => false,
        };
        return new(true, problems, outcome, escalate);
    }

    /// <summary>MTG-3: what keeps an item from being decided with this attendance (empty when the quorum is met).</summary>
    public static IReadOnlyList<QuorumProblem> QuorumProblems(
        ItemCategory category, int entitled, int present, bool? inChargePresent, DecisionRules? rules = null)
    {
        var rule = (rules ?? DecisionRules.Default).QuorumFor(category);
        var problems = new List<QuorumProblem>();
        if (!rule.Attendance.IsMet(present, entitled))
        {
            problems.Add(rule.Attendance == Share.MoreThanHalf ? QuorumProblem.AttendanceBelowHalf
                : rule.Attendance == Share.TwoThirdsOrMore ? QuorumProblem.AttendanceBelowTwoThirds
                : QuorumProblem.AttendanceBelowThreshold);
        }

        if (rule.InChargeMustBePresent && inChargePresent == false)
        {
            problems.Add(QuorumProblem.InChargeAbsent);
        }

        return problems;
    }

    /// <summary>
    /// MTG-5 (seed 000 二: 主要负责人末位表态): the secretary may state a view only once every other member present for
    /// the item has spoken.
    /// </summary>
    public static IReadOnlyList<T> StillToSpeakBeforeSecretary<T>(IEnumerable<T> presentMembers, IEnumerable<T> spoken, T secretary)
    {
        var done = spoken.ToHashSet();
        return [.. presentMembers.Where(m => !EqualityComparer<T>.Default.Equals(m, secretary) && !done.Contains(m))];
    }

    /// <summary>MTG-4: a matter raised by half or more of the team members must be put on the agenda.</summary>
    public static bool MustBeOnAgenda(int proposers, int teamMembers, DecisionRules? rules = null) =>
        teamMembers > 0 && (rules ?? DecisionRules.Default).MandatoryAgenda.IsMet(proposers, teamMembers);
}
