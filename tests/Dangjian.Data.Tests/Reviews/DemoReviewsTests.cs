using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Reviews;

/// <summary>
/// The demo's two 复盘 in township A: the sample branch's latest held committee meeting and the township's campaign of
/// public commitments of last year, each attached to a record of its own organization, fully written in the four steps.
/// </summary>
public sealed class DemoReviewsTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_TwoReviewsInTownshipA_OfAHeldMeetingAndLastYearsCommitments_EveryStepWritten()
    {
        await using var db = district.Database.Open();
        var reviews = await db.WorkReviews.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, reviews.Count);

        var meetingReview = Assert.Single(reviews, r => r.SubjectKind == ReviewSubjectKind.Meeting);
        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == meetingReview.SubjectId);
        Assert.Equal((district.Result.SampleBranchId, MeetingStatus.Closed), (meeting.OrganizationId, meeting.Status));
        Assert.Equal(district.Result.SampleBranchId, meetingReview.OrganizationId);
        Assert.InRange(meetingReview.HeldOn, meeting.Date, Today);

        var campaignReview = Assert.Single(reviews, r => r.SubjectKind == ReviewSubjectKind.CommitmentCampaign);
        var campaign = await db.CommitmentCampaigns.AsNoTracking().FirstAsync(c => c.Id == campaignReview.SubjectId);
        Assert.Equal((district.Result.TownshipIds[0], Today.Year - 1), (campaign.OrganizationId, campaign.Year));
        Assert.Equal(campaign.OrganizationId, campaignReview.OrganizationId);

        Assert.All(reviews, r =>
        {
            Assert.True(r.HeldOn <= Today);
            Assert.All(
                new[] { r.Title, r.Summary, r.Participants, r.Place, r.Purpose, r.SpecificGoals, r.Variance, r.HighlightsAndShortfalls, r.SuccessFactors, r.FailureFactors, r.Lessons, r.Improvements, r.Application },
                text => Assert.False(string.IsNullOrWhiteSpace(text)));
        });
    }
}
