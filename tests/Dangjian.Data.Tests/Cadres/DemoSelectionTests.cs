using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Cadres.Selection;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Cadres;

/// <summary>
/// The demo's selection cases: one at inspection, one in publicity today (the public page shows it) with an answered
/// objection, one appointed and on probation; and certificates, one expired. Traces in order, never back-dated.
/// </summary>
public sealed class DemoSelectionTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_FourCases_AtInspection_InPublicityToday_OnProbation_StoppedByAnUpheldObjection_AndOneExpiredCertificate()
    {
        await using var db = district.Database.Open();
        var cases = await db.SelectionCases.AsNoTracking().Include(c => c.Trace).Include(c => c.Candidates).Include(c => c.Team).Include(c => c.Objections).ToListAsync();

        var stopped = Assert.Single(cases, c => c.StoppedAt is not null);
        Assert.Equal(ObjectionOutcome.Upheld, Assert.Single(stopped.Objections).Outcome);
        Assert.Null(stopped.AppointedOn);
        Assert.Equal([SelectionPhase.Inspecting, SelectionPhase.InPublicity, SelectionPhase.Appointed], cases.Where(c => c.StoppedAt is null).Select(c => c.Phase).Order());
        var publicity = cases.Single(c => c.Phase == SelectionPhase.InPublicity && c.StoppedAt is null);
        Assert.True(publicity.PublicityRunsOn(Today));
        Assert.Single(publicity.Candidates, x => x.Chosen);
        Assert.All(publicity.Objections, o => Assert.False(o.IsOpen));
        var probation = cases.Single(c => c.Phase == SelectionPhase.Appointed);
        Assert.True(probation.AppointedOn < Today && probation.ProbationLastDay > Today);
        Assert.All(cases, c =>
        {
            var trace = c.Trace.OrderBy(e => e.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, trace.Count), trace.Select(e => e.Sequence));
            Assert.True(trace.Zip(trace.Skip(1)).All(p => p.First.At <= p.Second.At));
            Assert.Equal(2, c.Team.Count);
        });

        var certificates = await db.InspectionQualifications.AsNoTracking().ToListAsync();
        Assert.Equal(5, certificates.Count);
        Assert.Single(certificates, q => !q.IsValidOn(Today));
    }
}
