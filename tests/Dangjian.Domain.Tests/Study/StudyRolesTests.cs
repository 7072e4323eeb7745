using Dangjian.Domain.Organizations;
using Dangjian.Domain.Study;
using Dangjian.Domain.Teams;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-2: the role a person's requirements are chosen by, read from the leadership teams on a day.</summary>
public sealed class StudyRolesTests
{
    private static StudySeat Seat(OrganizationKind kind, TeamRole role, string start = "2024-03-01", string end = "2029-02-28", string? next = "2029-03-01") =>
        new(kind, role, D(start), D(end), next is null ? null : D(next));

    [Theory]
    [InlineData("2024-02-29", "member")]
    [InlineData("2024-03-01", "team")]
    [InlineData("2029-02-28", "team")]
    [InlineData("2029-03-01", "member")]
    public void TownshipTeamSeat_IsTeam_FromTheTermsStart_UntilTheNextTeamStarts_WithTheTermAsTheTerm(string day, string role)
    {
        var of = StudyRoles.Of([Seat(OrganizationKind.TownshipCommittee, TeamRole.CommitteeMember)], D(day));

        Assert.Equal(role, of.Role);
        Assert.Equal(role == "team" ? new StudyTerm(D("2024-03-01"), D("2029-02-28")) : null, of.Term);
    }

    [Theory]
    [InlineData(OrganizationKind.DistrictCommittee, TeamRole.PropagandaCommitteeMember, "team")]
    [InlineData(OrganizationKind.StreetWorkingCommittee, TeamRole.Secretary, "team")]
    [InlineData(OrganizationKind.GeneralBranch, TeamRole.Secretary, "secretary")]
    [InlineData(OrganizationKind.Branch, TeamRole.Secretary, "secretary")]
    [InlineData(OrganizationKind.Branch, TeamRole.DeputySecretary, "member")]
    [InlineData(OrganizationKind.Branch, TeamRole.OrganizationCommitteeMember, "member")]
    public void RoleFollowsTheTeamsKind_AndTheSeat(OrganizationKind kind, TeamRole seat, string role)
    {
        Assert.Equal(role, StudyRoles.Of([Seat(kind, seat)], D("2026-06-30")).Role);
        Assert.Null(role == "team" ? null : StudyRoles.Of([Seat(kind, seat)], D("2026-06-30")).Term);
    }

    [Fact]
    public void NoSeat_IsMember_ABranchSecretaryOnATownshipTeam_IsTeam()
    {
        Assert.Equal(new StudyRoleOf("member", null), StudyRoles.Of([], D("2026-06-30")));
        var both = StudyRoles.Of([Seat(OrganizationKind.Branch, TeamRole.Secretary), Seat(OrganizationKind.TownshipCommittee, TeamRole.CommitteeMember, "2026-01-01", "2030-12-31")], D("2026-06-30"));
        Assert.Equal(new StudyRoleOf("team", new StudyTerm(D("2026-01-01"), D("2030-12-31"))), both);
    }

    [Fact]
    public void BranchSecretary_OnceTheNextTeamStarted_IsMember()
    {
        Assert.Equal("member", StudyRoles.Of([Seat(OrganizationKind.Branch, TeamRole.Secretary, "2021-01-01", "2025-12-31", "2026-01-01")], D("2026-01-01")).Role);
        Assert.Equal("secretary", StudyRoles.Of([Seat(OrganizationKind.Branch, TeamRole.Secretary, "2021-01-01", "2025-12-31", "2026-01-01")], D("2025-12-31")).Role);
    }

    [Theory]
    [InlineData("2029-02-28", "team")]
    [InlineData("2030-06-30", "team")]
    public void TeamSeat_PastItsTermWithNoElection_StillTeam_UntilTheNextTeamStarts(string day, string role)
    {
        // 逾期未换届: the term ended on 2029-02-28 and no next team is recorded, so its members keep the team's requirements
        // (measured over the term they were elected for); TownshipTeamSeat_IsTeam… shows the day the next one starts.
        var of = StudyRoles.Of([Seat(OrganizationKind.TownshipCommittee, TeamRole.CommitteeMember, next: null)], D(day));

        Assert.Equal((role, new StudyTerm(D("2024-03-01"), D("2029-02-28"))), (of.Role, of.Term));
    }

    [Fact]
    public void TeamSeat_AHandOverBeforeTheTermsEnd_TheNextTeamsDayIsTheOldSeatsFirstDayOut()
    {
        var early = Seat(OrganizationKind.TownshipCommittee, TeamRole.CommitteeMember, next: "2028-07-01");

        Assert.Equal("team", StudyRoles.Of([early], D("2028-06-30")).Role);
        Assert.Equal("member", StudyRoles.Of([early], D("2028-07-01")).Role);
    }
}
