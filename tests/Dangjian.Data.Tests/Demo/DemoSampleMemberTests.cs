using Dangjian.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Demo;

/// <summary>
/// What the demo `member` finds on their own page: measures of their branch's democratic life meeting that they own, open,
/// one of them overdue; others of the branch owning the rest; and a meeting of the branch coming, to which they are invited.
/// </summary>
public sealed class DemoSampleMemberTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    private static readonly DateOnly Today = SeededDistrictFixture.Today;

    [Fact]
    public async Task Demo_SampleMember_OwnsTwoOpenMeasuresOneOverdue_AndTheBranchsOthersOwnTheRest()
    {
        await using var db = district.Database.Open();
        var branch = district.Result.SampleBranchId;
        var member = district.Result.SampleMemberPersonId;
        var seated = district.Teams.Where(t => t.OrganizationId == branch).SelectMany(t => t.Positions).Select(p => p.PersonId).ToHashSet();
        var branchPeople = district.People.Where(p => p.OrganizationId == branch || seated.Contains(p.Id)).Select(p => (p.Id, p.Name)).ToList();
        var measures = await db.DemocraticLifeRectifications.AsNoTracking()
            .Join(db.DemocraticLifeProblems, r => r.ProblemId, p => p.Id, (r, p) => new { r, p.MeetingId })
            .Join(db.DemocraticLifeMeetings.Where(m => m.OrganizationId == branch), x => x.MeetingId, m => m.Id, (x, m) => x.r)
            .ToListAsync();

        var owners = measures.ToLookup(r => RectificationOwnership.OwnerAmong(r.Owner, branchPeople));
        var own = owners[member].ToList();
        Assert.Equal(2, own.Count);
        Assert.All(own, r => Assert.Equal(RectificationStatus.Open, r.Status));
        Assert.Single(own, r => r.IsOverdueOn(Today));
        Assert.DoesNotContain(member, seated);

        var others = measures.Except(own).ToList();
        Assert.True(others.Count >= 3);
        Assert.All(others, r => Assert.NotNull(RectificationOwnership.OwnerAmong(r.Owner, branchPeople)));
        Assert.Contains(others, r => r.Status == RectificationStatus.Done);
        Assert.Contains(others, r => r.Status == RectificationStatus.Open);
    }

    [Fact]
    public async Task Demo_SampleMember_InvitedToTheBranchsComingMeeting_WithAVote()
    {
        await using var db = district.Database.Open();
        var invitations = await db.MeetingParticipants.AsNoTracking().Where(p => p.PersonId == district.Result.SampleMemberPersonId)
            .Join(db.Meetings, p => p.MeetingId, m => m.Id, (p, m) => new { p.Entitled, m.OrganizationId, m.Date, m.Status })
            .ToListAsync();

        var coming = Assert.Single(invitations, i => i.Date > Today);
        Assert.Equal((district.Result.SampleBranchId, MeetingStatus.Notified, true), (coming.OrganizationId, coming.Status, coming.Entitled));
    }
}
