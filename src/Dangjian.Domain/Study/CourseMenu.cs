using Dangjian.Domain.Common;

namespace Dangjian.Domain.Study;

/// <summary>
/// How many courses each leader picks from the menu, rule data: seed 004, 三 (一) 加大教育培训力度: 开展"菜单式"培训…要求每个领导干部
/// 根据年初提供的课程安排，自主选择两至三次的培训 — two to three by default.
/// </summary>
public sealed record CourseMenuRules(int MinPicks, int MaxPicks)
{
    public static CourseMenuRules Defaults { get; } = new(2, 3);

    /// <summary>Rule data an organization sets: at least one course to pick, and a maximum not below the minimum.</summary>
    public void Demand()
    {
        if (MinPicks < 1)
        {
            throw new DomainRuleException("Input.Invalid", "minPicks", "Field.Study.MinPicks");
        }

        if (MaxPicks < MinPicks)
        {
            throw new DomainRuleException("Study.MaxPicksBelowMin", "maxPicks", MinPicks);
        }
    }
}

public enum CourseMenuStatus
{
    /// <summary>Courses are being put on the menu.</summary>
    Drafting,

    /// <summary>Published: leaders pick their courses; attendance is recorded.</summary>
    Open,

    /// <summary>Picking closed; attendance is still recorded.</summary>
    Closed,
}

/// <summary>One course on the menu.</summary>
public sealed class MenuCourse
{
    public const int MaxTitleLength = 200;

    /// <summary>The longest teacher's name (授课人) kept.</summary>
    public const int MaxTeacherLength = 50;

    public Guid Id { get; set; } = Guid.NewGuid();

    public int MenuId { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateOnly? Date { get; set; }

    public decimal Hours { get; set; }

    /// <summary>Who teaches it (授课人), when known.</summary>
    public string? Teacher { get; set; }
}

/// <summary>A leader's pick of one course, and whether they attended it.</summary>
public sealed class CoursePick
{
    public int Id { get; set; }

    public int MenuId { get; set; }

    public int PersonId { get; set; }

    public Guid CourseId { get; set; }

    public bool Attended { get; set; }
}

/// <summary>
/// The annual course menu (菜单式培训, STU-6) of an organization: drafted, opened for picking (each leader picks between
/// <see cref="CourseMenuRules.MinPicks"/> and <see cref="CourseMenuRules.MaxPicks"/> courses), then closed; attendance is
/// recorded for the courses picked.
/// </summary>
public sealed class CourseMenu : IVersioned
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public int Year { get; set; }

    public CourseMenuStatus Status { get; set; }

    public List<MenuCourse> Courses { get; set; } = [];

    public List<CoursePick> Picks { get; set; } = [];

    public int Version { get; set; }

    /// <summary>A menu for a year within the sane range.</summary>
    public static CourseMenu Create(int organizationId, int year)
    {
        if (year < SaneDates.MinDay.Year || year > SaneDates.MaxDay.Year)
        {
            throw new DomainRuleException("Input.OutOfRange", "year", "Field.Study.MenuYear", SaneDates.MinDay.Year, SaneDates.MaxDay.Year);
        }

        return new() { OrganizationId = organizationId, Year = year };
    }

    /// <summary>
    /// Puts a course on the menu while drafting: a title not already on it, a day (if planned) in the menu's year, hours
    /// as a study record's session (more than 0, at most a day's, to the hundredth), and the teacher if known.
    /// </summary>
    public MenuCourse AddCourse(string title, DateOnly? date, decimal hours, string? teacher = null)
    {
        if (Status != CourseMenuStatus.Drafting)
        {
            throw new DomainRuleException("Study.MenuNotDrafting", "status");
        }

        var name = TextInput.Required(title, MenuCourse.MaxTitleLength, "title", "Field.Study.CourseTitle");
        if (Courses.Exists(c => string.Equals(c.Title, name, StringComparison.Ordinal)))
        {
            throw new DomainRuleException("Study.CourseTwice", "title");
        }

        if (date is { } d && d.Year != Year)
        {
            throw new DomainRuleException("Study.CourseOutsideYear", "date", Year);
        }

        var length = StudyRecord.SessionHours(hours, "hours");
        var who = TextInput.Optional(teacher, MenuCourse.MaxTeacherLength, "teacher", "Field.Study.CourseTeacher");
        var course = new MenuCourse { MenuId = Id, Title = name, Date = date, Hours = length, Teacher = who };
        Courses.Add(course);
        return course;
    }

    /// <summary>Publishes the menu for picking; it must offer at least as many courses as a leader must pick.</summary>
    public void Open(CourseMenuRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (Status != CourseMenuStatus.Drafting)
        {
            throw new DomainRuleException("Study.MenuNotDrafting", "status");
        }

        if (Courses.Count < rules.MinPicks)
        {
            throw new DomainRuleException("Study.MenuTooShort", "courses", rules.MinPicks);
        }

        Status = CourseMenuStatus.Open;
    }

    /// <summary>
    /// A leader's picks, replacing their earlier ones: while open, distinct courses of this menu, between the minimum
    /// and the maximum; not once they attended one of the earlier picks.
    /// </summary>
    public void Pick(int personId, IReadOnlyCollection<Guid> courseIds, CourseMenuRules rules)
    {
        ArgumentNullException.ThrowIfNull(courseIds);
        ArgumentNullException.ThrowIfNull(rules);
        if (Status != CourseMenuStatus.Open)
        {
            throw new DomainRuleException("Study.MenuNotOpen", "status");
        }

        var picked = courseIds.Distinct().ToList();
        if (picked.Count != courseIds.Count || picked.Exists(id => !Courses.Exists(c => c.Id == id)))
        {
            throw new DomainRuleException("Input.Invalid", "courseIds", "Field.Study.Courses");
        }

        if (picked.Count < rules.MinPicks || picked.Count > rules.MaxPicks)
        {
            throw new DomainRuleException("Study.PickCount", "courseIds", rules.MinPicks, rules.MaxPicks);
        }

        if (Picks.Exists(p => p.PersonId == personId && p.Attended))
        {
            throw new DomainRuleException("Study.PicksAttended", "courseIds");
        }

        Picks.RemoveAll(p => p.PersonId == personId);
        Picks.AddRange(picked.Select(id => new CoursePick { MenuId = Id, PersonId = personId, CourseId = id }));
    }

    /// <summary>Ends picking.</summary>
    public void Close()
    {
        if (Status != CourseMenuStatus.Open)
        {
            throw new DomainRuleException("Study.MenuNotOpen", "status");
        }

        Status = CourseMenuStatus.Closed;
    }

    /// <summary>
    /// Whether a leader attended a course they picked; once the menu is published. Attendance makes a study record of the
    /// course's day (<see cref="StudyRecord.OfCourse"/>), so only a course with a day on or before <paramref name="today"/>
    /// can have been attended; taking attendance back is always allowed.
    /// </summary>
    public void RecordAttendance(int personId, Guid courseId, bool attended, DateOnly today)
    {
        if (Status == CourseMenuStatus.Drafting)
        {
            throw new DomainRuleException("Study.MenuNotOpen", "status");
        }

        var pick = Picks.Find(p => p.PersonId == personId && p.CourseId == courseId)
            ?? throw new DomainRuleException("Study.NotPicked", "courseId");
        if (attended)
        {
            var day = Courses.Find(c => c.Id == courseId)?.Date ?? throw new DomainRuleException("Study.CourseUndated", "courseId");
            if (day > today)
            {
                throw new DomainRuleException("Study.InFuture", "courseId");
            }
        }

        pick.Attended = attended;
    }

    /// <summary>How many of the menu's courses the person attended.</summary>
    public int AttendedCount(int personId) => Picks.Count(p => p.PersonId == personId && p.Attended);
}
