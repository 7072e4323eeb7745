using Dangjian.Domain.Meetings.Talks;
using Dangjian.Domain.Teams;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Meetings.Talks;

/// <summary>MTG-11: who must talk with whom in a calendar year, and which pairs are still owed (either side may start the talk).</summary>
public sealed class TalkRequirementsTests
{
    // The team: 1 the secretary, 2 and 3 committee members. The organization's other party members: 4 and 5.
    private static readonly TalkTeamSeat[] Team = [new(1, TeamRole.Secretary), new(2, TeamRole.DeputySecretary), new(3, TeamRole.CommitteeMember)];
    private static readonly int[] Members = [1, 2, 3, 4, 5];

    private static Talk T(string on, int a, int b) => new() { HeldOn = D(on), InitiatorId = a, PartnerId = b, Topics = "谈心" };

    private static bool Owed(TalkYearCoverage c, int a, int b) =>
        c.Pairs.Single(p => (p.FirstId, p.SecondId) == (a, b) || (p.FirstId, p.SecondId) == (b, a)).Owed;

    [Fact]
    public void Coverage_NoTalks_EveryPairOwed_SecretaryPairsNamedAsTheSecretarys()
    {
        var c = TalkRequirements.Coverage(2027, Team, Members, []);

        // 3 team pairs (two with the secretary) + 3 team members × 2 other members.
        Assert.Equal((9, 9, 0), (c.Required, c.Owed, c.Covered));
        Assert.Equal([(1, 2), (1, 3)], c.Pairs.Where(p => p.Duty == TalkDuty.SecretaryWithTeamMember).Select(p => (p.FirstId, p.SecondId)));
        Assert.Equal([(2, 3)], c.Pairs.Where(p => p.Duty == TalkDuty.TeamMembers).Select(p => (p.FirstId, p.SecondId)));
        Assert.Equal(6, c.Pairs.Count(p => p.Duty == TalkDuty.TeamMemberWithMember));
    }

    [Fact]
    public void Coverage_ATalkEitherSideStarted_CoversThePair()
    {
        var c = TalkRequirements.Coverage(2027, Team, Members, [T("2027-03-01", 4, 2), T("2027-03-02", 1, 3)]);
        Assert.False(Owed(c, 2, 4));
        Assert.False(Owed(c, 3, 1));
        Assert.True(Owed(c, 1, 2));
        Assert.Equal(7, c.Owed);
    }

    [Theory]
    [InlineData("2027-12-31", 2027, false)]
    [InlineData("2027-12-31", 2028, true)]
    [InlineData("2028-01-01", 2028, false)]
    [InlineData("2028-01-01", 2027, true)]
    public void Coverage_ATalkCountsForTheCalendarYearOfItsDay_Only(string on, int year, bool owed)
    {
        var c = TalkRequirements.Coverage(year, Team, Members, [T(on, 1, 2)]);
        Assert.Equal(owed, Owed(c, 1, 2));
    }

    [Fact]
    public void Coverage_APairWithOnlyATalkLastYear_IsOwed()
    {
        var c = TalkRequirements.Coverage(2028, Team, Members, [T("2027-06-01", 2, 3), T("2027-11-30", 2, 3)]);
        var pair = c.Pairs.Single(p => p.Duty == TalkDuty.TeamMembers);
        Assert.Equal((0, true), (pair.Talks, pair.Owed));
    }

    [Fact]
    public void Coverage_AMemberWhoJoinedTheTeamMidYear_OwesTeamTalks_AndATalkBeforeJoiningStillCounts()
    {
        // Member 4 joined the team in July (the team in office now has four seats); they talked with the secretary in March.
        TalkTeamSeat[] team = [.. Team, new(4, TeamRole.CommitteeMember)];
        var c = TalkRequirements.Coverage(2027, team, Members, [T("2027-03-10", 1, 4)]);

        Assert.False(Owed(c, 1, 4));
        Assert.Equal(TalkDuty.SecretaryWithTeamMember, c.Pairs.Single(p => p.FirstId == 1 && p.SecondId == 4).Duty);
        Assert.True(Owed(c, 2, 4));
        Assert.True(Owed(c, 4, 5));

        // Now on the team, 4 is no longer one of the members each team member owes a talk as a member.
        Assert.DoesNotContain(c.Pairs, p => p.SecondId == 4 && p.Duty == TalkDuty.TeamMemberWithMember);
        Assert.Equal(6 + 4, c.Required);
    }

    [Fact]
    public void Coverage_SecretaryRuleAlone_OnlyTheSecretaryWithEachTeamMember()
    {
        var rules = new TalkRequirementRules(SecretaryWithTeam: true, TeamWithEachOther: false, TeamWithMembers: false);
        var c = TalkRequirements.Coverage(2027, Team, Members, [T("2027-05-05", 2, 1)], rules);

        Assert.Equal([(1, 2, false), (1, 3, true)], c.Pairs.Select(p => (p.FirstId, p.SecondId, p.Owed)));
        Assert.All(c.Pairs, p => Assert.Equal(TalkDuty.SecretaryWithTeamMember, p.Duty));

        // Without a secretary in office there is no secretary's duty.
        Assert.Empty(TalkRequirements.Coverage(2027, Team.Skip(1), Members, [], rules).Pairs);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Coverage_TimesPerYear_OneTalkShortIsOwed(int times, bool owed)
    {
        var c = TalkRequirements.Coverage(2027, Team, Members, [T("2027-02-02", 2, 3)], new TalkRequirementRules(TimesPerYear: times));
        Assert.Equal(owed, Owed(c, 2, 3));
    }

    [Theory]
    [InlineData(2026, "2026-12-31")]
    [InlineData(2027, "2027-06-15")]
    [InlineData(2028, "2028-01-01")]
    public void TeamDay_PastYearsLastDay_CurrentYearToday_FutureYearsFirstDay(int year, string day)
    {
        Assert.Equal(D(day), TalkRequirements.TeamDay(year, D("2027-06-15")));
    }
}
