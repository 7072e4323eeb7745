using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>应到会人数 against the roll of full members, and the quorum counted on it (DecisionRules' sources).</summary>
public sealed class ExpectedAttendanceTests
{
    [Fact]
    public void Check_AsManyAsTheRoll_Passes() => Assert.Empty(ExpectedAttendance.Check(7, 7));

    [Fact]
    public void Check_OneMoreThanTheRoll_IsRefusedNamingBoth()
    {
        var problem = Assert.Single(ExpectedAttendance.Check(8, 7));
        Assert.Equal(("participants", "Meeting.EntitledOverRoll"), (problem.Field, problem.Code));
        Assert.Equal([8, 7], problem.Arguments);
    }

    [Theory]
    [InlineData(7, ItemCategory.Routine, 4)] // 超过半数 of 7: 4
    [InlineData(8, ItemCategory.Routine, 5)] // exactly half (4 of 8) is not more than half
    [InlineData(6, ItemCategory.Cadre, 4)] // 三分之二以上 of 6: 4 meets it exactly
    [InlineData(7, ItemCategory.Cadre, 5)] // 4 of 7 falls short of two thirds
    public void QuorumFor_IsTheExistingRuleOnTheExpectedNumber(int entitled, ItemCategory category, int quorum) =>
        Assert.Equal(quorum, new ExpectedAttendance(entitled, 10).QuorumFor(category, DecisionRules.Default));
}
