using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Tests.Commitments;

/// <summary>The rule data (seed 001 第五篇: 2—5件, 大多数群众满意, 先后召开支委会、党委会): defaults, bounds and their checks.</summary>
public sealed class CommitmentRulesTests
{
    [Theory]
    [InlineData(1, "Commitment.TooFew")]
    [InlineData(6, "Commitment.TooMany")]
    [InlineData(0, "Commitment.TooFew")]
    public void CheckCount_OutsideTwoToFive_RefusedNamingTheBounds(int count, string code)
    {
        var e = Assert.Throws<DomainRuleException>(() => CommitmentRules.Default.CheckCount(count));

        Assert.Equal(code, e.Code);
        Assert.Equal("commitments", e.Field);
        Assert.Equal([2, 5, count], e.Arguments);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void CheckCount_WithinTwoToFive_Accepted(int count) => CommitmentRules.Default.CheckCount(count);

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void CheckCount_CustomBoundsThreeToFour_EachSide(int count, bool accepted)
    {
        var rules = new CommitmentRules { MinPerMember = 3, MaxPerMember = 4 };

        var e = Record.Exception(() => rules.CheckCount(count));

        Assert.Equal(accepted, e is null);
    }

    [Fact]
    public void Default_IsTheSeedsRuleData_AndValid()
    {
        var rules = CommitmentRules.Default;

        Assert.Equal((2, 5), (rules.MinPerMember, rules.MaxPerMember));
        Assert.Equal(new Share(2, 3, true), rules.Closure);
        Assert.Equal(new Share(1, 2, false), rules.Rectification);
        Assert.Equal([ApprovalLevel.Branch, ApprovalLevel.Committee], rules.ApprovalLevels);
        Assert.Empty(rules.Validate());
    }

    [Theory]
    [InlineData(0, 5, "minPerMember")]
    [InlineData(21, 25, "minPerMember")]
    [InlineData(2, 0, "maxPerMember")]
    [InlineData(2, 21, "maxPerMember")]
    public void Validate_BoundOutOfRange_NamesTheField(int min, int max, string field)
    {
        var problems = new CommitmentRules { MinPerMember = min, MaxPerMember = max }.Validate();

        var p = Assert.Single(problems, p => p.Field == field);
        Assert.Equal("Input.OutOfRange", p.Code);
    }

    [Theory]
    [InlineData(1, 20, true)]
    [InlineData(20, 20, true)]
    [InlineData(1, 1, true)]
    [InlineData(3, 2, false)]
    public void Validate_MinAboveMax_RefusedOnMax_EqualAccepted(int min, int max, bool valid)
    {
        var problems = new CommitmentRules { MinPerMember = min, MaxPerMember = max }.Validate();

        Assert.Equal(valid, problems.Count == 0);
        if (!valid)
        {
            Assert.Equal(("maxPerMember", "Commitment.BoundsOrder"), (problems[0].Field, problems[0].Code));
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(1, 0)]
    [InlineData(1, 101)]
    [InlineData(-1, 2)]
    public void Validate_ShareNotAFractionUpToOne_NamesClosureAndRectification(int numerator, int denominator)
    {
        var share = new Share(numerator, denominator, true);

        var problems = new CommitmentRules { Closure = share, Rectification = share }.Validate();

        Assert.Equal(["closure", "rectification"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal("Commitment.Share", p.Code));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 100)]
    [InlineData(3, 4)]
    public void Validate_ShareWithinZeroToOne_Accepted(int numerator, int denominator) =>
        Assert.Empty(new CommitmentRules { Closure = new(numerator, denominator, true) }.Validate());

    [Fact]
    public void Validate_ApprovalLevels_NoneOrRepeatedOrFallingOrUndefined_Refused()
    {
        Assert.Equal("Input.Required", Assert.Single(new CommitmentRules { ApprovalLevels = [] }.Validate()).Code);
        Assert.Equal("Commitment.LevelsOrder", Assert.Single(new CommitmentRules { ApprovalLevels = [ApprovalLevel.Branch, ApprovalLevel.Branch] }.Validate()).Code);
        Assert.Equal("Commitment.LevelsOrder", Assert.Single(new CommitmentRules { ApprovalLevels = [ApprovalLevel.Committee, ApprovalLevel.Branch] }.Validate()).Code);
        Assert.Equal("Input.Invalid", Assert.Single(new CommitmentRules { ApprovalLevels = [(ApprovalLevel)9] }.Validate()).Code);
        Assert.Empty(new CommitmentRules { ApprovalLevels = [ApprovalLevel.Committee] }.Validate());
        Assert.Empty(new CommitmentRules { ApprovalLevels = [ApprovalLevel.Branch, ApprovalLevel.Committee, ApprovalLevel.Superior] }.Validate());
    }

    [Fact]
    public void PathFor_EachOwner_StartsAtTheLevelItAnswersTo()
    {
        var rules = CommitmentRules.Default;

        Assert.Equal([ApprovalLevel.Branch, ApprovalLevel.Committee], rules.PathFor(null));
        Assert.Equal([ApprovalLevel.Committee], rules.PathFor(ApprovalLevel.Branch));
        Assert.Equal([ApprovalLevel.Superior], rules.PathFor(ApprovalLevel.Committee));
        Assert.Empty(rules.PathFor(ApprovalLevel.Superior));
    }

    [Theory]
    [InlineData(OrganizationKind.Branch, ApprovalLevel.Branch)]
    [InlineData(OrganizationKind.GeneralBranch, ApprovalLevel.Branch)]
    [InlineData(OrganizationKind.TownshipCommittee, ApprovalLevel.Committee)]
    [InlineData(OrganizationKind.StreetWorkingCommittee, ApprovalLevel.Committee)]
    [InlineData(OrganizationKind.DistrictCommittee, ApprovalLevel.Committee)]
    public void LevelOf_OrganizationKind_ItsOwnLevel(OrganizationKind kind, ApprovalLevel level) =>
        Assert.Equal(level, CommitmentRules.LevelOf(kind));

    [Fact]
    public void LevelOf_PartyGroup_Refused() =>
        Assert.Equal("Commitment.OwnerKind", Assert.Throws<DomainRuleException>(() => CommitmentRules.LevelOf(OrganizationKind.PartyGroup)).Code);
}
