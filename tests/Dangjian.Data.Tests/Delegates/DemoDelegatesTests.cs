using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Delegates;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Delegates;

/// <summary>
/// The demo's congress term: a delegation per township, the demo member holding a seat, and proposals at every step, one of
/// them rated 不满意 and back in handling with both rounds' answers kept; the member has an answer of theirs to rate.
/// </summary>
public sealed class DemoDelegatesTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    [Fact]
    public async Task Demo_OneTermADelegationPerTownship_TheMemberSeated_ProposalsAtEveryStep()
    {
        await using var db = district.Database.Open();
        var term = await db.CongressTerms.AsNoTracking().SingleAsync();
        Assert.Equal(district.Result.DistrictId, term.OrganizationId);
        Assert.Equal(district.Result.TownshipIds.Count, await db.Delegations.CountAsync(d => d.TermId == term.Id));
        Assert.InRange(await db.DelegateSeats.CountAsync(s => s.Status == DelegateStatus.Serving), 30, 50);
        Assert.True(await db.DelegateSeats.AnyAsync(s => s.PersonId == district.Result.SampleMemberPersonId && s.Status == DelegateStatus.Serving));

        var proposals = await db.Proposals.AsNoTracking().Include(p => p.Proposers).Include(p => p.Answers).Include(p => p.Ratings).ToListAsync();
        Assert.Equal(Enum.GetValues<ProposalStatus>().Order(), proposals.Select(p => p.Status).Distinct().Order());
        var back = Assert.Single(proposals, p => p.HandlingRound == 2);
        Assert.Equal(ProposalStatus.Assigned, back.Status);
        Assert.Contains(back.Ratings, r => r.Rating == ProposalRating.Unsatisfied);
        Assert.Contains(proposals, p => p.Status == ProposalStatus.Answered && p.AwaitingRating().Contains(district.Result.SampleMemberPersonId));
        Assert.Contains(proposals, p => p.IsOverdueOn(SeededDistrictFixture.Today));

        // Every row of the module is audited once as created.
        var created = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "Created").GroupBy(a => a.EntityType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(
            [1, district.Result.TownshipIds.Count, await db.DelegateSeats.CountAsync(), proposals.Count, proposals.Sum(p => p.Proposers.Count), proposals.Sum(p => p.Answers.Count), proposals.Sum(p => p.Ratings.Count)],
            new[] { "CongressTerm", "Delegation", "DelegateSeat", "Proposal", "ProposalProposer", "ProposalAnswer", "ProposalRatingEntry" }.Select(t => created.GetValueOrDefault(t)));
    }

    [Fact]
    public async Task Demo_Duties_PublishedActivitiesWithAttendance_AWorkReport_AnInquiryAnswered_ARecallRefusedBelowItsThreshold()
    {
        await using var db = district.Database.Open();
        var activities = await db.DelegateActivities.AsNoTracking().Include(a => a.Attendance).ToListAsync();
        Assert.Equal(Enum.GetValues<DelegateActivityKind>().Order(), activities.Select(a => a.Kind).Distinct().Order());
        Assert.Contains(activities, a => !a.Published && a.HeldOn > SeededDistrictFixture.Today);
        Assert.All(activities.Where(a => a.Published), a => Assert.NotEmpty(a.Attendance));
        Assert.Contains(activities.SelectMany(a => a.Attendance), x => !x.Present && x.AbsenceReason is not null);
        Assert.Contains(activities.SelectMany(a => a.Attendance), x => x.PersonId == district.Result.SampleMemberPersonId);
        var report = await db.DelegateWorkReports.AsNoTracking().SingleAsync();
        Assert.Contains(activities, a => a.Id == report.ActivityId && a.Kind == DelegateActivityKind.RegularMeeting);

        var motions = await db.DelegateMotions.AsNoTracking().Include(m => m.Signers).ToListAsync();
        var inquiry = Assert.Single(motions, m => m.Kind == MotionKind.Inquiry);
        Assert.Equal(MotionStatus.Answered, inquiry.Status);
        Assert.NotNull(inquiry.AnswerText);
        var recall = Assert.Single(motions, m => m.Kind == MotionKind.Recall);
        Assert.Equal(MotionStatus.Refused, recall.Status);
        Assert.True(recall.SignersCounted < recall.SignersRequired);
        Assert.Equal(recall.Signers.Count, recall.SignersCounted);
    }
}
