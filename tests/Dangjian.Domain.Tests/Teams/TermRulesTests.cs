using Dangjian.Domain.Common;
using Dangjian.Domain.Teams;

namespace Dangjian.Domain.Tests.Teams;

public sealed class TermRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    // The organization's first term: 2016-01-10 to 2021-01-10, both days included.
    private static readonly TermSpan First = new(Id: 1, TermNumber: 1, new DateOnly(2016, 1, 10), new DateOnly(2021, 1, 10));

    private static DomainRuleException Refused(TermSpan term, params TermSpan[] others) =>
        Assert.Throws<DomainRuleException>(() => TermRules.EnsureValid(term, others));

    private static TermSpan New(int number, DateOnly startsOn, DateOnly endsOn) => new(0, number, startsOn, endsOn);

    [Fact]
    public void EnsureValid_FirstTermOfThreeYears_IsAccepted()
    {
        TermRules.EnsureValid(New(1, new DateOnly(2022, 3, 1), new DateOnly(2025, 3, 1)), []);
    }

    [Fact]
    public void EnsureValid_EndBeforeStart_ThrowsEndBeforeStart()
    {
        var ex = Refused(New(1, new DateOnly(2022, 3, 1), new DateOnly(2022, 2, 28)));
        Assert.Equal("Term.EndBeforeStart", ex.Code);
        Assert.Equal("endsOn", ex.Field);
    }

    [Fact]
    public void EnsureValid_EndOnStartDay_ThrowsEndBeforeStart()
    {
        var ex = Refused(New(1, new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 1)));
        Assert.Equal("Term.EndBeforeStart", ex.Code);
    }

    [Fact]
    public void EnsureValid_EndDayAfterStart_IsAccepted()
    {
        TermRules.EnsureValid(New(1, new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 2)), []);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void EnsureValid_NumberBelowOne_ThrowsNumberPositive(int number)
    {
        var ex = Refused(New(number, new DateOnly(2022, 3, 1), new DateOnly(2025, 3, 1)));
        Assert.Equal("Term.NumberPositive", ex.Code);
    }

    [Fact]
    public void EnsureValid_ExactlyFiveYears_IsAccepted()
    {
        TermRules.EnsureValid(New(1, new DateOnly(2021, 3, 1), new DateOnly(2026, 3, 1)), []);
    }

    [Fact]
    public void EnsureValid_FiveYearsAndOneDay_ThrowsTooLong()
    {
        var ex = Refused(New(1, new DateOnly(2021, 3, 1), new DateOnly(2026, 3, 2)));
        Assert.Equal("Term.TooLong", ex.Code);
        Assert.Equal([TermRules.MaxTermYears], ex.Arguments);
    }

    [Fact]
    public void EnsureValid_FiveYearsFromLeapDay_EndsOnTwentyEighthFebruary()
    {
        // 2024-02-29 plus five years is 2029-02-28 (no 29th): that day is allowed, 1 March is one day too many.
        TermRules.EnsureValid(New(1, new DateOnly(2024, 2, 29), new DateOnly(2029, 2, 28)), []);
        Assert.Equal("Term.TooLong", Refused(New(1, new DateOnly(2024, 2, 29), new DateOnly(2029, 3, 1))).Code);
    }

    [Fact]
    public void EnsureValid_NextStartsOnDayPreviousEnds_ThrowsOverlaps()
    {
        // Both end days are inside their terms, so two terms sharing a day overlap.
        var ex = Refused(New(2, First.EndsOn, First.EndsOn.AddYears(5)), First);
        Assert.Equal("Term.Overlaps", ex.Code);
        Assert.Equal([First.TermNumber], ex.Arguments);
    }

    [Fact]
    public void EnsureValid_NextStartsDayAfterPreviousEnds_IsAccepted()
    {
        TermRules.EnsureValid(New(2, First.EndsOn.AddDays(1), First.EndsOn.AddYears(5)), [First]);
    }

    [Fact]
    public void EnsureValid_EarlierTermEndingOnDayLaterStarts_ThrowsOverlaps()
    {
        // The same touch seen from the other side: adding term 1 when term 2 already starts on its last day.
        var second = new TermSpan(2, 2, new DateOnly(2021, 1, 10), new DateOnly(2026, 1, 9));
        var ex = Refused(New(1, new DateOnly(2016, 1, 10), new DateOnly(2021, 1, 10)), second);
        Assert.Equal("Term.Overlaps", ex.Code);
    }

    [Fact]
    public void EnsureValid_TermInsideAnother_ThrowsOverlaps()
    {
        var ex = Refused(New(2, new DateOnly(2017, 1, 1), new DateOnly(2018, 1, 1)), First);
        Assert.Equal("Term.Overlaps", ex.Code);
    }

    [Fact]
    public void EnsureValid_NumberTaken_ThrowsNumberTaken()
    {
        var ex = Refused(New(1, new DateOnly(2022, 1, 1), new DateOnly(2025, 1, 1)), First);
        Assert.Equal("Term.NumberTaken", ex.Code);
        Assert.Equal("termNumber", ex.Field);
    }

    [Fact]
    public void EnsureValid_LaterTermWithLowerNumber_ThrowsNumberOutOfOrder()
    {
        var third = new TermSpan(3, 3, new DateOnly(2021, 2, 1), new DateOnly(2024, 2, 1));
        // Term 2 placed after term 3 in time.
        var ex = Refused(New(2, new DateOnly(2024, 3, 1), new DateOnly(2027, 3, 1)), First, third);
        Assert.Equal("Term.NumberOutOfOrder", ex.Code);
        Assert.Equal([3], ex.Arguments);
    }

    [Fact]
    public void EnsureValid_EarlierTermWithHigherNumber_ThrowsNumberOutOfOrder()
    {
        // Term 2 placed before term 1 in time.
        var ex = Refused(New(2, new DateOnly(2012, 1, 1), new DateOnly(2015, 1, 1)), First);
        Assert.Equal("Term.NumberOutOfOrder", ex.Code);
    }

    [Fact]
    public void EnsureValid_GapInNumbersButInDateOrder_IsAccepted()
    {
        // A term recorded as the 3rd while the 2nd is not entered yet: order is kept, so it is allowed.
        TermRules.EnsureValid(New(3, new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1)), [First]);
    }

    [Fact]
    public void EnsureValid_EditingTermAgainstItsOwnStoredVersion_IsAccepted()
    {
        // Shortening term 1 by 30 days: the stored term 1 has the same number and overlaps, but it is the same term.
        var edited = First with { EndsOn = First.EndsOn.AddDays(-30) };
        TermRules.EnsureValid(edited, [First]);
    }

    [Fact]
    public void EnsureValid_EditingTerm_StillCheckedAgainstOtherTerms()
    {
        var second = new TermSpan(2, 2, new DateOnly(2021, 1, 11), new DateOnly(2026, 1, 10));
        // Shift term 1 one day later (still five years): its new end day is the day term 2 starts.
        var edited = First with { StartsOn = First.StartsOn.AddDays(1), EndsOn = second.StartsOn };
        var ex = Refused(edited, First, second);
        Assert.Equal("Term.Overlaps", ex.Code);
        Assert.Equal([2], ex.Arguments);
    }

    [Fact]
    public void EnsureValid_NewTermWithIdZero_IsNotTakenForAnotherUnsavedTerm()
    {
        // Id 0 means "not saved yet"; two unsaved terms are not the same term.
        var otherUnsaved = New(1, new DateOnly(2016, 1, 10), new DateOnly(2021, 1, 10));
        var ex = Refused(New(1, new DateOnly(2022, 1, 1), new DateOnly(2025, 1, 1)), otherUnsaved);
        Assert.Equal("Term.NumberTaken", ex.Code);
    }

    [Fact]
    public void Overlaps_SharedEndDay_IsTrueBothWays()
    {
        var next = new TermSpan(2, 2, First.EndsOn, First.EndsOn.AddYears(3));
        Assert.True(TermRules.Overlaps(First, next));
        Assert.True(TermRules.Overlaps(next, First));
    }

    [Fact]
    public void Overlaps_AdjacentDays_IsFalseBothWays()
    {
        var next = new TermSpan(2, 2, First.EndsOn.AddDays(1), First.EndsOn.AddYears(3));
        Assert.False(TermRules.Overlaps(First, next));
        Assert.False(TermRules.Overlaps(next, First));
    }

    [Fact]
    public void EnsureSeatsValid_OneSecretaryAndOthers_IsAccepted()
    {
        TermRules.EnsureSeatsValid(
        [
            new Seat(1, TeamRole.Secretary),
            new Seat(2, TeamRole.DeputySecretary),
            new Seat(3, TeamRole.DeputySecretary),
            new Seat(4, TeamRole.DisciplineCommitteeMember),
        ]);
    }

    [Fact]
    public void EnsureSeatsValid_NoSeats_IsAccepted()
    {
        TermRules.EnsureSeatsValid([]);
    }

    [Fact]
    public void EnsureSeatsValid_TwoSecretaries_ThrowsOneSecretary()
    {
        var ex = Assert.Throws<DomainRuleException>(() => TermRules.EnsureSeatsValid(
        [
            new Seat(1, TeamRole.Secretary),
            new Seat(2, TeamRole.CommitteeMember),
            new Seat(3, TeamRole.Secretary),
        ]));
        Assert.Equal("Team.OneSecretary", ex.Code);
    }

    [Fact]
    public void EnsureSeatsValid_SamePersonInTwoRoles_ThrowsPersonTwice()
    {
        var ex = Assert.Throws<DomainRuleException>(() => TermRules.EnsureSeatsValid(
        [
            new Seat(1, TeamRole.Secretary),
            new Seat(7, TeamRole.OrganizationCommitteeMember),
            new Seat(7, TeamRole.PropagandaCommitteeMember),
        ]));
        Assert.Equal("Team.PersonTwice", ex.Code);
        Assert.Equal([7], ex.Arguments);
    }

    [Fact]
    public void EnsureSeatsValid_SamePersonSameRoleTwice_ThrowsPersonTwice()
    {
        var ex = Assert.Throws<DomainRuleException>(() => TermRules.EnsureSeatsValid(
        [
            new Seat(5, TeamRole.CommitteeMember),
            new Seat(5, TeamRole.CommitteeMember),
        ]));
        Assert.Equal("Team.PersonTwice", ex.Code);
    }

    [Fact]
    public void ExpiryState_EndsToday_IsEndingSoon()
    {
        Assert.Equal(TermExpiryState.EndingSoon, TermRules.ExpiryState(Today, Today, 6));
    }

    [Fact]
    public void ExpiryState_EndedYesterday_IsOverdue()
    {
        Assert.Equal(TermExpiryState.Overdue, TermRules.ExpiryState(Today.AddDays(-1), Today, 6));
    }

    [Fact]
    public void ExpiryState_EndsExactlySixMonthsAhead_IsEndingSoon()
    {
        Assert.Equal(TermExpiryState.EndingSoon, TermRules.ExpiryState(new DateOnly(2025, 12, 15), Today, 6));
    }

    [Fact]
    public void ExpiryState_EndsSixMonthsAndOneDayAhead_IsNull()
    {
        Assert.Null(TermRules.ExpiryState(new DateOnly(2025, 12, 16), Today, 6));
    }

    [Fact]
    public void ExpiryState_WindowEndingInShortMonth_ClampsToLastDay()
    {
        // 31 August + 6 months is 28 February 2026: that day is in the window, 1 March is not.
        var today = new DateOnly(2025, 8, 31);
        Assert.Equal(TermExpiryState.EndingSoon, TermRules.ExpiryState(new DateOnly(2026, 2, 28), today, 6));
        Assert.Null(TermRules.ExpiryState(new DateOnly(2026, 3, 1), today, 6));
    }

    [Fact]
    public void ExpiryState_LongOverdue_IsOverdue()
    {
        Assert.Equal(TermExpiryState.Overdue, TermRules.ExpiryState(Today.AddYears(-2), Today, 6));
    }

    [Theory]
    [InlineData("2020-12-31", null)]
    [InlineData("2021-01-01", 1)]
    [InlineData("2025-06-30", 1)]
    [InlineData("2025-07-01", 2)]
    [InlineData("2031-12-31", 2)]
    public void InOffice_TheTeamThatStartedLast_UntilTheNextStarts_EvenPastItsEnd(string day, int? term)
    {
        // Term 1 ended on 2025-12-31 but term 2 was elected early, on 2025-07-01; term 2 ends 2030-06-30 and no term 3
        // is recorded, so on 2031-12-31 (overdue) its team still serves.
        TermSpan[] terms = [new(20, 2, new(2025, 7, 1), new(2030, 6, 30)), new(10, 1, new(2021, 1, 1), new(2025, 12, 31))];

        Assert.Equal(term, TermRules.InOffice(terms, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))?.TermNumber);
    }
}
