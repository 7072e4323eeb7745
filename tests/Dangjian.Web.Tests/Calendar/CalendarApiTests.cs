using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dangjian.Domain.Calendar;
using Dangjian.Web.Features.Calendar;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Calendar;

/// <summary>
/// The working-day calendar through /api/v1/calendar on each database (MTG-2): seeded 2026, edits that change
/// the working days every deadline counts, a new year imported all or nothing, and changes for district admins only.
/// Tests that edit 2026 put it back; imports use a year of their own.
/// </summary>
public abstract class CalendarApiTests(AppFixture app)
{
    private static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> WorkdaysAsync(HttpClient client, string from, string to) =>
        (await (await client.GetAsync($"/api/v1/calendar/workdays?from={from}&to={to}")).ReadAsync<WorkingDaysView>()).WorkingDays;

    private Task<int> DayCountAsync() => app.WithDbAsync(db => db.CalendarDays.CountAsync());

    [Fact]
    public async Task Seeded_2026_HoldsTheNoticeDays_ReadableByAMember()
    {
        var client = await app.ClientForAsync(Demo.Member);

        var years = await (await client.GetAsync("/api/v1/calendar/years")).ReadAsync<List<CalendarYearSummary>>();
        var y2026 = Assert.Single(years, y => y.Year == 2026);
        Assert.Equal("国务院办公厅关于2026年部分节假日安排的通知", y2026.Source);
        Assert.Contains(years, y => y.Year == 2025);

        var view = await (await client.GetAsync("/api/v1/calendar/years/2026")).ReadAsync<CalendarYearView>();
        var days = view.Days.ToDictionary(d => d.Date);
        Assert.Equal(CalendarDayKind.MakeUpWorkday, days[D("2026-02-14")].Kind); // the Saturday before 春节
        Assert.Equal((CalendarDayKind.Holiday, "春节"), (days[D("2026-02-23")].Kind, days[D("2026-02-23")].Name));
        Assert.Equal((CalendarDayKind.Holiday, "国庆节"), (days[D("2026-10-07")].Kind, days[D("2026-10-07")].Name));
        Assert.Equal(CalendarDayKind.MakeUpWorkday, days[D("2026-10-10")].Kind);
        Assert.False(days.ContainsKey(D("2026-10-08"))); // 国庆 is 1–7 October in 2026: the 8th is an ordinary Thursday
        Assert.Equal(12, view.Months.Count);
        Assert.Equal(view.WorkingDays, view.Months.Sum(m => m.WorkingDays));

        Assert.Equal(1, await WorkdaysAsync(client, "2026-02-14", "2026-02-15")); // a working Saturday
        Assert.Equal(0, await WorkdaysAsync(client, "2026-10-07", "2026-10-08")); // a holiday Wednesday
        Assert.Equal(1, await WorkdaysAsync(client, "2026-10-08", "2026-10-09"));
        Assert.Equal(4, await WorkdaysAsync(client, "2026-09-28", "2026-10-09")); // the worked example of a decision's notice
    }

    [Fact]
    public async Task AddEditRemove_ChangeTheWorkingDaysTheApiCounts_AndAreAudited()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var reader = await app.ClientForAsync(Demo.OrgAdminA);
        // Monday 7 to Monday 14 December 2026: five working days; Wednesday the 9th and Saturday the 12th are ordinary.
        Assert.Equal(5, await WorkdaysAsync(reader, "2026-12-07", "2026-12-14"));
        try
        {
            var added = await admin.PostJsonAsync("/api/v1/calendar/days", new CalendarDayRequest(D("2026-12-09"), CalendarDayKind.Holiday, "测试纪念日", null));
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            var day = await added.ReadAsync<CalendarDayView>();
            Assert.Equal(4, await WorkdaysAsync(reader, "2026-12-07", "2026-12-14"));

            var saturday = await (await admin.PostJsonAsync("/api/v1/calendar/days", new CalendarDayRequest(D("2026-12-12"), CalendarDayKind.MakeUpWorkday, null, null)))
                .ReadAsync<CalendarDayView>();
            Assert.Equal(5, await WorkdaysAsync(reader, "2026-12-07", "2026-12-14"));

            var edited = await (await admin.PutJsonAsync("/api/v1/calendar/days/2026-12-12", new CalendarDayRequest(null, CalendarDayKind.Holiday, "测试纪念日", saturday.Version)))
                .ReadAsync<CalendarDayView>();
            Assert.Equal(CalendarDayKind.Holiday, edited.Kind);
            Assert.Equal(saturday.Version + 1, edited.Version);
            Assert.Equal(4, await WorkdaysAsync(reader, "2026-12-07", "2026-12-14"));

            // The same page of the year shows it, with December's count down by one.
            var year = await (await reader.GetAsync("/api/v1/calendar/years/2026")).ReadAsync<CalendarYearView>();
            Assert.Contains(year.Days, d => d.Date == D("2026-12-09") && d.Name == "测试纪念日");
            Assert.Equal(await WorkdaysAsync(reader, "2026-12-01", "2027-01-01"), year.Months[11].WorkingDays);

            // A stale version is a conflict, not an overwrite.
            var stale = await admin.PutJsonAsync("/api/v1/calendar/days/2026-12-12", new CalendarDayRequest(null, CalendarDayKind.MakeUpWorkday, null, saturday.Version));
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

            var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(CalendarDay)).Select(a => a.Action).ToListAsync());
            Assert.Contains(CalendarCommands.EditedAction, audit);
            Assert.Contains("Created", audit);

            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/days/{day.Date:yyyy-MM-dd}")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/days/2026-12-12")).StatusCode);
            Assert.Equal(5, await WorkdaysAsync(reader, "2026-12-07", "2026-12-14"));
            Assert.Contains("Deleted", await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(CalendarDay)).Select(a => a.Action).ToListAsync()));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/calendar/days/2026-12-12")).StatusCode);
        }
        finally
        {
            await app.WithDbAsync(async db => await db.CalendarDays.Where(d => d.Date == D("2026-12-09") || d.Date == D("2026-12-12")).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task Add_HolidayOnAMakeUpWorkday_IsRefusedNamingIt_AndNothingChanges()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var before = await DayCountAsync();

        var response = await admin.PostJsonAsync("/api/v1/calendar/days", new CalendarDayRequest(D("2026-10-10"), CalendarDayKind.Holiday, "国庆节", null));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("2026-10-10", errors["date"][0], StringComparison.Ordinal);
        Assert.Contains("调休上班日", errors["date"][0], StringComparison.Ordinal);
        Assert.Equal(before, await DayCountAsync());
        Assert.Equal(1, await WorkdaysAsync(admin, "2026-10-10", "2026-10-11"));
    }

    [Fact]
    public async Task Edit_HolidayIntoAMakeUpWorkdayOnAWeekday_IsRefused()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var day = (await (await admin.GetAsync("/api/v1/calendar/years/2026")).ReadAsync<CalendarYearView>()).Days.Single(d => d.Date == D("2026-10-07"));

        var response = await admin.PutJsonAsync("/api/v1/calendar/days/2026-10-07", new CalendarDayRequest(null, CalendarDayKind.MakeUpWorkday, "国庆节", day.Version));

        var errors = await response.ProblemErrorsAsync();
        Assert.Contains("2026-10-07", errors["date"][0], StringComparison.Ordinal);
        Assert.Equal(0, await WorkdaysAsync(admin, "2026-10-07", "2026-10-08"));
    }

    [Fact]
    public async Task Import_2027_MakesItsDatesComputable_WhileBeforeThemTheyAreRefusedNamingTheYear()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var member = await app.ClientForAsync(Demo.Member);

        var refused = await member.GetAsync("/api/v1/calendar/workdays?from=2026-12-28&to=2027-01-06");
        var errors = await refused.ProblemErrorsAsync();
        Assert.Contains("2027", errors["to"][0], StringComparison.Ordinal);

        // A made-up 2027 for the test (the real notice is published late in the preceding year).
        var response = await admin.PostAsync("/api/v1/calendar/years", Json("""
            { "year": 2027, "source": "测试：2027年节假日安排",
              "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },
                            { "name": "春节", "from": "2027-02-06", "to": "2027-02-13" } ],
              "workdays": [ { "date": "2027-02-14", "name": "春节" }, "2027-02-20" ] }
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.ReadAsync<CalendarYearView>();
        Assert.Equal(13, view.Days.Count);
        Assert.Equal("/api/v1/calendar/years/2027", response.Headers.Location?.OriginalString);
        // 28–31 December 2026 (Mon–Thu) and 4–5 January 2027 (Mon–Tue); 1–3 January is 元旦.
        Assert.Equal(6, await WorkdaysAsync(member, "2026-12-28", "2027-01-06"));
        Assert.Equal(2, await WorkdaysAsync(member, "2027-02-13", "2027-02-16")); // a holiday Saturday, a worked Sunday, a Monday
        Assert.Contains(await (await member.GetAsync("/api/v1/calendar/years")).ReadAsync<List<CalendarYearSummary>>(), y => y.Year == 2027 && y.Holidays == 11);
        Assert.Contains(CalendarCommands.ImportedAction, await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Import_WithErrors_ReportsEachEntry_AndChangesNothing()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var before = await DayCountAsync();
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await admin.PostAsync("/api/v1/calendar/years", Json("""
            { "year": 2029,
              "holidays": [ { "name": "元旦", "from": "2029-01-01", "to": "2029-01-01" },
                            { "name": "春节", "from": "2029-02-30", "to": "2029-02-14" },
                            { "name": "国庆节", "from": "2029-10-01", "to": "2029-10-07" },
                            { "name": "元旦", "from": "2030-01-01", "to": "2030-01-01" },
                            { "name": "元旦", "from": "2029-01-01", "to": "2029-01-01" } ],
              "workdays": [ "2029-10-06" ] }
            """));

        var errors = await response.ProblemErrorsAsync();
        Assert.Equal(["holidays[1].from", "holidays[3]", "holidays[4]", "workdays[0]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("2029-02-30", errors["holidays[1].from"][0], StringComparison.Ordinal); // bad date
        Assert.Contains("2029", errors["holidays[3]"][0], StringComparison.Ordinal);          // outside the year
        Assert.Contains("2029-01-01", errors["holidays[4]"][0], StringComparison.Ordinal);    // the same day twice
        Assert.Contains("2029-10-06", errors["workdays[0]"][0], StringComparison.Ordinal);    // a holiday on a make-up day
        Assert.Equal(before, await DayCountAsync());
        Assert.Equal(audit, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/calendar/years/2029")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/calendar/workdays?from=2029-01-01&to=2029-01-02")).StatusCode);
    }

    [Fact]
    public async Task Import_AYearHeld_IsRefusedUnlessReplace_WhichSwapsAllItsDays()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        const string First = """{ "year": 2030, "source": "第一版", "holidays": [ { "name": "元旦", "from": "2030-01-01", "to": "2030-01-01" } ], "workdays": [] }""";
        const string Second = """{ "year": 2030, "source": "第二版", "holidays": [ { "name": "元旦", "from": "2030-01-01", "to": "2030-01-02" } ], "workdays": [ "2030-01-05" ] }""";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/calendar/years", Json(First))).StatusCode);

        var again = await admin.PostAsync("/api/v1/calendar/years", Json(Second));
        var errors = await again.ProblemErrorsAsync();
        Assert.Contains("2030", errors["year"][0], StringComparison.Ordinal);
        Assert.Equal("第一版", (await (await admin.GetAsync("/api/v1/calendar/years/2030")).ReadAsync<CalendarYearView>()).Source);

        var replaced = await admin.PostAsync("/api/v1/calendar/years?replace=true", Json(Second));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var view = await replaced.ReadAsync<CalendarYearView>();
        Assert.Equal("第二版", view.Source);
        Assert.Equal([D("2030-01-01"), D("2030-01-02"), D("2030-01-05")], view.Days.Select(d => d.Date));
        Assert.Equal(1, await WorkdaysAsync(admin, "2030-01-05", "2030-01-06"));
        Assert.Contains(CalendarCommands.ReplacedAction, await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(CalendarYear)).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Changes_ByAnOrgAdmin_Are403_AndNothingChanges()
    {
        var orgAdmin = await app.ClientForAsync(Demo.OrgAdminA);
        var before = await DayCountAsync();
        var day = (await (await orgAdmin.GetAsync("/api/v1/calendar/years/2026")).ReadAsync<CalendarYearView>()).Days.Single(d => d.Date == D("2026-10-10"));

        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.PostJsonAsync("/api/v1/calendar/days", new CalendarDayRequest(D("2026-12-09"), CalendarDayKind.Holiday, "x", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.PutJsonAsync("/api/v1/calendar/days/2026-10-10", new CalendarDayRequest(null, CalendarDayKind.MakeUpWorkday, "改", day.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.DeleteAsync("/api/v1/calendar/days/2026-10-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.PostAsync("/api/v1/calendar/years", Json("""{ "year": 2031, "holidays": [] }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdmin.PostAsync("/api/v1/calendar/years/xlsx?year=2031", Xlsx([]))).StatusCode);

        Assert.Equal(before, await DayCountAsync());
        var after = (await (await orgAdmin.GetAsync("/api/v1/calendar/years/2026")).ReadAsync<CalendarYearView>()).Days.Single(d => d.Date == D("2026-10-10"));
        Assert.Equal(day, after);
        Assert.Equal(HttpStatusCode.NotFound, (await orgAdmin.GetAsync("/api/v1/calendar/years/2031")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_Gets401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/calendar/years")).StatusCode);
    }

    [Fact]
    public async Task Workdays_BadOrMissingDates_AreNamed()
    {
        var client = await app.ClientForAsync(Demo.Member);
        var errors = await (await client.GetAsync("/api/v1/calendar/workdays?from=2026-02-30")).ProblemErrorsAsync();
        Assert.Contains("2026-02-30", errors["from"][0], StringComparison.Ordinal);
        Assert.Contains("to", errors.Keys);
    }

    [Fact]
    public async Task Template_IsAnXlsxOfTheLatestYear_AndASheetImportGoesInWhole()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var template = await admin.GetAsync("/api/v1/calendar/template");
        Assert.Equal(ExcelFile.ContentType, template.Content.Headers.ContentType?.MediaType);
        var rows = (await template.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(rows > 0);

        var response = await admin.PostAsync("/api/v1/calendar/years/xlsx?year=2032&source=" + Uri.EscapeDataString("测试通知"), Xlsx([
            ("2032-01-01", "放假", "元旦"),
            ("2032-02-10", "放假", "春节"),
            ("2032-02-14", "调休上班", "春节"),
        ]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.ReadAsync<CalendarYearView>();
        Assert.Equal("测试通知", view.Source);
        Assert.Equal([D("2032-01-01"), D("2032-02-10"), D("2032-02-14")], view.Days.Select(d => d.Date));
        Assert.Equal(1, await WorkdaysAsync(admin, "2032-02-14", "2032-02-15")); // a Saturday worked
    }

    [Fact]
    public async Task SheetImport_WithErrors_NamesTheRows_AndChangesNothing()
    {
        var admin = await app.ClientForAsync(Demo.DistrictAdmin);
        var before = await DayCountAsync();

        var response = await admin.PostAsync("/api/v1/calendar/years/xlsx?year=2033", Xlsx([
            ("2033-01-01", "放假", "元旦"),
            ("2033-13-01", "放假", "坏日期"),
            ("2033-01-01", "调休上班", "元旦"),
            ("2033-05-01", "休息一下", "劳动节"),
        ]));

        var errors = await response.ProblemErrorsAsync();
        Assert.Equal(["rows[3].date", "rows[4]", "rows[5].kind"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await DayCountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/calendar/years/2033")).StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Xlsx(IEnumerable<(string Date, string Kind, string Name)> rows)
    {
        using var stream = new MemoryStream();
        var sheet = rows.Select(r => new Dictionary<string, object?> { ["日期"] = r.Date, ["类型"] = r.Kind, ["名称"] = r.Name }).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(new Dictionary<string, object?> { ["日期"] = null, ["类型"] = null, ["名称"] = null });
        }

        stream.SaveAs(sheet);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(ExcelFile.ContentType);
        return content;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CalendarApiSqliteTests(SqliteApp app) : CalendarApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CalendarApiPostgresTests(PostgresApp app) : CalendarApiTests(app);
