using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Supervision;

/// <summary>
/// The demo's notices, audits and cadre cases have the shape the pages show: notices in every state with one overdue
/// today and one waiting in the sample secretary's branch; two audits; a decided exit case; about twenty supervisors
/// with units, some owing last quarter's report; an accountability case with no selection link.
/// </summary>
public sealed class DemoSupervisionTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_NoticesInEveryState_OneOverdue_TwoAudits()
    {
        await using var db = district.Database.Open();
        var notices = await db.RectificationNotices.AsNoTracking().ToListAsync();
        var audits = await db.EconomicAudits.AsNoTracking().Include(a => a.Findings).ToListAsync();

        Assert.Equal(Enum.GetValues<RectificationNoticeStatus>(), notices.Select(n => n.Status).Distinct().Order());
        Assert.NotEmpty(RectificationNotices.Overdue(notices, Today));
        Assert.Contains(notices, n => n.Returns == 1 && n.Status == RectificationNoticeStatus.Verified);
        Assert.Equal([EconomicAuditStatus.Planned, EconomicAuditStatus.Completed], audits.Select(a => a.Status).Order());
        Assert.Contains(audits, a => a.Status == EconomicAuditStatus.Completed && !a.IsRectified);
    }

    [Fact]
    public async Task Demo_CadreCases_TwentySupervisors_SomeOwingAReport_AnUnlinkedAccountabilityCase()
    {
        await using var db = district.Database.Open();
        var supervisors = await db.WorkSupervisors.AsNoTracking().Include(s => s.Units).Include(s => s.Reports).ToListAsync();
        var exits = await db.ExitCases.AsNoTracking().ToListAsync();
        var accountability = await db.AccountabilityCases.AsNoTracking().ToListAsync();

        Assert.Equal(20, supervisors.Count);
        Assert.All(supervisors, s => Assert.NotEmpty(s.Units));
        Assert.Contains(supervisors, s => s.Reports.Count > 0);
        Assert.NotEmpty(SupervisorReports.Overdue(supervisors, SupervisorRules.Defaults, Today));
        Assert.Contains(exits, e => e.Status == ExitStatus.Decided && e.Kind == ExitKind.ResignationForFault);
        Assert.Null(Assert.Single(accountability).SelectionCaseId);
    }
}
