using Dangjian.Domain.Selection;
using static Dangjian.Domain.Tests.Selection.SelectionTestKit;

namespace Dangjian.Domain.Tests.Selection;

/// <summary>The department's lists over selection cases at a day.</summary>
public sealed class SelectionListsTests
{
    [Fact]
    public void ProbationReviewsDue_FromTheDayAfterTheLastDay_UntilReviewed()
    {
        var c = Appointed("2026-10-12");

        Assert.Empty(SelectionLists.ProbationReviewsDue([c], D("2027-10-11")));
        Assert.Same(c, Assert.Single(SelectionLists.ProbationReviewsDue([c], D("2027-10-12"))));

        c.ReviewProbation(D("2027-10-12"), ProbationOutcome.NotConfirmed, "不胜任，免去试任职务", Clerk, Minute(40));
        Assert.Empty(SelectionLists.ProbationReviewsDue([c], D("2027-12-01")));
    }

    [Fact]
    public void AppointmentBlocked_WhileThePeriodRuns_OrAnObjectionIsOpen()
    {
        var c = InPublicity();

        Assert.Equal([(true, 0)], SelectionLists.AppointmentBlocked([c], D("2026-10-09")).Select(t => (t.PeriodRuns, t.OpenObjections)));
        Assert.Empty(SelectionLists.AppointmentBlocked([c], D("2026-10-10")));

        c.ReceiveObjection(D("2026-10-09"), "反映问题", null, Clerk, Minute(23));
        Assert.Equal([(false, 1)], SelectionLists.AppointmentBlocked([c], D("2026-10-10")).Select(t => (t.PeriodRuns, t.OpenObjections)));
    }
}
