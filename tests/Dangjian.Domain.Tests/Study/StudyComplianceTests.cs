using System.Globalization;
using Dangjian.Domain.Study;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-2: study requirements on both sides of every boundary (seed 000, 二 学时考核).</summary>
public sealed class StudyComplianceTests
{
    private static readonly StudyRequirement CentralGroup = new("team", "centralGroup", StudyPer.Year, StudyUnit.Hours, 40);
    private static readonly StudyRequirement PartySchool = new("team", "partySchool", StudyPer.Term, StudyUnit.Days, 90);
    private static readonly StudyTerm Term = new(D("2024-03-01"), D("2029-02-28"));

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static StudyTime Session(string date, decimal hours) => StudyTime.Session("centralGroup", D(date), hours);

    private static StudyTime Stay(string from, string to) => StudyTime.Span("partySchool", D(from), D(to));

    private static StudyRequirementStatus Check(StudyRequirement r, string asOf, params StudyTime[] records) =>
        StudyCompliance.Evaluate(r, Term, records, D(asOf));

    [Theory]
    [InlineData(39.5, 0.5, true)]
    [InlineData(40, 0, false)]
    [InlineData(40.5, 0, false)]
    public void CentralGroup_AtTheYearsEnd_BehindExactlyWhenHoursAreMissing(decimal hours, decimal missing, bool behind)
    {
        var r = Check(CentralGroup, "2026-12-31", Session("2026-01-05", hours - 4), Session("2026-12-31", 4));

        Assert.Equal((hours, missing, behind), (r.Done, r.Missing, r.BehindPace));
    }

    [Fact]
    public void Hours_CountOnlyTheWindow_FromJanuaryFirstToAsOf()
    {
        var r = Check(CentralGroup, "2026-06-30", Session("2025-12-31", 8), Session("2026-01-01", 2), Session("2026-06-30", 1.5m), Session("2026-07-01", 8));

        Assert.Equal(3.5m, r.Done);
        Assert.Equal(36.5m, r.Missing);
    }

    [Theory]
    [InlineData("2026-04-13", 89, 1, true)]
    [InlineData("2026-04-14", 90, 0, false)]
    public void PartySchool_AtTheTermsEnd_89DaysMissOne_90AreEnough(string secondStayTo, int done, int missing, bool behind)
    {
        // 2025-03-01…04-14 is 45 days; 2026-03-01…04-13 is 44, …04-14 is 45.
        var r = Check(PartySchool, "2029-02-28", Stay("2025-03-01", "2025-04-14"), Stay("2026-03-01", secondStayTo));

        Assert.Equal((done, missing, behind), ((int)r.Done, (int)r.Missing, r.BehindPace));
    }

    [Fact]
    public void PartySchool_OverlappingStays_CountADayOnce()
    {
        // 03-01…03-31 (31 days) and 03-20…04-09 (21 days) share 12 days: 40 distinct days; a stay inside another adds none.
        var r = Check(PartySchool, "2026-06-30", Stay("2025-03-20", "2025-04-09"), Stay("2025-03-01", "2025-03-31"), Stay("2025-03-05", "2025-03-06"));

        Assert.Equal(40m, r.Done);
        Assert.Equal(50m, r.Missing);
    }

    [Fact]
    public void PartySchool_StaysTouchingEndToEnd_AreAllCounted()
    {
        var r = Check(PartySchool, "2026-06-30", Stay("2025-03-01", "2025-03-31"), Stay("2025-04-01", "2025-04-30"));

        Assert.Equal(61m, r.Done);
    }

    [Fact]
    public void PartySchool_AStayAcrossAsOf_CountsOnlyDaysUpToAsOf()
    {
        var r = Check(PartySchool, "2026-06-30", Stay("2026-06-21", "2026-07-20"), Stay("2024-02-20", "2024-03-02"));

        // 06-21…06-30 is 10 days; the stay before the term counts only 03-01 and 03-02.
        Assert.Equal(12m, r.Done);
    }

    [Fact]
    public void TermStartingAfterAsOf_EmptyWindow_NothingDone_NotBehind()
    {
        var later = new StudyTerm(D("2026-07-01"), D("2031-06-30"));

        var r = StudyCompliance.Evaluate(PartySchool, later, [Stay("2026-06-01", "2026-06-30")], D("2026-06-30"));

        Assert.Null(StudyCompliance.Window(new(later.Start, later.End), D("2026-06-30")));
        Assert.Equal((0m, 90m, false), (r.Done, r.Missing, r.BehindPace));
    }

    [Fact]
    public void TermStartingOnAsOf_WindowOfOneDay()
    {
        var r = StudyCompliance.Evaluate(PartySchool, new(D("2026-06-30"), D("2031-06-29")), [Stay("2026-06-01", "2026-06-30")], D("2026-06-30"));

        Assert.Equal(1m, r.Done);
        Assert.False(r.BehindPace);
    }

    [Theory]
    [InlineData("2028-03-01", 1, false)]
    [InlineData("2028-03-01", 0.99, true)]
    [InlineData("2026-03-02", 1, true)]
    [InlineData("2026-03-02", 1.01, false)]
    public void BehindPace_ALeapYearHas366Days(string asOf, decimal done, bool behind)
    {
        // 6 hours a year, 61 days into it: 2028-01-01…03-01 (29 February) and 2026-01-01…03-02 are both 61 days.
        // 2028: 1 × 366 = 6 × 61, on pace (a 365-day year would make it behind); 2026: 1 × 365 < 6 × 61.
        var six = new StudyRequirement("member", "concentrated", StudyPer.Year, StudyUnit.Hours, 6);

        var r = StudyCompliance.Evaluate(six, null, [StudyTime.Session("concentrated", D(asOf).AddDays(-1), done)], D(asOf));

        Assert.Equal(behind, r.BehindPace);
        Assert.Equal(61, StudyCompliance.Window(StudyCompliance.Period(StudyPer.Year, D(asOf), null), D(asOf))!.Value.Days);
    }

    [Fact]
    public void BehindPace_ExactWithHugeNumbers()
    {
        var huge = new StudyRequirement("member", "selfStudy", StudyPer.Year, StudyUnit.Hours, decimal.MaxValue);

        var r = StudyCompliance.Evaluate(huge, null, [StudyTime.Session("selfStudy", D("2026-01-01"), decimal.MaxValue)], D("2026-12-31"));

        Assert.Equal((0m, false), (r.Missing, r.BehindPace));
    }

    [Fact]
    public void Requirements_AreTheRolesInInputOrder_OtherKindsIgnored()
    {
        var member = new StudyRequirement("member", "concentrated", StudyPer.Year, StudyUnit.Hours, 32);

        var r = StudyCompliance.Evaluate("team", Term, [Session("2026-01-05", 4.5m), StudyTime.Session("concentrated", D("2026-01-05"), 8)], [PartySchool, member, CentralGroup], D("2026-06-30"));

        Assert.Equal([PartySchool, CentralGroup], r.Select(s => s.Requirement));
        Assert.Equal(4.5m, r[1].Done);
        Assert.Empty(StudyCompliance.Evaluate("clerk", Term, [], [PartySchool, member], D("2026-06-30")));
    }

    [Fact]
    public void TheIssuesExample_46DaysOnPace_4Point5HoursBehind()
    {
        var r = StudyCompliance.Evaluate("team", Term, [Stay("2025-03-01", "2025-04-15"), Session("2026-01-05", 4.5m)], [PartySchool, CentralGroup], D("2026-06-30"));

        // Term 2024-03-01…2029-02-28: 1826 days; window to 2026-06-30: 852. 46 × 1826 = 83996 ≥ 90 × 852 = 76680.
        Assert.Equal((46m, 44m, false), (r[0].Done, r[0].Missing, r[0].BehindPace));
        // 2026-01-01…06-30: 181 of 365 days. 4.5 × 365 = 1642.5 < 40 × 181 = 7240.
        Assert.Equal((4.5m, 35.5m, true), (r[1].Done, r[1].Missing, r[1].BehindPace));
    }

    [Fact]
    public void TermRequirement_WithoutTerm_OrRecordOfWrongShape_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => StudyCompliance.Evaluate(PartySchool, null, [], D("2026-06-30")));
        Assert.Throws<ArgumentException>(() => StudyCompliance.Evaluate(PartySchool, Term, [new StudyTime("partySchool", Date: D("2026-01-05"), Hours: 8)], D("2026-06-30")));
        Assert.Throws<ArgumentException>(() => StudyCompliance.Evaluate(CentralGroup, Term, [new StudyTime("centralGroup", From: D("2026-01-05"), To: D("2026-01-06"))], D("2026-06-30")));
    }

    [Fact]
    public void Defaults_AreTheSeedsAndThePlans()
    {
        Assert.Equal(
            [("team", "partySchool", 90m), ("team", "centralGroup", 40m), ("team", "selfStudy", 300m), ("team", "concentrated", 56m), ("secretary", "concentrated", 56m), ("member", "concentrated", 32m)],
            StudyDefaults.Requirements.Select(r => (r.Role, r.Kind, r.Min)));
    }
}
