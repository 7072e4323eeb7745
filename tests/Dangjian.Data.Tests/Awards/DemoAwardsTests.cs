using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Awards;
using Dangjian.Domain.Cadres;
using Dangjian.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Awards;

/// <summary>
/// The demo's 评先评优 (EVA-11) and secretaries' assessment (EVA-9): last year's selection awarded with its records, one
/// nominee refused with the reason kept, an objection answered; and a secretary rated poor in two consecutive years.
/// </summary>
public sealed class DemoAwardsTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_LastYearsSelection_Awarded_OneRefusedWithItsReason_RecordsForTheChosen()
    {
        await using var db = district.Database.Open();
        var s = await db.AwardSelections.AsNoTracking().Include(x => x.Nominations).Include(x => x.Objections).SingleAsync();
        Assert.Equal((Today.Year - 1, AwardSelectionStatus.Awarded), (s.Year, s.Status));
        var refused = Assert.Single(s.Nominations, n => n.Eligibility == NominationEligibility.Refused);
        Assert.Equal(["Award.Refused.Probationary"], refused.Refusals);
        Assert.False(refused.Chosen);
        var records = await db.AwardRecords.AsNoTracking().Where(r => r.SelectionId == s.Id).ToListAsync();
        Assert.Equal(s.Nominations.Where(n => n.Chosen).Select(n => n.Id).Order(), records.Select(r => r.NominationId).Order());
        Assert.Contains(records, r => r.Category == AwardCategory.AdvancedOrganization && r.NomineeOrganizationId is not null);
        Assert.True(s.AwardedOn > s.PublicityTo);
        Assert.All(s.Objections, o => Assert.False(o.Upheld));
    }

    [Fact]
    public async Task Demo_ASecretary_RatedPoorTwoYearsRunning_IsFlagged()
    {
        await using var db = district.Database.Open();
        var grades = await db.EvaluationResults.AsNoTracking()
            .Join(db.EvaluationSubjects, r => r.SubjectId, x => x.Id, (r, x) => new { r.Grade, r.CampaignId, x.PersonId })
            .Join(db.EvaluationCampaigns.Where(c => c.Kind == CampaignKind.SecretaryAssessment), x => x.CampaignId, c => c.Id, (x, c) => new { x.PersonId, c.Year, x.Grade })
            .ToListAsync();
        var flagged = grades.GroupBy(g => g.PersonId)
            .Where(g => SecretaryFlags.For(g.Select(x => new AnnualGrade(x.Year, x.Grade)), SecretaryExitRules.Default, Today.Year - 1) is not null)
            .ToList();
        Assert.Single(flagged);
        Assert.True(grades.Select(g => g.PersonId).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Demo_SecretariesList_HasOneFlaggedAndTheOthersNot_RankedByComposite()
    {
        await using var db = district.Database.Open();
        var results = await db.EvaluationResults.AsNoTracking()
            .Join(db.EvaluationSubjects, r => r.SubjectId, x => x.Id, (r, x) => new { r.Grade, r.Composite, r.Rank, r.CampaignId, x.PersonId })
            .Join(db.EvaluationCampaigns.Where(c => c.Kind == CampaignKind.SecretaryAssessment), x => x.CampaignId, c => c.Id, (x, c) => new { x.PersonId, c.Year, x.Grade, x.Composite, x.Rank, x.CampaignId })
            .ToListAsync();
        var flags = results.GroupBy(g => g.PersonId)
            .Select(g => SecretaryFlags.For(g.Select(x => new AnnualGrade(x.Year, x.Grade)), SecretaryExitRules.Default, g.Max(x => x.Year)))
            .ToList();
        Assert.Single(flags, f => f is not null);
        Assert.Contains(flags, f => f is null);
        Assert.All(results, r => Assert.Equal(1 + results.Count(o => o.CampaignId == r.CampaignId && o.Composite > r.Composite), r.Rank));
    }
}
