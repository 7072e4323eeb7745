using Dangjian.Domain.Evaluations;
using static Dangjian.Domain.Evaluations.MemberReviewGrade;

namespace Dangjian.Domain.Tests.Evaluations;

/// <summary>Member democratic evaluation (民主评议党员, EVA-10).</summary>
public sealed class MemberReviewRulesTests
{
    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 2)]
    [InlineData(9, 3)]
    public void ExcellentLimit_IsOneThirdRoundedDown(int graded, int limit) =>
        Assert.Equal(limit, MemberReviewRules.ExcellentLimit(graded));

    private static MemberReviewEntry[] AllProposedExcellent(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new MemberReviewEntry($"M{i}", false, Excellent, 100 - i))];

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    public void Grade_AllProposedExcellent_AtMostOneThirdKeepIt_TheRestQualified(int n, int excellent)
    {
        var outcomes = MemberReviewRules.Grade(AllProposedExcellent(n));

        Assert.Equal(excellent, outcomes.Count(o => o.Grade == Excellent));
        Assert.All(outcomes.Skip(excellent), o => Assert.Equal((Qualified, true), (o.Grade, o.DemotedByQuota)));
        Assert.Equal(new[] { "M0", "M1" }.Take(excellent), outcomes.Where(o => o.Grade == Excellent).Select(o => o.Name));
    }

    [Fact]
    public void Grade_ProbationaryMembers_TakePartButAreNeitherGradedNorCounted()
    {
        // 3 full members (1 place) and 3 probationary: 6 people, but floor(3 / 3) = 1, not 2.
        MemberReviewEntry[] members =
        [
            new("甲", false, Excellent, 98), new("乙", false, Excellent, 97), new("丙", false, Qualified, 80),
            new("丁", true, Excellent, 99), new("戊", true, null, 0), new("己", true, Unqualified, 10),
        ];

        var outcomes = MemberReviewRules.Grade(members);

        Assert.Equal([Excellent, Qualified, Qualified, null, null, null], outcomes.Select(o => o.Grade));
        Assert.All(outcomes.Skip(3), o => Assert.False(o.NeedsFollowUp));
    }

    [Fact]
    public void Grade_TieAcrossTheOneThirdLine_MovesEveryTiedMemberDown()
    {
        // 6 members, 2 places; three proposed 优秀 with 95, 90, 90: 95 keeps it, both 90s become 合格.
        MemberReviewEntry[] members =
        [
            new("A", false, Excellent, 95), new("B", false, Excellent, 90), new("C", false, Excellent, 90),
            new("D", false, Qualified, 80), new("E", false, Qualified, 80), new("F", false, Qualified, 70),
        ];

        Assert.Equal([Excellent, Qualified, Qualified, Qualified, Qualified, Qualified], MemberReviewRules.Grade(members).Select(o => o.Grade));
    }

    [Fact]
    public void Grade_BasicallyQualifiedAndUnqualified_NeedAFollowUp()
    {
        MemberReviewEntry[] members =
        [
            new("A", false, Excellent, 95), new("B", false, Qualified, 80),
            new("C", false, BasicallyQualified, 60), new("D", false, Unqualified, 40),
        ];

        var outcomes = MemberReviewRules.Grade(members);

        Assert.Equal([false, false, true, true], outcomes.Select(o => o.NeedsFollowUp));
        Assert.False(outcomes[2].DemotedByQuota);
    }

    [Fact]
    public void Grade_RefusesAFullMemberWithoutProposal_AndRepeatedNames()
    {
        Assert.Throws<ArgumentException>(() => MemberReviewRules.Grade([new("A", false, null, 0)]));
        Assert.Throws<ArgumentException>(() => MemberReviewRules.Grade([new("A", false, Qualified, 0), new("A", true, null, 0)]));
    }

    [Fact]
    public void DefaultGrades_FollowTheEnumOrder() =>
        Assert.Equal(["优秀", "合格", "基本合格", "不合格"], MemberReviewRules.DefaultGrades);
}
