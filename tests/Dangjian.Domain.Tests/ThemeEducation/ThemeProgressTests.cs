using Dangjian.Domain.Organizations;
using Dangjian.Domain.ThemeEducation;

namespace Dangjian.Domain.Tests.ThemeEducation;

/// <summary>Completion of a campaign: done, due (the due day itself) and overdue (the day after), and the percent over a subtree.</summary>
public sealed class ThemeProgressTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    private static (ThemeCampaign Campaign, RequiredActivity Lecture) Launched()
    {
        var c = ThemeCampaign.Create(1, "主题教育", "查问题、理思路、促整改", new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30));
        var phase = c.AddPhase("学习教育", new DateOnly(2026, 3, 1), Due);
        var lecture = c.AddActivity(phase.Id, RequiredActivityKind.ThemedPartyLecture, "专题党课", Due, ThemeActivityLevels.Branches);
        lecture.Id = 7;
        c.Launch();
        return (c, lecture);
    }

    [Fact]
    public void StateOf_NotDone_OnTheDueDay_IsDue_TheDayAfter_IsOverdue()
    {
        var (_, a) = Launched();
        Assert.Equal(ActivityState.Due, ThemeProgress.StateOf(a, null, Due));
        Assert.Equal(ActivityState.Overdue, ThemeProgress.StateOf(a, null, Due.AddDays(1)));
    }

    [Fact]
    public void StateOf_DoneAfterTheDayAskedAbout_IsNotDoneYet_DoneLate_CountsAsDone()
    {
        var (_, a) = Launched();
        Assert.Equal(ActivityState.Due, ThemeProgress.StateOf(a, Due, Due.AddDays(-1)));
        Assert.Equal(ActivityState.Done, ThemeProgress.StateOf(a, Due, Due));
        Assert.Equal(ActivityState.Done, ThemeProgress.StateOf(a, Due.AddDays(3), Due.AddDays(3)));
        Assert.True(new ActivityCell(1, 7, ActivityState.Done, Due.AddDays(1)).Late(a));
        Assert.False(new ActivityCell(1, 7, ActivityState.Done, Due).Late(a));
    }

    [Fact]
    public void Grid_OnlyTheLevelsNamed_AndCompletionByTownship()
    {
        var (c, a) = Launched();
        ThemeParticipant[] orgs =
        [
            new(1, OrganizationKind.DistrictCommittee, "/1/"),
            new(2, OrganizationKind.TownshipCommittee, "/1/2/"),
            new(3, OrganizationKind.Branch, "/1/2/3/"),
            new(4, OrganizationKind.Branch, "/1/2/4/"),
            new(5, OrganizationKind.TownshipCommittee, "/1/5/"),
            new(6, OrganizationKind.Branch, "/1/5/6/"),
            new(7, OrganizationKind.PartyGroup, "/1/5/6/7/"),
        ];
        var reports = new[] { new ActivityReport { OrganizationId = 3, ActivityId = a.Id, DoneOn = Due } };

        var cells = ThemeProgress.Grid(c, orgs, reports, Due.AddDays(1));

        Assert.Equal([3, 4, 6], cells.Select(x => x.OrganizationId));
        Assert.Equal([ActivityState.Done, ActivityState.Overdue, ActivityState.Overdue], cells.Select(x => x.State));
        var all = ThemeProgress.Completion(cells);
        Assert.Equal((3, 1, 2, 33), (all.Required, all.Done, all.Overdue, all.Percent));
        var byTownship = ThemeProgress.ByChild("/1/", orgs, cells);
        Assert.Equal([(2, 50), (5, 0)], byTownship.Select(x => (x.Child.Id, x.Completion.Percent)));
        Assert.Equal(0, new ThemeCompletion(0, 0, 0).Percent);
    }
}
