using Dangjian.Domain.Study;

namespace Dangjian.Web.Features.Study.Menu;

/// <summary>Strings of the course menu page (CourseMenuText.resx, CourseMenuText.en.resx).</summary>
public sealed class CourseMenuText;

// ---- Requests

/// <summary>A new menu of an organization for a year.</summary>
public sealed record CreateCourseMenuRequest(int? OrganizationId, int? Year);

/// <summary>A course put on a drafting menu.</summary>
public sealed record AddMenuCourseRequest(string? Title, DateOnly? Date, decimal? Hours, int? Version, string? Teacher = null);

/// <summary>Opening or closing a menu.</summary>
public sealed record CourseMenuVersionRequest(int? Version);

/// <summary>A leader's picks, replacing their earlier ones.</summary>
public sealed record PickCoursesRequest(int? PersonId, IReadOnlyList<Guid>? CourseIds, int? Version);

/// <summary>Whether a leader attended a course they picked.</summary>
public sealed record CourseAttendanceRow(int? PersonId, Guid? CourseId, bool Attended);

/// <summary>Attendance of many picks in one save.</summary>
public sealed record RecordCourseAttendanceRequest(IReadOnlyList<CourseAttendanceRow>? Rows, int? Version);

// ---- Views

public sealed record MenuCourseView(Guid Id, string Title, DateOnly? Date, decimal Hours, int Picked, int Attended, string? Teacher);

public sealed record CoursePickView(Guid CourseId, bool Attended);

/// <summary>A leader who picks from the menu, with their picks.</summary>
public sealed record MenuLeaderView(int PersonId, string Name, string OrganizationName, IReadOnlyList<CoursePickView> Picks);

/// <summary>A menu with its courses, the leaders who pick from it and the pick bounds (rule data).</summary>
public sealed record CourseMenuView(
    int Id, int OrganizationId, int Year, CourseMenuStatus Status, int MinPicks, int MaxPicks,
    IReadOnlyList<MenuCourseView> Courses, IReadOnlyList<MenuLeaderView> Leaders, int Version);

/// <summary>An organization's menu of a year (null before one is made) and whether the caller may change it.</summary>
public sealed record CourseMenusView(int OrganizationId, string OrganizationName, int Year, CourseMenuView? Menu, bool MayWrite);

/// <summary>One band of the training statistics.</summary>
public sealed record TrainingBandView(string Band, int People, decimal Percent);

/// <summary>A leader and how many courses they attended in the year.</summary>
public sealed record TrainedPersonView(int PersonId, string Name, string OrganizationName, int Times);

/// <summary>
/// The training statistics of an organization's subtree for a year in the seed's form (<see cref="TrainingStatistics"/>):
/// the bands "3 or more", "twice", "once", "never" with people and percent, and each leader's count.
/// </summary>
public sealed record TrainingStatisticsView(
    int OrganizationId, string OrganizationName, int Year, int People, IReadOnlyList<TrainingBandView> Bands, IReadOnlyList<TrainedPersonView> Leaders);
