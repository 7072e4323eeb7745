using Dangjian.Data.Evaluations;
using Dangjian.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Evaluations;

/// <summary>
/// The seeded criteria templates (EVA-1, EVA-10, EVA-9): a fresh database gets all three, the secretaries' written from
/// <see cref="SecretaryAssessment.Criteria"/>; a database seeded before the secretaries' template existed gets it added
/// on the next start, without touching an edited template; a further run adds nothing.
/// </summary>
public sealed class EvaluationTemplateSeedTests
{
    [Fact]
    public async Task Ensure_OnAFreshDatabase_AddsTheThreeTemplates_TheSecretariesFromTheIndicators()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.Open();

        Assert.Equal(3, await EvaluationTemplateSeed.EnsureAsync(db));

        var secretaries = await db.EvaluationTemplates.AsNoTracking().SingleAsync(t => t.Name == EvaluationTemplateSeed.SecretaryName);
        Assert.Equal(CampaignJson.Write(SecretaryAssessment.Criteria), secretaries.CriteriaJson);
        Assert.Equal(4, CampaignJson.Criteria(secretaries.CriteriaJson).Dimensions.Count);
    }

    [Fact]
    public async Task Ensure_OnAnExistingDatabase_AddsTheMissingSecretariesTemplate_KeepsAnEdit_ThenAddsNothing()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            // A district that started before the secretaries' template: the two older ones, one edited by its admin.
            db.EvaluationTemplates.Add(new EvaluationTemplate { Name = EvaluationTemplateSeed.DefaultName, CriteriaJson = CampaignJson.Write(EvaluationCriteria.MemberReview) });
            db.EvaluationTemplates.Add(new EvaluationTemplate { Name = EvaluationTemplateSeed.MemberReviewName, CriteriaJson = CampaignJson.Write(EvaluationCriteria.MemberReview) });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            Assert.Equal(1, await EvaluationTemplateSeed.EnsureAsync(db));
        }

        await using (var db = database.Open())
        {
            Assert.Equal(0, await EvaluationTemplateSeed.EnsureAsync(db));
            var templates = await db.EvaluationTemplates.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.CriteriaJson);
            Assert.Equal(3, templates.Count);
            Assert.Equal(CampaignJson.Write(EvaluationCriteria.MemberReview), templates[EvaluationTemplateSeed.DefaultName]);
            Assert.Equal(CampaignJson.Write(SecretaryAssessment.Criteria), templates[EvaluationTemplateSeed.SecretaryName]);
        }
    }
}
