using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;

namespace Dangjian.Domain.Tests.Meetings;

/// <summary>MTG-4: a matter raised by half or more of the team is mandatory, stays so, and cannot be declined or withdrawn.</summary>
public sealed class RaisedMatterTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static int[] Team(int size) => [.. Enumerable.Range(1, size)];

    private static RaisedMatter Raised(int[] team, int supporters)
    {
        var m = RaisedMatter.Raise(10, team[0], "修订村级财务管理制度", "现行制度与新规定不符", team, Today);
        foreach (var p in team.Skip(1).Take(supporters - 1))
        {
            m.CoSign(p, team);
        }

        return m;
    }

    [Theory]
    [InlineData(7, 3, false)]
    [InlineData(7, 4, true)]
    [InlineData(6, 2, false)]
    [InlineData(6, 3, true)] // exactly half is 半数以上
    [InlineData(1, 1, true)]
    public void CoSign_HalfOfTheTeamOrMore_Mandatory(int teamSize, int supporters, bool mandatory)
    {
        var m = Raised(Team(teamSize), supporters);

        Assert.Equal(mandatory, m.Mandatory);
        Assert.Equal(supporters, m.SupporterIds.Count);
        Assert.Equal(teamSize, m.TeamSize);
    }

    [Fact]
    public void Raise_NotOnTheTeam_Refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => RaisedMatter.Raise(10, 99, "议题", "理由", Team(5), Today));

        Assert.Contains(e.Problems, p => p.Field == "organizationId" && p.Code == "Meeting.NotOnTeam");
    }

    [Fact]
    public void Raise_WithoutTitleOrReason_Refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => RaisedMatter.Raise(10, 1, " ", null, Team(5), Today));

        Assert.Equal(["title", "reason"], e.Problems.Select(p => p.Field));
    }

    [Fact]
    public void CoSign_NotOnTeamOrTwice_Refused_AndNothingChanges()
    {
        var m = Raised(Team(6), 2);

        Assert.Equal("Meeting.NotOnTeam", Assert.Throws<DomainRuleException>(() => m.CoSign(99, Team(6))).Code);
        Assert.Equal("Meeting.AlreadySigned", Assert.Throws<DomainRuleException>(() => m.CoSign(2, Team(6))).Code);
        Assert.Equal([1, 2], m.SupporterIds);
        Assert.False(m.Mandatory);
    }

    [Fact]
    public void WithdrawSignature_OfAMandatoryMatter_StaysMandatory()
    {
        var m = Raised(Team(6), 3);

        m.WithdrawSignature(3);

        Assert.Equal([1, 2], m.SupporterIds);
        Assert.True(m.Mandatory);
    }

    [Fact]
    public void Decline_Mandatory_Refused_NotMandatory_NeedsReason()
    {
        var mandatory = Raised(Team(6), 3);
        Assert.Equal("Meeting.MatterMandatory", Assert.Throws<DomainRuleException>(() => mandatory.Decline("不属于本级职权")).Code);
        Assert.Equal(RaisedMatterStatus.Raised, mandatory.Status);

        var other = Raised(Team(6), 2);
        Assert.Throws<DomainRuleException>(() => other.Decline(" "));
        Assert.Equal(RaisedMatterStatus.Raised, other.Status);
        other.Decline("不属于本级职权");
        Assert.Equal(RaisedMatterStatus.Declined, other.Status);
        Assert.Equal("不属于本级职权", other.DeclineReason);
    }

    [Fact]
    public void Schedule_CopiesSupportersAndMandatory_AndTheItemCannotBeWithdrawn()
    {
        var m = Raised(Team(6), 3);
        var meeting = new Meeting { Id = 5, OrganizationId = 10, Title = "支委会", Status = MeetingStatus.Notified };

        var item = m.Schedule(meeting, ItemCategory.Routine, null);

        Assert.Equal(RaisedMatterStatus.Scheduled, m.Status);
        Assert.Equal([1, 2, 3], item.ProposerIds);
        Assert.True(item.Mandatory);
        Assert.Equal("Meeting.ItemMandatory", Assert.Throws<DomainRuleException>(item.Withdraw).Code);
        Assert.Equal("Meeting.MatterNotPending", Assert.Throws<DomainRuleException>(() => m.CoSign(4, Team(6))).Code);
    }

    [Fact]
    public void Schedule_OnAClosedMeetingOrAnotherOrganizations_Refused()
    {
        var m = Raised(Team(6), 2);

        Assert.Equal("Meeting.Closed", Assert.Throws<DomainRuleException>(() => m.Schedule(new Meeting { OrganizationId = 10, Title = "x", Status = MeetingStatus.Closed }, ItemCategory.Routine, null)).Code);
        Assert.Equal("Meeting.OtherOrganization", Assert.Throws<DomainRuleException>(() => m.Schedule(new Meeting { OrganizationId = 11, Title = "x" }, ItemCategory.Routine, null)).Code);
        Assert.Equal(RaisedMatterStatus.Raised, m.Status);
    }

    [Fact]
    public void SetProposers_FewerAfterMandatory_NeverClearsIt()
    {
        var item = new AgendaItem { Title = "议题" };
        item.SetProposers([1, 2], 2, 6);
        Assert.False(item.Mandatory);

        item.SetProposers([1, 2, 3], 3, 6);
        Assert.True(item.Mandatory);

        item.SetProposers([1], 1, 6);
        Assert.True(item.Mandatory);
        Assert.Equal([1], item.ProposerIds);
    }
}
