using Dangjian.Domain.Common;
using Dangjian.Domain.Teams;

namespace Dangjian.Domain.Tests.Teams;

/// <summary>Seats with their own days (ORG-2): within the term, one 书记 and one seat per person at a time, a replacement keeping both seats.</summary>
public sealed class SeatDateTests
{
    private static readonly TermSpan Term = new(1, 3, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31));

    private static FieldProblem Refusal(params Seat[] seats) =>
        Assert.Single(Assert.Throws<DomainRuleException>(() => TermRules.EnsureSeatsValid(Term, seats)).Problems);

    private static void Accepted(params Seat[] seats) => TermRules.EnsureSeatsValid(Term, seats);

    [Fact]
    public void SeatStartingOnTheTermsFirstDay_Accepted() => Accepted(new Seat(1, TeamRole.CommitteeMember, Term.StartsOn));

    [Fact]
    public void SeatStartingTheDayBefore_Refused() =>
        Assert.Equal(("positions[0].startsOn", "Team.SeatBeforeTerm"), Refusal(new Seat(1, TeamRole.CommitteeMember, Term.StartsOn.AddDays(-1))) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void SeatEndingOnTheTermsLastDay_Accepted() => Accepted(new Seat(1, TeamRole.CommitteeMember, null, Term.EndsOn));

    [Fact]
    public void SeatEndingTheDayAfter_Refused() =>
        Assert.Equal(("positions[0].endsOn", "Team.SeatAfterTerm"), Refusal(new Seat(1, TeamRole.CommitteeMember, null, Term.EndsOn.AddDays(1))) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void SeatOfOneDay_Accepted() => Accepted(new Seat(1, TeamRole.CommitteeMember, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1)));

    [Fact]
    public void SeatEndingTheDayBeforeItStarts_Refused() =>
        Assert.Equal("Team.SeatEndBeforeStart", Refusal(new Seat(1, TeamRole.CommitteeMember, new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 28))).Code);

    [Fact]
    public void SeatDayOutOfTheSaneRange_OutOfRangeOnce() =>
        Assert.Equal(SaneDates.OutOfRange, Refusal(new Seat(1, TeamRole.CommitteeMember, null, SaneDates.MaxDay.AddDays(1))).Code);

    [Fact]
    public void TwoSecretaries_OneEndingTheDayBeforeTheOtherStarts_Accepted() =>
        Accepted(new Seat(1, TeamRole.Secretary, null, new DateOnly(2025, 5, 31)), new Seat(2, TeamRole.Secretary, new DateOnly(2025, 6, 1)));

    [Fact]
    public void TwoSecretaries_SharingADay_Refused() =>
        Assert.Equal("Team.OneSecretary", Assert.Throws<DomainRuleException>(() =>
            Accepted(new Seat(1, TeamRole.Secretary, null, new DateOnly(2025, 6, 1)), new Seat(2, TeamRole.Secretary, new DateOnly(2025, 6, 1)))).Problems[0].Code);

    [Fact]
    public void OnePerson_ChangingRole_SeatsBackToBack_Accepted() =>
        Accepted(new Seat(1, TeamRole.CommitteeMember, null, new DateOnly(2025, 5, 31)), new Seat(1, TeamRole.DeputySecretary, new DateOnly(2025, 6, 1)));

    [Fact]
    public void OnePerson_TwoSeatsSharingADay_Refused() =>
        Assert.Equal("Team.PersonTwice", Assert.Throws<DomainRuleException>(() =>
            Accepted(new Seat(1, TeamRole.CommitteeMember, null, new DateOnly(2025, 6, 1)), new Seat(1, TeamRole.DeputySecretary, new DateOnly(2025, 6, 1)))).Problems[0].Code);

    [Fact]
    public void SeatHeldOn_ItsFirstAndLastDay_NotTheDayBeforeOrAfter()
    {
        var seat = new Seat(1, TeamRole.CommitteeMember, new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 31));

        Assert.Equal([false, true, true, false], new[] { new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 31), new DateOnly(2025, 9, 1) }
            .Select(d => TermRules.SeatHeldOn(Term.StartsOn, seat, d)));
    }

    [Fact]
    public void IsHeldOn_ItsFirstAndLastDay_NotTheDayBeforeOrAfter()
    {
        var seat = new TeamPosition { PersonId = 1, StartsOn = new DateOnly(2025, 3, 1), EndsOn = new DateOnly(2025, 8, 31) };

        Assert.Equal([false, true, true, false], new[] { new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 31), new DateOnly(2025, 9, 1) }
            .Select(seat.IsHeldOn));
    }

    [Fact]
    public void IsHeldOn_SeatWithoutDays_HeldAnyDayItsTeamServes()
    {
        var seat = new TeamPosition { PersonId = 1 };

        Assert.True(seat.IsHeldOn(Term.StartsOn));
        Assert.True(seat.IsHeldOn(Term.EndsOn.AddDays(30)));
    }

    [Fact]
    public void Replace_EndsTheSeatTheDayBefore_AndStartsTheSuccessors_KeepingBoth()
    {
        var team = Team();

        var next = team.Replace(10, 7, new DateOnly(2025, 6, 1));

        Assert.Equal(3, team.Positions.Count);
        var old = team.Positions.Single(p => p.Id == 10);
        Assert.Equal((5, (DateOnly?)null, (DateOnly?)new DateOnly(2025, 5, 31)), (old.PersonId, old.StartsOn, old.EndsOn));
        Assert.Equal((7, TeamRole.CommitteeMember, "组织", (DateOnly?)new DateOnly(2025, 6, 1), (DateOnly?)null), (next.PersonId, next.Role, next.Portfolio, next.StartsOn, next.EndsOn));
    }

    [Fact]
    public void Replace_OnTheSeatsFirstDay_Refused_AndNothingChanges()
    {
        var team = Team();

        Assert.Equal("Team.ReplaceOutsideSeat", Assert.Throws<DomainRuleException>(() => team.Replace(10, 7, Term.StartsOn)).Problems[0].Code);
        Assert.Equal(2, team.Positions.Count);
        Assert.Null(team.Positions.Single(p => p.Id == 10).EndsOn);
    }

    [Fact]
    public void Replace_TheDayAfterTheFirst_Accepted() => Assert.Equal(Term.StartsOn.AddDays(1), Team().Replace(10, 7, Term.StartsOn.AddDays(1)).StartsOn);

    [Fact]
    public void Replace_OnTheTermsLastDay_Accepted() => Assert.Equal(Term.EndsOn, Team().Replace(10, 7, Term.EndsOn).StartsOn);

    [Fact]
    public void Replace_TheDayAfterTheTermsLastDay_Refused() =>
        Assert.Equal("Team.ReplaceOutsideSeat", Assert.Throws<DomainRuleException>(() => Team().Replace(10, 7, Term.EndsOn.AddDays(1))).Problems[0].Code);

    [Fact]
    public void Replace_BySomeoneAlreadySeated_Refused() =>
        Assert.Equal("Team.PersonTwice", Assert.Throws<DomainRuleException>(() => Team().Replace(10, 6, new DateOnly(2025, 6, 1))).Problems[0].Code);

    [Fact]
    public void Replace_ASeatThatHasEnded_Refused()
    {
        var team = Team();
        team.Replace(10, 7, new DateOnly(2025, 6, 1));

        Assert.Equal("Team.SeatEnded", Assert.Throws<DomainRuleException>(() => team.Replace(10, 8, new DateOnly(2025, 7, 1))).Problems[0].Code);
    }

    private static LeadershipTeam Team() => new()
    {
        Id = 1, OrganizationId = 1, TermNumber = Term.TermNumber, StartsOn = Term.StartsOn, EndsOn = Term.EndsOn,
        Positions =
        [
            new TeamPosition { Id = 10, TeamId = 1, PersonId = 5, Role = TeamRole.CommitteeMember, Portfolio = "组织" },
            new TeamPosition { Id = 11, TeamId = 1, PersonId = 6, Role = TeamRole.Secretary },
        ],
    };
}
