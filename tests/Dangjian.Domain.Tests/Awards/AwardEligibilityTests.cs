using Dangjian.Domain.Awards;
using Dangjian.Domain.Commitments;

namespace Dangjian.Domain.Tests.Awards;

/// <summary>EVA-11: each eligibility rule of a 评先评优 nominee, one side and the other.</summary>
public sealed class AwardEligibilityTests
{
    private static NomineeFacts Clean(AwardCategory category = AwardCategory.ExcellentMember) =>
        new(category, ["合格"], [], [], 0, false);

    private static IReadOnlyList<string> Codes(NomineeFacts f) => [.. AwardEligibility.Check(f, AwardRules.Default).Select(r => r.Code)];

    [Fact]
    public void Check_ACleanNominee_HasNoRefusal()
    {
        Assert.Empty(Codes(Clean()));
        Assert.Empty(Codes(Clean() with { Grades = [] }));
    }

    [Theory]
    [InlineData("合格", false)]
    [InlineData("优秀", false)]
    [InlineData("基本合格", true)]
    [InlineData("不合格", true)]
    [InlineData("称职", false)]
    [InlineData("基本称职", true)]
    [InlineData("不称职", true)]
    public void Check_GradeAtTheMinimum_Eligible_OneBelow_Refused(string grade, bool refused)
    {
        var refusals = AwardEligibility.Check(Clean() with { Grades = [grade] }, AwardRules.Default);
        Assert.Equal(refused, refusals.Any(r => r.Code == AwardEligibility.GradeBelowMinimum));
        if (refused)
        {
            Assert.Equal(grade, refusals[0].Arguments[0]);
        }
    }

    [Theory]
    [InlineData(5, 5, false)] // exactly half 不满意: not a majority
    [InlineData(6, 5, true)]  // more than half
    [InlineData(0, 0, false)] // no votes cast
    public void Check_MassCriticism_MoreThanHalfDissatisfied_Refused(int dissatisfied, int others, bool refused)
    {
        var facts = Clean() with { Votes = [new SatisfactionTally(others, 0, dissatisfied)] };
        Assert.Equal(refused, Codes(facts).Contains(AwardEligibility.MassCriticism));
    }

    [Theory]
    [InlineData(CommitmentGrade.Average, false)]
    [InlineData(CommitmentGrade.Poor, true)]
    public void Check_CommitmentGradedPoor_Refused_Average_Eligible(CommitmentGrade grade, bool refused)
    {
        Assert.Equal(refused, Codes(Clean() with { CommitmentGrades = [grade] }).Contains(AwardEligibility.CommitmentGraded));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Check_AnOpenNotice_Refused(int open, bool refused)
    {
        Assert.Equal(refused, Codes(Clean() with { OpenNotices = open }).Contains(AwardEligibility.OpenNotice));
        Assert.DoesNotContain(AwardEligibility.OpenNotice, AwardEligibility.Check(Clean() with { OpenNotices = open }, AwardRules.Default with { RefuseOpenNotices = false }).Select(r => r.Code));
    }

    [Theory]
    [InlineData(AwardCategory.ExcellentMember, true, true)]
    [InlineData(AwardCategory.ExcellentPartyWorker, true, true)]
    [InlineData(AwardCategory.ExcellentMember, false, false)]
    [InlineData(AwardCategory.ExcellentMember, null, false)]
    [InlineData(AwardCategory.AdvancedOrganization, true, false)]
    public void Check_AProbationaryMember_Refused_AFullMemberOrUnknown_Eligible(AwardCategory category, bool? probationary, bool refused)
    {
        Assert.Equal(refused, Codes(Clean(category) with { IsProbationary = probationary }).Contains(AwardEligibility.Probationary));
    }

    [Fact]
    public void Check_EveryReason_IsNamed()
    {
        var facts = new NomineeFacts(AwardCategory.ExcellentMember, ["不合格"], [new(1, 0, 3)], [CommitmentGrade.Poor], 2, true);
        Assert.Equal(
            [AwardEligibility.GradeBelowMinimum, AwardEligibility.MassCriticism, AwardEligibility.CommitmentGraded, AwardEligibility.OpenNotice, AwardEligibility.Probationary],
            Codes(facts));
    }
}
