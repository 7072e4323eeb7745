using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Commitments;

/// <summary>
/// The levels that approve commitments (审, CMT-2), lowest first. Seed 001 第五篇 二、审: 先后召开支委会、党委会，逐人、逐项、
/// 逐支部审核确认; and under 三级双向 each organization's own commitments 分别报上一级党组织审核把关, so a committee's own
/// commitment goes to the <see cref="Superior"/> organization.
/// </summary>
public enum ApprovalLevel
{
    /// <summary>支委会: the branch committee.</summary>
    Branch,

    /// <summary>党委会: the party committee.</summary>
    Committee,

    /// <summary>上级党组织: the organization above a committee.</summary>
    Superior,
}

/// <summary>
/// A commitment campaign's rule data, with the seed's defaults; an organization department may set others per campaign,
/// checked by <see cref="Validate"/>. Source: seed 001 第五篇 (安岳县人民医院"四步法"): 承诺重点是为群众办好2—5件实事好事
/// (<see cref="MinPerMember"/>, <see cref="MaxPerMember"/>); 对考核评价"好"，大多数群众满意的，方可销号 (<see cref="Closure"/>:
/// 大多数 read as two thirds or more of the votes cast); 对考核评价"差"，多数群众不满意的，责令限期整改 (<see cref="Rectification"/>:
/// 多数 read as more than half); 先后召开支委会、党委会 (<see cref="ApprovalLevels"/>).
/// </summary>
public sealed record CommitmentRules
{
    /// <summary>The largest number <see cref="MinPerMember"/> and <see cref="MaxPerMember"/> may be set to.</summary>
    public const int MaxPerMemberLimit = 20;

    /// <summary>The largest denominator a share may have (a share is a plain fraction such as 2/3).</summary>
    public const int MaxShareDenominator = 100;

    public static CommitmentRules Default { get; } = new();

    /// <summary>The fewest commitments a member submits (2—5件: 2).</summary>
    public int MinPerMember { get; init; } = 2;

    /// <summary>The most commitments a member submits (2—5件: 5).</summary>
    public int MaxPerMember { get; init; } = 5;

    /// <summary>销号 needs 满意 votes of at least this share of the votes cast (大多数: 2/3, the number itself included).</summary>
    public Share Closure { get; init; } = Share.TwoThirdsOrMore;

    /// <summary>不满意 votes of more than this share of the votes cast send an item to rectification (多数: more than half).</summary>
    public Share Rectification { get; init; } = Share.MoreThanHalf;

    /// <summary>The levels a member's commitment passes, in order (支委会, then 党委会).</summary>
    public IReadOnlyList<ApprovalLevel> ApprovalLevels { get; init; } = [ApprovalLevel.Branch, ApprovalLevel.Committee];

    /// <summary>
    /// Every bad value, each under its field: bounds 1–<see cref="MaxPerMemberLimit"/> with min ≤ max; shares between 0
    /// (excluded) and 1 with a denominator up to <see cref="MaxShareDenominator"/>; at least one approval level, each
    /// defined, strictly rising (a level may not come twice or after a higher one).
    /// </summary>
    public IReadOnlyList<FieldProblem> Validate()
    {
        var problems = new List<FieldProblem>();
        if (MinPerMember is < 1 or > MaxPerMemberLimit)
        {
            problems.Add(new("minPerMember", "Input.OutOfRange", "Field.Commitment.MinPerMember", 1, MaxPerMemberLimit));
        }

        if (MaxPerMember is < 1 or > MaxPerMemberLimit)
        {
            problems.Add(new("maxPerMember", "Input.OutOfRange", "Field.Commitment.MaxPerMember", 1, MaxPerMemberLimit));
        }
        else if (MaxPerMember < MinPerMember)
        {
            problems.Add(new("maxPerMember", "Commitment.BoundsOrder", MinPerMember, MaxPerMember));
        }

        CheckShare(Closure, "closure", "Field.Commitment.Closure", problems);
        CheckShare(Rectification, "rectification", "Field.Commitment.Rectification", problems);
        if (ApprovalLevels is not { Count: > 0 })
        {
            problems.Add(new("approvalLevels", "Input.Required", "Field.Commitment.ApprovalLevels"));
        }
        else if (ApprovalLevels.Any(l => !Enum.IsDefined(l)))
        {
            problems.Add(new("approvalLevels", "Input.Invalid", "Field.Commitment.ApprovalLevels"));
        }
        else if (ApprovalLevels.Zip(ApprovalLevels.Skip(1)).Any(p => p.Second <= p.First))
        {
            problems.Add(new("approvalLevels", "Commitment.LevelsOrder"));
        }

        return problems;
    }

    /// <summary>
    /// The per-member bound, at submission (2—5件): fewer than <see cref="MinPerMember"/> or more than
    /// <see cref="MaxPerMember"/> of the member's live items (all but rejected ones) is refused, naming both bounds.
    /// </summary>
    public void CheckCount(int count)
    {
        if (count < MinPerMember)
        {
            throw new DomainRuleException("Commitment.TooFew", "commitments", MinPerMember, MaxPerMember, count);
        }

        if (count > MaxPerMember)
        {
            throw new DomainRuleException("Commitment.TooMany", "commitments", MinPerMember, MaxPerMember, count);
        }
    }

    /// <summary>
    /// The levels an item passes, in order. A member's: all of <see cref="ApprovalLevels"/>. An organization's own
    /// commitment starts at the level its owner answers to (三级双向: 支部向党委、党委向上级党组织, 分别报上一级党组织审核把关):
    /// the levels above the owner's own; a committee, with none above it here, answers to <see cref="ApprovalLevel.Superior"/>.
    /// </summary>
    public IReadOnlyList<ApprovalLevel> PathFor(ApprovalLevel? ownerLevel)
    {
        if (ownerLevel is not { } own)
        {
            return ApprovalLevels;
        }

        var above = ApprovalLevels.Where(l => l > own).ToList();
        return above.Count > 0 ? above : own < ApprovalLevel.Superior ? [own + 1] : [];
    }

    /// <summary>The level an organization of this kind itself holds when it makes a commitment: its 支委会 or its 党委会.</summary>
    public static ApprovalLevel LevelOf(OrganizationKind kind) => kind switch
    {
        OrganizationKind.DistrictCommittee or OrganizationKind.TownshipCommittee or OrganizationKind.StreetWorkingCommittee => ApprovalLevel.Committee,
        OrganizationKind.GeneralBranch or OrganizationKind.Branch => ApprovalLevel.Branch,
        _ => throw new DomainRuleException("Commitment.OwnerKind", "ownerOrganizationId"),
    };

    private static void CheckShare(Share share, string field, string label, List<FieldProblem> problems)
    {
        if (share.Denominator is < 1 or > MaxShareDenominator || share.Numerator < 1 || share.Numerator > share.Denominator)
        {
            problems.Add(new(field, "Commitment.Share", label, MaxShareDenominator));
        }
    }
}
