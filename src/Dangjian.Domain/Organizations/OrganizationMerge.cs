using Dangjian.Domain.Common;

namespace Dangjian.Domain.Organizations;

/// <summary>
/// Work of the merged organization that is still under way and belongs to its own members: a meeting not yet over, a
/// democratic life meeting not yet held, an election (换届) not closed, an evaluation campaign not finalized, a survey
/// not closed, a matter raised in its team and not yet placed or declined, a rectification notice to its team not yet
/// closed. Each was called for, voted in, counted or issued against the merged organization's own roll or team, so none
/// can simply carry on as the other's: it is finished or cancelled first, and the merger waits. (A notice to one of its
/// cadres is not among them: the cadre moves to the other organization's roll and the notice goes along.)
/// </summary>
public sealed record MergeBlockers(int Meetings, int DemocraticLifeMeetings, int Elections, int Evaluations, int Surveys, int RaisedMatters, int TeamNotices)
{
    public static MergeBlockers None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public int Total => Meetings + DemocraticLifeMeetings + Elections + Evaluations + Surveys + RaisedMatters + TeamNotices;
}

/// <summary>
/// 合并 (ORG-1, "move/merge/dissolve keeps history"): organization B is merged into organization A. B's active
/// sub-organizations move under A, B's roll, units and open requests and notices become A's (the command moves them), and B
/// is dissolved on the day of the merger, marked "merged into A". Its closed history (meetings held, elections, teams
/// and their terms) stays on B, which stays readable and is linked from A: renumbering B's 届 into A's would give A two
/// teams of one term.
/// The rules: both are active, B is not the top of the tree, A is neither B nor under B, the two are of one level
/// (two branches, two general branches, two township or street committees — what 合并 means in the seeds: 村党组织
/// 合并, 支部合并), and nothing of <see cref="MergeBlockers"/> is under way in B.
/// </summary>
public static class OrganizationMerge
{
    /// <summary>
    /// Checks every rule and, when all hold, moves B's active children under A (rewriting the paths of
    /// <paramref name="descendants"/>, B's whole subtree) and dissolves B as merged into A on <paramref name="on"/>.
    /// Refused, changing nothing, otherwise.
    /// </summary>
    public static void Merge(Organization from, Organization into, IReadOnlyList<Organization> descendants, MergeBlockers blockers, DateOnly on, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(descendants);
        ArgumentNullException.ThrowIfNull(blockers);
        EnsureMayMerge(from, into, blockers);
        SaneDates.Demand(on, "on", "Field.MergedOn");
        if (on > today)
        {
            throw new DomainRuleException("Org.MergeInFuture", "on");
        }

        var children = descendants.Where(d => d.ParentId == from.Id && d.IsActive).ToList();
        foreach (var child in children)
        {
            OrganizationTree.EnsureMayPlace(child, into);
        }

        foreach (var child in children)
        {
            OrganizationTree.Move(child, into, descendants);
        }

        from.Status = OrganizationStatus.Dissolved;
        from.DissolvedOn = on;
        from.MergedIntoId = into.Id;
    }

    /// <summary>The rules of a merger that do not depend on the day: what the merge dialog checks before asking.</summary>
    public static void EnsureMayMerge(Organization from, Organization into, MergeBlockers blockers)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(blockers);
        if (!from.IsActive)
        {
            throw new DomainRuleException("Org.AlreadyDissolved", "id");
        }

        if (from.ParentId is null)
        {
            throw new DomainRuleException("Org.RootCannotBeDissolved", "id");
        }

        if (into.Id == from.Id)
        {
            throw new DomainRuleException("Org.MergeIntoItself", "intoId");
        }

        if (!into.IsActive)
        {
            throw new DomainRuleException("Org.MergeTargetDissolved", "intoId");
        }

        if (OrganizationTree.IsWithin(into.Path, from.Path))
        {
            throw new DomainRuleException("Org.MergeIntoOwnSubtree", "intoId");
        }

        if (into.Kind.Tier() != from.Kind.Tier())
        {
            throw new DomainRuleException("Org.MergeLevelMismatch", "intoId");
        }

        if (blockers.Total > 0)
        {
            throw new DomainRuleException("Org.MergeBlocked", "id", blockers.Total);
        }
    }
}
