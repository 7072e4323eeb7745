using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Meetings;

/// <summary>
/// The demo's raised matters (MTG-4) and consultation (MTG-12) in the sample branch: one scheduled on its 支委会 in
/// preparation, one waiting, one mandatory; the major item's consultation ended, with comments (one hidden), a hearing
/// and two expert opinions, so the vote is not held up.
/// </summary>
public sealed class DemoMattersConsultationsTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_SampleBranch_HasAScheduledAWaitingAndAMandatoryMatter_AndAnEndedConsultation()
    {
        await using var db = district.Database.Open();
        var matters = await db.RaisedMatters.AsNoTracking().Where(m => m.OrganizationId == district.Result.SampleBranchId).OrderBy(m => m.Id).ToListAsync();

        var scheduled = Assert.Single(matters, m => m.Status == RaisedMatterStatus.Scheduled);
        Assert.NotNull(scheduled.AgendaItemId);
        Assert.Contains(matters, m => m.Status == RaisedMatterStatus.Raised && !m.Mandatory);
        var mandatory = Assert.Single(matters, m => m.Mandatory);
        Assert.True(DecisionRules.Default.MandatoryAgenda.IsMet(mandatory.SupporterIds.Count, mandatory.TeamSize));

        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Comments).Include(c => c.ExpertOpinions).SingleAsync(c => c.OrganizationId == district.Result.SampleBranchId);
        var item = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == consultation.AgendaItemId);
        Assert.Equal(ItemCategory.Major, item.Category);
        Assert.False(consultation.IsRunningOn(Today));
        Assert.All(consultation.Comments, c => Assert.InRange(c.ReceivedOn, consultation.OpensOn, consultation.ClosesOn));
        Assert.Equal(1, consultation.Comments.Count(c => c.Status == CommentStatus.Hidden));
        Assert.NotNull(consultation.HearingOn);
        Assert.Equal(2, consultation.ExpertOpinions.Count);
    }
}
