using Dangjian.Domain.Cadres;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;
using Dangjian.Domain.Units;
using static Dangjian.Domain.Tests.Cadres.ReserveCadreTests;

namespace Dangjian.Domain.Tests.Cadres;

/// <summary>CAD-6: grassroots days, night stays, contact points and the petition rota (seed 004, 三 (三) and (五)).</summary>
public sealed class GrassrootsTimeTests
{
    private static readonly DateOnly YearEnd = D("2026-12-31");
    private static readonly GrassrootsRules Rules = GrassrootsRules.Defaults;

    private static GrassrootsStay Stay(int person, string from, string to) => GrassrootsStay.Record(person, 1, "东吴村", D(from), D(to), YearEnd);

    private static NightStay Night(int person, string night) => NightStay.Record(person, 1, D(night), YearEnd);

    private static NightSpotCheck Check(int person, string night, bool present) =>
        NightSpotCheck.Record(person, 1, D(night), present, "组织部干部监督科", null, YearEnd);

    private static DomainRuleException Refused(Action act) => Assert.Throws<DomainRuleException>(act);

    [Theory]
    [InlineData("2026-05-28", 89, 1, true)] // 03-01…05-28: 31 + 30 + 28 days
    [InlineData("2026-05-29", 90, 0, false)]
    public void StayShortfall_AtTheYearsEnd_89DaysAreShort_90AreEnough(string to, int done, int missing, bool listed)
    {
        var stays = new[] { Stay(1, "2026-03-01", to) };

        var standing = Assert.Single(GrassrootsShortfall.Stays([1], stays, Rules, YearEnd));
        var shortfall = GrassrootsShortfall.StayShortfall([1], stays, Rules, YearEnd);

        Assert.Equal(new StayStanding(1, done, missing, listed), standing);
        Assert.Equal(listed, shortfall.Count == 1);
    }

    [Theory]
    [InlineData("2026-04-13", true)] // 44 days by 1 July: 44 × 365 < 90 × 182
    [InlineData("2026-04-14", false)] // 45 days: 45 × 365 ≥ 90 × 182
    public void StayShortfall_MidYear_ListsThoseBehindTheYearsPace(string to, bool listed)
    {
        var shortfall = GrassrootsShortfall.StayShortfall([1], [Stay(1, "2026-03-01", to)], Rules, D("2026-07-01"));

        Assert.Equal(listed, shortfall.Count == 1);
    }

    [Fact]
    public void StayShortfall_CountsOverlappingStaysOnce_LastYearsDaysNot_AndListsALeaderWithNoStay()
    {
        var stays = new[] { Stay(1, "2025-12-01", "2026-01-10"), Stay(1, "2026-01-06", "2026-01-20"), Stay(2, "2026-01-01", "2026-12-31") };

        var standings = GrassrootsShortfall.Stays([1, 2, 3], stays, Rules, YearEnd);
        var shortfall = GrassrootsShortfall.StayShortfall([1, 2, 3], stays, Rules, YearEnd);

        Assert.Equal(20, standings[0].Done);
        Assert.Equal([3, 1], shortfall.Select(s => s.PersonId));
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-01", "Cadre.ToBeforeFrom", "to")]
    [InlineData("2026-03-01", "2027-01-01", "Cadre.DayInFuture", "to")]
    public void RecordStay_BackwardsOrNotYetDone_IsRefused(string from, string to, string code, string field)
    {
        var ex = Refused(() => Stay(1, from, to));

        Assert.Equal((code, field), (ex.Code, ex.Field));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void NightShortfall_OneNightAWeekIsShort_TwoAreEnough(int nights, bool listed)
    {
        // 2026-06-01 is a Monday; by Saturday 06-13 only the week of 06-01 has ended.
        var reported = new[] { Night(1, "2026-06-02"), Night(1, "2026-06-07"), Night(1, "2026-06-09") }.Take(nights).ToList();
        reported.Add(Night(1, "2026-06-09"));

        var weeks = GrassrootsShortfall.NightShortfall([1], reported, [], Rules, D("2026-06-01"), D("2026-06-13"));

        Assert.Equal(listed ? [new NightShortWeek(1, D("2026-06-01"), 1)] : [], weeks);
    }

    [Fact]
    public void NightShortfall_ANightFoundAbsentDoesNotCount_ANightFoundPresentDoes()
    {
        var reported = new[] { Night(1, "2026-06-02"), Night(1, "2026-06-03"), Night(2, "2026-06-02") };
        var checks = new[] { Check(1, "2026-06-03", present: false), Check(2, "2026-06-04", present: true) };

        var weeks = GrassrootsShortfall.NightShortfall([1, 2], reported, checks, Rules, D("2026-06-01"), D("2026-06-07"));

        Assert.Equal([new NightShortWeek(1, D("2026-06-01"), 1)], weeks);
        Assert.Equal(
            [new AbsentNight(1, D("2026-06-03"), Reported: true)],
            GrassrootsShortfall.FoundAbsent(checks, reported, D("2026-06-01"), D("2026-06-07")));
    }

    [Theory]
    [InlineData("2026-06-06", 0)] // the week of 06-01 ends on Sunday 06-07: not judged yet
    [InlineData("2026-06-07", 1)]
    public void NightShortfall_AWeekIsJudgedOnlyOnceItHasEnded(string asOf, int weeks) =>
        Assert.Equal(weeks, GrassrootsShortfall.NightShortfall([1], [], [], Rules, D("2026-06-01"), D(asOf)).Count);

    [Fact]
    public void NightShortfall_AWeekBegunBeforeFrom_IsNotJudged()
    {
        var weeks = GrassrootsShortfall.NightShortfall([1], [], [], Rules, D("2026-06-02"), D("2026-06-14"));

        Assert.Equal([new NightShortWeek(1, D("2026-06-08"), 0)], weeks);
    }

    [Fact]
    public void SpotCheck_WithoutTheChecker_IsRefused()
    {
        var ex = Refused(() => NightSpotCheck.Record(1, 1, D("2026-06-02"), false, " ", null, YearEnd));

        Assert.Equal(("Input.Required", "checkedBy"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Contacts_ListsTheLeadersMissingAnEnterpriseOrAVillageOnTheDay()
    {
        var enterprise = ContactPoint.Assign(1, 1, 10, UnitKind.Enterprise, D("2026-01-01"), []);
        var village = ContactPoint.Assign(1, 1, 20, UnitKind.Village, D("2026-01-01"), []);
        village.End(D("2026-06-30"));
        var both = new[] { ContactPoint.Assign(2, 1, 10, UnitKind.Enterprise, D("2026-01-01"), []), ContactPoint.Assign(2, 1, 21, UnitKind.Village, D("2026-01-01"), []) };
        var points = new[] { enterprise, village }.Concat(both).ToList();

        Assert.Equal([new ContactShortfall(3, 1, 1)], GrassrootsShortfall.Contacts([1, 2, 3], points, Rules, D("2026-06-30")));
        Assert.Equal(
            [new ContactShortfall(1, 0, 1), new ContactShortfall(3, 1, 1)],
            GrassrootsShortfall.Contacts([1, 2, 3], points, Rules, D("2026-07-01")));
    }

    [Fact]
    public void AssignContactPoint_NotAnEnterpriseOrVillage_OrTheSameUnitTwice_IsRefused()
    {
        var first = ContactPoint.Assign(1, 1, 10, UnitKind.Enterprise, D("2026-01-01"), []);

        Assert.Equal("Cadre.ContactPointKind", Refused(() => ContactPoint.Assign(1, 1, 11, UnitKind.Community, D("2026-01-01"), [])).Code);
        Assert.Equal("Cadre.ContactPointTwice", Refused(() => ContactPoint.Assign(1, 1, 10, UnitKind.Enterprise, D("2026-02-01"), [first])).Code);

        first.End(D("2026-01-31"));
        Assert.Equal(10, ContactPoint.Assign(1, 1, 10, UnitKind.Enterprise, D("2026-02-01"), [first]).UnitId);
        Assert.Equal("Cadre.ContactPointEnded", Refused(() => first.End(D("2026-03-01"))).Code);
    }

    [Theory]
    [InlineData("2026-02-28", false)]
    [InlineData("2026-03-01", true)]
    public void ContactPoint_EndsNotBeforeItsFirstDay_AndCountsFromItsFirstDay(string end, bool accepted)
    {
        var point = ContactPoint.Assign(1, 1, 10, UnitKind.Village, D("2026-03-01"), []);

        Assert.False(point.IsActiveOn(D("2026-02-28")));
        if (accepted)
        {
            point.End(D(end));
            Assert.True(point.IsActiveOn(D("2026-03-01")));
        }
        else
        {
            Assert.Equal(("Cadre.ToBeforeFrom", "to"), Refused(() => point.End(D(end))) is var ex ? (ex.Code, ex.Field) : default);
            Assert.Null(point.To);
        }
    }

    [Fact]
    public void RotaGaps_AreTheWorkingDaysWithNobodyOnDuty_HolidaysAndWeekendsAside_MakeUpWorkdaysIn()
    {
        // Thursday 06-18 to Monday 06-22: Friday 06-19 a holiday, Sunday 06-21 a make-up workday.
        var calendar = new HolidayCalendar([2026], [D("2026-06-19")], [D("2026-06-21")]);
        var days = new[] { RotaDay.Schedule(1, D("2026-06-18"), 5, []), RotaDay.Schedule(2, D("2026-06-22"), 6, []) };

        Assert.Equal([D("2026-06-21"), D("2026-06-22")], GrassrootsShortfall.RotaGaps(1, days, calendar, D("2026-06-18"), D("2026-06-22")));
    }

    [Fact]
    public void RotaDay_OneMemberADay_CasesOnlyFromTheDay_ReassignOnlyBefore()
    {
        var day = RotaDay.Schedule(1, D("2026-06-18"), 5, []);

        Assert.Equal("Cadre.RotaDayTwice", Refused(() => RotaDay.Schedule(1, D("2026-06-18"), 6, [day])).Code);
        Assert.Equal("Cadre.CaseBeforeDay", Refused(() => day.AddCase("宅基地纠纷", 2, null, false, D("2026-06-17"))).Code);
        day.Reassign(6, D("2026-06-17"));
        Assert.Equal("Cadre.RotaDayServed", Refused(() => day.Reassign(7, D("2026-06-18"))).Code);

        day.AddCase("宅基地纠纷", 2, "已转村调解", false, D("2026-06-18"));

        Assert.Equal((6, 1), (day.PersonId, day.Cases.Count));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void AddCase_PetitionersFromOneToAThousand(int petitioners, bool accepted)
    {
        var day = RotaDay.Schedule(1, D("2026-06-18"), 5, []);

        if (accepted)
        {
            Assert.Equal(petitioners, day.AddCase("征地补偿", petitioners, null, true, D("2026-06-18")).Petitioners);
        }
        else
        {
            Assert.Equal(("Input.OutOfRange", "petitioners"), Refused(() => day.AddCase("征地补偿", petitioners, null, true, D("2026-06-18"))) is var ex ? (ex.Code, ex.Field) : default);
        }
    }

    [Theory]
    [InlineData(367, 2, "townshipStayDays")]
    [InlineData(90, 8, "nightsPerWeek")]
    [InlineData(-1, 2, "townshipStayDays")]
    public void Rules_Demand_RefusesOutOfRangeFigures(int days, int nights, string field)
    {
        var ex = Refused(() => (Rules with { TownshipStayDays = days, NightsPerWeek = nights }).Demand());

        Assert.Equal(("Input.OutOfRange", field), (ex.Code, ex.Field));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(366, 7)]
    public void Rules_Demand_AcceptsTheEndsOfTheRanges(int days, int nights) =>
        (Rules with { TownshipStayDays = days, NightsPerWeek = nights, ContactEnterprises = GrassrootsRules.MaxContacts, ContactVillages = 0 }).Demand();

    [Fact]
    public void Rules_Defaults_PassTheirOwnCheck() => Rules.Demand();
}
