using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-2: how the compliance page reads the rule's figures: complete, on pace, behind pace, and a shortfall.</summary>
public sealed class StudyStandingTests
{
    private static readonly StudyRequirement CentralGroup = new("team", "centralGroup", StudyPer.Year, StudyUnit.Hours, 40);

    private static StudyRequirementStatus AtYearEnd(decimal hours) =>
        StudyCompliance.Evaluate(CentralGroup, null, [StudyTime.Session("centralGroup", D("2025-06-01"), hours)], D("2025-12-31"));

    [Theory]
    [InlineData(39.5, StudyProgress.BehindPace)]
    [InlineData(40, StudyProgress.Complete)]
    public void AtTheYearsEnd_39Point5Of40IsBehindPace_40IsComplete(decimal hours, StudyProgress progress) =>
        Assert.Equal(progress, AtYearEnd(hours).Progress());

    [Theory]
    [InlineData("2025-06-29", StudyProgress.OnPace)]
    [InlineData("2025-06-30", StudyProgress.BehindPace)]
    public void MidYear_MissingButUpToTheMinimumsShare_IsOnPace(string asOf, StudyProgress progress)
    {
        // 19.8 hours × 365 = 7227: at least 40 × 180 (29 June, the 180th day) = 7200, less than 40 × 181 = 7240.
        var status = StudyCompliance.Evaluate(CentralGroup, null, [StudyTime.Session("centralGroup", D("2025-01-05"), 19.8m)], D(asOf));
        Assert.Equal(progress, status.Progress());
    }

    [Theory]
    [InlineData(ExamState.Ok, false)]
    [InlineData(ExamState.MakeUpDue, true)]
    [InlineData(ExamState.Suspended, true)]
    public void Shortfall_ExamNotOk_OrARequirementBehindPace(ExamState exam, bool shortfall)
    {
        Assert.Equal(shortfall, StudyStanding.IsShortfall([AtYearEnd(40)], exam));
        Assert.True(StudyStanding.IsShortfall([AtYearEnd(40), AtYearEnd(39.5m)], ExamState.Ok));
    }
}
