using Dangjian.Domain.Supervision;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Supervision;

/// <summary>SUP-3: economic-responsibility audits — planned, carried out, findings rectified — and who left a post without a departure audit.</summary>
public sealed class EconomicAuditTests
{
    private static readonly DateOnly Today = D("2027-06-30");

    private static EconomicAudit Departure(int person, int organization, string from, string to) =>
        EconomicAudit.Plan(person, organization, EconomicAuditKind.Departure, D(from), D(to), D(to));

    [Fact]
    public void LeftWithoutDepartureAudit_OnTheLastDay_StillInPost_TheDayAfter_Listed()
    {
        LeaderSeatEnd seat = new(7, 4, D("2027-03-31"));

        Assert.Empty(EconomicAudits.LeftWithoutDepartureAudit([seat], [], D("2027-03-31")));
        Assert.Equal([seat], EconomicAudits.LeftWithoutDepartureAudit([seat], [], D("2027-04-01")));
    }

    [Fact]
    public void LeftWithoutDepartureAudit_APlannedDepartureAuditOverTheLastDay_Covers_OneEndingTheDayBefore_DoesNot()
    {
        LeaderSeatEnd seat = new(7, 4, D("2027-03-31"));

        Assert.Empty(EconomicAudits.LeftWithoutDepartureAudit([seat], [Departure(7, 4, "2022-04-01", "2027-03-31")], Today));
        Assert.Equal([seat], EconomicAudits.LeftWithoutDepartureAudit([seat], [Departure(7, 4, "2022-04-01", "2027-03-30")], Today));
        Assert.Equal([seat], EconomicAudits.LeftWithoutDepartureAudit([seat], [Departure(7, 4, "2027-04-01", "2027-06-30")], Today));
    }

    [Fact]
    public void LeftWithoutDepartureAudit_AnInTermAudit_AnotherOrganization_OrAnotherLeader_DoesNotCover()
    {
        LeaderSeatEnd seat = new(7, 4, D("2027-03-31"));
        EconomicAudit[] others =
        [
            EconomicAudit.Plan(7, 4, EconomicAuditKind.InTerm, D("2022-04-01"), D("2027-03-31"), D("2027-01-01")),
            Departure(7, 5, "2022-04-01", "2027-03-31"),
            Departure(8, 4, "2022-04-01", "2027-03-31"),
        ];

        Assert.Equal([seat], EconomicAudits.LeftWithoutDepartureAudit([seat], others, Today));
    }

    [Fact]
    public void LeftWithoutDepartureAudit_InOrderOfLeaving_EachSeatOnce()
    {
        LeaderSeatEnd a = new(9, 4, D("2027-05-01"));
        LeaderSeatEnd b = new(8, 4, D("2027-02-01"));
        LeaderSeatEnd c = new(3, 6, D("2027-05-01"));

        Assert.Equal([b, c, a], EconomicAudits.LeftWithoutDepartureAudit([a, b, c, a], [], Today));
    }

    [Fact]
    public void Audit_PlannedStartedFindingsCompletedRectified()
    {
        var audit = EconomicAudit.Plan(7, 4, EconomicAuditKind.InTerm, D("2025-01-01"), D("2026-12-31"), D("2027-03-01"));
        audit.Start(D("2027-03-02"), Today);
        var f1 = audit.AddFinding("招待费超标");
        var f2 = audit.AddFinding("专项资金未专户管理");
        audit.Complete("基本履行经济责任", D("2027-04-15"), Today);
        Assert.False(audit.IsRectified);

        audit.Rectify(f1, "已退回超标部分", D("2027-05-01"), Today);
        Assert.False(audit.IsRectified);
        audit.Rectify(f2, "已设专户", D("2027-04-15"), Today);

        Assert.True(audit.IsRectified);
        Assert.Equal(("已退回超标部分", D("2027-05-01")), (f1.Measure, f1.RectifiedOn!.Value));
        Assert.Equal(("EconomicAudit.FindingRectified", "findingId"), Pair(Refused(() => audit.Rectify(f1, "再次", Today, Today))));
    }

    [Fact]
    public void Steps_OutOfOrder_Refused()
    {
        var audit = EconomicAudit.Plan(7, 4, EconomicAuditKind.InTerm, D("2025-01-01"), D("2026-12-31"), D("2027-03-01"));
        var stray = new AuditFinding { Text = "x" };
        Assert.Equal(("EconomicAudit.OutOfOrder", "status"), Pair(Refused(() => audit.AddFinding("x"))));
        Assert.Equal(("EconomicAudit.OutOfOrder", "status"), Pair(Refused(() => audit.Complete("x", Today, Today))));
        Assert.Equal(("EconomicAudit.OutOfOrder", "status"), Pair(Refused(() => audit.Rectify(stray, "x", Today, Today))));

        audit.Start(D("2027-03-01"), Today);
        var found = audit.AddFinding("x");
        Assert.Equal(("EconomicAudit.OutOfOrder", "status"), Pair(Refused(() => audit.Start(Today, Today))));
        Assert.Equal(("EconomicAudit.OutOfOrder", "status"), Pair(Refused(() => audit.Rectify(found, "x", Today, Today))));

        audit.Complete("结论", Today, Today);
        Assert.Equal(("EconomicAudit.OutOfOrder", "status"), Pair(Refused(() => audit.Start(Today, Today))));
        Assert.Equal(("EconomicAudit.OutOfOrder", "status"), Pair(Refused(() => audit.AddFinding("y"))));
        Assert.Equal(("EconomicAudit.OutOfOrder", "status"), Pair(Refused(() => audit.Complete("x", Today, Today))));
        Assert.Equal(("Input.Invalid", "findingId"), Pair(Refused(() => audit.Rectify(stray, "x", Today, Today))));
    }

    [Fact]
    public void Steps_AreDatedBetweenThePreviousStepAndToday()
    {
        var audit = EconomicAudit.Plan(7, 4, EconomicAuditKind.InTerm, D("2025-01-01"), D("2026-12-31"), D("2027-03-01"));
        Assert.Equal(("Supervision.InFuture", "on"), Pair(Refused(() => audit.Start(Today.AddDays(1), Today))));
        audit.Start(D("2027-03-10"), Today);
        var f = audit.AddFinding("x");
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => audit.Complete("结论", D("2027-03-09"), Today))));
        audit.Complete("结论", D("2027-03-10"), Today);
        Assert.Equal(("Supervision.BeforePrevious", "on"), Pair(Refused(() => audit.Rectify(f, "改", D("2027-03-09"), Today))));
        Assert.Equal(("Supervision.InFuture", "on"), Pair(Refused(() => audit.Rectify(f, "改", Today.AddDays(1), Today))));
        Assert.Null(f.RectifiedOn);
    }

    [Fact]
    public void Plan_APeriodOfOneDay_Accepted_Reversed_Refused_AndEveryFieldNamed()
    {
        Assert.Equal(D("2027-01-01"), EconomicAudit.Plan(7, 4, EconomicAuditKind.Departure, D("2027-01-01"), D("2027-01-01"), Today).PeriodTo);
        Assert.Equal(("EconomicAudit.PeriodReversed", "periodTo"),
            Pair(Refused(() => EconomicAudit.Plan(7, 4, EconomicAuditKind.Departure, D("2027-01-01"), D("2026-12-31"), Today))));
        Assert.Equal(("Input.Required", "personId"), Pair(Refused(() => EconomicAudit.Plan(0, 4, EconomicAuditKind.InTerm, Today, Today, Today))));
        Assert.Equal(("Input.Required", "organizationId"), Pair(Refused(() => EconomicAudit.Plan(7, 0, EconomicAuditKind.InTerm, Today, Today, Today))));
        Assert.Equal(("Input.Invalid", "kind"), Pair(Refused(() => EconomicAudit.Plan(7, 4, (EconomicAuditKind)3, Today, Today, Today))));
        Assert.Equal("plannedOn", Refused(() => EconomicAudit.Plan(7, 4, EconomicAuditKind.InTerm, Today, Today, D("1899-12-31"))).Field);
    }

    [Fact]
    public void IsRectified_ACompletedAuditWithNoFindings_Yes_AnUnfinishedOne_No()
    {
        var audit = EconomicAudit.Plan(7, 4, EconomicAuditKind.InTerm, D("2025-01-01"), D("2026-12-31"), D("2027-03-01"));
        audit.Start(D("2027-03-01"), Today);
        Assert.False(audit.IsRectified);

        audit.Complete("无问题", D("2027-03-02"), Today);
        Assert.True(audit.IsRectified);
    }
}
