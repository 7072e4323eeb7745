namespace Dangjian.Domain.Evaluations;

/// <summary>The grades of member democratic evaluation (民主评议党员, EVA-10), best first.</summary>
public enum MemberReviewGrade
{
    /// <summary>优秀</summary>
    Excellent,

    /// <summary>合格</summary>
    Qualified,

    /// <summary>基本合格</summary>
    BasicallyQualified,

    /// <summary>不合格</summary>
    Unqualified,
}

/// <summary>
/// A member in the review: the grade the branch proposes (from the members' evaluation and the committee's view) and
/// the score that orders members under the 优秀 quota (e.g. the share of 优秀 votes). Probationary members (预备党员)
/// take part but are not graded, so their proposal is ignored and may be null.
/// </summary>
public sealed record MemberReviewEntry(string Name, bool IsProbationary, MemberReviewGrade? Proposed, decimal Score);

/// <summary>A member's outcome: the grade (null for a probationary member), whether the quota moved it down, and whether a follow-up task is due.</summary>
public sealed record MemberReviewOutcome(string Name, MemberReviewGrade? Grade, bool DemotedByQuota, bool NeedsFollowUp);

/// <summary>
/// The rules of member democratic evaluation (民主评议党员, EVA-10), as the 民主评议党员 procedure of the seed documents sets them:
/// grades 优秀/合格/基本合格/不合格; 优秀 for at most one third of the members graded, floor(n / 3); probationary members
/// (预备党员) take part but are not graded and not counted in n; 基本合格 and 不合格 need a follow-up task (帮教整改).
/// The quota is applied by <see cref="GradeQuota"/>, the same rule as the composite assessment: by score descending,
/// and a tie across the limit moves every tied member down to 合格.
/// </summary>
public static class MemberReviewRules
{
    /// <summary>The grades in order, as their Chinese names (the default set; the UI localizes <see cref="MemberReviewGrade"/>).</summary>
    public static readonly IReadOnlyList<string> DefaultGrades = ["优秀", "合格", "基本合格", "不合格"];

    /// <summary>How many of <paramref name="graded"/> members may be 优秀: floor(graded / 3), in whole numbers so 3 gives exactly 1.</summary>
    public static int ExcellentLimit(int graded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(graded);
        return graded / 3;
    }

    /// <summary>Whether a grade needs a follow-up task: 基本合格 and 不合格 do.</summary>
    public static bool NeedsFollowUp(MemberReviewGrade grade) =>
        grade is MemberReviewGrade.BasicallyQualified or MemberReviewGrade.Unqualified;

    /// <summary>Grades the members, in their given order, honoring the 优秀 quota.</summary>
    /// <exception cref="ArgumentException">A full member has no proposed grade, or a name is repeated.</exception>
    public static IReadOnlyList<MemberReviewOutcome> Grade(IReadOnlyList<MemberReviewEntry> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"the member \"{twice.Key}\" is listed twice", nameof(members));
        }

        var graded = members.Where(m => !m.IsProbationary).ToList();
        if (graded.FirstOrDefault(m => m.Proposed is null) is { } missing)
        {
            throw new ArgumentException($"the member \"{missing.Name}\" has no proposed grade", nameof(members));
        }

        int?[] limits = [ExcellentLimit(graded.Count), null, null, null];
        var placements = GradeQuota.Apply(limits, graded.Select(m => (m.Score, (int)m.Proposed!.Value)).ToList());
        var placed = new Dictionary<string, QuotaPlacement>(StringComparer.Ordinal);
        for (var i = 0; i < graded.Count; i++)
        {
            placed[graded[i].Name] = placements[i];
        }

        return members.Select(m =>
        {
            if (m.IsProbationary)
            {
                return new MemberReviewOutcome(m.Name, null, false, false);
            }

            var p = placed[m.Name];
            var grade = (MemberReviewGrade)p.Grade;
            return new MemberReviewOutcome(m.Name, grade, p.DemotedByQuota, NeedsFollowUp(grade));
        }).ToList();
    }
}
