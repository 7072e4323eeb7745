using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.ThemeEducation;

namespace Dangjian.Domain.Tests.ThemeEducation;

/// <summary>MTG-13 rules: phases in order inside the campaign, activities due inside their phase, the plan fixed at launch, reports only while launched.</summary>
public sealed class ThemeCampaignTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly DateOnly End = new(2026, 6, 30);
    private static readonly ThemeParticipant Branch = new(30, OrganizationKind.Branch, "/1/10/30/");
    private const string Root = "/1/10/";

    private static ThemeCampaign Draft() => ThemeCampaign.Create(10, "“查问题、理思路、促整改”主题教育", "查问题、理思路、促整改", Start, End);

    /// <summary>A draft with 学习教育 (March) and 查摆问题 (April), one lecture due 31 March for branches, ids set as the database would.</summary>
    private static ThemeCampaign Planned()
    {
        var c = Draft();
        c.Id = 5;
        var study = c.AddPhase("学习教育", Start, new DateOnly(2026, 3, 31));
        study.Id = 1;
        var lecture = c.AddActivity(1, RequiredActivityKind.ThemedPartyLecture, "书记讲专题党课", new DateOnly(2026, 3, 31), ThemeActivityLevels.Branches);
        lecture.Id = 11;
        var find = c.AddPhase("查摆问题", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        find.Id = 2;
        var problems = c.AddActivity(2, RequiredActivityKind.ProblemList, "列出问题清单", new DateOnly(2026, 4, 30), ThemeActivityLevels.Branches | ThemeActivityLevels.GeneralBranches);
        problems.Id = 12;
        return c;
    }

    private static string Code(Action a) => Assert.Throws<DomainRuleException>(a).Code;

    [Fact]
    public void Create_EndBeforeStart_Refused_SameDay_Accepted()
    {
        Assert.Equal("ThemeEducation.DaysBackwards", Code(() => ThemeCampaign.Create(10, "主题教育", "主题", Start, Start.AddDays(-1))));
        var c = ThemeCampaign.Create(10, "主题教育", "主题", Start, Start);
        Assert.Equal(ThemeCampaignStatus.Draft, c.Status);
    }

    [Fact]
    public void Create_BlankTitle_RefusedNamingTitle()
    {
        var e = Assert.Throws<DomainRuleException>(() => ThemeCampaign.Create(10, " ", "主题", Start, End));
        Assert.Equal(("Input.Required", "title"), (e.Code, e.Field));
    }

    [Fact]
    public void AddPhase_InsideTheCampaign_OnItsFirstAndLastDay_Accepted_ADayOutside_Refused()
    {
        var c = Draft();
        c.AddPhase("整改落实", Start, End);
        Assert.Single(c.Phases);

        var d = Draft();
        Assert.Equal("ThemeEducation.PhaseOutsideCampaign", Code(() => d.AddPhase("学习教育", Start.AddDays(-1), Start.AddDays(10))));
        Assert.Equal("ThemeEducation.PhaseOutsideCampaign", Code(() => d.AddPhase("学习教育", Start, End.AddDays(1))));
        Assert.Empty(d.Phases);
    }

    [Fact]
    public void AddPhase_Overlapping_Refused_TheDayAfter_Accepted_AndPhasesOrderByStart()
    {
        var c = Draft();
        c.AddPhase("查摆问题", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        Assert.Equal("ThemeEducation.PhasesOverlap", Code(() => c.AddPhase("学习教育", Start, new DateOnly(2026, 4, 1))));
        Assert.Equal("ThemeEducation.PhasesOverlap", Code(() => c.AddPhase("整改落实", new DateOnly(2026, 4, 30), End)));

        c.AddPhase("学习教育", Start, new DateOnly(2026, 3, 31));
        c.AddPhase("整改落实", new DateOnly(2026, 5, 1), End);
        Assert.Equal(["学习教育", "查摆问题", "整改落实"], c.OrderedPhases.Select(p => p.Name));
    }

    [Fact]
    public void AddPhase_EndBeforeStart_Refused()
    {
        var c = Draft();
        Assert.Equal("ThemeEducation.DaysBackwards", Code(() => c.AddPhase("学习教育", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 9))));
    }

    [Fact]
    public void Describe_LeavingAPhaseOutside_Refused_AndNothingChanges()
    {
        var c = Planned();
        Assert.Equal("ThemeEducation.PhaseOutsideCampaign", Code(() => c.Describe("新标题", "新主题", Start.AddDays(1), End)));
        Assert.Equal((Start, "“查问题、理思路、促整改”主题教育"), (c.StartsOn, c.Title));
        c.Describe("新标题", "新主题", Start, new DateOnly(2026, 4, 30));
        Assert.Equal(new DateOnly(2026, 4, 30), c.EndsOn);
    }

    [Fact]
    public void AddActivity_DueOnThePhasesLastDay_Accepted_TheDayAfter_Refused()
    {
        var c = Draft();
        var phase = c.AddPhase("学习教育", Start, new DateOnly(2026, 3, 31));
        c.AddActivity(phase.Id, RequiredActivityKind.ThemedPartyLecture, "专题党课", new DateOnly(2026, 3, 31), ThemeActivityLevels.Branches);
        var e = Assert.Throws<DomainRuleException>(() =>
            c.AddActivity(phase.Id, RequiredActivityKind.ThemedPartyLecture, "专题党课", new DateOnly(2026, 4, 1), ThemeActivityLevels.Branches));
        Assert.Equal(("ThemeEducation.DueOutsidePhase", "dueOn"), (e.Code, e.Field));
        Assert.Equal("ThemeEducation.DueOutsidePhase", Code(() =>
            c.AddActivity(phase.Id, RequiredActivityKind.ThemedPartyLecture, "专题党课", Start.AddDays(-1), ThemeActivityLevels.Branches)));
        Assert.Single(phase.Activities);
    }

    [Fact]
    public void AddActivity_NoLevel_Refused()
    {
        var c = Draft();
        var phase = c.AddPhase("学习教育", Start, End);
        var e = Assert.Throws<DomainRuleException>(() => c.AddActivity(phase.Id, RequiredActivityKind.Other, "活动", End, ThemeActivityLevels.None));
        Assert.Equal(("Input.Required", "levels"), (e.Code, e.Field));
    }

    [Fact]
    public void Launch_WithoutPhasesOrActivities_Refused_ThenThePlanIsFixed()
    {
        var c = Draft();
        Assert.Equal("ThemeEducation.NoPhases", Code(c.Launch));
        c.AddPhase("学习教育", Start, End);
        Assert.Equal("ThemeEducation.NoActivities", Code(c.Launch));
        Assert.Equal(ThemeCampaignStatus.Draft, c.Status);

        var p = Planned();
        p.Launch();
        Assert.Equal(ThemeCampaignStatus.Launched, p.Status);
        Assert.Equal("ThemeEducation.NotDraft", Code(() => p.AddPhase("整改落实", new DateOnly(2026, 5, 1), End)));
        Assert.Equal("ThemeEducation.NotDraft", Code(() => p.RemovePhase(1)));
        Assert.Equal("ThemeEducation.NotDraft", Code(() => p.RemoveActivity(11)));
        Assert.Equal("ThemeEducation.NotDraft", Code(() => p.Describe("标题", "主题", Start, End)));
        Assert.Equal("ThemeEducation.NotDraft", Code(p.Launch));
        Assert.Equal(2, p.Phases.Count);
    }

    [Fact]
    public void RemovePhase_InDraft_TakesItsActivities()
    {
        var c = Planned();
        c.RemovePhase(1);
        Assert.Equal([12], c.Activities.Select(a => a.Id));
        c.RemoveActivity(12);
        Assert.Empty(c.Activities);
    }

    [Fact]
    public void Report_BeforeLaunch_Refused_AfterClose_Refused()
    {
        var c = Planned();
        Assert.Equal("ThemeEducation.NotLaunched", Code(() => c.Report(11, Branch, Root, Start, null, null, Start)));
        Assert.Equal("ThemeEducation.NotLaunched", Code(c.Close));
        c.Launch();
        var r = c.Report(11, Branch, Root, Start, "讲了党课", null, Start);
        Assert.Equal((Start, 30, 11), (r.DoneOn, r.OrganizationId, r.ActivityId));
        c.Close();
        Assert.Equal(ThemeCampaignStatus.Closed, c.Status);
        Assert.Equal("ThemeEducation.Closed", Code(() => c.Report(11, Branch, Root, Start, null, null, Start)));
    }

    [Fact]
    public void Report_DoneOnToday_Accepted_Tomorrow_Refused_BeforeTheCampaign_Refused()
    {
        var c = Planned();
        c.Launch();
        var today = new DateOnly(2026, 3, 20);
        Assert.Equal("ThemeEducation.DoneInFuture", Code(() => c.Report(11, Branch, Root, today.AddDays(1), null, null, today)));
        Assert.Equal("ThemeEducation.DoneBeforeCampaign", Code(() => c.Report(11, Branch, Root, Start.AddDays(-1), null, null, today)));
        Assert.Equal(today, c.Report(11, Branch, Root, today, null, null, today).DoneOn);
    }

    [Fact]
    public void Report_OutsideTheSubtree_OrOfALevelNotRequired_Refused()
    {
        var c = Planned();
        c.Launch();
        Assert.Equal("ThemeEducation.NotInCampaign", Code(() => c.Report(11, new ThemeParticipant(40, OrganizationKind.Branch, "/1/20/40/"), Root, Start, null, null, Start)));
        Assert.Equal("ThemeEducation.NotRequired", Code(() => c.Report(11, new ThemeParticipant(25, OrganizationKind.GeneralBranch, "/1/10/25/"), Root, Start, null, null, Start)));
        Assert.Equal("ThemeEducation.NoSuchActivity", Code(() => c.Report(99, Branch, Root, Start, null, null, Start)));
    }

    [Fact]
    public void Report_AProblemList_NeedsAProblem_AndKeepsTheLines()
    {
        var c = Planned();
        c.Launch();
        var today = new DateOnly(2026, 4, 10);
        Assert.Equal("ThemeEducation.ProblemsRequired", Code(() => c.Report(12, Branch, Root, today, null, [" ", ""], today)));
        var r = c.Report(12, Branch, Root, today, null, ["理论学习不深入", " 联系群众不够紧密 "], today);
        Assert.Equal((2, "理论学习不深入\n联系群众不够紧密"), (r.ItemCount, r.Items));

        // A second report of the same activity corrects the first.
        var again = c.Report(12, Branch, Root, today.AddDays(-1), "补充", ["理论学习不深入"], today, r);
        Assert.Same(r, again);
        Assert.Equal((1, today.AddDays(-1)), (r.ItemCount, r.DoneOn));
    }
}
