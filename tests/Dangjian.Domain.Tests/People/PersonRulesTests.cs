using Dangjian.Domain.Common;
using Dangjian.Domain.People;

namespace Dangjian.Domain.Tests.People;

/// <summary>A person's record (ORG-3): the ID number fixes birth and sex, members' ID numbers and join days, the 18-year rule of 党章 第一条.</summary>
public sealed class PersonRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Birth = new(1990, 5, 17);

    /// <summary>A valid ID number for <see cref="Birth"/>, a man.</summary>
    private static readonly string Id = WithCheck("11010119900517001");

    private static string WithCheck(string first17) => first17 + IdNumber.CheckCharacter(first17);

    /// <summary>The problems of a record; a full member's 转正 day is a year after joining (or today) unless given.</summary>
    private static IReadOnlyList<FieldProblem> Problems(MemberStatus? status, DateOnly? joined, string? id = null, DateOnly? birth = null, Gender? gender = null, DateOnly? full = null) =>
        PersonRules.Check(new PersonFacts(id ?? Id, gender, birth, status, joined, full ?? DefaultFull(status, joined)), Today).Problems;

    private static DateOnly? DefaultFull(MemberStatus? status, DateOnly? joined) =>
        status != MemberStatus.Full ? null
        : joined is { } j && SaneDates.Contains(j) && j.AddYears(1) <= Today ? j.AddYears(1)
        : Today;

    // ---- 党章 第一条: 年满十八岁

    [Fact]
    public void JoinedOnTheEighteenthBirthday_Accepted() => Assert.Empty(Problems(MemberStatus.Full, new DateOnly(2008, 5, 17)));

    [Fact]
    public void JoinedTheDayBeforeTheEighteenthBirthday_TooEarly() =>
        Assert.Equal(("joinedPartyOn", "Person.JoinedTooEarly"), Assert.Single(Problems(MemberStatus.Full, new DateOnly(2008, 5, 16))) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void EarliestJoinDate_BornOnTheTwentyNinthOfFebruary_TheTwentyEighthEighteenYearsOn() =>
        Assert.Equal(new DateOnly(2022, 2, 28), PersonRules.EarliestJoinDate(new DateOnly(2004, 2, 29)));

    [Fact]
    public void JoinedToday_Accepted() => Assert.Empty(Problems(MemberStatus.Probationary, Today));

    [Fact]
    public void JoinedTomorrow_Refused() => Assert.Equal("Person.JoinedTooEarly", Assert.Single(Problems(MemberStatus.Probationary, Today.AddDays(1))).Code);

    // ---- Status: members and residents

    [Fact]
    public void Member_WithoutJoinDay_Required() => Assert.Equal(("joinedPartyOn", "Input.Required"), Assert.Single(Problems(MemberStatus.Full, null)) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void Member_WithoutIdNumber_Required() =>
        Assert.Contains(PersonRules.Check(new PersonFacts(null, Gender.Male, Birth, MemberStatus.Full, new DateOnly(2012, 7, 1)), Today).Problems, p => p is { Field: "idNumber", Code: "Input.Required" });

    [Fact]
    public void Resident_WithoutIdNumberOrJoinDay_Accepted() =>
        Assert.Empty(PersonRules.Check(new PersonFacts(null, Gender.Female, Birth, MemberStatus.Resident, null), Today).Problems);

    [Fact]
    public void Resident_WithJoinDay_Refused() => Assert.Equal("Person.ResidentHasJoinDate", Assert.Single(Problems(MemberStatus.Resident, new DateOnly(2012, 7, 1))).Code);

    [Fact]
    public void NoStatus_Required() => Assert.Contains(Problems(null, null), p => p is { Field: "status", Code: "Input.Required" });

    [Fact]
    public void Person_ResidentBecomesProbationary_RecordedWithTheJoinDay()
    {
        var person = new Person { Name = "王芳" };
        person.Record(new PersonFacts(Id, null, null, MemberStatus.Resident, null), Today);

        person.Record(new PersonFacts(Id, null, null, MemberStatus.Probationary, new DateOnly(2026, 7, 1)), Today);

        Assert.Equal((MemberStatus.Probationary, new DateOnly(2026, 7, 1)), (person.Status, person.JoinedPartyOn!.Value));
    }

    [Fact]
    public void Person_BecomesMemberWithoutJoinDay_RefusedAndStillResident()
    {
        var person = new Person { Name = "王芳" };
        person.Record(new PersonFacts(Id, null, null, MemberStatus.Resident, null), Today);

        Assert.Throws<DomainRuleException>(() => person.Record(new PersonFacts(Id, null, null, MemberStatus.Full, null), Today));
        Assert.Equal(MemberStatus.Resident, person.Status);
    }

    // ---- The ID number fixes birth and sex

    [Fact]
    public void IdNumberGiven_BirthAndSexTakenFromIt()
    {
        var (facts, problems) = PersonRules.Check(new PersonFacts(" " + Id.ToLowerInvariant() + " ", null, null, MemberStatus.Resident, null), Today);

        Assert.Empty(problems);
        Assert.Equal((Id, Birth, Gender.Male), (facts.IdNumber, facts.BirthDate!.Value, facts.Gender!.Value));
    }

    [Fact]
    public void IdNumberAndOtherBirthDay_Mismatch() =>
        Assert.Equal("Person.BirthDateMismatch", Assert.Single(Problems(MemberStatus.Resident, null, birth: Birth.AddDays(1))).Code);

    [Fact]
    public void IdNumberAndOtherSex_Mismatch() =>
        Assert.Equal("Person.GenderMismatch", Assert.Single(Problems(MemberStatus.Resident, null, gender: Gender.Female)).Code);

    [Fact]
    public void BadCheckCharacter_NamedUnderIdNumber() =>
        Assert.Contains(Problems(MemberStatus.Resident, null, id: Id[..17] + (Id[17] == '0' ? '1' : '0')), p => p.Field == "idNumber" && p.Code.StartsWith("IdNumber.", StringComparison.Ordinal));

    // ---- Birth dates and the sane range

    [Fact]
    public void BornToday_Accepted() =>
        Assert.Empty(PersonRules.Check(new PersonFacts(null, Gender.Male, Today, MemberStatus.Resident, null), Today).Problems);

    [Fact]
    public void BornTomorrow_BadDate() =>
        Assert.Equal("Input.BadDate", Assert.Single(PersonRules.Check(new PersonFacts(null, Gender.Male, Today.AddDays(1), MemberStatus.Resident, null), Today).Problems).Code);

    [Fact]
    public void BornOnTheFirstSaneDay_Accepted() =>
        Assert.Empty(PersonRules.Check(new PersonFacts(null, Gender.Male, SaneDates.MinDay, MemberStatus.Resident, null), Today).Problems);

    [Fact]
    public void BornTheDayBeforeTheFirstSaneDay_OutOfRangeOnce() =>
        Assert.Equal(SaneDates.OutOfRange, Assert.Single(PersonRules.Check(new PersonFacts(null, Gender.Male, SaneDates.MinDay.AddDays(-1), MemberStatus.Resident, null), Today).Problems).Code);

    [Fact]
    public void JoinedPastTheLastSaneDay_OutOfRangeOnce() =>
        Assert.Equal(SaneDates.OutOfRange, Assert.Single(Problems(MemberStatus.Full, SaneDates.MaxDay.AddDays(1))).Code);

    // ---- 转正 (党章 第七条): a year's probation, extended once by at most a year

    private static readonly DateOnly Joined = new(2020, 7, 1);

    private static IReadOnlyList<FieldProblem> FullProblems(MemberStatus status, DateOnly? full) =>
        PersonRules.Check(new PersonFacts(Id, null, null, status, status == MemberStatus.Resident ? null : Joined, full), Today).Problems;

    [Fact]
    public void FullMember_TheDayBeforeAYearAfterJoining_TooEarly() =>
        Assert.Equal(("fullMemberOn", "Person.FullMemberTooEarly"), Assert.Single(FullProblems(MemberStatus.Full, new DateOnly(2021, 6, 30))) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void FullMember_AYearAfterJoining_Accepted() => Assert.Empty(FullProblems(MemberStatus.Full, new DateOnly(2021, 7, 1)));

    [Fact]
    public void FullMember_TwoYearsAfterJoining_Accepted() => Assert.Empty(FullProblems(MemberStatus.Full, new DateOnly(2022, 7, 1)));

    [Fact]
    public void FullMember_TheDayAfterTwoYearsAfterJoining_TooLate() =>
        Assert.Equal(("fullMemberOn", "Person.FullMemberTooLate"), Assert.Single(FullProblems(MemberStatus.Full, new DateOnly(2022, 7, 2))) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void FullMember_JoinedOnTheTwentyNinthOfFebruary_EarliestIsTheTwentyEighthAYearOn() =>
        Assert.Equal((new DateOnly(2021, 2, 28), new DateOnly(2022, 2, 28)), (PersonRules.EarliestFullMemberDate(new DateOnly(2020, 2, 29)), PersonRules.LatestFullMemberDate(new DateOnly(2020, 2, 29))));

    [Fact]
    public void FullMember_WithoutTheDay_Accepted_AsARecordKeptBeforeIt() => Assert.Empty(FullProblems(MemberStatus.Full, null));

    [Fact]
    public void FullMember_Today_Accepted() =>
        Assert.Empty(PersonRules.Check(new PersonFacts(Id, null, null, MemberStatus.Full, Today.AddYears(-1), Today), Today).Problems);

    [Fact]
    public void FullMember_Tomorrow_InFuture() =>
        Assert.Equal("Person.FullMemberInFuture", Assert.Single(PersonRules.Check(new PersonFacts(Id, null, null, MemberStatus.Full, Today.AddYears(-1), Today.AddDays(1)), Today).Problems).Code);

    [Fact]
    public void ProbationaryMember_WithoutTheDay_Accepted() => Assert.Empty(FullProblems(MemberStatus.Probationary, null));

    [Fact]
    public void ProbationaryMember_WithTheDay_Refused() =>
        Assert.Equal(("fullMemberOn", "Person.FullMemberOnNotFull"), Assert.Single(FullProblems(MemberStatus.Probationary, new DateOnly(2021, 7, 1))) is var p ? (p.Field, p.Code) : default);

    [Fact]
    public void Resident_WithTheDay_Refused() =>
        Assert.Equal("Person.FullMemberOnNotFull", Assert.Single(FullProblems(MemberStatus.Resident, new DateOnly(2021, 7, 1))).Code);

    [Fact]
    public void FullMemberDay_OutOfTheSaneRange_OutOfRangeOnce() =>
        Assert.Equal(SaneDates.OutOfRange, Assert.Single(FullProblems(MemberStatus.Full, SaneDates.MaxDay.AddDays(1))).Code);

    [Fact]
    public void Person_ProbationaryBecomesFull_RecordedWithTheDay()
    {
        var person = new Person { Name = "王芳" };
        person.Record(new PersonFacts(Id, null, null, MemberStatus.Probationary, Joined), Today);

        person.Record(new PersonFacts(Id, null, null, MemberStatus.Full, Joined, new DateOnly(2021, 7, 1)), Today);

        Assert.Equal((MemberStatus.Full, new DateOnly(2021, 7, 1)), (person.Status, person.FullMemberOn!.Value));
    }
}
