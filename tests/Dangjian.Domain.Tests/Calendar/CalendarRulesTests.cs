using System.Globalization;
using Dangjian.Domain.Calendar;

namespace Dangjian.Domain.Tests.Calendar;

/// <summary>Reading and checking a calendar year (MTG-2): the shipped file, imports and single-day edits.</summary>
public sealed class CalendarRulesTests
{
    private static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, List<string>> ByField(IEnumerable<CalendarProblem> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Code).ToList());

    [Fact]
    public void Shipped_HoldsBothYearsWithTheNoticeDays()
    {
        Assert.Equal([2025, 2026], CalendarYearJson.Shipped.Select(y => y.Year));
        var y2026 = CalendarYearJson.Shipped.Single(y => y.Year == 2026);
        Assert.Equal("国务院办公厅关于2026年部分节假日安排的通知", y2026.Source);
        var days = y2026.Days.ToDictionary(d => d.Date);
        Assert.Equal((CalendarDayKind.MakeUpWorkday, "春节"), (days[D("2026-02-14")].Kind, days[D("2026-02-14")].Name));
        Assert.Equal((CalendarDayKind.Holiday, "国庆节"), (days[D("2026-10-07")].Kind, days[D("2026-10-07")].Name));
        Assert.False(days.ContainsKey(D("2026-10-08")));
        // 3 + 9 + 3 + 5 + 3 + 3 + 7 holidays; 6 make-up workdays.
        Assert.Equal(33, y2026.Days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(6, y2026.Days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
    }

    [Fact]
    public void Read_WellFormedYear_ExpandsRangesAndAcceptsBothWorkdayForms()
    {
        var read = CalendarYearJson.Read("""
            { "year": 2027, "source": "通知",
              "holidays": [ { "name": "春节", "from": "2027-02-06", "to": "2027-02-08" } ],
              "workdays": [ "2027-02-13", { "date": "2027-02-14", "name": "春节" } ] }
            """);

        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal(2027, read.Draft!.Year);
        Assert.Equal([D("2027-02-06"), D("2027-02-07"), D("2027-02-08"), D("2027-02-13"), D("2027-02-14")], read.Draft.Days.Select(d => d.Date));
        Assert.Equal("", read.Draft.Days[3].Name);
        Assert.Equal("春节", read.Draft.Days[4].Name);
        Assert.Equal("holidays[0]", read.Draft.Days[1].Field);
    }

    [Fact]
    public void Read_BadEntries_AreEachReportedUnderTheirField()
    {
        var read = CalendarYearJson.Read("""
            { "year": 2027,
              "holidays": [
                { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" },
                { "name": "春节", "from": "2027-02-30", "to": "2027-03-02" },
                { "name": "", "from": "2027-04-05", "to": "2027-04-05" },
                { "name": "跨年", "from": "2026-12-31", "to": "2027-01-01" },
                { "name": "倒序", "from": "2027-05-05", "to": "2027-05-01" },
                { "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" }
              ],
              "workdays": [ "2027-10-02", "2027-01-01x", "2027-06-09", "2027-10-02" ] }
            """);

        Assert.False(read.Succeeded);
        var byField = ByField(read.Problems);
        Assert.Equal([CalendarRules.Codes.BadDate], byField["holidays[1].from"]);
        Assert.Equal([CalendarRules.Codes.NameRequired], byField["holidays[2].name"]);
        // 2026-12-31 is outside 2027; 2027-01-01 was already given by holidays[0].
        Assert.Equal([CalendarRules.Codes.DayOutsideYear, CalendarRules.Codes.DuplicateDay], byField["holidays[3]"].Order(StringComparer.Ordinal));
        Assert.Equal([CalendarRules.Codes.RangeBackwards], byField["holidays[4].to"]);
        Assert.Equal([CalendarRules.Codes.HolidayOnWorkday], byField["workdays[0]"]);
        Assert.Equal([CalendarRules.Codes.BadDate], byField["workdays[1]"]);
        Assert.Equal([CalendarRules.Codes.WorkdayNotWeekend], byField["workdays[2]"]); // a Wednesday
        Assert.Equal([CalendarRules.Codes.HolidayOnWorkday], byField["workdays[3]"]); // 2027-10-02 again (holiday first)
        Assert.DoesNotContain("holidays[0]", byField.Keys);
        Assert.DoesNotContain("holidays[5]", byField.Keys);
        Assert.Equal("holidays[1].from", read.Problems[0].Field);
    }

    [Fact]
    public void CheckYear_SeveralBadDaysOfOneRange_GiveOneMessageNamingThemAll()
    {
        var draft = new CalendarYearDraft(2027, "", [
            new CalendarDayDraft("holidays[0]", D("2026-12-30"), CalendarDayKind.Holiday, "x"),
            new CalendarDayDraft("holidays[0]", D("2026-12-31"), CalendarDayKind.Holiday, "x"),
            new CalendarDayDraft("holidays[0]", D("2027-01-01"), CalendarDayKind.Holiday, "x"),
        ]);

        var p = Assert.Single(CalendarRules.CheckYear(draft));
        Assert.Equal(CalendarRules.Codes.DayOutsideYear, p.Code);
        Assert.Equal(["2026-12-30、2026-12-31", (object)2027], p.Arguments);
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    public void CheckYear_YearNumber_WithinBounds(int year, bool ok)
    {
        var problems = CalendarRules.CheckYear(new CalendarYearDraft(year, "", []));
        Assert.Equal(ok, problems.Count == 0);
    }

    [Fact]
    public void Read_MissingYearOrNotJson_IsRefused()
    {
        var noYear = CalendarYearJson.Read("""{ "holidays": [] }""");
        Assert.Null(noYear.Draft);
        Assert.Equal("year", Assert.Single(noYear.Problems).Field);

        var notJson = CalendarYearJson.Read("{ year: ");
        Assert.Null(notJson.Draft);
        Assert.Equal("body", Assert.Single(notJson.Problems).Field);
    }

    [Fact]
    public void Read_RangeLongerThanAMonth_IsRefusedAsATypo()
    {
        var read = CalendarYearJson.Read("""{ "year": 2027, "holidays": [ { "name": "春节", "from": "2027-01-01", "to": "2027-02-01" } ] }""");
        Assert.Equal(CalendarRules.Codes.RangeTooLong, Assert.Single(read.Problems).Code);
    }

    [Fact]
    public void CheckDay_OnADayAlreadyAMakeUpWorkday_NamesWhatItIs()
    {
        var others = new Dictionary<DateOnly, CalendarDayKind> { [D("2026-10-10")] = CalendarDayKind.MakeUpWorkday };

        var p = Assert.Single(CalendarRules.CheckDay(D("2026-10-10"), CalendarDayKind.Holiday, "国庆节", yearCovered: true, others));

        Assert.Equal(("date", CalendarRules.Codes.DayExists), (p.Field, p.Code));
        Assert.Equal(["2026-10-10", (object)CalendarRules.Codes.KindMakeUpWorkday], p.Arguments);
    }

    [Theory]
    [InlineData("2026-12-12", CalendarDayKind.MakeUpWorkday, "", true, null)]              // a Saturday worked, no name needed
    [InlineData("2026-12-09", CalendarDayKind.MakeUpWorkday, "", true, "Calendar.WorkdayNotWeekend")] // a Wednesday
    [InlineData("2026-12-09", CalendarDayKind.Holiday, "  ", true, "Calendar.NameRequired")]
    [InlineData("2026-12-09", CalendarDayKind.Holiday, "纪念日", true, null)]
    [InlineData("2031-12-09", CalendarDayKind.Holiday, "纪念日", false, "Calendar.YearMissing")]
    public void CheckDay_Rules(string day, CalendarDayKind kind, string name, bool covered, string? code)
    {
        var problems = CalendarRules.CheckDay(D(day), kind, name, covered, new Dictionary<DateOnly, CalendarDayKind>());
        Assert.Equal(code, problems.SingleOrDefault()?.Code);
    }

    [Fact]
    public void CheckDay_NameOfMaxLength_PassesAndOneMoreFails()
    {
        var none = new Dictionary<DateOnly, CalendarDayKind>();
        Assert.Empty(CalendarRules.CheckDay(D("2026-12-09"), CalendarDayKind.Holiday, new string('节', CalendarDay.MaxNameLength), true, none));
        Assert.Equal(CalendarRules.Codes.NameTooLong,
            Assert.Single(CalendarRules.CheckDay(D("2026-12-09"), CalendarDayKind.Holiday, new string('节', CalendarDay.MaxNameLength + 1), true, none)).Code);
    }

    [Fact]
    public void Build_FromDays_GivesTheSameCalendarAsTheShippedOne()
    {
        var built = CalendarRules.Build([2025, 2026], CalendarYearJson.Shipped.SelectMany(y => y.Days).Select(d => (d.Date, d.Kind)));
        for (var d = D("2025-01-01"); d < D("2027-01-01"); d = d.AddDays(1))
        {
            Assert.Equal(HolidayCalendar.Shipped.IsWorkingDay(d), built.IsWorkingDay(d));
        }
    }
}
