using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Supervision;

/// <summary>
/// The demo's report box: cases at every stage from 已提交 to 已办结, each step on or after the one before and none after
/// today, answers where the case was accepted, a result on the concluded one, and a signed name on one case only.
/// </summary>
public sealed class DemoReportsTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_CasesAtEveryStage_StepsInOrder_AnsweredOnceAccepted()
    {
        await using var db = district.Database.Open();
        var cases = await db.ReportBoxCases.AsNoTracking().Include(c => c.Answers).ToListAsync();

        Assert.Equal(Enum.GetValues<ReportCaseStatus>(), cases.Select(c => c.Status).Distinct().Order());
        Assert.All(cases, c =>
        {
            Assert.True(c.LastStepOn <= Today && c.FiledOn <= c.LastStepOn);
            Assert.Equal(c.Status != ReportCaseStatus.Filed, c.Answers.Count > 0);
            Assert.Equal(c.Status == ReportCaseStatus.Concluded, c.Conclusion is not null);
            Assert.Equal(c.SubjectKind == ReportSubjectKind.Cadre, c.CadreName is not null);
            Assert.StartsWith(ReportSecret.CaseNumberPrefix, c.CaseNumber, StringComparison.Ordinal);
        });
        Assert.Single(cases, c => c.ReporterName is not null);
    }
}
