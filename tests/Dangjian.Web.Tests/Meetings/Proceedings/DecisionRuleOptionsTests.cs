using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Meetings.Proceedings;
using Microsoft.Extensions.Configuration;

namespace Dangjian.Web.Tests.Meetings.Proceedings;

/// <summary>The decision thresholds are rule data: the defaults are the regulations', and settings change them.</summary>
public sealed class DecisionRuleOptionsTests
{
    [Fact]
    public void Defaults_AreTheRegulations()
    {
        var rules = new DecisionRuleOptions().ToRules();

        Assert.Equal(DecisionRules.Default, rules);
    }

    [Fact]
    public void Settings_ChangeTheThresholds()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Meetings:Decision:RoutineAttendance"] = "TwoThirdsOrMore",
            ["Meetings:Decision:MajorNeedsMemberInCharge"] = "false",
        }).Build();
        var options = config.GetSection(DecisionRuleOptions.Section).Get<DecisionRuleOptions>()!;
        var rules = options.ToRules();

        // 4 of 6 present: more than half, but with the stricter rule also two thirds — 3 of 6 is neither.
        Assert.True(ItemDecision.Decide(new ItemFacts(ItemCategory.Routine, 6, 4, null, new VoteCounts(4, 0, 0), null), rules).QuorumMet);
        Assert.Equal([QuorumProblem.AttendanceBelowTwoThirds], ItemDecision.QuorumProblems(ItemCategory.Routine, 6, 3, null, rules));
        Assert.Empty(ItemDecision.QuorumProblems(ItemCategory.Major, 6, 4, inChargePresent: false, rules));
        Assert.Equal([QuorumProblem.InChargeAbsent], ItemDecision.QuorumProblems(ItemCategory.Major, 6, 4, inChargePresent: false));
    }
}
