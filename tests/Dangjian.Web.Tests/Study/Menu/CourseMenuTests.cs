using System.Globalization;
using System.Net;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Features.Study.Menu;
using Dangjian.Web.Features.Study.Records;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.Minutes;
using Dangjian.Web.Tests.Study.Inspections;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dangjian.Web.Tests.Study.Menu;

/// <summary>
/// 菜单式培训 (STU-6) over HTTP on a real database: a menu drafted, opened and picked from between the bounds (2–3 by
/// default), attendance saved whole or not at all, and the seed's statistics (3 or more / 2 / 1 / never with percentages)
/// over a fresh branch's leaders, on screen and in the export; an attended course becoming the leader's course record
/// (counted in their credits, gone again when taken back); township B refused. Menus are of 2024, which the demo leaves alone.
/// </summary>
public abstract class CourseMenuTests(AppFixture app)
{
    private const string Route = CourseMenuEndpoints.Route;

    [Fact]
    public async Task Picks_OneAndFourRefused_TwoAndThreeTaken_Attendance_GivesTheSeedsBands()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 4);
        var menu = await (await admin.PostJsonAsync(Route, new CreateCourseMenuRequest(branch, 2024))).ReadAsync<CourseMenuView>();
        foreach (var (title, month) in new[] { ("习近平新时代中国特色社会主义思想", 3), ("依法行政", 5), ("招商引资实务", 9), ("城市管理", 11) })
        {
            menu = await (await admin.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest(title, new DateOnly(2024, month, 10), 3m, menu.Version))).ReadAsync<CourseMenuView>();
        }

        menu = await (await admin.PostJsonAsync($"{Route}/{menu.Id}/open", new CourseMenuVersionRequest(menu.Version))).ReadAsync<CourseMenuView>();
        Assert.Equal((CourseMenuStatus.Open, 2, 3), (menu.Status, menu.MinPicks, menu.MaxPicks));
        var c = menu.Courses.Select(x => x.Id).ToArray();

        var one = await (await admin.PostJsonAsync($"{Route}/{menu.Id}/picks", new PickCoursesRequest(l[0], [c[0]], menu.Version))).ProblemErrorsAsync();
        var four = await (await admin.PostJsonAsync($"{Route}/{menu.Id}/picks", new PickCoursesRequest(l[0], c, menu.Version))).ProblemErrorsAsync();
        Assert.Equal(["courseIds", "courseIds"], [.. one.Keys, .. four.Keys]);
        Assert.Equal(0, await app.WithDbAsync(db => db.CoursePicks.CountAsync(p => p.MenuId == menu.Id)));

        menu = await PickAsync(admin, menu, l[0], c[0], c[1], c[2]);
        menu = await PickAsync(admin, menu, l[1], c[0], c[1]);
        menu = await PickAsync(admin, menu, l[2], c[2], c[3]);
        Assert.Equal([3, 2, 2, 0], l.Select(p => menu.Leaders.Single(x => x.PersonId == p).Picks.Count));

        // l0 attended three, l1 two, l2 one of two; l3 picked nothing. A row for a course not picked spoils the whole save.
        var bad = await admin.PostJsonAsync($"{Route}/{menu.Id}/attendance", new RecordCourseAttendanceRequest(
            [new(l[0], c[0], true), new(l[2], c[0], true)], menu.Version));
        Assert.Equal(["rows[1].courseId"], (await bad.ProblemErrorsAsync()).Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.CoursePicks.CountAsync(p => p.MenuId == menu.Id && p.Attended)));

        menu = await (await admin.PostJsonAsync($"{Route}/{menu.Id}/attendance", new RecordCourseAttendanceRequest(
            [new(l[0], c[0], true), new(l[0], c[1], true), new(l[0], c[2], true), new(l[1], c[0], true), new(l[1], c[1], true), new(l[2], c[2], true), new(l[2], c[3], false)],
            menu.Version))).ReadAsync<CourseMenuView>();

        var s = await (await admin.GetAsync($"{Route}/statistics?organizationId={branch}&year=2024")).ReadAsync<TrainingStatisticsView>();
        Assert.Equal(4, s.People);

        // One of four in each band: 25 % each, worked by hand.
        Assert.Equal([("ThreeOrMore", 1, 25.0m), ("Twice", 1, 25.0m), ("Once", 1, 25.0m), ("Never", 1, 25.0m)], s.Bands.Select(b => (b.Band, b.People, b.Percent)));
        Assert.Equal([3, 2, 1, 0], l.Select(p => s.Leaders.Single(x => x.PersonId == p).Times));

        var export = await admin.GetAsync($"{Route}/statistics/export?organizationId={branch}&year=2024");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("3 次及以上", rows[0]["参训次数"]);
        Assert.Equal(25d, Convert.ToDouble(rows[0]["占比"], CultureInfo.InvariantCulture));
        Assert.Equal(4d, Convert.ToDouble(rows[4]["人数"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Menu_SameYearTwice_Is400_ACourseOutsideTheYear_Is400OnDate_AStaleVersion_Is409()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, _) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var menu = await (await admin.PostJsonAsync(Route, new CreateCourseMenuRequest(branch, 2024))).ReadAsync<CourseMenuView>();

        Assert.Equal(["year"], (await (await admin.PostJsonAsync(Route, new CreateCourseMenuRequest(branch, 2024))).ProblemErrorsAsync()).Keys);
        Assert.Equal(["date"], (await (await admin.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest("依法行政", new DateOnly(2025, 1, 1), 3m, menu.Version))).ProblemErrorsAsync()).Keys);
        var added = await admin.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest("依法行政", new DateOnly(2024, 12, 31), 3m, menu.Version));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest("城市管理", null, 2m, menu.Version))).StatusCode);

        // One course cannot be opened when each leader must pick two.
        var current = await added.ReadAsync<CourseMenuView>();
        Assert.Equal(["courses"], (await (await admin.PostJsonAsync($"{Route}/{menu.Id}/open", new CourseMenuVersionRequest(current.Version))).ProblemErrorsAsync()).Keys);
        Assert.Equal(CourseMenuStatus.Drafting, (await (await admin.GetAsync($"{Route}?organizationId={branch}&year=2024")).ReadAsync<CourseMenusView>()).Menu!.Status);
    }

    [Fact]
    public async Task Course_Teacher_KeptAndShown_TooLong_Is400OnTeacher_HoursFinerThanTheHundredth_Is400OnHours()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var (branch, _) = await app.NewBranchWithLeadersAsync(t.A, 1);
        var menu = await (await admin.PostJsonAsync(Route, new CreateCourseMenuRequest(branch, 2024))).ReadAsync<CourseMenuView>();

        Assert.Equal(["teacher"], (await (await admin.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest("党史", null, 2m, menu.Version, new string('师', MenuCourse.MaxTeacherLength + 1)))).ProblemErrorsAsync()).Keys);
        Assert.Equal(["hours"], (await (await admin.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest("党史", null, 1.255m, menu.Version, "王老师"))).ProblemErrorsAsync()).Keys);
        var added = await (await admin.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest("党史", null, 1.25m, menu.Version, " 王老师 "))).ReadAsync<CourseMenuView>();

        var course = Assert.Single((await (await admin.GetAsync($"{Route}?organizationId={branch}&year=2024")).ReadAsync<CourseMenusView>()).Menu!.Courses);
        Assert.Equal(("王老师", 1.25m), (course.Teacher, course.Hours));
        Assert.Equal(menu.Version + 1, added.Version);
    }

    [Fact]
    public async Task TownshipB_IsRefusedTownshipAsMenuAndStatistics_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var orgAdminB = await app.ClientForAsync(Demo.OrgAdminB);
        var (branch, l) = await app.NewBranchWithLeadersAsync(t.A, 2);
        var menu = await (await admin.PostJsonAsync(Route, new CreateCourseMenuRequest(branch, 2024))).ReadAsync<CourseMenuView>();

        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.PostJsonAsync(Route, new CreateCourseMenuRequest(branch, 2023))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest("越权课程", null, 2m, menu.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.GetAsync($"{Route}?organizationId={branch}&year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.GetAsync($"{Route}/statistics?organizationId={branch}&year=2024")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgAdminB.GetAsync($"{Route}/statistics/export?organizationId={branch}&year=2024")).StatusCode);
        Assert.Equal((1, 0), await app.WithDbAsync(async db => (await db.CourseMenus.CountAsync(m => m.OrganizationId == branch), await db.MenuCourses.CountAsync(x => x.MenuId == menu.Id))));

        // Township B's statistics do not count township A's leaders.
        var statsB = await (await orgAdminB.GetAsync($"{Route}/statistics?organizationId={t.B}&year=2024")).ReadAsync<TrainingStatisticsView>();
        Assert.DoesNotContain(statsB.Leaders, x => l.Contains(x.PersonId));
    }

    [Fact]
    public async Task Attended_MakesTheCourseRecord_InThePersonsOrganization_CreditsRise_TakenBack_TheyFall()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        // The menu of a general branch, picked by a leader of a branch below it: the record is kept where the person is.
        var general = await app.NewOrganizationAsync(t.A, OrganizationKind.GeneralBranch);
        var (branch, l) = await app.NewBranchWithLeadersAsync(general, 1);
        var menu = await (await admin.PostJsonAsync(Route, new CreateCourseMenuRequest(general, 2024))).ReadAsync<CourseMenuView>();
        foreach (var (title, date, hours) in new[] { ("依法行政", new DateOnly(2024, 5, 10), 3.5m), ("城市管理", new DateOnly(2024, 9, 10), 2m), ("党史", (DateOnly?)null, 2m) })
        {
            menu = await (await admin.PostJsonAsync($"{Route}/{menu.Id}/courses", new AddMenuCourseRequest(title, date, hours, menu.Version))).ReadAsync<CourseMenuView>();
        }

        menu = await (await admin.PostJsonAsync($"{Route}/{menu.Id}/open", new CourseMenuVersionRequest(menu.Version))).ReadAsync<CourseMenuView>();
        var c = menu.Courses.Select(x => x.Id).ToArray();
        menu = await PickAsync(admin, menu, l[0], c);
        var before = await CreditsAsync(admin, l[0]);

        // The undated course spoils the whole save: no attendance, no record.
        var undated = await admin.PostJsonAsync($"{Route}/{menu.Id}/attendance", new RecordCourseAttendanceRequest([new(l[0], c[0], true), new(l[0], c[2], true)], menu.Version));
        Assert.Equal(["rows[1].courseId"], (await undated.ProblemErrorsAsync()).Keys);
        Assert.Equal((0, before), (await LinkedCountAsync(l[0]), await CreditsAsync(admin, l[0])));

        menu = await AttendAsync(admin, menu, new CourseAttendanceRow(l[0], c[0], true));
        var rate = StudyCredits.Defaults.For(StudyKind.Course).Rate;
        Assert.Equal(before + (3.5m * rate), await CreditsAsync(admin, l[0]));
        var record = await app.WithDbAsync(db => db.StudyRecords.AsNoTracking().SingleAsync(r => r.PersonId == l[0] && r.MenuCourseId == c[0]));
        Assert.Equal(
            (StudyKind.Course, new DateOnly(2024, 5, 10), 3.5m, "依法行政", branch, StudyRecordStatus.Approved, true),
            (record.Kind, record.Date!.Value, record.Hours!.Value, record.Topic, record.OrganizationId, record.Status, record.EnteredByClerk));

        // Attended again (and a pick not attended left so): still the one record.
        menu = await AttendAsync(admin, menu, new CourseAttendanceRow(l[0], c[0], true), new CourseAttendanceRow(l[0], c[1], false));
        Assert.Equal(1, await LinkedCountAsync(l[0]));

        // The menu keeps it: the clerk cannot return it by hand.
        var returned = await admin.PostJsonAsync($"{StudyRecordEndpoints.Route}/{record.Id}/return", new ReturnStudyRecordRequest("不对", record.Version));
        Assert.Equal(["status"], (await returned.ProblemErrorsAsync()).Keys);

        menu = await AttendAsync(admin, menu, new CourseAttendanceRow(l[0], c[0], false));
        Assert.Equal((0, before), (await LinkedCountAsync(l[0]), await CreditsAsync(admin, l[0])));

        var orgAdminB = await app.ClientForAsync(Demo.OrgAdminB);
        var refused = await orgAdminB.PostJsonAsync($"{Route}/{menu.Id}/attendance", new RecordCourseAttendanceRequest([new(l[0], c[0], true)], menu.Version));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal((0, 0), (await LinkedCountAsync(l[0]), await app.WithDbAsync(db => db.CoursePicks.CountAsync(p => p.MenuId == menu.Id && p.Attended))));
    }

    private async Task<int> LinkedCountAsync(int person) =>
        await app.WithDbAsync(db => db.StudyRecords.CountAsync(r => r.PersonId == person && r.MenuCourseId != null));

    private static async Task<decimal> CreditsAsync(HttpClient client, int person) =>
        (await (await client.GetAsync($"{StudyComplianceEndpoints.Route}/person/{person}?asOf=2024-12-31")).ReadAsync<StudyComplianceRow>()).Credits;

    private static async Task<CourseMenuView> AttendAsync(HttpClient client, CourseMenuView menu, params CourseAttendanceRow[] rows)
    {
        var answer = await client.PostJsonAsync($"{Route}/{menu.Id}/attendance", new RecordCourseAttendanceRequest(rows, menu.Version));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.ReadAsync<CourseMenuView>();
    }

    private static async Task<CourseMenuView> PickAsync(HttpClient client, CourseMenuView menu, int person, params Guid[] courses)
    {
        var answer = await client.PostJsonAsync($"{Route}/{menu.Id}/picks", new PickCoursesRequest(person, courses, menu.Version));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.ReadAsync<CourseMenuView>();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CourseMenuSqliteTests(SqliteApp app) : CourseMenuTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CourseMenuPostgresTests(PostgresApp app) : CourseMenuTests(app);
