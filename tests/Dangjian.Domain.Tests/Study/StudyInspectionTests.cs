using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-4: 调阅 by the superior organization (seed 000, 一: 分季度调阅学习笔记、按月查阅学习心得) and who is still to be inspected.</summary>
public sealed class StudyInspectionTests
{
    private static readonly DateOnly Today = D("2026-12-31");
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 2, 0, 0, TimeSpan.Zero);

    private static StudyInspection Held(string date, StudyInspectionKind kind = StudyInspectionKind.Notes, params int[] people)
    {
        var i = StudyInspection.Open(3, 1, kind, D(date), "王芳", Today);
        foreach (var p in people)
        {
            i.AddFinding(p, true, null);
        }

        return i;
    }

    [Theory]
    [InlineData("2026-03-31", "2026-01-01", "2026-03-31")]
    [InlineData("2026-04-01", "2026-04-01", "2026-06-30")]
    [InlineData("2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData("2026-01-01", "2026-01-01", "2026-03-31")]
    public void PeriodOf_Notes_IsTheCalendarQuarter(string day, string start, string end) =>
        Assert.Equal(new StudyPeriod(D(start), D(end)), StudyInspections.PeriodOf(StudyInspectionKind.Notes, D(day)));

    [Theory]
    [InlineData("2028-02-29", "2028-02-01", "2028-02-29")]
    [InlineData("2026-03-01", "2026-03-01", "2026-03-31")]
    public void PeriodOf_Reflections_IsTheMonth(string day, string start, string end) =>
        Assert.Equal(new StudyPeriod(D(start), D(end)), StudyInspections.PeriodOf(StudyInspectionKind.Reflections, D(day)));

    [Fact]
    public void NotInspected_AnInspectionOnMarch31_CountsForTheFirstQuarter_NotTheSecond()
    {
        StudyInspection[] held = [Held("2026-03-31", StudyInspectionKind.Notes, 1, 2)];

        Assert.Equal([3], StudyInspections.NotInspected([1, 2, 3], held, StudyInspectionKind.Notes, D("2026-03-31")));
        Assert.Equal([1, 2, 3], StudyInspections.NotInspected([1, 2, 3], held, StudyInspectionKind.Notes, D("2026-04-01")));
    }

    [Fact]
    public void NotInspected_AnInspectionOnApril1_CountsForTheSecondQuarter_NotTheFirst()
    {
        StudyInspection[] held = [Held("2026-04-01", StudyInspectionKind.Notes, 1)];

        Assert.Equal([2], StudyInspections.NotInspected([1, 2], held, StudyInspectionKind.Notes, D("2026-06-30")));
        Assert.Equal([1, 2], StudyInspections.NotInspected([1, 2], held, StudyInspectionKind.Notes, D("2026-03-31")));
    }

    [Fact]
    public void NotInspected_OnlyInspectionsOfTheKind_AndReflectionsByTheMonth()
    {
        StudyInspection[] held = [Held("2026-05-31", StudyInspectionKind.Reflections, 1)];

        Assert.Equal([1, 2], StudyInspections.NotInspected([1, 2], held, StudyInspectionKind.Notes, D("2026-05-31")));
        Assert.Equal([2], StudyInspections.NotInspected([1, 2, 2], held, StudyInspectionKind.Reflections, D("2026-05-01")));
        Assert.Equal([1, 2], StudyInspections.NotInspected([1, 2], held, StudyInspectionKind.Reflections, D("2026-06-01")));
    }

    [Fact]
    public void AddFinding_OncePerPerson_AnUnsatisfactoryOneSaysWhy()
    {
        var i = Held("2026-05-31", StudyInspectionKind.Notes, 1);

        Assert.Equal(("Study.AlreadyInspected", "personId"), Pair(Refused(() => i.AddFinding(1, false, "笔记空白"))));
        Assert.Equal(("Input.Required", "text"), Pair(Refused(() => i.AddFinding(2, false, " "))));
        Assert.Single(i.Findings);
        Assert.Equal("笔记空白", i.AddFinding(2, false, "笔记空白").Text);
    }

    [Fact]
    public void Complete_NeedsAFinding_ThenNothingMoreIsAdded()
    {
        var i = Held("2026-05-31");
        Assert.Equal(("Study.NoFindings", "findings"), Pair(Refused(() => i.Complete(Now))));

        i.AddFinding(1, true, null);
        i.Complete(Now);

        Assert.Equal(StudyInspectionStatus.Completed, i.Status);
        Assert.Equal(("Study.InspectionCompleted", "status"), Pair(Refused(() => i.AddFinding(2, true, null))));
        Assert.Equal("status", Refused(() => i.Complete(Now)).Field);
    }

    [Fact]
    public void Open_Today_Accepted_Tomorrow_Refused_ByItself_Refused()
    {
        Assert.Equal(Today, StudyInspection.Open(3, 1, StudyInspectionKind.Notes, Today, "王芳", Today).Date);
        Assert.Equal(("Study.InFuture", "date"), Pair(Refused(() => StudyInspection.Open(3, 1, StudyInspectionKind.Notes, Today.AddDays(1), "王芳", Today))));
        Assert.Equal("inspectorOrganizationId", Refused(() => StudyInspection.Open(3, 3, StudyInspectionKind.Notes, Today, "王芳", Today)).Field);
        Assert.Equal("inspectorName", Refused(() => StudyInspection.Open(3, 1, StudyInspectionKind.Notes, Today, "", Today)).Field);
    }
}
