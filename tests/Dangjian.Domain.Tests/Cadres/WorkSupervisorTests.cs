using Dangjian.Domain.Cadres;
using Dangjian.Domain.Common;
using static Dangjian.Domain.Tests.Cadres.ReserveCadreTests;

namespace Dangjian.Domain.Tests.Cadres;

/// <summary>CAD-7: cadre-work supervisors, their units and periodic reports (seed 004, 三 (三) 干部工作监督员制度).</summary>
public sealed class WorkSupervisorTests
{
    private static readonly SupervisorRules Rules = SupervisorRules.Defaults;

    private static WorkSupervisor Appoint(int person = 7, string on = "2026-01-05") => WorkSupervisor.Appoint(person, 1, D(on), [], Today);

    private static DomainRuleException Refused(Action act) => Assert.Throws<DomainRuleException>(act);

    [Fact]
    public void Appoint_APersonAlreadyServing_IsRefused_AfterTheEnd_Accepted()
    {
        var first = Appoint();

        Assert.Equal("Cadre.SupervisorTwice", Refused(() => WorkSupervisor.Appoint(7, 1, D("2026-02-01"), [first], Today)).Code);
        first.End(D("2026-03-31"), Today);
        Assert.True(WorkSupervisor.Appoint(7, 1, D("2026-04-01"), [first], Today).IsActive);
    }

    [Fact]
    public void Units_AttachedOnce_DetachedOnlyIfAttached_NotAfterTheEnd()
    {
        var s = Appoint();
        s.AttachUnit(10);
        s.AttachUnit(11);

        Assert.Equal("Cadre.UnitAttachedTwice", Refused(() => s.AttachUnit(10)).Code);
        s.DetachUnit(10);
        Assert.Equal("Cadre.UnitNotAttached", Refused(() => s.DetachUnit(10)).Code);
        Assert.Equal([11], s.Units.Select(u => u.UnitId));

        s.End(D("2026-06-30"), Today);
        Assert.Equal("Cadre.SupervisorEnded", Refused(() => s.AttachUnit(12)).Code);
    }

    [Fact]
    public void AddReport_OnePerPeriod()
    {
        var s = Appoint();
        s.AddReport(2026, 1, "联系单位干部总体情况良好", D("2026-04-03"), Rules, Today);

        var ex = Refused(() => s.AddReport(2026, 1, "补充", D("2026-04-05"), Rules, Today));

        Assert.Equal(("Cadre.ReportPeriodTwice", "period"), (ex.Code, ex.Field));
        Assert.Single(s.Reports);
    }

    [Theory]
    [InlineData("2026-03-31", "Cadre.ReportBeforePeriod")] // the second quarter begins on 04-01
    [InlineData("2026-07-01", "Cadre.DayInFuture")]
    public void AddReport_BeforeItsPeriodOrAfterToday_IsRefused(string on, string code)
    {
        var ex = Refused(() => Appoint().AddReport(2026, 2, "情况", D(on), Rules, Today));

        Assert.Equal(code, ex.Code);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void AddReport_APeriodTheRulesDoNotHave_IsRefused(int period, bool accepted)
    {
        var s = Appoint(7, "2025-01-02");

        if (accepted)
        {
            Assert.Equal(period, s.AddReport(2025, period, "情况", D("2025-12-31"), Rules, Today).Period);
        }
        else
        {
            Assert.Equal(("Input.OutOfRange", "period"), Refused(() => s.AddReport(2025, period, "情况", D("2025-12-31"), Rules, Today)) is var ex ? (ex.Code, ex.Field) : default);
        }
    }

    [Theory]
    [InlineData("2026-04-10", 0)] // the first quarter's report is due on 04-10 (03-31 + 10 days)
    [InlineData("2026-04-11", 1)]
    public void Overdue_APeriodIsOverdueTheDayAfterItsDueDay(string asOf, int overdue)
    {
        var list = SupervisorReports.Overdue([Appoint()], Rules, D(asOf));

        Assert.Equal(overdue, list.Count);
        if (overdue == 1)
        {
            Assert.Equal(new OverdueReport(7, 2026, 1, D("2026-04-10")), list[0]);
        }
    }

    [Theory]
    [InlineData("2025-12-31", 2)] // serving on the fourth quarter's last day: that quarter is owed
    [InlineData("2026-01-01", 1)]
    public void Overdue_APeriodCountsWhenTheAppointmentReachesIt(string appointedOn, int overdue) =>
        Assert.Equal(overdue, SupervisorReports.Overdue([Appoint(7, appointedOn)], Rules, Today).Count);

    [Fact]
    public void Overdue_LeavesOutReportedPeriods_PeriodsBeforeTheAppointment_AndThoseNoLongerServing()
    {
        var reported = Appoint(7, "2025-11-15");
        reported.AddReport(2025, 4, "情况", D("2026-01-05"), Rules, Today);
        var ended = Appoint(8, "2025-01-02");
        ended.End(D("2026-06-01"), Today);

        var list = SupervisorReports.Overdue([reported, ended], Rules, Today);

        Assert.Equal([new OverdueReport(7, 2026, 1, D("2026-04-10"))], list);
    }

    [Theory]
    [InlineData(5, 10, "reportMonths")]
    [InlineData(3, -1, "graceDays")]
    [InlineData(3, 91, "graceDays")]
    public void Rules_Demand_RefusesPeriodsThatDoNotDivideTheYear_AndGraceOutOfRange(int months, int grace, string field) =>
        Assert.Equal(field, Refused(() => new SupervisorRules(months, grace).Demand()).Field);

    [Fact]
    public void Rules_Defaults_PassTheirOwnCheck() => Rules.Demand();
}
