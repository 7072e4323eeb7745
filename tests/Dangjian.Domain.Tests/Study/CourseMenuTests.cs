using Dangjian.Domain.Study;
using static Dangjian.Domain.Tests.Study.StudyTestKit;

namespace Dangjian.Domain.Tests.Study;

/// <summary>STU-6: the annual course menu (seed 004, 菜单式培训: 自主选择两至三次的培训) and the training statistics of seed 003.</summary>
public sealed class CourseMenuTests
{
    private static readonly CourseMenuRules Rules = CourseMenuRules.Defaults;
    private static readonly DateOnly Today = D("2026-06-30");
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 2, 0, 0, TimeSpan.Zero);

    private static (CourseMenu Menu, Guid[] Courses) OpenMenu(int courses = 4)
    {
        var menu = CourseMenu.Create(3, 2026);
        var ids = Enumerable.Range(1, courses).Select(i => menu.AddCourse($"课程{i}", D("2026-03-01").AddDays(i), 3).Id).ToArray();
        menu.Open(Rules);
        return (menu, ids);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Pick_BetweenTwoAndThreeCourses(int count, bool accepted)
    {
        var (menu, ids) = OpenMenu();

        if (accepted)
        {
            menu.Pick(7, ids[..count], Rules);
            Assert.Equal(count, menu.Picks.Count);
        }
        else
        {
            Assert.Equal(("Study.PickCount", "courseIds"), Pair(Refused(() => menu.Pick(7, ids[..count], Rules))));
            Assert.Empty(menu.Picks);
        }
    }

    [Fact]
    public void Pick_BoundsAreRuleData()
    {
        var (menu, ids) = OpenMenu();

        menu.Pick(7, ids[..1], new CourseMenuRules(1, 4));

        Assert.Single(menu.Picks);
    }

    [Fact]
    public void Pick_TheSameCourseTwice_OrOneNotOnTheMenu_Refused()
    {
        var (menu, ids) = OpenMenu();

        Assert.Equal("courseIds", Refused(() => menu.Pick(7, [ids[0], ids[0]], Rules)).Field);
        Assert.Equal("courseIds", Refused(() => menu.Pick(7, [ids[0], Guid.NewGuid()], Rules)).Field);
        Assert.Empty(menu.Picks);
    }

    [Fact]
    public void Pick_Again_ReplacesThePicks_UntilOneIsAttended()
    {
        var (menu, ids) = OpenMenu();
        menu.Pick(7, [ids[0], ids[1]], Rules);
        menu.Pick(8, [ids[0], ids[1]], Rules);
        menu.Pick(7, [ids[2], ids[3]], Rules);
        Assert.Equal([ids[2], ids[3]], menu.Picks.Where(p => p.PersonId == 7).Select(p => p.CourseId));

        menu.RecordAttendance(7, ids[2], attended: true, Today);

        Assert.Equal(("Study.PicksAttended", "courseIds"), Pair(Refused(() => menu.Pick(7, [ids[0], ids[1]], Rules))));
        Assert.Equal(1, menu.AttendedCount(7));
        Assert.Equal(4, menu.Picks.Count);
    }

    [Fact]
    public void Attendance_OnlyForAPickedCourse_AfterTheMenuOpened_AlsoOnceClosed()
    {
        var (menu, ids) = OpenMenu();
        menu.Pick(7, [ids[0], ids[1]], Rules);
        menu.Close();

        Assert.Equal(("Study.MenuNotOpen", "status"), Pair(Refused(() => menu.Pick(8, [ids[0], ids[1]], Rules))));
        Assert.Equal(("Study.NotPicked", "courseId"), Pair(Refused(() => menu.RecordAttendance(7, ids[2], true, Today))));
        menu.RecordAttendance(7, ids[0], true, Today);
        menu.RecordAttendance(7, ids[1], true, Today);
        Assert.Equal(2, menu.AttendedCount(7));
    }

    [Fact]
    public void Open_NeedsAsManyCoursesAsALeaderMustPick_ThenTheMenuIsFixed()
    {
        var menu = CourseMenu.Create(3, 2026);
        menu.AddCourse("法治", null, 2);
        Assert.Equal(("Study.MenuTooShort", "courses"), Pair(Refused(() => menu.Open(Rules))));
        Assert.Equal("status", Refused(() => menu.RecordAttendance(7, menu.Courses[0].Id, true, Today)).Field);

        menu.AddCourse("党史", null, 2);
        menu.Open(Rules);

        Assert.Equal(CourseMenuStatus.Open, menu.Status);
        Assert.Equal(("Study.MenuNotDrafting", "status"), Pair(Refused(() => menu.AddCourse("经济", null, 2))));
    }

    [Theory]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", false)]
    public void AddCourse_DatedInsideTheMenusYear(string date, bool accepted)
    {
        var menu = CourseMenu.Create(3, 2026);

        if (accepted)
        {
            Assert.Equal(D(date), menu.AddCourse("党史", D(date), 2).Date);
        }
        else
        {
            Assert.Equal(("Study.CourseOutsideYear", "date"), Pair(Refused(() => menu.AddCourse("党史", D(date), 2))));
        }
    }

    [Fact]
    public void AddCourse_TitleTwice_NoHours_Refused()
    {
        var menu = CourseMenu.Create(3, 2026);
        menu.AddCourse("党史", null, 2);

        Assert.Equal(("Study.CourseTwice", "title"), Pair(Refused(() => menu.AddCourse(" 党史 ", null, 2))));
        Assert.Equal("hours", Refused(() => menu.AddCourse("法治", null, 0)).Field);
        Assert.Single(menu.Courses);
    }

    [Theory]
    [InlineData("1.25", true)]
    [InlineData("1.255", false)]
    public void AddCourse_HoursToTheHundredth(string hours, bool accepted)
    {
        var menu = CourseMenu.Create(3, 2026);
        var h = decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture);

        if (accepted)
        {
            Assert.Equal(h, menu.AddCourse("党史", null, h).Hours);
        }
        else
        {
            Assert.Equal(("Study.HoursPrecision", "hours"), Pair(Refused(() => menu.AddCourse("党史", null, h))));
            Assert.Empty(menu.Courses);
        }
    }

    [Fact]
    public void AddCourse_Teacher_Optional_Trimmed_UpToTheMaximum()
    {
        var menu = CourseMenu.Create(3, 2026);

        Assert.Null(menu.AddCourse("党史", null, 2).Teacher);
        Assert.Equal("王老师", menu.AddCourse("法治", null, 2, " 王老师 ").Teacher);
        Assert.Equal(MenuCourse.MaxTeacherLength, menu.AddCourse("经济", null, 2, new string('师', MenuCourse.MaxTeacherLength)).Teacher!.Length);
        Assert.Equal("teacher", Refused(() => menu.AddCourse("文化", null, 2, new string('师', MenuCourse.MaxTeacherLength + 1))).Field);
        Assert.Equal(3, menu.Courses.Count);
    }

    [Fact]
    public void Statistics_TheSeedsFigures_721People()
    {
        var times = new Dictionary<int, int>();
        for (var p = 0; p < 721; p++)
        {
            times[p] = p < 368 ? 3 + (p % 4) : p < 578 ? 2 : p < 690 ? 1 : 0;
        }

        var s = TrainingStatistics.Of(Enumerable.Range(0, 721), times);

        // 368/721 = 51.04 %, 210/721 = 29.126 %, 112/721 = 15.53 % (the seed prints 15.2), 31/721 = 4.299 %.
        Assert.Equal(new TrainingStatistics(721, new(368, 51.0m), new(210, 29.1m), new(112, 15.5m), new(31, 4.3m)), s);
    }

    [Fact]
    public void Statistics_ThreeIsThreeOrMore_TwoIsTwoToThree_AbsentIsNever()
    {
        var s = TrainingStatistics.Of([1, 2, 3, 4], new Dictionary<int, int> { [1] = 3, [2] = 2, [3] = 1 });

        Assert.Equal(new TrainingStatistics(4, new(1, 25m), new(1, 25m), new(1, 25m), new(1, 25m)), s);
    }

    [Fact]
    public void Statistics_HalfWay_RoundsAwayFromZero_ToOneDecimal()
    {
        // 1 of 16 is exactly 6.25 %: 6.3 (banker's rounding would give 6.2); 1 of 3 is 33.3 %.
        var sixteen = TrainingStatistics.Of(Enumerable.Range(0, 16), new Dictionary<int, int> { [0] = 1 });
        var three = TrainingStatistics.Of([0, 1, 2], new Dictionary<int, int> { [0] = 5 });

        Assert.Equal(new(1, 6.3m), sixteen.Once);
        Assert.Equal(new(15, 93.8m), sixteen.Never);
        Assert.Equal(new(1, 33.3m), three.ThreeOrMore);
    }

    [Fact]
    public void Statistics_Nobody_AllZero_EachPersonOnce()
    {
        Assert.Equal(new TrainingStatistics(0, new(0, 0), new(0, 0), new(0, 0), new(0, 0)), TrainingStatistics.Of([], new Dictionary<int, int>()));
        Assert.Equal(1, TrainingStatistics.Of([5, 5], new Dictionary<int, int>()).People);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingStatistics.Of([5], new Dictionary<int, int> { [5] = -1 }));
    }

    [Fact]
    public void Attendance_OfACourseHeldToday_Accepted_OfOneTomorrow_Refused()
    {
        var menu = CourseMenu.Create(3, 2026);
        var today = menu.AddCourse("党史", Today, 3).Id;
        var tomorrow = menu.AddCourse("法治", Today.AddDays(1), 3).Id;
        menu.Open(Rules);
        menu.Pick(7, [today, tomorrow], Rules);

        Assert.Equal(("Study.InFuture", "courseId"), Pair(Refused(() => menu.RecordAttendance(7, tomorrow, true, Today))));
        menu.RecordAttendance(7, today, true, Today);

        Assert.Equal(1, menu.AttendedCount(7));
        Assert.False(menu.Picks.Single(p => p.CourseId == tomorrow).Attended);
    }

    [Fact]
    public void Attendance_OfAnUndatedCourse_Refused_TakingItBack_AlwaysAllowed()
    {
        var menu = CourseMenu.Create(3, 2026);
        var undated = menu.AddCourse("党史", null, 3).Id;
        var dated = menu.AddCourse("法治", Today, 3).Id;
        menu.Open(Rules);
        menu.Pick(7, [undated, dated], Rules);
        menu.Close();

        Assert.Equal(("Study.CourseUndated", "courseId"), Pair(Refused(() => menu.RecordAttendance(7, undated, true, Today))));
        menu.RecordAttendance(7, undated, false, Today);
        menu.RecordAttendance(7, dated, true, Today);
        Assert.Equal(1, menu.AttendedCount(7));

        // Taken back even when the clerk's day is before the course's (a correction of a wrong entry).
        menu.RecordAttendance(7, dated, false, Today.AddDays(-1));
        Assert.Equal(0, menu.AttendedCount(7));
    }

    [Fact]
    public void OfCourse_TheApprovedCourseRecordOfTheAttendedPick()
    {
        var menu = CourseMenu.Create(3, 2026);
        var course = menu.AddCourse("依法行政", D("2026-05-15"), 3.5m, "王老师");

        var r = StudyRecord.OfCourse(course, 7, 4, "李娜", Now);

        Assert.Equal(
            (7, 4, StudyKind.Course, D("2026-05-15"), 3.5m, "依法行政", course.Id, (int?)null),
            (r.PersonId, r.OrganizationId, r.Kind, r.Date!.Value, r.Hours!.Value, r.Topic, r.MenuCourseId!.Value, r.TheoryLectureId));
        Assert.Equal((true, StudyRecordStatus.Approved, "李娜", Now, "李娜", Now), (r.EnteredByClerk, r.Status, r.EnteredBy, r.EnteredAt, r.DecidedBy, r.DecidedAt));
        Assert.Equal(3.5m, r.Credits(StudyCredits.Defaults, new StudyPeriod(D("2026-01-01"), D("2026-12-31"))));
        Assert.Equal(("Study.CourseUndated", "courseId"), Pair(Refused(() => StudyRecord.OfCourse(menu.AddCourse("党史", null, 2), 7, 4, "李娜", Now))));
    }
}
