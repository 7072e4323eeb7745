using Dangjian.Domain.Common;
using Dangjian.Domain.Cadres.Selection;
using static Dangjian.Domain.Tests.Cadres.Selection.SelectionTestKit;

namespace Dangjian.Domain.Tests.Cadres.Selection;

/// <summary>The selection rule data (seed 004, 三 (三); 《党政领导干部选拔任用工作条例》) and the differential inspection bound (CAD-4).</summary>
public sealed class SelectionRulesTests
{
    [Fact]
    public void Defaults_AreTheSeedAndRegulationFigures_AndPassTheirOwnCheck()
    {
        Assert.Equal(new SelectionRules(1, 2, 2, 5, 12), SelectionRules.Defaults);
        SelectionRules.Defaults.Demand();
    }

    // 差额考察数按每个职位多于拟任人选1至2名: per post +0 and +3 refused, +1 and +2 accepted; with one post and with two.
    [Theory]
    [InlineData(1, 0, "Selection.TooFewInspected")]
    [InlineData(1, 1, null)]
    [InlineData(1, 2, null)]
    [InlineData(1, 3, "Selection.TooManyInspected")]
    [InlineData(2, 0, "Selection.TooFewInspected")]
    [InlineData(2, 1, null)]
    [InlineData(2, 2, null)]
    [InlineData(2, 3, "Selection.TooManyInspected")]
    public void DemandDifferential_OneToTwoMorePerPost(int posts, int extraPerPost, string? refusal)
    {
        var inspected = posts * (1 + extraPerPost);

        var error = Record.Exception(() => Rules.DemandDifferential(posts, inspected));

        Assert.Equal(refusal, (error as DomainRuleException)?.Code);
        if (refusal is not null)
        {
            Assert.Equal("candidates", ((DomainRuleException)error!).Field);
        }
    }

    // Two posts: 4 to 6 inspected, whatever the split of the extras between the posts.
    [Theory]
    [InlineData(3, "Selection.TooFewInspected")]
    [InlineData(4, null)]
    [InlineData(5, null)]
    [InlineData(6, null)]
    [InlineData(7, "Selection.TooManyInspected")]
    public void DemandDifferential_TwoPosts_FourToSix(int inspected, string? refusal) =>
        Assert.Equal(refusal, (Record.Exception(() => Rules.DemandDifferential(2, inspected)) as DomainRuleException)?.Code);

    [Fact]
    public void InspectedRange_FollowsTheData()
    {
        Assert.Equal((4, 6), Rules.InspectedRange(2));
        Assert.Equal((2, 2), (Rules with { MaxExtraPerPost = 1 }).InspectedRange(1));
    }

    [Theory]
    [InlineData(0, 2, 2, 5, 12, "minExtraPerPost")]
    [InlineData(2, 1, 2, 5, 12, "maxExtraPerPost")]
    [InlineData(1, 6, 2, 5, 12, "maxExtraPerPost")]
    [InlineData(1, 2, 1, 5, 12, "minTeamSize")]
    [InlineData(1, 2, 2, 4, 12, "publicityWorkingDays")]
    [InlineData(1, 2, 2, 5, 0, "probationMonths")]
    [InlineData(1, 2, 2, 5, 61, "probationMonths")]
    public void Demand_RefusesDataOutsideItsBounds_NamingTheField(int minExtra, int maxExtra, int team, int publicity, int probation, string field)
    {
        var e = Refused(() => new SelectionRules(minExtra, maxExtra, team, publicity, probation).Demand());

        Assert.Equal(("Input.OutOfRange", field), Pair(e));
    }

    [Theory]
    [InlineData(1, 1, 2, 5, 1)]
    [InlineData(5, 5, 20, 60, 60)]
    public void Demand_AcceptsTheBoundsThemselves(int minExtra, int maxExtra, int team, int publicity, int probation) =>
        new SelectionRules(minExtra, maxExtra, team, publicity, probation).Demand();
}
